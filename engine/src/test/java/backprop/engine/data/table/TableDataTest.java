package backprop.engine.data.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.NetworkSpec.DatasetSpec;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Split, standardisation and targets of a prepared table, and a recorded scaling that replays exactly. */
class TableDataTest {
    @TempDir
    Path dir;

    private static Table iris() throws TableException { return TablePresets.read("iris", null, null); }

    @Test
    void theSplitIsSeededDisjointAndComplete() throws TableException {
        TableData a = TableData.of(iris(), 0.3, 9, new boolean[4], null, false), b = TableData.of(iris(), 0.3, 9, new boolean[4], null, false);
        assertArrayEquals(a.trainRows(), b.trainRows());
        assertEquals(45, a.testRows().length);
        int[] all = IntStream.concat(Arrays.stream(a.trainRows()), Arrays.stream(a.testRows())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 150).toArray(), all);
        assertArrayEquals(new float[] {0, 0, 1}, a.train().y()[a.train().size() - 1], "the last row is a virginica, one-hot");
        assertNull(TableData.of(iris(), 0, 9, new boolean[4], null, false).test());
    }

    @Test
    void standardisationUsesTheTrainingRowsOnly() throws TableException {
        boolean[] first = {true, false, false, false};
        TableData d = TableData.of(iris(), 0.3, 9, first, null, false);
        double sum = 0;
        for (int r : d.trainRows()) sum += d.table().x()[r][0];
        assertEquals(sum / d.trainRows().length, d.scaling().features().get(0).mean(), 1e-12);
        double mean = 0;
        for (float[] row : d.train().x()) mean += row[0];
        assertEquals(0, mean / d.train().size(), 1e-6, "the scaled training column has mean 0");
        assertEquals(d.table().x()[d.trainRows()[0]][1], d.train().x()[0][1], "an unscaled column stays as written");
    }

    @Test
    void aRecordedScalingReplaysTheSameNumbers() throws Exception {
        Path net = dir.resolve("net.json");
        Files.writeString(net, "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [4]},"
                + " \"layers\": [{\"type\": \"dense\", \"units\": 3, \"activation\": \"softmax\"}], \"loss\": \"cross_entropy\","
                + " \"dataset\": {\"name\": \"iris\", \"standardize\": true, \"testRatio\": 0.2}}");
        NetworkSpec spec = SpecReader.read(net);
        TableData computed = TableSource.open(spec.dataset(), net, "net.json", 42, 4, 3);
        DatasetSpec recorded = spec.dataset().withScaling(TableSource.recorded(computed));
        Path again = dir.resolve("again.json");
        Files.writeString(again, SpecWriter.toJson(spec.withDataset(recorded)));
        NetworkSpec read = SpecReader.read(again);
        assertEquals(4, read.dataset().scaling().size());
        TableData replayed = TableSource.open(read.dataset(), again, "again.json", 42, 4, 3);
        assertEquals(computed.scaling(), replayed.scaling());
        for (int r = 0; r < computed.train().size(); r++) assertArrayEquals(computed.train().x()[r], replayed.train().x()[r]);
        assertEquals(List.of("setosa", "versicolor", "virginica"), replayed.classNames());
    }

    @Test
    void twoClassesReadByOneOutputAreZeroOrOne() throws TableException {
        Table t = CsvTable.parse("t.csv", "t", "a,b\n1,no\n2,yes\n", null, null);
        TableData d = TableData.of(t, 0, 1, new boolean[1], null, true);
        assertArrayEquals(new float[] {0}, d.train().y()[0]);
        assertArrayEquals(new float[] {1}, d.train().y()[1]);
    }
}
