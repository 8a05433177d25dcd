package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network with batchnorm and activation layers through train and trace; a batch of one refused in one line, never NaN. */
class BatchNormCommandTest {
    private static final String NET = """
            {"format": "backprop-studio.network", "version": 1, "input": {"shape": [2]}, "loss": "binary_cross_entropy", "seed": 4,
             "layers": [
               {"type": "dense", "units": 8, "activation": "identity", "initializer": "he"},
               {"type": "batchnorm"},
               {"type": "activation", "activation": "relu"},
               {"type": "dense", "units": 1, "activation": "sigmoid"}],
             "training": {"optimizer": "adam", "learningRate": 0.05, "batchSize": BATCH, "epochs": 3},
             "dataset": {"name": "circle", "samples": SAMPLES, "noise": 0.1}}
            """;

    private static Path write(Path dir, int batch, int samples) throws Exception {
        Path p = dir.resolve("bn-" + batch + "-" + samples + ".json");
        Files.writeString(p, NET.replace("BATCH", String.valueOf(batch)).replace("SAMPLES", String.valueOf(samples)));
        return p;
    }

    @Test
    void trainsAndTracesWithTheLayersOwnTensors(@TempDir Path dir) throws Exception {
        Path file = write(dir, 16, 64);
        CliRun train = CliRun.of("train", "--spec", file.toString(), "--json");
        assertEquals(0, train.exitCode(), train::toString);
        assertEquals(3, train.lines().size(), train::toString);
        assertTrue(train.lines().stream().noneMatch(l -> l.contains("NaN")), train::toString);

        CliRun trace = CliRun.of("trace", "--spec", file.toString(), "--input", "[[0.1, 0.5], [-1, 0.2], [0.3, -0.7]]", "--target", "[[1], [0], [1]]");
        assertEquals(0, trace.exitCode(), trace::toString);
        JsonNode layers = new ObjectMapper().readTree(trace.out()).get("layers");
        JsonNode bn = layers.get(1), act = layers.get(2);
        assertEquals("batchnorm", bn.get("type").asText());
        for (String f : new String[] {"gamma", "beta", "gradGamma", "gradBeta", "runningMean", "runningVar", "statistics"}) assertTrue(bn.has(f), f);
        assertEquals(8, bn.get("gamma").size());
        // normalised over the batch of three: every feature's outputs have mean β = 0
        for (int j = 0; j < 8; j++) {
            double mean = 0;
            for (int n = 0; n < 3; n++) mean += bn.get("z").get(n).get(j).asDouble() / 3;
            assertEquals(0, mean, 1e-5, "feature " + j);
        }
        assertEquals("relu", act.get("activation").asText());
        assertEquals(act.get("input"), act.get("a"), "an activation layer's a is its input");
        assertTrue(act.get("statistics").get("dead").isNumber());
    }

    @Test
    void aBatchOfOneIsRefusedInOneLine(@TempDir Path dir) throws Exception {
        Path online = write(dir, 1, 64);
        CliRun file = CliRun.of("train", "--spec", online.toString());
        assertEquals(2, file.exitCode(), file::toString);
        assertEquals(online + ": $.training.batchSize: batch norm ($.layers[1]) cannot train on one sample at a time "
                + "(the variance of one value is 0); use a batch size of at least 2, or 0 for the whole set", file.err().strip().replace("backprop-studio train: ", ""));

        // 65 samples in batches of 16 leave one sample for the last batch of each epoch
        CliRun remainder = CliRun.of("train", "--spec", write(dir, 16, 65).toString());
        assertEquals(2, remainder.exitCode(), remainder::toString);
        assertEquals(1, remainder.err().strip().lines().count(), remainder::toString);
        assertTrue(remainder.err().contains("batchnorm2: batch norm cannot train on a batch of 1 sample (the variance of one value is 0)"), remainder::toString);

        CliRun trace = CliRun.of("trace", "--spec", write(dir, 16, 64).toString(), "--input", "[[0.1, 0.5]]", "--target", "[[1]]");
        assertEquals(2, trace.exitCode(), trace::toString);
        assertTrue(trace.err().contains("batch of 1 sample") && !trace.out().contains("NaN"), trace::toString);
    }
}
