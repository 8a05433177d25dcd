package backprop.app.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine-worker protocol every view-model uses, without JavaFX: this test is the UI thread. */
class EngineWorkerTest {
    private final LinkedBlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final EngineWorker worker = new EngineWorker(Executors.newSingleThreadExecutor(), ui::add);
    private final List<String> delivered = new ArrayList<>();

    @AfterEach
    void stop() { worker.shutdown(); }

    private void settle() throws InterruptedException {
        while (!worker.idle()) {
            Runnable r = ui.poll(30, TimeUnit.SECONDS);
            assertNotNull(r, "the engine answered");
            r.run();
        }
    }

    private void record(String result, Throwable failure) {
        delivered.add(failure != null ? "failed: " + failure.getMessage() : result);
    }

    @Test
    void commandsRunInOrderOnTheEngineThreadAndComeBackOnTheUi() throws Exception {
        Thread test = Thread.currentThread();
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int n = i;
            worker.send(() -> { threads.add(Thread.currentThread() == test ? "ui" : "engine"); return "r" + n; }, this::record);
        }
        assertTrue(worker.busyProperty().get());
        settle();
        assertEquals(List.of("r0", "r1", "r2"), delivered);
        assertEquals(List.of("engine", "engine", "engine"), threads);
        assertFalse(worker.busyProperty().get());
    }

    @Test
    void aFailureIsDeliveredAndTheEngineThreadLivesOn() throws Exception {
        worker.send(() -> { throw new IllegalArgumentException("bad layer"); }, this::record);
        worker.send(() -> "after", this::record);
        settle();
        assertEquals(List.of("failed: bad layer", "after"), delivered);
    }

    @Test
    void runNowOvertakesQueuedResultsWhichAreThenDroppedAsStale() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        worker.send(() -> { hold.await(); return "queued"; }, this::record);
        hold.countDown();
        worker.runNow(() -> "now", this::record);
        assertEquals(List.of("now"), delivered, "runNow delivers before returning");
        settle();
        assertEquals(List.of("now"), delivered, "the older result never replaces a newer one");
        assertTrue(worker.idle());
    }

    @Test
    void dropPendingDropsEveryResultOfCommandsSentBefore() throws Exception {
        worker.send(() -> "old network", this::record);
        worker.send(() -> "old network trained", this::record);
        worker.dropPending();
        worker.send(() -> "new network", this::record);
        settle();
        assertEquals(List.of("new network"), delivered);
    }

    @Test
    void afterShutdownNothingIsSentAndTheWorkerCountsAsIdle() {
        worker.shutdown();
        worker.send(() -> "late", this::record);
        worker.runNow(() -> "late", this::record);
        assertTrue(worker.idle());
        assertEquals(List.of(), delivered);
    }

    @Test
    void runningOutOfMemoryInACommandIsItsFailureInOneLineAndTheEngineThreadGoesOn() throws Exception {
        worker.send(() -> { throw new OutOfMemoryError("Java heap space"); }, (String r, Throwable failure) ->
                delivered.add(ProblemText.line("big.json", failure)));
        worker.send(() -> { throw new IllegalStateException(); }, (String r, Throwable failure) -> delivered.add(ProblemText.line(null, failure)));
        worker.send(() -> "still here", this::record);
        settle();
        assertEquals(List.of("big.json: the network did not fit in memory; use fewer units or samples",
                "unexpected IllegalStateException (please report it)", "still here"), delivered);
    }
}
