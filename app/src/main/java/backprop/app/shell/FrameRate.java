package backprop.app.shell;

/**
 * Frames per second from pulse timestamps (nanoseconds, as an AnimationTimer gets them), averaged
 * over windows of at least half a second so the status bar does not flicker. No JavaFX here, so
 * the arithmetic is tested on its own.
 */
public final class FrameRate {
    private static final long WINDOW_NANOS = 500_000_000L;

    private long windowStart = -1;
    private int frames;
    private double fps = Double.NaN;

    /** Records one frame at {@code now}; returns true when a new average is ready. */
    public boolean frame(long now) {
        if (windowStart < 0) {
            windowStart = now;
            frames = 0;
            return false;
        }
        frames++;
        long elapsed = now - windowStart;
        if (elapsed < WINDOW_NANOS) return false;
        fps = frames * 1e9 / elapsed;
        windowStart = now;
        frames = 0;
        return true;
    }

    /** Latest average, NaN until the first window has passed. */
    public double fps() { return fps; }
}
