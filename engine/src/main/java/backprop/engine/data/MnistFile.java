package backprop.engine.data;

import backprop.engine.spec.Limits;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The digit file format of {@code assets/mnist/} (written by {@code assets/mnist/convert.mjs}),
 * read strictly: every field of the header is checked, then the length, then the checksum, then
 * each label, and the first problem is reported with its byte offset. Integers are big-endian.
 *
 * <pre>
 * offset 0    8 bytes   magic "BPMNIST1"
 * offset 8    uint32    N, the number of digits
 * offset 12   uint32    how many, from the first, are the training set
 * offset 16   uint16    rows;  offset 18  uint16  columns
 * offset 20   uint32    CRC-32 of every byte from offset 24 to the end
 * offset 24   N bytes   labels 0–9, then N·rows·columns bytes of pixels (0 paper … 255 ink)
 * </pre>
 */
final class MnistFile {
    private MnistFile() {}

    static final byte[] MAGIC = "BPMNIST1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 24;
    private static final int COUNT = 8, TRAIN = 12, ROWS = 16, COLS = 18, CHECKSUM = 20;

    /** The digits in {@code bytes}; {@code file} names them in messages. */
    static MnistDigits decode(String file, byte[] bytes) throws MnistException {
        if (bytes.length == 0) {
            // Said plainly: "ends after 0 bytes, inside the header" would send the reader looking for a cut.
            throw new MnistException(file, "", "the file is empty; a digit file starts with a " + HEADER + "-byte header beginning \"BPMNIST1\"");
        }
        if (bytes.length < HEADER) {
            throw new MnistException(file, at(bytes.length), "the file ends after " + bytes.length + " bytes, inside the " + HEADER
                    + "-byte header; it is truncated or not a digit file");
        }
        if (!Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new MnistException(file, at(0), "expected the magic \"BPMNIST1\" of a digit file, found the bytes " + hex(bytes, 0, MAGIC.length));
        }
        ByteBuffer b = ByteBuffer.wrap(bytes); // big-endian, like the file
        long count = Integer.toUnsignedLong(b.getInt(COUNT)), train = Integer.toUnsignedLong(b.getInt(TRAIN));
        int rows = Short.toUnsignedInt(b.getShort(ROWS)), cols = Short.toUnsignedInt(b.getShort(COLS));
        if (count < 1 || count > Limits.SAMPLES) {
            throw new MnistException(file, at(COUNT), "the header announces " + count + " digits; expected 1 to " + Limits.SAMPLES);
        }
        if (train > count) throw new MnistException(file, at(TRAIN), "the header puts " + train + " digits in the training set, but the file has only " + count);
        if (rows < 1 || rows > Limits.IMAGE_SIDE) throw new MnistException(file, at(ROWS), "images of " + rows + " rows; expected 1 to " + Limits.IMAGE_SIDE);
        if (cols < 1 || cols > Limits.IMAGE_SIDE) throw new MnistException(file, at(COLS), "images of " + cols + " columns; expected 1 to " + Limits.IMAGE_SIDE);
        long expected = HEADER + count + count * rows * cols;
        if (bytes.length < expected) {
            throw new MnistException(file, at(bytes.length), "the file ends after " + bytes.length + " bytes, but " + count + " digits of " + rows + "×" + cols
                    + " take " + expected + "; it is truncated");
        }
        if (bytes.length > expected) {
            throw new MnistException(file, at(expected), (bytes.length - expected) + " more bytes follow the last of the " + count
                    + " digits the header announces; the file is damaged or the header is wrong");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER, bytes.length - HEADER);
        long stored = Integer.toUnsignedLong(b.getInt(CHECKSUM));
        if (crc.getValue() != stored) {
            throw new MnistException(file, at(CHECKSUM) + " (the checksum)", String.format("the data's CRC-32 is %08x, but the header says %08x; "
                    + "the file is damaged", crc.getValue(), stored));
        }
        int n = (int) count;
        byte[] labels = Arrays.copyOfRange(bytes, HEADER, HEADER + n);
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new MnistException(file, at(HEADER + i), "digit " + i + " has the label " + (labels[i] & 0xff) + "; labels are 0 to 9");
            }
        }
        byte[] pixels = Arrays.copyOfRange(bytes, HEADER + n, bytes.length);
        return new MnistDigits(file, (int) train, rows, cols, labels, pixels);
    }

    /** A file of these digits, exactly as {@code convert.mjs} writes one (tests build damaged files from it). */
    static byte[] encode(int train, int rows, int cols, byte[] labels, byte[] pixels) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + labels.length + pixels.length);
        b.put(MAGIC).putInt(labels.length).putInt(train).putShort((short) rows).putShort((short) cols).putInt(0).put(labels).put(pixels);
        CRC32 crc = new CRC32();
        crc.update(b.array(), HEADER, b.capacity() - HEADER);
        b.putInt(CHECKSUM, (int) crc.getValue());
        return b.array();
    }

    private static String at(long offset) { return "byte offset " + offset; }

    private static String hex(byte[] bytes, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) s.append(i == from ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
        return s.toString();
    }
}
