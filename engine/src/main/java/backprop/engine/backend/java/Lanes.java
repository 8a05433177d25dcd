package backprop.engine.backend.java;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * Splits a loop over independent items (the samples of a batch) between the calling thread and
 * helper threads: {@code -Dbackprop.lanes=N} lanes in all, default 1 (everything on the caller,
 * as before).
 *
 * <p>Why the results stay bit-identical whatever N is: each item is run whole by exactly one
 * thread, by the same code, doing the same float operations in the same order as on one thread,
 * and callers only hand over loops whose items write disjoint memory and read nothing another
 * item writes. No sum is ever split between threads, so nothing depends on which thread ran an
 * item or which finished first. The caller returns only after every item has finished, through
 * volatile reads, so it also sees what the helpers wrote.
 *
 * <p>The hand-over is built for short, frequent loops on a busy machine (an LSTM step over 32
 * samples takes tens of microseconds and comes 64 times per pass): threads claim small chunks
 * of items from a shared counter, so the caller simply does the whole loop itself when a helper
 * has not been scheduled in time, and withdraws the offer instead of waiting for it. Helpers
 * spin briefly for the next loop before they park. One loop runs on the lanes at a time; a
 * second caller meanwhile (another thread, or a nested loop) runs its loop alone.
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

    /** body(i) for every i in [0, n), each exactly once, on whichever lane claims it. */
    public static void forEach(int n, IntConsumer body) {
        int lanes = Math.min(count, n);
        if (lanes < 2 || !BUSY.compareAndSet(false, true)) {
            for (int i = 0; i < n; i++) body.accept(i);
            return;
        }
        try {
            Helper[] hs = helpers(lanes - 1);
            Loop loop = new Loop(body, n, Math.max(1, n / (4 * lanes)));
            for (int k = 0; k < lanes - 1; k++) hs[k].offer(loop);
            loop.run();
            for (int k = 0; k < lanes - 1; k++) hs[k].withdrawOrAwait(loop);
            Throwable failed = loop.failure;
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

    /** One loop's items, claimed a chunk at a time by whichever thread gets there first. */
    private static final class Loop {
        final IntConsumer body;
        final int n, chunk;
        final AtomicInteger next = new AtomicInteger();
        /** The first failure; the remaining items are then skipped. */
        volatile Throwable failure;

        Loop(IntConsumer body, int n, int chunk) {
            this.body = body;
            this.n = n;
            this.chunk = chunk;
        }

        void run() {
            for (int from; (from = next.getAndAdd(chunk)) < n; ) {
                try {
                    for (int i = from, to = Math.min(n, from + chunk); i < to; i++) body.accept(i);
                } catch (Throwable t) {
                    if (failure == null) failure = t;
                    next.set(n);
                }
            }
        }
    }

    /** One helper thread: takes an offered loop, claims items from it until none are left. */
    private static final class Helper implements Runnable {
        private final Thread thread;
        private final AtomicReference<Loop> offered = new AtomicReference<>();
        /** The loop this helper took, until it has finished its items (set before taking, so a caller that finds the offer gone waits for it). */
        private volatile Loop running;
        private volatile Thread caller;

        Helper(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        void offer(Loop loop) {
            caller = Thread.currentThread();
            offered.set(loop);
            LockSupport.unpark(thread);
        }

        /** Takes the offer back if this helper has not taken it yet, else waits until it has finished its items. */
        void withdrawOrAwait(Loop loop) {
            if (offered.compareAndSet(loop, null)) return;
            long start = System.nanoTime();
            while (running == loop) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.parkNanos(this, 50_000);
            }
        }

        @Override
        public void run() {
            while (true) {
                Loop loop = waitForOffer();
                running = loop;
                if (offered.compareAndSet(loop, null)) loop.run();   // else the caller withdrew it first
                running = null;
                LockSupport.unpark(caller);
            }
        }

        private Loop waitForOffer() {
            long start = System.nanoTime();
            Loop loop;
            while ((loop = offered.get()) == null) {
                if (System.nanoTime() - start < SPIN_NANOS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            return loop;
        }
    }
}
