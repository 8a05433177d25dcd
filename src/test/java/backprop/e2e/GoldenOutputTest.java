package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The command line prints exactly what it printed before the layer-registry refactor
 * (src/test/resources/golden/README.md): same seed, same numbers, byte for byte. A refactor of
 * the engine's structure must not move a single float.
 */
class GoldenOutputTest {
    private static final List<String> MODELS = List.of("xor", "xor-handbuilt", "encoder-838", "perceptron-and", "perceptron-or", "perceptron-xor");

    @TestFactory
    List<DynamicTest> trainAndTraceMatchTheGoldenFiles() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String m : MODELS) {
            tests.add(golden("train-" + m + ".txt", "train", "--model", m));
            tests.add(golden("train-" + m + ".jsonl", "train", "--model", m, "--json"));
        }
        tests.add(golden("train-spiral-split.txt", "train", "--spec", CliRun.spec("spiral-split.json")));
        tests.add(golden("train-maxout-dropout.txt", "train", "--spec", CliRun.spec("maxout-dropout.json")));
        tests.add(golden("trace-xor.json", "trace", "--spec", model("xor"), "--input", "[[0,0],[0,1],[1,0],[1,1]]", "--target", "[[0],[1],[1],[0]]"));
        tests.add(golden("trace-two-two-one.json", "trace", "--spec", CliRun.spec("two-two-one.json"), "--input", "[[0.05,0.1]]", "--target", "[[0.01]]"));
        tests.add(golden("trace-encoder-838.json", "trace", "--spec", model("encoder-838"),
                "--input", "[[1,0,0,0,0,0,0,0],[0,0,0,1,0,0,0,0]]", "--target", "[[1,0,0,0,0,0,0,0],[0,0,0,1,0,0,0,0]]"));
        tests.add(golden("trace-maxout-dropout.json", "trace", "--spec", CliRun.spec("maxout-dropout.json"),
                "--input", "[[1,0,0,0,0,0,0,0],[0,0,0,0,0,1,0,0]]", "--target", "[[1,0,0,0,0,0,0,0],[0,0,0,0,0,1,0,0]]"));
        tests.add(golden("trace-xor-handbuilt.json", "trace", "--spec", model("xor-handbuilt"), "--input", "[[0,1]]", "--target", "[[1]]"));
        return tests;
    }

    private static String model(String name) {
        return CliRun.root().resolve("engine/src/main/resources/backprop/engine/models").resolve(name + ".json").toString();
    }

    private static DynamicTest golden(String file, String... args) {
        return DynamicTest.dynamicTest(file, () -> {
            String expected = Files.readString(CliRun.root().resolve("src/test/resources/golden").resolve(file));
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode(), run::toString);
            // The header names the file as given; the golden files were made from the repository root.
            String out = run.out().replace(CliRun.root().toString() + "/", "");
            assertEquals(expected, out, file);
        });
    }
}
