package backprop.e2e;

import static backprop.e2e.RecurrentBadInputTest.assertCleanFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.MnistDigits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code train --digits FILE}: the user's own digit file, in the format of assets/mnist/. Every
 * damaged or wrong file is exit code 2, one line on stderr naming the file and, where the engine
 * knows it, the byte offset, and nothing on stdout. A good file of 200 digits trains.
 */
class DigitFileBadInputTest {
    /** Digits in the small file; the first {@link #TRAIN} are its training set. */
    static final int DIGITS = 200, TRAIN = 160;
    static final int HEADER = 24;

    @TempDir
    static Path dir;

    static byte[] good;

    /** The first 200 built-in digits written out again in the file format, so the test needs no fixture. */
    @BeforeAll
    static void writeSmallDigitFile() {
        MnistDigits all = MnistDigits.builtin();
        int rows = all.rows(), cols = all.cols();
        byte[] labels = new byte[DIGITS], pixels = new byte[DIGITS * rows * cols];
        for (int i = 0; i < DIGITS; i++) {
            labels[i] = (byte) all.label(i);
            for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) pixels[(i * rows + r) * cols + c] = (byte) all.pixel(i, r, c);
        }
        good = encode(TRAIN, rows, cols, labels, pixels);
    }

    /** The file format (engine MnistFile): magic, N, training count, rows, columns, CRC-32 of the rest, labels, pixels. */
    static byte[] encode(int train, int rows, int cols, byte[] labels, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + labels.length + pixels.length);
        b.put("BPMNIST1".getBytes(StandardCharsets.US_ASCII)).putInt(labels.length).putInt(train)
                .putShort((short) rows).putShort((short) cols).putInt(0).put(labels).put(pixels);
        return withChecksum(b.array());
    }

    /** The bytes with the checksum field made right again, so that a test reaches the check it aims at. */
    static byte[] withChecksum(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, bytes.length - HEADER);
        ByteBuffer.wrap(bytes).putInt(20, (int) crc.getValue());
        return bytes;
    }

    static Stream<Arguments> badFiles() {
        int size = HEADER + DIGITS + DIGITS * 28 * 28;
        byte[] truncated = Arrays.copyOf(good, 5000);
        byte[] magic = good.clone();
        magic[0] = 'X';
        byte[] noDigits = good.clone();
        ByteBuffer.wrap(noDigits).putInt(8, 0);
        byte[] label = good.clone();
        label[HEADER + 3] = 12;
        withChecksum(label);
        byte[] damaged = good.clone();
        damaged[size - 1] ^= 0x55;   // one pixel changed, the checksum left as it was
        byte[] text = "0,0,0,255,128\n1,2,3\nthese are not the digits you are looking for\n".getBytes(StandardCharsets.UTF_8);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 28, 0, 0, 0, 28, 8, 0};
        return Stream.of(
                Arguments.of("truncated.bin", truncated, "byte offset 5000: the file ends after 5000 bytes, but 200 digits of 28×28 take " + size + "; it is truncated"),
                Arguments.of("short-header.bin", Arrays.copyOf(good, 10), "byte offset 10: the file ends after 10 bytes, inside the 24-byte header"),
                Arguments.of("bad-magic.bin", magic, "byte offset 0: expected the magic \"BPMNIST1\" of a digit file, found the bytes 58 50 4d 4e 49 53 54 31"),
                Arguments.of("no-digits.bin", noDigits, "byte offset 8: the header announces 0 digits"),
                Arguments.of("bad-label.bin", label, "byte offset 27: digit 3 has the label 12; labels are 0 to 9"),
                Arguments.of("damaged.bin", damaged, "byte offset 20 (the checksum): the data's CRC-32 is"),
                Arguments.of("empty.bin", new byte[0], "the file is empty; a digit file starts with a 24-byte header"),
                Arguments.of("digits.csv", text, "byte offset 0: expected the magic \"BPMNIST1\" of a digit file, found the bytes 30 2c 30 2c"),
                Arguments.of("digit.png", png, "byte offset 0: expected the magic \"BPMNIST1\" of a digit file, found the bytes 89 50 4e 47"));
    }

    @ParameterizedTest(name = "train --model cnn-small --digits {0}")
    @MethodSource("badFiles")
    void damagedOrForeignDigitFilesAreRefused(String name, byte[] bytes, String problem) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        CliRun run = CliRun.of("train", "--model", "cnn-small", "--digits", file.toString(), "--epochs", "1");
        assertCleanFailure(run, "backprop-studio train: " + file + ": " + problem);
    }

    @Test
    void aBadDigitFileIsRefusedForANetworkFileToo() throws Exception {
        Path spec = dir.resolve("tiny-mnist.json");
        Files.writeString(spec, """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [784]}, "loss": "cross_entropy",
                 "layers": [{"type": "dense", "units": 10, "activation": "softmax"}], "dataset": {"name": "mnist"}}
                """);
        Path file = dir.resolve("spec-truncated.bin");
        Files.write(file, Arrays.copyOf(good, 100));
        assertCleanFailure(CliRun.of("train", "--spec", spec.toString(), "--digits", file.toString(), "--epochs", "1"),
                "backprop-studio train: " + file + ": byte offset 100: the file ends after 100 bytes");
    }

    @Test
    void aMissingDigitFileIsRefused() {
        Path missing = dir.resolve("no-such-digits.bin");
        assertCleanFailure(CliRun.of("train", "--model", "lenet", "--digits", missing.toString()),
                "backprop-studio train: " + missing + ": file not found");
    }

    @Test
    void aFileWithNoTrainingDigitsOrTheWrongImageSizeIsRefused() throws Exception {
        byte[] none = good.clone();
        ByteBuffer.wrap(none).putInt(12, 0);
        Path file = dir.resolve("all-held-out.bin");
        Files.write(file, none);
        assertCleanFailure(CliRun.of("train", "--model", "cnn-small", "--digits", file.toString(), "--epochs", "1"),
                file + ": byte offset 12: the header puts none of its 200 digits in the training set");
        Path small = dir.resolve("small-images.bin");
        Files.write(small, encode(4, 2, 2, new byte[] {1, 2, 3, 4}, new byte[16]));
        assertCleanFailure(CliRun.of("train", "--model", "lenet", "--digits", small.toString(), "--epochs", "1"),
                small + ": byte offset 16: its images are 2×2 = 4 pixels, but built-in model lenet reads 784 inputs per sample");
    }

    @Test
    void digitsAreRefusedForModelsThatDoNotReadDigits() {
        assertCleanFailure(CliRun.of("train", "--model", "xor", "--digits", "d.bin"),
                "--digits: built-in model xor does not train on digits");
        assertCleanFailure(CliRun.of("train", "--model", "char-lstm", "--digits", "d.bin"),
                "--digits: built-in model char-lstm does not train on digits");
        assertCleanFailure(CliRun.of("train", "--model", "perceptron-and", "--digits", "d.bin"),
                "--digits: built-in model perceptron-and does not train on digits");
    }

    @Test
    void aGoodDigitFileTrainsOneEpochOfCnnSmall() throws Exception {
        Path file = dir.resolve("first-200.bin");
        Files.write(file, good);
        CliRun run = CliRun.of("train", "--model", "cnn-small", "--digits", file.toString(), "--epochs", "1");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lines().get(0).contains("on the training digits of " + file + " (" + TRAIN + " samples)"), run::toString);
        assertTrue(run.out().contains("epoch    1  loss "), run::toString);
        assertTrue(run.out().contains("done: 1 epoch"), run::toString);
    }
}
