package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static int[] labels(Dataset d) {
        int[] l = new int[d.size()];
        for (int i = 0; i < l.length; i++) l[i] = d.label(i);
        return l;
    }

    @Test
    void booleanTablesAreTheTruthTables() {
        for (Dataset d : List.of(Datasets.and(), Datasets.or(), Datasets.xor())) {
            assertEquals(4, d.size());
            assertArrayEquals(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, d.x());
        }
        assertArrayEquals(new int[] {0, 0, 0, 1}, labels(Datasets.and()));
        assertArrayEquals(new int[] {0, 1, 1, 1}, labels(Datasets.or()));
        assertArrayEquals(new int[] {0, 1, 1, 0}, labels(Datasets.xor()));
    }

    @Test
    void majorityLabelsEveryInputByCountingOnes() {
        for (int n = 1; n <= 6; n++) {
            Dataset d = Datasets.majority(n);
            assertEquals(1 << n, d.size());
            assertEquals(n, d.inputs());
            Set<String> rows = new HashSet<>();
            for (int r = 0; r < d.size(); r++) {
                int ones = 0;
                for (float v : d.x()[r]) {
                    assertTrue(v == 0f || v == 1f);
                    ones += (int) v;
                }
                rows.add(Arrays.toString(d.x()[r]));
                assertEquals(2 * ones > n ? 1 : 0, d.label(r), "majority(" + n + ") row " + Arrays.toString(d.x()[r]));
                if (n % 2 == 1) {
                    // the decks' threshold unit: step(−0.5·n + Σ x_i)
                    assertEquals(-0.5 * n + ones > 0 ? 1 : 0, d.label(r));
                }
            }
            assertEquals(1 << n, rows.size(), "every input appears once");
        }
        assertEquals(4, Arrays.stream(labels(Datasets.majority(3))).sum(), "majority of 3: half the inputs");
    }

    @Test
    void encoderIsTheEightOneHotVectorsMappedToThemselves() {
        Dataset d = Datasets.encoder838();
        assertEquals(8, d.size());
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(d.x()[i], d.y()[i]);
            for (int j = 0; j < 8; j++) assertEquals(i == j ? 1f : 0f, d.x()[i][j]);
            assertEquals(i, d.label(i));
        }
    }

    @Test
    void twoDimensionalSetsHaveTheirSizeBalanceAndRange() {
        for (String name : List.of("xor-2d", "circle", "gaussians", "spiral")) {
            for (double noise : new double[] {0, 0.5, 1}) {
                Dataset d = Datasets.byName(name, 200, noise, 7L, 0);
                assertEquals(200, d.size(), name);
                assertEquals(2, d.inputs(), name);
                assertEquals(1, d.outputs(), name);
                int positives = 0;
                for (int i = 0; i < d.size(); i++) {
                    for (float v : d.x()[i]) assertTrue(v >= -1f && v <= 1f, name + " value " + v + " outside [-1, 1]");
                    float y = d.y()[i][0];
                    assertTrue(y == 0f || y == 1f);
                    positives += d.label(i);
                }
                if (name.equals("xor-2d")) assertTrue(positives > 70 && positives < 130, name + ": " + positives + " of 200 positive");
                else assertEquals(100, positives, name + " alternates classes");
            }
        }
    }

    @Test
    void xorQuadrantLabelsFollowTheSignsWithoutNoise() {
        Dataset d = Datasets.xorQuadrants(100, 0, 3L);
        for (int i = 0; i < d.size(); i++) assertEquals(d.x()[i][0] * d.x()[i][1] < 0 ? 1 : 0, d.label(i));
    }

    @Test
    void sameSeedSameData() {
        for (String name : List.of("xor-2d", "circle", "gaussians", "spiral")) {
            Dataset a = Datasets.byName(name, 50, 0.4, 11L, 0), b = Datasets.byName(name, 50, 0.4, 11L, 0);
            assertTrue(Arrays.deepEquals(a.x(), b.x()) && Arrays.deepEquals(a.y(), b.y()), name);
            assertFalse(Arrays.deepEquals(a.x(), Datasets.byName(name, 50, 0.4, 12L, 0).x()), name + " ignores its seed");
        }
    }

    @Test
    void noiseMovesThePointsAndMoreNoiseMovesThemFurther() {
        for (String name : List.of("xor-2d", "circle", "gaussians", "spiral")) {
            float[][] clean = Datasets.byName(name, 100, 0, 5L, 0).x();
            double small = meanDistance(clean, Datasets.byName(name, 100, 0.2, 5L, 0).x());
            double large = meanDistance(clean, Datasets.byName(name, 100, 1.0, 5L, 0).x());
            assertTrue(small > 0, name + ": noise 0.2 changed nothing");
            assertTrue(large > 2 * small, name + ": noise 1.0 moved points " + large + " on average, noise 0.2 " + small);
        }
    }

    private static double meanDistance(float[][] a, float[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += Math.hypot(a[i][0] - b[i][0], a[i][1] - b[i][1]);
        return s / a.length;
    }

    @Test
    void noisySpiralsSplitIntoTrainAndTest() {
        Dataset.Split s = Datasets.spirals(200, 0.3, 2L).split(0.25, 2L);
        assertEquals(150, s.train().size());
        assertEquals(50, s.test().size());
        int positives = 0;
        for (int i = 0; i < s.test().size(); i++) positives += s.test().label(i);
        assertTrue(positives > 10 && positives < 40, "both arms in the test set: " + positives + " of 50");
    }

    @Test
    void splitIsSeededAndPartitionsTheData() {
        Dataset d = Datasets.circle(50, 0.2, 1L);
        Dataset.Split s = d.split(0.2, 9L), again = d.split(0.2, 9L);
        assertEquals(10, s.test().size());
        assertEquals(40, s.train().size());
        assertTrue(Arrays.deepEquals(s.test().x(), again.test().x()));
        Set<String> all = new HashSet<>();
        for (float[] x : s.train().x()) all.add(Arrays.toString(x));
        for (float[] x : s.test().x()) assertTrue(all.add(Arrays.toString(x)), "a test point is also in train");
        assertEquals(50, all.size());
        assertEquals(50, d.split(0, 9L).train().size());
    }

    @Test
    void byNameKnowsEveryListedNameAndRejectsOthers() {
        for (String n : Datasets.NAMES) assertTrue(Datasets.byName(n, 20, 0.1, 1L, 3).size() > 0, n);
        assertEquals(8, Datasets.byName("majority", 0, 0, 0, 3).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.byName("cifar", 1, 0, 0, 0));
        assertTrue(e.getMessage().startsWith("unknown dataset 'cifar' (known: and, or, xor"), e.getMessage());
    }
}
