package backprop.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.math.Num;
import backprop.engine.trace.StepTrace;
import org.junit.jupiter.api.Test;

class StepFormulasTest {
    private final StepTrace trace = XorTraces.first();
    private final Timeline t = Timeline.of(trace, 1);

    @Test
    void hiddenDeltaIsWrittenInTheDecksNotationWithTheTraceNumbers() {
        TimelineStep s = t.step(t.indexOf(StepKind.DELTA, 0, 0, -1));
        Formula f = StepFormulas.of(t, s, false);
        double gp = trace.layers().get(0).gPrime()[1][0], w = trace.layers().get(1).weights()[0][0], d = trace.layers().get(1).delta()[1][0];
        assertEquals("δ_h1 = g'(a_h1) · Σ_k w_h1,k δ_k = " + Num.paren(gp) + " × (" + Num.paren(w) + " × " + Num.paren(d) + ") = "
                + Num.fmt(trace.layers().get(0).delta()[1][0]), f.text());
        assertTrue(f.tex().startsWith("\\delta_{h_{1}} = g'(a_{h_{1}})"), f.tex());
        assertEquals("δ of h1", f.shortLabel());
    }

    @Test
    void outputDeltaForSquaredErrorShowsTargetOutputAndSlope() {
        TimelineStep s = t.step(t.indexOf(StepKind.DELTA, 1, 0, -1));
        String text = StepFormulas.of(t, s, false).text();
        assertTrue(text.startsWith("δ_o = −(y − z_o) g'(a_o) = −(" + Num.fmt(trace.target()[1][0]) + " − " + Num.fmt(trace.output()[1][0]) + ")"), text);
    }

    @Test
    void everyFormulaEndsWithTheEngineValueOrAQuestionMarkWhenHidden() {
        for (TimelineStep s : t.steps()) {
            Formula shown = StepFormulas.of(t, s, false), hidden = StepFormulas.of(t, s, true);
            // "=" where the shown numbers give the shown result, "≈" where only the unrounded ones do (ShownArithmeticTest).
            assertTrue(shown.text().endsWith((shown.approximate() ? "≈ " : "= ") + Num.fmt(s.value())), shown.text());
            assertTrue(shown.tex().endsWith((shown.approximate() ? "\\approx " : "= ") + Num.tex(s.value())), shown.tex());
            assertTrue(hidden.text().endsWith("= ?"), hidden.text());
            assertTrue(!hidden.tex().endsWith(Num.tex(s.value())), hidden.tex());
        }
    }

    @Test
    void sgdUpdateSubstitutesLearningRateAndGradient() {
        TimelineStep s = t.step(t.indexOf(StepKind.UPDATE_W, 0, 1, 0));
        assertEquals("w_x1,h2 ← w_x1,h2 − η ∂R/∂w_x1,h2 = " + Num.fmt(trace.layers().get(0).weights()[0][1]) + " − 2 × "
                + Num.paren(trace.layers().get(0).gradWeights()[0][1]) + " ≈ " + Num.fmt(trace.layers().get(0).weightsAfter()[0][1]),
                StepFormulas.of(t, s, false).text());
    }
}
