package backprop.engine.backend.java;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Splits a loop over independent items (the samples of a batch) between the calling thread and
 * helper threads: {@code -Dbackprop.lanes=N} lanes in all, default 1 (everything on the caller,
 * as before).
 *
 * <p>Why the results stay bit-identical whatever N is: each item is run by exactly one thread,
 * by the same code, doing the same float operations in the same order as on one thread, and
 * callers only hand over loops whose items write disjoint memory and read nothing another item
 * writes. No sum is ever split between threads, so nothing depends on which lane finishes first.
 * The caller returns only after every lane has finished (a volatile flag, so it also sees their
 * writes).
 *
 * <p>The hand-over is built for short, frequent loops (an LSTM step over 32 samples takes tens
 * of microseconds and comes 64 times per pass): helpers spin briefly for the next loop before
 * they park, which costs far less than a thread pool's queue. One loop runs on the lanes at a
 * time; a second caller meanwhile (another thread, or a nested loop) runs its loop alone.
 */
public final class Lanes {
    private Lanes() {}

    /** How many threads share a loop, the caller included. */
    private static volatile int count = Math.max(1, Integer.getInteger("backprop.lanes", 1));

    /** About how long a waiting thread spins before it parks. */
    private static final long SPIN_NANOS = 50_000;

    private static final AtomicBoolean BUSY = new AtomicBoolean();
    private static Helper[] helpers;

    /** How many threads share a loop, the caller included. */
    public static int count() { return count; }

    /** Sets the lane count from the next loop on (tests compare 1 and 2 lanes bit for bit; normally the property sets it). */
    public static void setCount(int lanes) {
        if (lanes < 1) throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
        count = lanes;
    }

    /** body(i) for every i in [0, n), each exactly once; items [lane·n/L, (lane+1)·n/L) go to one lane of L. */
    public static void forEach(int n, IntConsumer body) {
        int lanes = Math.min(count, n);
        if (lanes < 2 || !BUSY.compareAndSet(false, true)) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        try {
            Helper[] hs = helpers(lanes - 1);
            for (int lane = 1; lane < lanes; lane++) hs[lane - 1].start(body, lane * n / lanes, (lane + 1) * n / lanes);
            for (int i = 0, end = n / lanes; i < end; i++) body.accept(i);
            Throwable failed = null;
            for (int lane = 1; lane < lanes; lane++) {
                Throwable t = hs[lane - 1].await();
                if (failed == null) failed = t;
            }
            if (failed instanceof RuntimeException e) throw e;
            if (failed instanceof Error e) throw e;
            if (failed != null) throw new IllegalStateException(failed);
        } finally {
            BUSY.set(false);
        }
    }

    /** At least {@code wanted} helpers, started on first need (only under BUSY, so one thread at a time). */
    private static Helper[] helpers(int wanted) {
        Helper[] hs = helpers == null ? new Helper[0] : helpers;
        if (hs.length < wanted) {
            Helper[] more = java.util.Arrays.copyOf(hs, wanted);
            for (int k = hs.length; k < wanted; k++) more[k] = new Helper("backprop-lane-" + (k + 1));
            helpers = hs = more;
        }
        return hs;
    }

    /** One helper thread: waits for a range of a loop, runs it, says it is done. */
    private static final class Helper implements Runnable {
        private final Thread thread;
        private volatile IntConsumer body;
        private volatile boolean done = true;
        private volatile Thread caller;
        private int from, to;
        private Throwable failure;

        Helper(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Hands over items [from, to) (the fields are written before the volatile body, so the helper sees them). */
        void start(IntConsumer loop, int from, int to) {
            this.from = from;
            this.to = to;
            this.failure = null;
            this.caller = Thread.currentThread();
            this.done = false;
            this.body = loop;
            LockSupport.unpark(thread);
        }

        /** Waits for the range handed over last; its failure, or null. */
        Throwable await() {
            long start = System.nanoTime();
            while (!done) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 100_000);
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                IntConsumer loop = waitForWork();
                try {
                    for (int i = from; i < to; i++) loop.accept(i);
                } catch (Throwable t) {
                    failure = t;
                }
                body = null;
                done = true;
                LockSupport.unpark(caller);
            }
        }

        private IntConsumer waitForWork() {
            long start = System.nanoTime();
            IntConsumer loop;
            while ((loop = body) == null) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            return loop;
        }
    }
}
