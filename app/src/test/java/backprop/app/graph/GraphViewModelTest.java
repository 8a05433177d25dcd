package backprop.app.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GraphViewModelTest {
    @Test
    void walksForwardThenBackwardOneNodeAtATime() {
        GraphViewModel vm = new GraphViewModel();
        assertEquals(8, vm.size());
        assertEquals("c = a + b = 2 + 1 = 3", vm.formulaTextProperty().get());
        assertTrue(vm.valuesTextProperty().get().contains("d = …"), vm.valuesTextProperty().get());
        vm.stepForward();
        vm.stepForward();
        assertEquals("e = c · d = 3 × 2 = 6", vm.formulaTextProperty().get());
        vm.stepForward();
        assertEquals("∂e/∂e = 1", vm.formulaTextProperty().get());
        vm.stepForward();
        assertEquals("∂e/∂d = ∂e/∂e · c = 1 × 3 = 3", vm.formulaTextProperty().get());
        vm.stepForward();
        vm.stepForward();
        assertEquals("∂e/∂b = ∂e/∂c · 1 + ∂e/∂d · 1 = 2 × 1 + 3 × 1 = 5", vm.formulaTextProperty().get());
        assertTrue(vm.explanationProperty().get().contains("add up"));
        vm.stepBack();
        assertEquals("∂e/∂c = ∂e/∂e · d = 1 × 2 = 2", vm.formulaTextProperty().get());
        vm.end();
        assertEquals("a = 2, ∂e/∂a = 2; b = 1, ∂e/∂b = 5; c = 3, ∂e/∂c = 2; d = 2, ∂e/∂d = 3; e = 6, ∂e/∂e = 1", vm.valuesTextProperty().get());
    }

    @Test
    void changingAOrBRecomputesFromTheEngine() {
        GraphViewModel vm = new GraphViewModel();
        vm.end();
        vm.aProperty().set(3);
        vm.bProperty().set(-2);
        // c = 1, d = −1, e = −1; ∂e/∂a = d = −1, ∂e/∂b = d + c = 0
        assertTrue(vm.valuesTextProperty().get().contains("e = −1"), vm.valuesTextProperty().get());
        assertTrue(vm.valuesTextProperty().get().contains("∂e/∂a = −1"));
        assertTrue(vm.valuesTextProperty().get().contains("∂e/∂b = 0"));
        assertEquals(7, vm.indexProperty().get());
    }
}
