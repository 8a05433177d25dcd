package backprop.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 21, case 8: a long run says how far it is, on stderr, after a quiet start, at most once a second. */
class ProgressTest {
    private static final long MS = 1_000_000L;

    @Test
    void quietAtFirstThenOneLineASecond() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), 1000, now::get, 2000 * MS);
        for (int k = 1; k <= 1000; k++) {
            now.addAndGet(5 * MS); // 200 epochs a second, 5 seconds in all
            p.epoch(k);
        }
        assertEquals("epoch 400 of 1000, 200 epochs/s\nepoch 600 of 1000, 200 epochs/s\nepoch 800 of 1000, 200 epochs/s\n"
                + "epoch 1000 of 1000, 200 epochs/s\n", err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aShortRunPrintsNothing() {
        AtomicLong now = new AtomicLong(0);
        StringWriter err = new StringWriter();
        Progress p = new Progress(new PrintWriter(err, true), 100, now::get, 2000 * MS);
        for (int k = 1; k <= 100; k++) {
            now.addAndGet(10 * MS);
            p.epoch(k);
        }
        assertEquals("", err.toString());
    }
}
