package backprop.app.work;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The one way a view-model talks to the engine: commands run in the order sent on the
 * view-model's own engine thread (from {@link Workers}, so engine objects stay confined to it and
 * the math stays single-threaded and repeatable), and each command's result or failure comes back
 * on the UI executor (the FX thread in the app, the test in tests).
 *
 * <ul>
 *   <li>{@link #send} queues a command and returns at once (event handlers, playback);</li>
 *   <li>{@link #runNow} runs one after everything queued and waits for it (render, benchmarks,
 *       tests; never from an event handler);</li>
 *   <li>stale results are dropped, never shown: a result older than one already delivered (a
 *       {@code runNow} overtook queued ones, so the picture never goes back in time), and every
 *       result of commands sent before {@link #dropPending} (they belong to a network that has
 *       since been replaced).</li>
 * </ul>
 * Send, run and deliver on one thread (the UI's); only the work itself runs on the engine thread.
 */
public final class EngineWorker {
    /** What a caller does with a command's outcome: its result, or (result null) the failure. */
    @FunctionalInterface
    public interface Delivery<R> {
        void accept(R result, Throwable failure);
    }

    private static final long RUN_NOW_TIMEOUT_MINUTES = 2;

    private record Outcome<R>(R result, Throwable failure) {}

    private final ExecutorService engine;
    private final Executor ui;
    private final AtomicLong sent = new AtomicLong(), received = new AtomicLong();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private volatile long newest; // the number of the newest result delivered
    private volatile long floor;  // results of commands numbered below this are dropped

    /** A worker on a new engine thread named after {@code purpose} (see {@link Workers#newExecutor}). */
    public EngineWorker(String purpose, Executor ui) {
        this(Workers.newExecutor(purpose), ui);
    }

    /** For tests: an engine executor of their own. */
    public EngineWorker(ExecutorService engine, Executor ui) {
        this.engine = engine;
        this.ui = ui;
    }

    /** Runs {@code work} on the engine thread after everything sent before; delivers on the UI executor. */
    public <R> void send(Callable<R> work, Delivery<R> delivery) {
        long number = begin();
        try {
            engine.execute(() -> {
                Outcome<R> o = perform(work);
                ui.execute(() -> deliver(number, o, delivery));
            });
        } catch (RejectedExecutionException closed) {
            end(); // window closing: nothing more will arrive
        }
    }

    /**
     * Runs {@code work} on the engine thread after everything sent before, waits for it and
     * delivers on the calling thread before returning. Blocks: not for event handlers.
     */
    public <R> void runNow(Callable<R> work, Delivery<R> delivery) {
        long number = begin();
        Outcome<R> o;
        try {
            o = engine.submit(() -> perform(work)).get(RUN_NOW_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            o = new Outcome<>(null, new IllegalStateException("the engine did not answer: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            end();
            return;
        } catch (RejectedExecutionException closed) {
            end();
            return;
        }
        deliver(number, o, delivery);
    }

    /** Drops the results of everything sent so far: a new network replaces the one they were for. */
    public void dropPending() { floor = sent.get() + 1; }

    /** True when every command sent so far has come back (delivered or dropped). */
    public boolean idle() { return sent.get() == received.get(); }

    /** True while commands are out; follows {@link #idle()} on the delivering thread. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Stops the engine thread (window closing); queued commands never run. */
    public void shutdown() { engine.shutdownNow(); }

    private long begin() {
        long number = sent.incrementAndGet();
        busy.set(true);
        return number;
    }

    private void end() {
        received.incrementAndGet();
        busy.set(!idle());
    }

    private static <R> Outcome<R> perform(Callable<R> work) {
        try {
            return new Outcome<>(work.call(), null);
        } catch (Throwable t) { // any failure becomes the caller's message; the engine thread lives on
            return new Outcome<>(null, t);
        }
    }

    private <R> void deliver(long number, Outcome<R> o, Delivery<R> delivery) {
        end();
        if (number < floor || number <= newest) return;
        newest = number;
        delivery.accept(o.result(), o.failure());
    }
}
