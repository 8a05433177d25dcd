package backprop.engine.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * The child process of {@link AtomicFilesCrashTest}: saves the same file over and over through
 * {@link AtomicFiles} until it is killed. Each content is a generation number, a length, a body
 * and a CRC-32 of all before it, so a reader can tell a whole file from a torn one.
 */
public final class AtomicWriteChild {
    static final int BODY = 1 << 20;

    private AtomicWriteChild() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        System.out.println("ready");
        System.out.flush();
        for (long generation = 1; ; generation++) {
            AtomicFiles.write(target, content(generation));
            if (generation == 1) {
                System.out.println("saved"); // the parent may wait for one whole save before its kill
                System.out.flush();
            }
        }
    }

    static byte[] content(long generation) {
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + BODY + 8);
        b.putLong(generation).putInt(BODY);
        for (int i = 0; i < BODY; i++) b.put((byte) (generation * 31 + i));
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 12 + BODY);
        b.putLong(crc.getValue());
        return b.array();
    }

    /** The generation a file holds, or -1 if it is not one whole content. */
    static long generationOf(byte[] bytes) {
        if (bytes.length != 8 + 4 + BODY + 8) return -1;
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long generation = b.getLong();
        if (b.getInt() != BODY) return -1;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 12 + BODY);
        b.position(12 + BODY);
        return b.getLong() == crc.getValue() ? generation : -1;
    }
}
