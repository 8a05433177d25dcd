package backprop.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 21, case 8: a long run says how far it is, on stderr, after a quiet start, at most once a second. */
class ProgressTest {
    private static final long MS = 1_000_000L;

    /** What a run of {@code epochs} epochs, each {@code msPerEpoch} long, prints with a 2 s quiet start. */
    private static String printed(int epochs, long msPerEpoch) {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), epochs, now::get, 2000 * MS);
        for (int k = 1; k <= epochs; k++) {
            now.addAndGet(msPerEpoch * MS);
            p.epoch(k);
        }
        return err.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void quietAtFirstThenOneLineASecond() {
        assertEquals("epoch 400 of 1000, 200 epochs/s\nepoch 600 of 1000, 200 epochs/s\nepoch 800 of 1000, 200 epochs/s\n"
                + "epoch 1000 of 1000, 200 epochs/s\n", printed(1000, 5));
    }

    @Test
    void aShortRunPrintsNothing() {
        assertEquals("", printed(100, 10));
    }

    @Test
    void aSlowRunShowsTheRateWithDecimals() {
        assertEquals("epoch 1 of 3, 0.33 epochs/s\nepoch 2 of 3, 0.33 epochs/s\nepoch 3 of 3, 0.33 epochs/s\n", printed(3, 3000));
    }

    @Test
    void anAnimationCountsFrames() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), 31, now::get, 2000 * MS).counting("frame");
        for (int k = 1; k <= 31; k++) {
            now.addAndGet(250 * MS);
            p.epoch(k);
        }
        String printed = err.toString().replace(System.lineSeparator(), "\n");
        assertEquals("frame 8 of 31, 4.00 frames/s\nframe 12 of 31, 4.00 frames/s\n", printed.substring(0, printed.indexOf("frame 16")));
    }
}
