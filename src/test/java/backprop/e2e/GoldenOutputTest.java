package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.engine.backend.Backends;
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
 *
 * <p>Every file is checked twice: under the default backend (the highest-ranked that loads,
 * openblas on a usual machine: these models' products are below its Java threshold, so the
 * numbers must be the same bytes) and with the Java reference pinned, as
 * {@code -Dbackprop.backend=java} would ({@link Backends#use}, the same call). A trace's last
 * line names the backend in use; the files were made with java.
 */
class GoldenOutputTest {
    private static final List<String> MODELS = List.of("xor", "xor-handbuilt", "encoder-838", "perceptron-and", "perceptron-or", "perceptron-xor");

    @TestFactory
    List<DynamicTest> trainAndTraceMatchTheGoldenFilesUnderTheDefaultBackend() {
        return all(null);
    }

    @TestFactory
    List<DynamicTest> trainAndTraceMatchTheGoldenFilesWithJavaPinned() {
        return all("java");
    }

    private static List<DynamicTest> all(String pinned) {
        List<DynamicTest> tests = new ArrayList<>();
        for (String m : MODELS) {
            tests.add(golden(pinned, "train-" + m + ".txt", "train", "--model", m));
            tests.add(golden(pinned, "train-" + m + ".jsonl", "train", "--model", m, "--json"));
        }
        tests.add(golden(pinned, "train-spiral-split.txt", "train", "--spec", CliRun.spec("spiral-split.json")));
        tests.add(golden(pinned, "train-maxout-dropout.txt", "train", "--spec", CliRun.spec("maxout-dropout.json")));
        tests.add(golden(pinned, "trace-xor.json", "trace", "--spec", model("xor"), "--input", "[[0,0],[0,1],[1,0],[1,1]]", "--target", "[[0],[1],[1],[0]]"));
        tests.add(golden(pinned, "trace-two-two-one.json", "trace", "--spec", CliRun.spec("two-two-one.json"), "--input", "[[0.05,0.1]]", "--target", "[[0.01]]"));
        tests.add(golden(pinned, "trace-encoder-838.json", "trace", "--spec", model("encoder-838"),
                "--input", "[[1,0,0,0,0,0,0,0],[0,0,0,1,0,0,0,0]]", "--target", "[[1,0,0,0,0,0,0,0],[0,0,0,1,0,0,0,0]]"));
        tests.add(golden(pinned, "trace-maxout-dropout.json", "trace", "--spec", CliRun.spec("maxout-dropout.json"),
                "--input", "[[1,0,0,0,0,0,0,0],[0,0,0,0,0,1,0,0]]", "--target", "[[1,0,0,0,0,0,0,0],[0,0,0,0,0,1,0,0]]"));
        tests.add(golden(pinned, "trace-xor-handbuilt.json", "trace", "--spec", model("xor-handbuilt"), "--input", "[[0,1]]", "--target", "[[1]]"));
        // Recurrent cells (2 steps, 2 units, every weight in the file): the numbers RecurrentTraceCommandTest checks by hand.
        for (String cell : List.of("lstm", "gru", "rnn")) {
            tests.add(golden(pinned, "trace-" + cell + "-by-hand.json", "trace", "--spec", CliRun.spec(cell + "-by-hand.json"),
                    "--input", "[[[0.5],[-1.0]],[[1.0],[0.25]]]", "--target", "[[[0.2],[-0.3]],[[-0.1],[0.4]]]"));
        }
        return tests;
    }

    private static String model(String name) {
        return CliRun.root().resolve("engine/src/main/resources/backprop/engine/models").resolve(name + ".json").toString();
    }

    private static DynamicTest golden(String pinned, String file, String... args) {
        return DynamicTest.dynamicTest(file + (pinned == null ? "" : " (" + pinned + ")"), () -> {
            String before = Backends.current().name();
            if (pinned != null) Backends.use(pinned);
            String inUse = Backends.current().name();
            CliRun run;
            try {
                run = CliRun.of(args);
            } finally {
                Backends.use(before);
            }
            String expected = Files.readString(CliRun.root().resolve("src/test/resources/golden").resolve(file))
                    .replace("\"backend\" : \"java\"", "\"backend\" : \"" + inUse + "\"");
            assertEquals(0, run.exitCode(), run::toString);
            // The header names the file as given; the golden files were made from the repository root.
            String out = run.out().replace(CliRun.root().toString() + "/", "");
            assertEquals(expected, out, file);
        });
    }
}
