package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.spec.Limits;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated sequence sets: seeded, shaped as SequenceData says, and right. */
class SequenceDatasetsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"remember-first-bit", "bracket-depth"})
    void theSameSeedGivesIdenticalDataAndAnotherSeedOther(String name) {
        SequenceData a = SequenceDatasets.byName(name, 50, 12, 7), b = SequenceDatasets.byName(name, 50, 12, 7);
        assertTrue(Arrays.deepEquals(a.x(), b.x()));
        assertTrue(Arrays.deepEquals(a.y(), b.y()));
        assertFalse(Arrays.deepEquals(a.x(), SequenceDatasets.byName(name, 50, 12, 8).x()));
    }

    @Test
    void rememberFirstBitIsBitsWithOneTargetAfterTheLastStep() {
        SequenceData d = SequenceDatasets.rememberFirstBit(101, 20, 3);
        assertEquals(101, d.size());
        assertEquals(20, d.steps());
        assertEquals(1, d.features());
        assertEquals(1, d.outputs());
        assertTrue(d.lastStepOnly());
        assertEquals(List.of("bit"), d.featureNames());
        int ones = 0;
        for (int n = 0; n < d.size(); n++) {
            assertEquals(1, d.y()[n].length);
            assertEquals(d.x()[n][0][0], d.y()[n][0][0], "sequence " + n);
            for (float[] step : d.x()[n]) assertTrue(step[0] == 0f || step[0] == 1f);
            ones += (int) d.y()[n][0][0];
        }
        assertTrue(ones == 50 || ones == 51, ones + " of 101 first bits are 1");
    }

    @ParameterizedTest(name = "{0} steps")
    @ValueSource(ints = {-1, 0, 1, 101, Integer.MAX_VALUE})
    void rememberFirstBitRefusesLengthsOutsideTwoToAHundred(int steps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SequenceDatasets.rememberFirstBit(10, steps, 1));
        assertEquals("remember-first-bit: " + steps + " steps per sequence is outside the allowed range of 2 to 100 steps", e.getMessage());
    }

    @Test
    void rememberFirstBitAcceptsBothEndsOfTheRange() {
        assertEquals(2, SequenceDatasets.rememberFirstBit(4, 2, 1).steps());
        assertEquals(100, SequenceDatasets.rememberFirstBit(4, 100, 1).steps());
    }

    @Test
    void bracketDepthTargetsFollowTheBracketsWithinBounds() {
        int maxDepth = 3;
        SequenceData d = SequenceDatasets.bracketDepth(40, 30, maxDepth, 11);
        assertEquals(List.of("(", ")"), d.featureNames());
        assertEquals(2, d.features());
        assertEquals(maxDepth + 1, d.outputs());
        assertFalse(d.lastStepOnly());
        boolean reachedMax = false;
        for (int n = 0; n < d.size(); n++) {
            int depth = 0;
            assertEquals(30, d.y()[n].length);
            for (int t = 0; t < 30; t++) {
                float[] in = d.x()[n][t];
                assertEquals(1f, in[0] + in[1], "one-hot bracket at sequence " + n + ", step " + t);
                depth += in[0] == 1f ? 1 : -1;
                assertTrue(depth >= 0 && depth <= maxDepth, "depth " + depth + " at sequence " + n + ", step " + t);
                float[] want = new float[maxDepth + 1];
                want[depth] = 1f;
                assertArrayEquals(want, d.y()[n][t], "sequence " + n + ", step " + t);
                reachedMax |= depth == maxDepth;
            }
        }
        assertTrue(reachedMax, "some sequence reaches the maximum depth");
    }

    @Test
    void bracketDepthRefusesADepthBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SequenceDatasets.bracketDepth(10, 10, 0, 1));
        assertTrue(e.getMessage().startsWith("bracket-depth: a maximum depth of 0"), e.getMessage());
    }

    @Test
    void unknownNamesAreRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SequenceDatasets.byName("parity", 10, 10, 1));
        assertEquals("unknown sequence dataset 'parity' (known: remember-first-bit, bracket-depth)", e.getMessage());
    }

    @Test
    void hugeRequestsAreRefusedWithASentenceBeforeAllocating() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SequenceDatasets.bracketDepth(Limits.SAMPLES, Limits.SEQUENCE_LENGTH, 4, 1));
        assertTrue(e.getMessage().startsWith("bracket-depth: 100000 samples × 1000 steps × (2 inputs + 5 outputs) = 700000000 numbers, over the limit of "
                + Limits.SEQUENCE_VALUES), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SequenceDatasets.rememberFirstBit(Limits.SAMPLES + 1, 10, 1));
        assertTrue(e.getMessage().contains("100001 samples is outside the allowed range of 0 to " + Limits.SAMPLES), e.getMessage());
    }
}
