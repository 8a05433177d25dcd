package backprop.engine.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void javaBackendIsListedAndAvailable() {
        List<Backends.Info> all = Backends.list();
        Backends.Info java = all.stream().filter(i -> i.name().equals("java")).findFirst().orElseThrow();
        assertTrue(java.available());
        assertFalse(java.reason().isBlank());
        assertNotNull(Backends.current());
        assertFalse(Backends.whyCurrent().isBlank());
        for (int i = 1; i < all.size(); i++) assertTrue(all.get(i - 1).rank() >= all.get(i).rank(), "listed by rank");
    }

    @Test
    void askingForAMissingBackendFallsBackToJavaAndSaysWhy() {
        try {
            Backends.use("warp-drive");
            assertEquals("java", Backends.current().name());
            assertEquals("no backend named 'warp-drive', using java", Backends.whyCurrent());
        } finally {
            Backends.use("java");
        }
        assertEquals("requested: java", Backends.whyCurrent());
    }

    @Test
    void aSwitchFromAnotherThreadWaitsForTheNextStep() throws Exception {
        String before = Backends.current().name();
        try {
            Backends.use("java");
            Backend pinned = Backends.current();
            String seenInside = Backends.pinned(b -> {
                Thread other = new Thread(() -> Backends.use("warp-drive")); // the app's setting, on its own thread
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return Backends.current() == b ? "pinned" : "switched mid-step";
            });
            assertEquals("pinned", seenInside);
            assertTrue(Backends.current() != pinned, "the switch applies after the step");
            assertTrue(Backends.switchTo("java"));
            assertFalse(Backends.switchTo("warp-drive"), "switchTo says when it fell back");
        } finally {
            Backends.use(before);
        }
    }

    /** C = alpha·op(A)·op(B) + beta·C the slow, obvious way, in double. */
    private static double[] naive(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, int lda,
                                  float[] b, int ldb, float beta, float[] c, int ldc) {
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) out[i] = c[i];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double av = ta ? a[p * lda + i] : a[i * lda + p];
                    double bv = tb ? b[j * ldb + p] : b[p * ldb + j];
                    s += av * bv;
                }
                out[i * ldc + j] = alpha * s + beta * c[i * ldc + j];
            }
        }
        return out;
    }

    private static float[] random(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = r.nextFloat() * 2 - 1;
        return x;
    }

    /** Small, odd and large shapes (the large ones reach the transposing fast path), padded strides, alpha and beta. */
    @Test
    void gemmMatchesATripleLoopForEveryTransposeCombination() {
        int[][] shapes = {{1, 1, 1}, {2, 3, 4}, {5, 1, 7}, {7, 6, 1}, {3, 70, 80}, {64, 33, 129}};
        float[][] scalars = {{1f, 0f}, {0.5f, 1f}, {-2f, 0.25f}};
        Random r = new Random(1);
        for (Backends.Info info : Backends.list()) {
            if (!info.available()) {
                System.out.println("skipping backend " + info.name() + ": " + info.reason());
                continue;
            }
            Backend be = info.provider().create();
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        for (float[] ab : scalars) {
                            int pad = 3;
                            int lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
                            float[] a = random(r, (ta ? k : m) * lda), b = random(r, (tb ? n : k) * ldb), c = random(r, m * ldc);
                            double[] want = naive(ta, tb, m, n, k, ab[0], a, lda, b, ldb, ab[1], c, ldc);
                            float[] got = c.clone();
                            be.gemm(ta, tb, m, n, k, ab[0], a, lda, b, ldb, ab[1], got, ldc);
                            String where = info.name() + " " + (ta ? "Aᵀ" : "A") + "·" + (tb ? "Bᵀ" : "B") + " " + m + "x" + n + "x" + k
                                    + " alpha " + ab[0] + " beta " + ab[1];
                            for (int i = 0; i < m; i++) {
                                for (int j = 0; j < ldc; j++) {
                                    int idx = i * ldc + j;
                                    if (j >= n) assertEquals(c[idx], got[idx], where + ": wrote into the padding");
                                    else assertEquals(want[idx], got[idx], 1e-5 * (1 + Math.abs(want[idx])) + 2e-6 * k, where + " at " + i + "," + j);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void transposedBGivesBitIdenticalResultsToAnExplicitTranspose() {
        // the backward pass's G·Wᵀ must not change any bits compared to the plain kernel
        Random r = new Random(2);
        int m = 16, n = 100, k = 64;
        float[] a = random(r, m * k), b = random(r, n * k), bt = new float[k * n];
        for (int j = 0; j < n; j++) for (int p = 0; p < k; p++) bt[p * n + j] = b[j * k + p];
        float[] viaFlag = new float[m * n], viaCopy = new float[m * n];
        JavaBackend java = new JavaBackend();
        java.gemm(false, true, m, n, k, 1f, a, k, b, k, 0f, viaFlag, n);
        java.gemm(false, false, m, n, k, 1f, a, k, bt, n, 0f, viaCopy, n);
        assertArrayEquals(viaCopy, viaFlag);
    }
}
