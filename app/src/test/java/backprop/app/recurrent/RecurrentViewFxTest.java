package backprop.app.recurrent;

import static backprop.app.recurrent.RecurrentText.num;
import static backprop.app.recurrent.RecurrentViewModelTest.engine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.theme.Styles;
import backprop.engine.layers.recurrent.CellType;
import backprop.engine.trace.LayerTrace;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The view alone in a 1280×800 stage, driven with clicks: what the cell diagram and the
 * unrolled timeline draw must be the engine's trace at the chosen update, sequence, step and
 * unit, and forcing gates must show in both.
 */
@ExtendWith(ApplicationExtension.class)
class RecurrentViewFxTest {
    private static final List<String> LSTM_PARTS = List.of("f", "i", "o", "c_tilde", "c", "h", "h_prev", "c_prev", "x");
    private RecurrentView view;

    @BeforeEach
    void showView() throws Exception {
        FxToolkit.setupStage(stage -> {
            view = new RecurrentView();
            stage.setScene(new Scene((Parent) view.root(), 1280, 800));
            stage.show();
        });
        waitIdle(1);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupStage(stage -> view.dispose());
    }

    private RecurrentViewModel vm() { return view.viewModel(); }

    private void waitIdle(int frames) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().history().size() >= frames && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The diagram shows, for every part, the engine's number at (sequence n, step t, unit j) of the frame shown. */
    private void assertDiagramShows(int n, int t, int j) {
        LayerTrace l = vm().frame().layer();
        for (String p : LSTM_PARTS) {
            float expected = switch (p) {
                case "x" -> engine(l, "input", n, t, 0);
                case "h_prev" -> t == 0 ? 0f : engine(l, "h", n, t - 1, j);
                case "c_prev" -> t == 0 ? 0f : engine(l, "c", n, t - 1, j);
                default -> engine(l, p, n, t, j);
            };
            assertEquals(num(expected), view.diagram().shownText(p), p + " at t = " + (t + 1) + ", unit " + (j + 1));
        }
    }

    private void assertTimelineShows(int n, String... keys) {
        LayerTrace l = vm().frame().layer();
        for (String k : keys) {
            for (int t = 0; t < 12; t++) for (int j = 0; j < 8; j++) {
                assertEquals(engine(l, k, n, t, j), view.timeline().shownValue(k, t, j), k + " at " + t + ", " + j);
            }
        }
    }

    private static String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    @Test
    void stepsTheCellAndTheTimelineThroughTheEnginesTrace(FxRobot robot) throws Exception {
        assertDiagramShows(0, 0, 0);
        assertTimelineShows(0, "f", "i", "o", "c_tilde", "c", "h");
        LayerTrace l = vm().frame().layer();
        assertEquals("f_t = σ(x_t U_f + h_{t−1} W_f + b_f) = σ(" + num(engine(l, "pre.f", 0, 0, 0)) + ") = " + num(engine(l, "f", 0, 0, 0)),
                text(robot, "#rec-formula-text"));

        // Train one update: the shown numbers are the new trace's.
        robot.clickOn("#rec-step-forward");
        waitIdle(2);
        assertEquals(1, vm().frame().step());
        assertDiagramShows(0, 0, 0);

        // Another time step (the slider), unit (the drop-down) and sequence.
        robot.interact(() -> robot.lookup("#rec-time").queryAs(Slider.class).setValue(6));
        robot.clickOn("#rec-unit").clickOn("unit 3");
        robot.clickOn("#rec-sample").clickOn(vm().sequencesProperty().get().get(2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, vm().timeProperty().get());
        assertDiagramShows(2, 5, 2);
        assertTimelineShows(2, "f", "c", "h");
        assertEquals("t = 6 of 12", text(robot, "#rec-time-text"));

        // Clicking a cell of the timeline selects its step and unit.
        robot.clickOn(view.timeline().localToScreen(view.timeline().cellCentre(8, 4)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(8, vm().timeProperty().get());
        assertEquals(4, vm().unitProperty().get());
        assertDiagramShows(2, 8, 4);

        // Pointing at a part shows its equation; clicking keeps it.
        Point2D c = view.diagram().centreOf("c").orElseThrow();
        robot.clickOn(view.diagram().localToScreen(c));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("c", vm().partProperty().get());
        assertTrue(text(robot, "#rec-formula-text").startsWith("c_t = f_t ∘ c_{t−1} + i_t ∘ c̃_t = "), text(robot, "#rec-formula-text"));
        assertTrue(text(robot, "#rec-formula-text").endsWith(" = " + view.diagram().shownText("c")));
        screenshot(robot, "recurrent-c");
        Point2D o = view.diagram().centreOf("o").orElseThrow();
        robot.moveTo(view.diagram().localToScreen(o));
        WaitForAsyncUtils.waitForFxEvents();
        l = vm().frame().layer();
        assertEquals("o_t = σ(x_t U_o + h_{t−1} W_o + b_o) = σ(" + num(engine(l, "pre.o", 2, 8, 4)) + ") = " + num(engine(l, "o", 2, 8, 4)),
                text(robot, "#rec-formula-text"));

        // Back in the history: the first frame's numbers again.
        robot.clickOn("#rec-step-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, vm().frame().step());
        assertDiagramShows(2, 8, 4);
        assertTrue(text(robot, "#rec-history-text").startsWith("after 0 updates"), text(robot, "#rec-history-text"));
    }

    @Test
    void forcingForgetOneAndInputZeroHoldsTheCellAtZero(FxRobot robot) throws Exception {
        robot.clickOn("#rec-force-f-1");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().frame().forced().contains("f = 1.0") && !vm().busyProperty().get());
        robot.clickOn("#rec-force-i-0");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().frame().forced().contains("i = 0.0") && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        for (int t = 0; t < 12; t++) for (int j = 0; j < 8; j++) {
            assertEquals(0f, view.timeline().shownValue("c", t, j));
            assertEquals(0f, view.timeline().shownValue("h", t, j));
            assertEquals(1f, view.timeline().shownValue("f", t, j));
            assertEquals(0f, view.timeline().shownValue("i", t, j));
        }
        robot.interact(() -> vm().timeProperty().set(7));
        assertEquals("0.000", view.diagram().shownText("c"));
        assertEquals("0.000", view.diagram().shownText("c_prev"));
        assertEquals("1.000", view.diagram().shownText("f"));
        assertEquals("0.000", view.diagram().shownText("i"));
        assertTrue(text(robot, "#rec-formula-text").startsWith("f_t = 1.000 (forced"), text(robot, "#rec-formula-text"));
        assertTrue(text(robot, "#rec-history-text").contains("forced i = 0.0, f = 1.0"), text(robot, "#rec-history-text"));

        // Training with the gates forced: the network cannot carry the bit, the test accuracy stays at chance.
        robot.interact(() -> vm().trainNow(60));
        WaitForAsyncUtils.waitForFxEvents();
        float acc = vm().frame().metric().testAccuracy();
        assertTrue(acc < 0.6f, "forced f = 1, i = 0: accuracy " + acc);
        assertEquals(0f, view.timeline().shownValue("c", 11, 3));
        screenshot(robot, "recurrent-forced");

        // Computed again.
        robot.clickOn("#rec-force-i-auto");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm().frame().forced().contains("i") && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertDiagramShows(0, 7, 0);
    }

    @Test
    void switchingTheCellRedrawsAnotherRealDiagram(FxRobot robot) throws Exception {
        robot.clickOn("#rec-cell-gru");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().frame() != null && vm().frame().layer().type().equals("gru") && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        LayerTrace l = vm().frame().layer();
        for (String k : List.of("z", "r", "h_tilde", "h")) assertEquals(num(engine(l, k, 0, 0, 0)), view.diagram().shownText(k), k);
        assertTrue(robot.lookup("#rec-gru-note").queryAs(Label.class).isVisible());
        assertEquals(CellEquations.GRU_CONVENTION, text(robot, "#rec-gru-note"));
        screenshot(robot, "recurrent-gru");
        assertTrue(robot.lookup("#rec-force-z-1").tryQuery().isPresent());
        assertFalse(robot.lookup("#rec-force-f-1").tryQuery().isPresent());
        assertEquals(0f + engine(l, "z", 0, 5, 7), view.timeline().shownValue("z", 5, 7));

        robot.clickOn("#rec-cell-rnn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().frame() != null && vm().frame().layer().type().equals("rnn") && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        l = vm().frame().layer();
        assertEquals(num(engine(l, "h", 0, 0, 0)), view.diagram().shownText("h"));
        assertFalse(robot.lookup("#rec-gru-note").queryAs(Label.class).isVisible());
        screenshot(robot, "recurrent-rnn");
        assertEquals(CellType.RNN, vm().setupProperty().get().cell());
    }

    /** With -Drec.screens=DIR, a picture of the view as the test left it (for looking, not asserting). */
    private void screenshot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("rec.screens");
        if (dir == null || dir.isBlank()) return;
        java.util.concurrent.FutureTask<javafx.scene.image.WritableImage> task = new java.util.concurrent.FutureTask<>(() -> view.root().snapshot(null, null));
        javafx.application.Platform.runLater(task);
        backprop.app.export.PngFiles.write(task.get(30, TimeUnit.SECONDS), java.nio.file.Path.of(dir, name + ".png"));
    }

    @Test
    void aLongSequenceKeepsOneColumnPerStep(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#rec-steps").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(30));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().frame() != null && vm().setupProperty().get().steps() == 30
                && vm().frame().layer().attributes().get("steps").equals("30") && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(view.timeline().localToScreen(view.timeline().cellCentre(29, 7)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(29, vm().timeProperty().get());
        assertEquals("t = 30 of 30", text(robot, "#rec-time-text"));
        LayerTrace l = vm().frame().layer();
        assertEquals(engine(l, "c", 0, 29, 7), view.timeline().shownValue("c", 29, 7));
        assertDiagramShows(0, 29, 7);
        screenshot(robot, "recurrent-t30");
    }

    @Test
    void playTrainsAndPauses(FxRobot robot) throws Exception {
        robot.interact(() -> vm().speedProperty().set(RecurrentViewModel.SPEEDS.length - 1));
        robot.clickOn("#rec-play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm().history().size() >= 6);
        robot.clickOn("#rec-play");
        assertFalse(view.transport().playingProperty().get());
        waitIdle(6);
        int frames = vm().history().size();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(frames, vm().history().size());
        assertEquals(frames - 1, vm().historyIndexProperty().get());
        assertDiagramShows(0, 0, 0);
        assertEquals("update " + vm().frame().step() + " · t = 1 of 12 · unit 1", view.stepText().get());
    }

    @Test
    void presenterModeEnlargesTheCanvasText(FxRobot robot) throws Exception {
        double normal = view.diagram().fontSize(), formula = view.formulaView().formulaHeight();
        robot.interact(() -> {
            view.root().getScene().getRoot().getStyleClass().add(Styles.PRESENTER);
            view.onPresenterMode(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        // The cell's type grows as far as its height allows; the equation grows by the full factor.
        assertEquals(Styles.PRESENTER_SCALE, view.diagram().scale());
        assertEquals(Styles.PRESENTER_SCALE, view.timeline().scale());
        assertTrue(view.diagram().fontSize() > normal * 1.1, normal + " → " + view.diagram().fontSize());
        assertTrue(view.formulaView().formulaHeight() > formula * 1.3, formula + " → " + view.formulaView().formulaHeight());
        assertFalse(robot.lookup("#rec-setup-bar").query().isVisible(), "the set-up row makes room");
        assertTrue(robot.lookup("#rec-setup-bar").queryAs(javafx.scene.Parent.class).getChildrenUnmodifiable().stream().anyMatch(g -> g.lookup("#rec-units") != null));
    }
}
