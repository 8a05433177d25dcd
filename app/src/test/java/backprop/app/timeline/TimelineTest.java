package backprop.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {
    private final StepTrace trace = XorTraces.first();

    @Test
    void countsEveryNodeLossDeltaGradientAndUpdateOfA221Net() {
        Timeline t = Timeline.of(trace, 0);
        // forward: 3 nodes × (a, z); loss; 3 δ; 6 weight + 3 bias gradients; 6 + 3 updates
        assertEquals(6 + 1 + 3 + 9 + 9, t.size());
        assertEquals(6, count(t, StepKind.FORWARD_A) + count(t, StepKind.FORWARD_Z));
        assertEquals(3, count(t, StepKind.DELTA));
        assertEquals(6, count(t, StepKind.GRAD_W));
        assertEquals(3, count(t, StepKind.UPDATE_B));
    }

    @Test
    void ordersForwardThenLossThenDeltasOutputToInputThenGradientsThenUpdates() {
        List<TimelineStep> s = Timeline.of(trace, 1).steps();
        int phase = 0;
        for (TimelineStep step : s) {
            int p = switch (step.kind()) {
                case FORWARD_A, FORWARD_Z -> 0;
                case LOSS -> 1;
                case DELTA -> 2;
                case GRAD_W, GRAD_B -> 3;
                case UPDATE_W, UPDATE_B -> 4;
            };
            assertTrue(p >= phase, "phase went back at " + step);
            phase = p;
        }
        int lastDeltaLayer = Integer.MAX_VALUE;
        for (TimelineStep step : s) {
            if (step.kind() != StepKind.DELTA) continue;
            assertTrue(step.layer() <= lastDeltaLayer, "δ must run from the output to the input");
            lastDeltaLayer = step.layer();
        }
        // within the forward phase each node's a comes right before its z, input to output
        assertEquals(StepKind.FORWARD_A, s.get(0).kind());
        assertEquals(StepKind.FORWARD_Z, s.get(1).kind());
        assertEquals(0, s.get(0).layer());
        assertEquals(1, s.get(4).layer());
    }

    @Test
    void everyValueIsTheTraceField() {
        for (int n = 0; n < trace.batchSize(); n++) {
            Timeline t = Timeline.of(trace, n);
            for (TimelineStep s : t.steps()) {
                double expected = switch (s.kind()) {
                    case FORWARD_A -> layer(s).a()[n][s.unit()];
                    case FORWARD_Z -> layer(s).z()[n][s.unit()];
                    case LOSS -> trace.loss();
                    case DELTA -> layer(s).delta()[n][s.unit()];
                    case GRAD_W -> layer(s).gradWeights()[s.from()][s.unit()];
                    case GRAD_B -> layer(s).gradBias()[s.unit()];
                    case UPDATE_W -> layer(s).weightsAfter()[s.from()][s.unit()];
                    case UPDATE_B -> layer(s).biasAfter()[s.unit()];
                };
                assertEquals(expected, s.value(), 0.0, s.toString());
                if (s.kind().forward() || s.kind() == StepKind.DELTA) assertEquals(n, s.sample());
                else assertEquals(-1, s.sample());
            }
        }
    }

    @Test
    void operandsAreTheTraceNumbersTheFormulaNeeds() {
        Timeline t = Timeline.of(trace, 2);
        TimelineStep dh1 = t.step(t.indexOf(StepKind.DELTA, 0, 0, -1));
        LayerTrace hidden = trace.layers().get(0), out = trace.layers().get(1);
        assertEquals(hidden.gPrime()[2][0], dh1.operand("gPrime"), 0.0);
        assertEquals(out.weights()[0][0], dh1.series("w")[0], 0.0);
        assertEquals(out.delta()[2][0], dh1.series("d")[0], 0.0);
        TimelineStep a = t.step(t.indexOf(StepKind.FORWARD_A, 1, 0, -1));
        assertEquals(hidden.z()[2][1], a.series("z")[1], 0.0);
        assertEquals(out.bias()[0], a.operand("b"), 0.0);
        TimelineStep g = t.step(t.indexOf(StepKind.GRAD_W, 0, 1, 0));
        assertEquals(4, g.series("z").length);
        assertEquals(trace.input()[3][0], g.series("z")[3], 0.0);
    }

    @Test
    void snapshotRevealsOnlyWhatTheTimelineHasReached() {
        Timeline t = Timeline.of(trace, 0);
        int dh1 = t.indexOf(StepKind.DELTA, 0, 0, -1);
        Snapshot before = t.snapshot(dh1 - 1, false);
        assertNull(before.delta[0][0]);
        assertEquals(trace.layers().get(1).delta()[0][0], before.delta[1][0], 0.0);
        assertNull(before.gradW[1][0][0]);
        Snapshot at = t.snapshot(dh1, false);
        assertEquals(trace.layers().get(0).delta()[0][0], at.delta[0][0], 0.0);
        assertNull(t.snapshot(dh1, true).delta[0][0], "predict mode hides the current value");
        assertEquals(trace.loss(), t.snapshot(t.size() - 1, false).loss(), 0.0);
    }

    @Test
    void rejectsASampleOutsideTheBatch() {
        assertThrows(IllegalArgumentException.class, () -> Timeline.of(trace, 4));
    }

    private LayerTrace layer(TimelineStep s) { return trace.layers().get(s.layer()); }

    private static long count(Timeline t, StepKind k) {
        return t.steps().stream().filter(s -> s.kind() == k).count();
    }
}
