package backprop.app.recurrent;

import static backprop.app.recurrent.RecurrentText.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.layers.recurrent.CellType;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The view-model without any UI: results are applied on the calling thread. */
class RecurrentViewModelTest {
    private final RecurrentViewModel vm = new RecurrentViewModel(Runnable::run);

    @AfterEach
    void close() { vm.dispose(); }

    /** The engine's number for key at (sample, t, unit), straight from the trace tensor. */
    static float engine(LayerTrace l, String key, int n, int t, int j) {
        TraceTensor tt = l.tensor(key);
        return tt.data()[(n * tt.dim(1) + t) * tt.dim(2) + j];
    }

    @Test
    void loadsTheDefaultLstmAndReadsItsTrace() {
        vm.loadNow(RecurrentSetup.defaults());
        assertEquals("", vm.errorProperty().get());
        assertEquals(1, vm.history().size());
        assertEquals(0, vm.frame().step());
        LayerTrace l = vm.frame().layer();
        assertEquals("lstm", l.type());
        assertEquals(8, vm.sequencesProperty().get().size());
        CellReadout r = vm.readoutProperty().get();
        for (String k : new String[] {"i", "f", "o", "c_tilde", "c", "h", "pre.f"}) assertEquals(engine(l, k, 0, 0, 0), r.value(k), 0f, k);
        assertEquals(0f, r.value("c_prev"));
        assertEquals("f_t = σ(x_t U_f + h_{t−1} W_f + b_f) = σ(" + num(engine(l, "pre.f", 0, 0, 0)) + ") = " + num(engine(l, "f", 0, 0, 0)),
                vm.formulaProperty().get().text());
    }

    @Test
    void choosingStepUnitAndSequenceShowsThatPlaceOfTheTrace() {
        vm.loadNow(RecurrentSetup.defaults());
        vm.trainNow(2);
        vm.sampleProperty().set(3);
        vm.timeProperty().set(5);
        vm.unitProperty().set(6);
        LayerTrace l = vm.frame().layer();
        CellReadout r = vm.readoutProperty().get();
        assertEquals(5, r.t());
        for (String k : new String[] {"i", "f", "o", "c_tilde", "c", "h"}) assertEquals(num(engine(l, k, 3, 5, 6)), r.text(k), k);
        assertEquals(engine(l, "c", 3, 4, 6), r.value("c_prev"));
        assertEquals(engine(l, "h", 3, 4, 6), r.value("h_prev"));
        assertEquals(engine(l, "input", 3, 5, 0), r.value("x"));
        Unrolled u = vm.unrolledProperty().get();
        for (int t = 0; t < 12; t++) assertEquals(engine(l, "o", 3, t, 6), u.value("o", t, 6));
        vm.partProperty().set("c");
        assertEquals("c_t = f_t ∘ c_{t−1} + i_t ∘ c̃_t = " + RecurrentText.paren(r.value("f")) + " · " + RecurrentText.paren(r.value("c_prev")) + " + "
                + RecurrentText.paren(r.value("i")) + " · " + RecurrentText.paren(r.value("c_tilde")) + " = " + r.text("c"), vm.formulaProperty().get().text());
        vm.hoverProperty().set("o");
        assertTrue(vm.formulaProperty().get().text().startsWith("o_t = σ("));
        vm.hoverProperty().set(null);
        assertTrue(vm.formulaProperty().get().text().startsWith("c_t = "));
        assertEquals("update 2 · t = 6 of 12 · unit 7", vm.stepTextProperty().get());
    }

    @Test
    void anIndependentRunOfTheEngineGivesTheSameNumbers() {
        // The same setup run again on this thread, outside the view-model: same seed, same bits.
        RecurrentSession own = RecurrentSession.open(RecurrentSetup.defaults());
        own.frame();
        LayerTrace expected = own.train(2).get(1).layer();
        vm.loadNow(RecurrentSetup.defaults());
        vm.trainNow(2);
        vm.sampleProperty().set(5);
        vm.timeProperty().set(9);
        vm.unitProperty().set(3);
        CellReadout r = vm.readoutProperty().get();
        for (String k : new String[] {"i", "f", "o", "c_tilde", "c", "h", "pre.i", "pre.f", "pre.o", "pre.c"}) {
            assertEquals(engine(expected, k, 5, 9, 3), r.value(k), 0f, k);
        }
        assertEquals(engine(expected, "c", 5, 8, 3), r.value("c_prev"), 0f);
    }

    @Test
    void historyStepsBackAndForwardAndTrainsAtItsEnd() {
        vm.loadNow(RecurrentSetup.defaults());
        vm.trainNow(3);
        assertEquals(4, vm.history().size());
        assertEquals(3, vm.historyIndexProperty().get());
        assertEquals(3, vm.frame().step());
        assertEquals(4, vm.metricsProperty().get().size());
        vm.stepBack();
        assertEquals(2, vm.frame().step());
        vm.home();
        assertEquals(0, vm.frame().step());
        vm.end();
        assertEquals(3, vm.frame().step());
        // Each update's frame is the trace of the same sequences: the inputs agree, the gates do not.
        assertEquals(vm.history().get(0).trace().input()[2][4], vm.history().get(3).trace().input()[2][4]);
        assertTrue(engine(vm.history().get(0).layer(), "f", 0, 3, 0) != engine(vm.history().get(3).layer(), "f", 0, 3, 0));
    }

    @Test
    void forcingForgetOneAndInputZeroKeepsTheCellAtZero() {
        vm.loadNow(RecurrentSetup.defaults());
        vm.trainNow(5);
        vm.forceNow("f", 1f);
        vm.forceNow("i", 0f);
        assertEquals(Map.of("f", 1f, "i", 0f), vm.forcedProperty().get());
        assertEquals(8, vm.history().size());
        assertEquals(5, vm.frame().step());
        assertEquals(6, vm.metricsProperty().get().size()); // the re-traced frames replace their update's point
        LayerTrace l = vm.frame().layer();
        assertEquals("i = 0.0, f = 1.0", vm.frame().forced());
        Unrolled u = vm.unrolledProperty().get();
        for (int t = 0; t < 12; t++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(0f, u.value("c", t, j));
                assertEquals(1f, u.value("f", t, j));
                assertEquals(0f, u.value("i", t, j));
                assertEquals(engine(l, "c", 0, t, j), u.value("c", t, j));
            }
        }
        vm.timeProperty().set(7);
        vm.partProperty().set("f");
        assertEquals("0.000", vm.readoutProperty().get().text("c"));
        assertTrue(vm.formulaProperty().get().text().startsWith("f_t = 1.000 (forced"), vm.formulaProperty().get().text());
        // Loss and accuracy follow: the network can no longer store the bit.
        assertTrue(vm.historyTextProperty().get().contains("forced i = 0.0, f = 1.0"), vm.historyTextProperty().get());
        vm.forceNow("f", null);
        vm.forceNow("i", null);
        assertEquals("", vm.frame().forced());
    }

    @Test
    void gruAndRnnHaveTheirOwnPartsAndEquations() {
        vm.partProperty().set("c");
        vm.loadNow(RecurrentSetup.defaults().withCell(CellType.GRU).withUnits(4).withSteps(6));
        assertEquals("z", vm.partProperty().get());
        LayerTrace l = vm.frame().layer();
        vm.timeProperty().set(2);
        vm.partProperty().set("h");
        CellReadout r = vm.readoutProperty().get();
        assertEquals("h_t = (1 − z_t) ∘ h_{t−1} + z_t ∘ h̃_t = (1 − " + num(engine(l, "z", 0, 2, 0)) + ") · " + RecurrentText.paren(engine(l, "h", 0, 1, 0))
                + " + " + RecurrentText.paren(engine(l, "z", 0, 2, 0)) + " · " + RecurrentText.paren(engine(l, "h_tilde", 0, 2, 0)) + " = " + num(engine(l, "h", 0, 2, 0)),
                vm.formulaProperty().get().text());
        assertTrue(vm.formulaProperty().get().explanation().contains("weighed by z"));
        vm.partProperty().set("h_tilde");
        assertEquals("h̃_t = tanh(x_t U_h + (r_t ∘ h_{t−1}) W_h + b_h) = tanh(" + num(engine(l, "pre.h", 0, 2, 0)) + ") = " + r.text("h_tilde"),
                vm.formulaProperty().get().text());

        vm.timeProperty().set(0);
        vm.loadNow(RecurrentSetup.defaults().withCell(CellType.RNN));
        assertEquals("h", vm.partProperty().get());
        l = vm.frame().layer();
        assertEquals("h_t = tanh(x_t U + h_{t−1} W + b) = tanh(" + num(engine(l, "a", 0, 0, 0)) + ") = " + num(engine(l, "h", 0, 0, 0)),
                vm.formulaProperty().get().text());
    }

    @Test
    void everyPartsEquationBracketsOnlyNegativeFactors() {
        for (CellType cell : CellType.values()) {
            vm.loadNow(RecurrentSetup.defaults().withCell(cell).withSteps(4).withUnits(3));
            vm.trainNow(3);
            for (int t = 0; t < 4; t++) {
                vm.timeProperty().set(t);
                for (String part : CellReadout.parts(cell)) {
                    vm.partProperty().set(part);
                    var f = vm.formulaProperty().get();
                    assertTrue(!f.tex().contains("((") && !f.tex().matches(".*= \\(-[0-9.]+\\)$"), cell + " " + part + ": " + f.tex());
                    assertTrue(f.text().endsWith(vm.readoutProperty().get().text(part)) || f.text().contains("forced"),
                            cell + " " + part + ": " + f.text());
                }
            }
        }
    }

    @Test
    void theDefaultLstmLearnsToRememberTheFirstBit() {
        vm.loadNow(RecurrentSetup.defaults());
        vm.trainNow(300);
        float acc = vm.frame().metric().testAccuracy();
        System.out.println("recurrent view default LSTM, 300 updates: test accuracy " + acc);
        assertTrue(acc >= 0.9f, "test accuracy " + acc);
        assertNotNull(vm.answerTextProperty().get());
    }
}
