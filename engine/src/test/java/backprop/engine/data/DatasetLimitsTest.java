package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Limits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Issue 21, cases 1 and 8: sizes are checked before anything is allocated. */
class DatasetLimitsTest {

    @ParameterizedTest(name = "majority of {0} inputs")
    @ValueSource(ints = {0, 17, 24, 30, 31, 32, 33, 64, Integer.MAX_VALUE, -1})
    void majorityRefusesMoreInputsThanTheLimitInsteadOfWrapping(int n) {
        // 31 gave NegativeArraySizeException, 30 ran out of memory, 24 ran for minutes, 32 and 33 wrapped to 1 and 2 rows.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Datasets.majority(n));
        assertTrue(e.getMessage().contains("expected 1 to " + Limits.MAJORITY_INPUTS), e.getMessage());
    }

    @Test
    void majorityAtTheLimitIsTheFullTable() {
        assertEquals(1 << Limits.MAJORITY_INPUTS, Datasets.majority(Limits.MAJORITY_INPUTS).size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xor-2d", "and-2d", "or-2d", "circle", "gaussians", "spiral"})
    void generatedSetsRefuseMoreSamplesThanTheLimit(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Datasets.byName(name, 10_000_000, 0, 1, 2));
        assertTrue(e.getMessage().contains("10000000 samples"), e.getMessage());
        assertEquals(Limits.SAMPLES, Datasets.byName(name, Limits.SAMPLES, 0, 1, 2).size());
    }
}
