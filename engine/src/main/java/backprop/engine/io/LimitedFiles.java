package backprop.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a user's file whole, up to a size limit: refused before reading when it is larger, and
 * the read itself stops one byte past the limit in case the file grew meanwhile. Each problem
 * comes back as the caller's own exception (a corpus's, a digit file's), whole-file, in words.
 */
public final class LimitedFiles {
    private LimitedFiles() {}

    /** Builds the caller's exception for a problem with the whole file. */
    @FunctionalInterface
    public interface Refusal<E extends Exception> {
        E of(String problem);
    }

    /** The bytes of {@code file}; {@code what} names the kind of file in the size refusal ("a corpus"). */
    public static <E extends Exception> byte[] read(Path file, long limit, String what, Refusal<E> refuse) throws E {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limit) throw refuse.of(tooLarge(size, limit, what));
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            }
        } catch (NoSuchFileException e) {
            throw refuse.of("file not found");
        } catch (IOException e) {
            throw refuse.of("cannot read the file (" + e.getMessage() + ")");
        }
        if (bytes.length > limit) throw refuse.of(tooLarge(bytes.length, limit, what));
        return bytes;
    }

    /** "the file has 40000000 bytes, over the limit of 33554432 for a corpus". */
    public static String tooLarge(long bytes, long limit, String what) {
        return "the file has " + bytes + " bytes, over the limit of " + limit + " for " + what;
    }
}
