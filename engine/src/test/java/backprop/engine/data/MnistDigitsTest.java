package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped digits are what assets/README.md says they are; a damaged file is refused at the byte that is wrong. */
class MnistDigitsTest {

    @Test
    void theShippedFileHoldsTenThousandDigitsSplitEightToTwo() {
        MnistDigits d = MnistDigits.builtin();
        assertEquals(10_000, d.size());
        assertEquals(8_000, d.trainSize());
        assertEquals(2_000, d.testSize());
        assertEquals(28, d.rows());
        assertEquals(28, d.cols());
        // The class counts convert.mjs printed when it shuffled the package's digits with its fixed seed.
        assertArrayEquals(new int[] {818, 893, 794, 839, 767, 696, 806, 825, 779, 783}, classCounts(d, 0, 8_000));
        assertArrayEquals(new int[] {183, 234, 197, 193, 213, 167, 208, 245, 165, 195}, classCounts(d, 8_000, 10_000));
        assertTrue(MnistDigits.builtin() == d, "read once per run");
    }

    @Test
    void asDatasetsPixelsLieInZeroToOneAndLabelsAreOneHot() {
        MnistDigits d = MnistDigits.builtin();
        Dataset train = d.train(), test = d.test();
        assertEquals(8_000, train.size());
        assertEquals(2_000, test.size());
        assertEquals(784, train.inputs());
        assertEquals(10, train.outputs());
        for (int i = 0; i < test.size(); i++) {
            assertEquals(d.label(8_000 + i), test.label(i));
            assertEquals(1f, sum(test.y()[i]));
            float ink = 0;
            for (float v : test.x()[i]) {
                assertTrue(v >= 0f && v <= 1f);
                ink += v;
            }
            assertTrue(ink > 10 && ink < 400, "digit " + i + " has " + ink + " of 784 pixels' worth of ink");
        }
        assertEquals(d.pixel(5, 14, 9) / 255f, train.x()[5][14 * 28 + 9], "row by row: pixel (14, 9) is number 14·28 + 9");
        // Digits are centred in their box, as in MNIST: the border is nearly all paper.
        long inkOnBorder = 0;
        for (int i = 0; i < d.size(); i++) for (int k = 0; k < 28; k++) inkOnBorder += d.pixel(i, 0, k) + d.pixel(i, k, 0);
        assertTrue(inkOnBorder < 10_000L * 56 * 2, "mean border grey " + inkOnBorder / (10_000.0 * 56));
    }

    // ------------------------------------------------------------ damaged files

    /** Three 2×2 digits, two of them for training: small enough to damage by hand. */
    private static byte[] small() {
        return MnistFile.encode(2, 2, 2, new byte[] {3, 1, 4}, new byte[] {0, 10, 20, 30, 40, 50, 60, 70, 80, 90, (byte) 200, (byte) 255});
    }

    private static String error(byte[] bytes) {
        return assertThrows(MnistException.class, () -> MnistDigits.of("d.bin", bytes)).getMessage();
    }

    private static byte[] changed(Consumer<byte[]> change) {
        byte[] b = small();
        change.accept(b);
        return b;
    }

    @Test
    void aSoundSmallFileReadsBack() throws Exception {
        MnistDigits d = MnistDigits.of("d.bin", small());
        assertEquals(3, d.size());
        assertEquals(2, d.trainSize());
        assertEquals(4, d.label(2));
        assertEquals(255, d.pixel(2, 1, 1));
        assertArrayEquals(new float[] {80 / 255f, 90 / 255f, 200 / 255f, 1f}, d.image(2));
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, d.test().y()[0]);
    }

    @Test
    void eachDamageIsNamedWithItsByteOffset() {
        assertEquals("d.bin: byte offset 10: the file ends after 10 bytes, inside the 24-byte header; it is truncated or not a digit file",
                error(Arrays.copyOf(small(), 10)));
        assertEquals("d.bin: byte offset 0: expected the magic \"BPMNIST1\" of a digit file, found the bytes 89 50 4e 47 0d 0a 1a 0a",
                error(changed(b -> System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}, 0, b, 0, 8))));
        assertEquals("d.bin: byte offset 8: the header announces 0 digits; expected 1 to 100000", error(changed(b -> b[11] = 0)));
        assertEquals("d.bin: byte offset 12: the header puts 7 digits in the training set, but the file has only 3", error(changed(b -> b[15] = 7)));
        assertEquals("d.bin: byte offset 16: images of 0 rows; expected 1 to 1024", error(changed(b -> b[17] = 0)));
        assertEquals("d.bin: byte offset 38: the file ends after 38 bytes, but 3 digits of 2×2 take 39; it is truncated",
                error(Arrays.copyOf(small(), 38)));
        assertEquals("d.bin: byte offset 39: 2 more bytes follow the last of the 3 digits the header announces; the file is damaged or the header is wrong",
                error(Arrays.copyOf(small(), 41)));
        String crc = error(changed(b -> b[30]++));
        assertTrue(crc.startsWith("d.bin: byte offset 20 (the checksum): the data's CRC-32 is ") && crc.endsWith("; the file is damaged"), crc);
    }

    @Test
    void aLabelPastNineIsRefusedEvenWithAMatchingChecksum() {
        byte[] bad = MnistFile.encode(2, 2, 2, new byte[] {3, 12, 4}, new byte[12]);
        assertEquals("d.bin: byte offset 25: digit 1 has the label 12; labels are 0 to 9", error(bad));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) throws Exception {
        Path none = dir.resolve("none.bin");
        assertEquals(none + ": file not found", assertThrows(MnistException.class, () -> MnistDigits.read(none)).getMessage());
        Path good = dir.resolve("good.bin");
        Files.write(good, small());
        assertEquals(3, MnistDigits.read(good).size());
    }

    private static int[] classCounts(MnistDigits d, int from, int to) {
        int[] c = new int[10];
        for (int i = from; i < to; i++) c[d.label(i)]++;
        return c;
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) s += x;
        return s;
    }
}
