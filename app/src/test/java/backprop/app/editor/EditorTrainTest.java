package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.draw.Metric;
import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.Edge;
import backprop.app.editor.model.EditorNode;
import backprop.app.editor.model.FileOrder;
import backprop.app.editor.run.RunFrame;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import backprop.engine.data.Dataset;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerStatistics;
import backprop.engine.trace.StepStatistics;
import backprop.engine.train.FlowRun;
import backprop.engine.train.RunSettings;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Train here" in the real window: XOR 2-2-1 from the templates trains in the run panel on its
 * worker, the loss falls, and each layer's histogram and each edge's gradient norm on the canvas
 * are the engine's own statistics of that step (a separate FlowRun of the same network, seed and
 * data gives the same numbers bit for bit). Editing a layer ends the run; moving a node does not;
 * a value that overflows stops it with the engine's message.
 */
@ExtendWith(ApplicationExtension.class)
class EditorTrainTest {
    private StudioShell shell;
    private EditorView view;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("backprop.editor.recovery", Files.createTempDirectory("editor-train").resolve("recovery.json").toString());
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    private EditorDocument doc() { return view.document(); }

    private RunPanel panel() { return view.runPanel(); }

    /** The editor with XOR 2-2-1 from the Templates menu and the run panel open on the xor data. */
    private void openXorAndRunPanel(FxRobot robot) throws Exception {
        robot.clickOn("#nav-editor");
        view = (EditorView) shell.currentView();
        robot.clickOn("Templates").clickOn("#template-xor");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, doc().graph().nodes().size());
        robot.clickOn("#editor-train");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "xor".equals(combo(robot, "#run-dataset").getValue()));
        // Every set with two inputs and one target is offered, the network's own first.
        assertTrue(combo(robot, "#run-dataset").getItems().containsAll(List.of("xor", "and", "or", "circle")), combo(robot, "#run-dataset").getItems().toString());
        assertEquals("sgd", combo(robot, "#run-optimizer").getValue());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) { return robot.lookup(id).queryAs(ComboBox.class); }

    private static void setText(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    /** Plays until at least {@code steps} steps are shown, then pauses and waits for the worker. */
    private RunFrame trainFor(FxRobot robot, long steps) throws Exception {
        robot.clickOn("#run-play");
        assertTrue(panel().isPlaying());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> panel().frame() != null && panel().frame().steps() >= steps);
        robot.clickOn("#run-play");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel().idle());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(panel().isPlaying());
        return panel().frame();
    }

    @Test
    void xorTrainsInTheRunPanelAndTheCanvasShowsTheEnginesStatistics(FxRobot robot) throws Exception {
        openXorAndRunPanel(robot);
        setText(robot, "#run-epochs", "100000");
        RunFrame f = trainFor(robot, 2500); // past the 2,000 points at which the curve is thinned
        assertTrue(f.steps() >= 2500 && !f.finished(), "paused mid-run at step " + f.steps());
        float first = f.losses().get(0).trainLoss(), last = f.loss();
        assertTrue(last < first / 2, "the loss falls: " + first + " → " + last);
        assertTrue(panel().chart().isVisible() && f.losses().size() > 100);
        assertTrue(panel().status().startsWith("epoch " + f.epoch() + " · step " + f.steps()), panel().status());

        // The same network, seed, data and settings through the engine alone, as many steps.
        NetworkSpec spec = doc().spec();
        RunSettings run = RunSettings.resolve(spec, null, 100_000, 2.0);
        RunSettings.DataSettings d = run.data();
        Dataset data = d.generate();
        FlowRun engine = new FlowRun(ModelFactory.build(spec, run.seed()), run.training().withOptimizer("sgd"), data);
        StepStatistics expected = null;
        for (long i = 0; i < f.steps(); i++) expected = engine.step();
        assertNotNull(expected);
        assertEquals(expected.loss(), f.loss(), "the loss shown is the engine's R of that step");
        Metric lastPoint = f.losses().get(f.losses().size() - 1);
        assertTrue(f.steps() - lastPoint.step() < 4 * Math.max(1, f.steps() / 2000), "the curve reaches the newest steps: " + lastPoint.step());

        List<EditorNode> layers = FileOrder.of(doc().graph());
        assertEquals(2, layers.size());
        EditorCanvas canvas = view.canvas();
        for (int i = 0; i < layers.size(); i++) {
            LayerStatistics shown = canvas.runLayers().get(layers.get(i).key());
            assertEquals(expected.layers().get(i), shown, "node " + doc().graph().label(layers.get(i)) + " pictures the engine's statistics");
            int samples = 0;
            for (int c : shown.histogram()) samples += c;
            assertEquals(4 * (i == 0 ? 2 : 1), samples, "the histogram counts 4 samples × its units");
        }
        int normsShown = 0;
        for (Edge e : doc().graph().edges()) {
            float g = canvas.edgeGradient(e);
            int at = indexOf(layers, e.to());
            if (at < 0) {
                assertTrue(Float.isNaN(g), "an edge into the output node carries no weights");
            } else {
                assertEquals(expected.layers().get(at).gradNorm(), g, "edge into " + doc().graph().label(layers.get(at)));
                assertTrue(g > 0);
                normsShown++;
            }
        }
        assertEquals(2, normsShown);
        assertFalse(rate(robot).isDisabled(), "settings can be changed while paused");
    }

    private static TextField rate(FxRobot robot) { return robot.lookup("#run-rate").queryAs(TextField.class); }

    private static int indexOf(List<EditorNode> layers, int key) {
        for (int i = 0; i < layers.size(); i++) if (layers.get(i).key() == key) return i;
        return -1;
    }

    @Test
    void movingANodeKeepsTheRunAndEditingALayerEndsIt(FxRobot robot) throws Exception {
        openXorAndRunPanel(robot);
        setText(robot, "#run-epochs", "100000");
        robot.clickOn("#run-play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel().frame() != null && panel().frame().steps() > 50);
        int hidden = FileOrder.of(doc().graph()).get(0).key();
        robot.interact(() -> doc().move(doc().positions(List.of(hidden)), java.util.Map.of(hidden, new double[] {300, 300}), "move"));
        assertTrue(panel().isPlaying(), "moving a node changes no layer: the run goes on");
        long before = panel().frame().steps();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel().frame().steps() > before);

        robot.interact(() -> doc().setProperty(hidden, "units", "3"));
        assertFalse(panel().isPlaying());
        assertTrue(panel().status().startsWith("Training stopped: the network changed"), panel().status());
        assertTrue(view.canvas().runLayers().isEmpty(), "no picture of weights that no longer exist");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> panel().idle());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.canvas().runLayers().isEmpty(), "nothing due from the old run arrives afterwards");

        // Train again: a new run of the edited network, from step 0.
        RunFrame f = trainFor(robot, 10);
        int samples = 0;
        for (int c : view.canvas().runLayers().get(hidden).histogram()) samples += c;
        assertEquals(4 * 3, samples, "the hidden layer now has 3 units");
        assertTrue(f.steps() >= 10);
    }

    @Test
    void aValueThatOverflowsStopsWithTheEnginesMessage(FxRobot robot) throws Exception {
        openXorAndRunPanel(robot);
        List<EditorNode> layers = FileOrder.of(doc().graph());
        robot.interact(() -> {
            doc().setProperty(layers.get(0).key(), "activation", "relu");
            doc().setProperty(layers.get(1).key(), "activation", "identity");
        });
        setText(robot, "#run-rate", "1e30");
        setText(robot, "#run-epochs", "1000");
        robot.clickOn("#run-play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> panel().frame() != null && panel().frame().finished());
        WaitForAsyncUtils.waitForFxEvents();
        RunFrame f = panel().frame();
        assertNotNull(f.stopped(), "stopped early, at step " + f.steps());
        assertFalse(panel().isPlaying());
        assertEquals("Stopped: " + f.stopped(), panel().status());
        assertTrue(f.stopped().contains("step"), f.stopped());
    }
}
