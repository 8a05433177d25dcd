package backprop.engine.backend.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every item exactly once on any lane count and with two callers at once, a failure reaches the caller, and a nested loop runs alone. */
class LanesTest {
    private final int before = Lanes.count();

    @AfterEach
    void restore() { Lanes.setCount(before); }

    @Test
    void everyItemRunsExactlyOnceWhateverTheLaneCount() {
        for (int lanes = 1; lanes <= 4; lanes++) {
            Lanes.setCount(lanes);
            for (int n : new int[] {0, 1, 2, 3, 7, 32}) {
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                for (int round = 0; round < 50; round++) Lanes.forEach(n, seen::incrementAndGet);
                for (int i = 0; i < n; i++) assertEquals(50, seen.get(i), "lanes " + lanes + ", n " + n + ", item " + i);
            }
        }
    }

    @Test
    void twoCallersAtOnceEachGetEveryItemOnce() throws Exception {
        Lanes.setCount(2);
        AtomicIntegerArray a = new AtomicIntegerArray(32), b = new AtomicIntegerArray(32);
        Thread other = new Thread(() -> {
            for (int round = 0; round < 200; round++) Lanes.forEach(32, b::incrementAndGet);
        });
        other.start();
        for (int round = 0; round < 200; round++) Lanes.forEach(32, a::incrementAndGet);
        other.join();
        for (int i = 0; i < 32; i++) {
            assertEquals(200, a.get(i), "caller 1, item " + i);
            assertEquals(200, b.get(i), "caller 2, item " + i);
        }
    }

    @Test
    void aFailureInAnItemReachesTheCaller() {
        Lanes.setCount(2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Lanes.forEach(4, i -> {
            if (i == 3) throw new IllegalStateException("item 3");
        }));
        assertEquals("item 3", e.getMessage());
        AtomicIntegerArray seen = new AtomicIntegerArray(4);
        Lanes.forEach(4, seen::incrementAndGet);   // the lanes still work afterwards
        for (int i = 0; i < 4; i++) assertEquals(1, seen.get(i));
    }

    @Test
    void aNestedLoopRunsOnItsCallersThread() {
        Lanes.setCount(2);
        AtomicIntegerArray sameThread = new AtomicIntegerArray(4 * 3);
        Lanes.forEach(4, i -> {
            Thread outer = Thread.currentThread();
            Lanes.forEach(3, j -> sameThread.set(i * 3 + j, Thread.currentThread() == outer ? 1 : 0));
        });
        for (int k = 0; k < 12; k++) assertEquals(1, sameThread.get(k));
    }

    @Test
    void aLaneCountBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Lanes.setCount(0));
    }
}
