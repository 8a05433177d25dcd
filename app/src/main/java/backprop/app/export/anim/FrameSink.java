package backprop.app.export.anim;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Where an animation's frames go, one picture (packed ARGB, row by row) at a time, all of the size
 * given at the start. {@link #finish} writes the file; nothing is written before it, so a cancelled
 * export leaves no file behind.
 */
public interface FrameSink extends AutoCloseable {
    void frame(int[] argb) throws IOException;

    /** Writes everything to {@code out} (atomically) and returns the number of frames written. */
    default int finish(Path out) throws IOException {
        return finish(out, n -> { }, () -> false);
    }

    /**
     * As {@link #finish(Path)}, telling {@code progress} how many frames are written so far; when
     * {@code cancelled} turns true it stops with a CancellationException and writes no file.
     */
    int finish(Path out, IntConsumer progress, BooleanSupplier cancelled) throws IOException;

    /** Drops what was gathered (cancel, failure); safe after {@link #finish}. */
    @Override
    void close();
}
