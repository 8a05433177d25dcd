package backprop.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * "epoch k of n, X epochs/s" on stderr while a long run trains, so a big job never looks like
 * a hang. Silent for the first seconds (short runs, and the tests, print nothing), then at most
 * one line a second. Whole lines, no carriage-return animation: stderr may be a log file.
 * Never on stdout, which golden tests compare byte for byte and {@code --json} keeps pure.
 *
 * <p>{@code -Dbackprop.progress=S} waits S seconds before the first line; {@code off} never prints.
 */
final class Progress {
    static final String PROPERTY = "backprop.progress";
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final int total;
    private final LongSupplier clock;
    private final long quiet;
    private final long start;
    private long lastLine;
    /** What is counted: "epoch" for training, "frame" for an animation. */
    private String unit = "epoch";

    Progress(PrintWriter err, int total, LongSupplier clock, long quietNanos) {
        this.err = err;
        this.total = total;
        this.clock = clock;
        this.quiet = quietNanos;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /** Progress on {@code err} with the quiet time of {@value #PROPERTY} (default 2 s); null when it is "off". */
    static Progress onStderr(PrintWriter err, int total) {
        String setting = System.getProperty(PROPERTY, "2");
        if (setting.equals("off")) return null;
        double seconds;
        try {
            seconds = Double.parseDouble(setting);
        } catch (NumberFormatException e) {
            seconds = 2;
        }
        return new Progress(err, total, System::nanoTime, (long) (seconds * SECOND));
    }

    /** The same progress counting {@code unit}s ("frame 40 of 301, 6.2 frames/s"). */
    Progress counting(String what) {
        unit = what;
        return this;
    }

    /** Called after each epoch; prints when the run has been going a while and a second has passed. */
    void epoch(int k) {
        long now = clock.getAsLong();
        if (now - start < quiet || now - lastLine < SECOND) return;
        lastLine = now;
        double rate = k / ((now - start) / (double) SECOND);
        err.println(String.format(Locale.ROOT, "%s %d of %d, %s %ss/s", unit, k, total,
                rate >= 10 ? String.valueOf(Math.round(rate)) : String.format(Locale.ROOT, "%.2f", rate), unit));
        err.flush();
    }
}
