package backprop.app.backprop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** What a teacher meets in the first minutes of the Backprop view (issue 16). */
@ExtendWith(ApplicationExtension.class)
class BackpropClassroomFxTest extends BackpropViewFxBase {
    private void ready() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().timeline() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensOnASampleWhoseProductsAreNotAllZero(FxRobot robot) throws Exception {
        ready();
        float[] x = view.viewModel().timeline().trace().input()[view.viewModel().sampleProperty().get()];
        for (float v : x) assertTrue(v != 0, "every input of the opening sample is non-zero");
        assertEquals("sample 4: x = (1, 1), y = 0", robot.lookup("#bp-sample").queryAs(ComboBox.class).getValue());
        assertTrue(text(robot, "#bp-formula-text").contains("× 1.0000"), text(robot, "#bp-formula-text"));
    }

    @Test
    void firstRightArrowAfterChoosingASampleSteps(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#bp-sample").clickOn("sample 3: x = (1, 0), y = 1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, view.viewModel().sampleProperty().get());
        int before = view.viewModel().indexProperty().get();
        robot.type(KeyCode.RIGHT);
        assertEquals(before + 1, view.viewModel().indexProperty().get(), "→ with the sample menu focused");
        assertEquals(2, view.viewModel().sampleProperty().get(), "→ steps instead of changing the sample");
        robot.clickOn("#bp-history");
        robot.type(KeyCode.RIGHT);
        assertEquals(before + 2, view.viewModel().indexProperty().get(), "→ with the history slider focused");
    }

    @Test
    void typingAGuessKeepsTheArrowKeys(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#bp-predict");
        robot.clickOn("#bp-guess").write("0.5");
        int before = view.viewModel().indexProperty().get();
        robot.type(KeyCode.LEFT);
        assertEquals(before, view.viewModel().indexProperty().get(), "← moves the caret in the guess field");
    }

    @Test
    void speedLabelAndLossMeaning(FxRobot robot) throws Exception {
        ready();
        assertEquals("1.5 steps/s", view.transport().speedText().get(), "the shell toolbar's speed text");
        assertEquals("1.5 steps/s", text(robot, "#bp-speed"));
        robot.interact(() -> view.transport().faster());
        assertEquals("2 steps/s", view.transport().speedText().get());
        Label history = robot.lookup("#bp-history-text").queryAs(Label.class);
        assertTrue(history.getTooltip().getText().contains("R = (1/N) Σ_n L_n"), history.getTooltip().getText());
        Point2D c = view.diagram().lossPanelCentre();
        assertNotNull(c, "the loss panel is drawn");
        String tip = view.diagram().tooltipAt(c.getX(), c.getY());
        assertNotNull(tip);
        assertTrue(tip.startsWith("Loss R:") && tip.contains("R = (1/N) Σ_n L_n"), tip);
        assertNull(view.diagram().tooltipAt(2, 2), "no loss tooltip away from the panel");
    }

    @Test
    void theDiagramStaysPutWhileTheFormulasOfAStepChange(FxRobot robot) throws Exception {
        ready();
        javafx.geometry.Bounds first = view.diagram().localToScene(view.diagram().getLayoutBounds());
        double tallest = 0, shortest = Double.MAX_VALUE;
        int steps = view.viewModel().timeline().size();
        for (int i = 1; i < steps; i++) {
            robot.interact(() -> view.transport().stepForward());
            javafx.geometry.Bounds b = view.diagram().localToScene(view.diagram().getLayoutBounds());
            assertEquals(first, b, "diagram moved at step " + (i + 1) + ": " + text(robot, "#bp-formula-text"));
            tallest = Math.max(tallest, view.formulaView().formulaHeight());
            shortest = Math.min(shortest, view.formulaView().formulaHeight());
        }
        assertTrue(tallest > shortest * 1.3, "the step has formulas of different heights: " + shortest + " to " + tallest);
    }

    @Test
    void anApproximateResultSaysSoAndHoversTheFullValues(FxRobot robot) throws Exception {
        ready();
        assertNull(view.formulaView().noteShown(), "a_h1 = 0.4623 + (−0.0064) + 0 = 0.4559 adds up: no note");
        robot.interact(() -> view.viewModel().seek(2)); // a of h2 on x = (1, 1): 0.8029 + 0.9718 + 0 is 1.7747 by hand, 1.7746 by the engine
        String text = text(robot, "#bp-formula-text");
        assertTrue(text.endsWith("≈ 1.7746"), text);
        String note = view.formulaView().noteShown();
        assertNotNull(note);
        assertTrue(note.startsWith("≈: the numbers are shown rounded") && note.contains("0.80289525 × 1 + 0.9717539 × 1 + 0 = 1.7746491"), note);
    }

    static final String XOR_2_8_1 = """
            {"format": "backprop-studio.network", "version": 1, "name": "xor-2-8-1", "input": {"shape": [2]},
             "layers": [{"type": "dense", "units": 8, "activation": "tanh", "initializer": {"type": "uniform", "scale": 1.0}},
                        {"type": "dense", "units": 1, "activation": "sigmoid", "initializer": {"type": "uniform", "scale": 1.0}}],
             "loss": "mse", "seed": 7, "training": {"optimizer": "sgd", "learningRate": 1.0, "batchSize": 0, "epochs": 10},
             "dataset": {"name": "xor"}}""";

    @Test
    void eightHiddenUnitsKeepReadableTextAndEdgeLabelsApart(FxRobot robot) throws Exception {
        ready();
        double xorFont = view.boxFontSize();
        var spec = backprop.engine.spec.SpecReader.parse(XOR_2_8_1, "xor-2-8-1.json");
        robot.interact(() -> view.prepareForExport(spec, 2, 0));
        assertTrue(view.boxFontSize() >= 12, "box text at 1280×800 with 8 hidden units: " + view.boxFontSize() + " (2-2-1: " + xorFont + ")");
        int steps = view.viewModel().timeline().size();
        for (int i = 0; i < steps; i++) {
            int at = i;
            robot.interact(() -> view.viewModel().seek(at));
            List<double[]> r = view.diagram().edgeLabelRects();
            for (int a = 0; a < r.size(); a++) {
                for (int b = a + 1; b < r.size(); b++) {
                    boolean apart = r.get(a)[0] + r.get(a)[2] <= r.get(b)[0] || r.get(b)[0] + r.get(b)[2] <= r.get(a)[0]
                            || r.get(a)[1] + r.get(a)[3] <= r.get(b)[1] || r.get(b)[1] + r.get(b)[3] <= r.get(a)[1];
                    assertTrue(apart, "edge labels " + a + " and " + b + " overlap at step " + (i + 1) + ": " + text(robot, "#bp-formula-text"));
                }
            }
        }
    }

    @Test
    void twoLayersOfEightStillShowTenPixelValues(FxRobot robot) throws Exception {
        ready();
        var spec = backprop.engine.spec.SpecReader.parse(backprop.app.timeline.ShownArithmeticTest.WIDE, "xor-2-8-8-1.json");
        robot.interact(() -> view.prepareForExport(spec, 2, 0));
        // Eight boxes a column leave about 47 px a box at 1280×800: the values were 9 px when the
        // loss panel kept a fifth of the width and boxes under half their column.
        assertTrue(view.boxFontSize() >= 10, "box text at 1280×800 with 2-8-8-1: " + view.boxFontSize());
    }

    @Test
    void exportStepIsATrainingStepAndSubstepMovesAlongIt(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> view.prepareForExport(null, 3));
        assertTrue(text(robot, "#bp-history-text").startsWith("training step 3 of 3"), text(robot, "#bp-history-text"));
        assertEquals("1 / 28", text(robot, "#bp-position"));
        robot.interact(() -> view.prepareForExport(null, 2, 9));
        assertTrue(text(robot, "#bp-history-text").startsWith("training step 2 of 2"), text(robot, "#bp-history-text"));
        assertEquals("10 / 28", text(robot, "#bp-position"));
        RuntimeException[] past = new RuntimeException[1];
        robot.interact(() -> past[0] = assertThrows(IllegalArgumentException.class, () -> view.prepareForExport(null, 0, 28)));
        assertTrue(past[0].getMessage().contains("0 to 27"), past[0].getMessage());
    }
}
