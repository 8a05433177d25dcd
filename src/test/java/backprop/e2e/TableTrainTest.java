package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables and the generated sets beyond two classes train through {@code train --spec [--data]},
 * each from its fixed seed, to a stated result; and a network file that names its data file
 * replays bit for bit.
 */
class TableTrainTest {
    private static final Pattern TEST_ACCURACY = Pattern.compile("test accuracy ([0-9.]+)%");

    private static float lastTestAccuracy(CliRun run) {
        float last = Float.NaN;
        for (String line : run.lines()) {
            Matcher m = TEST_ACCURACY.matcher(line);
            if (m.find()) last = Float.parseFloat(m.group(1));
        }
        return last;
    }

    @Test
    void twoClassesSeparatedByACircleReach95PercentOnTheTestRows() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("circle-table.json"), "--data", CliRun.root().resolve("src/test/resources/tables/circle.csv").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(lastTestAccuracy(run) >= 95f, run::toString);
        assertTrue(run.out().contains("confusion matrix, test set (rows: true class, columns: predicted class):"), run::toString);
        assertTrue(run.out().contains("  inside "), run::toString);
    }

    @Test
    void threeArmSpiralReaches90PercentWithSoftmax() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("spiral-3.json"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("3 classes of 'class' (arm 1, arm 2, arm 3)"), run::toString);
        assertTrue(lastTestAccuracy(run) >= 90f, run::toString);
        List<String> lines = run.lines();
        int matrix = lines.indexOf("confusion matrix, test set (rows: true class, columns: predicted class):");
        assertTrue(matrix > 0, run::toString);
        assertEquals("  true \\ predicted  arm 1  arm 2  arm 3", lines.get(matrix + 1));
    }

    @Test
    void aRegressionOnSin3xReachesATestMseUnder0point005() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("formula-curve.json"));
        assertEquals(0, run.exitCode(), run::toString);
        Matcher m = Pattern.compile("test set \\(60 rows\\): mean squared error ([0-9.]+)").matcher(run.out());
        assertTrue(m.find(), run::toString);
        assertTrue(Float.parseFloat(m.group(1)) < 0.005f, run::toString);
        assertTrue(run.lines().get(2).matches("epoch    1  loss [0-9.]+  mse [0-9.]+  test mse [0-9.]+"), run::toString);
    }

    @Test
    void aNetworkFileNamingItsDataFileReplaysBitForBit() {
        CliRun first = CliRun.of("train", "--spec", CliRun.spec("circle-table.json"), "--json");
        CliRun second = CliRun.of("train", "--spec", CliRun.spec("circle-table.json"), "--json");
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals(150, first.lines().size());
        assertEquals(first.out(), second.out());
        assertTrue(first.lines().get(0).startsWith("{\"epoch\":1,\"loss\":"), first::toString);
        assertTrue(first.lines().get(0).contains("\"testAccuracy\":"), first::toString);
    }

    @Test
    void aRecordedScalingIsUsedAsWritten(@TempDir Path dir) throws IOException {
        Path spec = dir.resolve("scaled.json");
        Files.writeString(spec, Files.readString(Path.of(CliRun.spec("circle-table.json")))
                .replace("\"standardize\": true", "\"scaling\": {\"x\": {\"mean\": 10, \"std\": 2}, \"y\": {\"mean\": -3, \"std\": 2}}")
                .replace("../tables/circle.csv", CliRun.root().resolve("src/test/resources/tables/circle.csv").toString()));
        CliRun run = CliRun.of("train", "--spec", spec.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("; standardised: x (mean 10.0000, std 2.00000), y (mean -3.00000, std 2.00000)"), run::toString);
        assertTrue(lastTestAccuracy(run) >= 95f, run::toString);
    }

    @Test
    void theShippedTablesTrain() {
        CliRun iris = CliRun.of("train", "--spec", CliRun.spec("iris.json"));
        assertEquals(0, iris.exitCode(), iris::toString);
        assertTrue(iris.out().contains("iris: 4 features, 3 classes of 'species' (setosa, versicolor, virginica); 105 rows to train on, 45 to test"), iris::toString);
        assertTrue(lastTestAccuracy(iris) >= 90f, iris::toString);
        CliRun cars = CliRun.of("train", "--spec", CliRun.spec("cars.json"));
        assertEquals(0, cars.exitCode(), cars::toString);
        Matcher m = Pattern.compile("test set \\(10 rows\\): mean squared error ([0-9.]+)").matcher(cars.out());
        assertTrue(m.find(), cars::toString);
        // The least-squares line through all 50 cars leaves a mean squared error of 227 ft²; the network on the ten held out stays under 250.
        assertTrue(Float.parseFloat(m.group(1)) < 250f, cars::toString);
        CliRun embedded = CliRun.of("train", "--spec", CliRun.spec("embedded-table.json"));
        assertEquals(0, embedded.exitCode(), embedded::toString);
        assertTrue(embedded.out().contains("table: 2 features, 3 classes of 'colour' (blue, green, red); 9 rows to train on, 0 to test"), embedded::toString);
    }
}
