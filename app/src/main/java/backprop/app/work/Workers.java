package backprop.app.work;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Owner of every background thread the app starts, so closing the window stops them all.
 *
 * <p>How a view uses it: ask once, in the constructor or on first use,
 * {@code ExecutorService worker = Workers.newExecutor("playground-training");} and submit training
 * or tracing work to it; publish results back with {@code Platform.runLater}. Each executor has a
 * single daemon thread, so the engine's math stays single-threaded and bit-for-bit repeatable, and
 * a view's tasks run in the order submitted. Do not create threads or executors any other way.
 * In {@link StudioView#dispose()} a view may {@code shutdownNow()} its executor itself; the shell
 * calls {@link #shutdownAll} after disposing every view anyway (stage closed → views disposed →
 * workers shut down → {@code Platform.exit()}). Long loops should check
 * {@code Thread.currentThread().isInterrupted()} so {@code shutdownNow()} ends them promptly.
 */
public final class Workers {
    /** Every worker thread's name starts with this (tests look for leftovers by it). */
    public static final String THREAD_PREFIX = "backprop-worker-";

    private static final List<ExecutorService> executors = new ArrayList<>();
    private static final AtomicInteger threadCount = new AtomicInteger();

    private Workers() {}

    /** A new single-thread daemon executor named after {@code purpose}, tracked for shutdown. */
    public static synchronized ExecutorService newExecutor(String purpose) {
        ExecutorService ex = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + purpose + "-" + threadCount.incrementAndGet());
            t.setDaemon(true); // never keeps the JVM alive on its own
            return t;
        });
        executors.add(ex);
        return ex;
    }

    /**
     * Interrupts and stops every executor handed out so far and waits up to {@code waitMillis}
     * in total for their threads to end. Returns true if all ended in time.
     */
    public static boolean shutdownAll(long waitMillis) {
        List<ExecutorService> all;
        synchronized (Workers.class) {
            all = new ArrayList<>(executors);
            executors.clear();
        }
        all.forEach(ExecutorService::shutdownNow);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        boolean done = true;
        for (ExecutorService ex : all) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                done &= ex.awaitTermination(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return done;
    }

    /** Live worker threads right now (0 after a successful {@link #shutdownAll}). */
    public static long liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(THREAD_PREFIX))
                .count();
    }
}
