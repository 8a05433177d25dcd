package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.math.Num;
import backprop.app.shell.StudioShell;
import backprop.app.view.ViewRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playground in the real window, driven like a user: train XOR to full test accuracy, edit a
 * weight, add a point, run the perceptron, presenter mode and keys. Assertions read what is shown
 * and compare it with the engine's frame.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundFlowTest {
    private StudioShell shell;
    private PlaygroundView view;
    private final List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        ViewRegistry registry = new ViewRegistry()
                .add(PlaygroundView.INFO, () -> view = new PlaygroundView());
        StudioApp app = new StudioApp(registry, false);
        app.start(stage);
        shell = app.shell();
    }

    @BeforeEach
    void recordUncaught() throws Exception {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        waitIdle();
    }

    @AfterEach
    void noExceptionWasThrown() {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), uncaught, "uncaught exceptions during the test");
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view != null && view.viewModel().idle() && view.viewModel().frame() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void choose(FxRobot robot, Preset p) throws Exception {
        robot.interact(() -> view.viewModel().choose(p));
        waitIdle();
    }

    @Test
    void xorTrainsToFullTestAccuracyAndTheOutputHeatMapChanges(FxRobot robot) throws Exception {
        PlaygroundFrame first = view.viewModel().frame();
        assertEquals("xor-2d", first.setup().dataset());
        Image before = snapshot(robot);
        for (int i = 0; i < 3; i++) robot.type(KeyCode.ADD); // faster: more epochs per frame
        robot.clickOn("#pg-play");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> "100.0 %".equals(text(robot, "#pg-test-accuracy")));
        robot.clickOn("#pg-play");
        waitIdle();
        assertFalse(view.viewModel().playingProperty().get());
        PlaygroundFrame f = view.viewModel().frame();
        assertEquals(Num.percent(f.testAccuracy()), text(robot, "#pg-test-accuracy"), "the label shows the engine's accuracy");
        assertEquals(Num.fmt(f.trainLoss()), text(robot, "#pg-train-loss"));
        assertTrue(f.epoch() > 0);
        assertEquals("epoch " + f.epoch() + " · step " + f.step(), text(robot, "#pg-counter"));
        Image after = snapshot(robot);
        assertTrue(differentPixels(before, after) > 1000, "the output heat map changed as the network learned");
    }

    private Image snapshot(FxRobot robot) throws Exception {
        return fx(() -> view.decisionMap().snapshot(null, null));
    }

    private static int differentPixels(Image a, Image b) {
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y += 2)
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x += 2)
                if (!a.getPixelReader().getColor(x, y).equals(b.getPixelReader().getColor(x, y))) n++;
        return n;
    }

    @Test
    void editingAWeightUpdatesTheOutputEverywhere(FxRobot robot) throws Exception {
        choose(robot, Preset.HANDBUILT_XOR);
        PlaygroundFrame f = view.viewModel().frame();
        assertEquals(List.of(0f, 1f, 1f, 0f), outputs(f));
        List<String> cells = view.sampleTable().cellTexts();
        assertTrue(cells.contains("✓") && !cells.contains("✗"), "the hand-built table is all correct: " + cells);
        // Output bias −0.5 → +0.5: y = step(v1 + v2 + 0.5) now fires for every row, so (0,0) and (1,1) are wrong.
        Point2D unit = fx(() -> {
            javafx.geometry.Rectangle2D b = view.networkCanvas().unitBounds(2, 0);
            return view.networkCanvas().localToScreen(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        });
        robot.clickOn(unit);
        robot.doubleClickOn("#pg-weight-field").eraseText(12).write("0.5").type(KeyCode.ENTER);
        waitIdle();
        PlaygroundFrame g = view.viewModel().frame();
        assertEquals(0.5f, g.biases().get(1)[0]);
        assertEquals(List.of(1f, 1f, 1f, 1f), outputs(g));
        assertEquals(2, view.sampleTable().cellTexts().stream().filter("✗"::equals).count(), "the table shows the engine's new output");
        assertEquals(f.step(), g.step(), "editing is not training");
    }

    private static List<Float> outputs(PlaygroundFrame f) {
        return f.table().rows().stream().map(r -> r.outputs()[0]).toList();
    }

    @Test
    void layerAndUnitButtonsReshapeTheNetworkWhileItTrains(FxRobot robot) throws Exception {
        robot.clickOn("#pg-play");
        for (int i = 0; i < 4; i++) robot.clickOn("#pg-add-layer");
        robot.clickOn("#pg-units-plus-0");
        robot.clickOn("#pg-play");
        waitIdle();
        PlaygroundFrame f = view.viewModel().frame();
        assertEquals(List.of(5, 4, 4, 4, 4, 4), java.util.Arrays.stream(f.sizes()).boxed().toList().subList(1, 7),
                "six hidden layers, the first with one unit more: " + java.util.Arrays.toString(f.sizes()));
        assertEquals("6 hidden layers", text(robot, "#pg-layer-count"));
        robot.clickOn("#pg-remove-layer");
        waitIdle();
        assertEquals(7, view.viewModel().frame().sizes().length);
    }

    @Test
    void theResidualPresetRefusesAWiringBreakingEditAndTrainsPastNinetyPercent(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Preset> presets = robot.lookup("#pg-preset").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> presets.setValue(Preset.RESIDUAL_XOR));
        waitIdle();
        PlaygroundFrame f = view.viewModel().frame();
        assertTrue(f.isGraph() && f.isMerge(2), "the add column is drawn");
        assertEquals("add: h1 + h2", text(robot, "#pg-merge-2"));
        // h1 feeds the add, which needs equal sizes: one more unit is refused and the network stays.
        PlaygroundSetup before = view.viewModel().setup();
        robot.clickOn("#pg-units-plus-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("h1 keeps 4 units: add h1 + h2 needs equal sizes: h1 has 5 units, h2 4", text(robot, "#pg-message"));
        assertEquals(before, view.viewModel().setup());
        for (int i = 0; i < 3; i++) robot.type(KeyCode.ADD);
        robot.clickOn("#pg-play");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> percent(text(robot, "#pg-test-accuracy")) >= 90);
        robot.clickOn("#pg-play");
        waitIdle();
        PlaygroundFrame trained = view.viewModel().frame();
        assertEquals(Num.percent(trained.testAccuracy()), text(robot, "#pg-test-accuracy"), "the label shows the engine's accuracy");
        assertTrue(trained.testAccuracy() >= 0.9f);
    }

    /** "97.5 %" → 97.5; anything else (a dash before the first measurement) → −1. */
    private static double percent(String label) {
        try {
            return Double.parseDouble(label.replace("%", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Test
    void anImpossibleSettingIsRefusedAndTheControlGoesBack(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> output = robot.lookup("#pg-output").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> output.setValue("tanh")); // cross-entropy needs a sigmoid output
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("binary cross-entropy needs probabilities: use a sigmoid output (or the mse loss)", text(robot, "#pg-message"));
        assertEquals("sigmoid", output.getValue(), "the control shows the setting that stayed");
        assertEquals("sigmoid", view.viewModel().setup().output());
    }

    @Test
    void clickingTheMapAddsAPointAndRightClickRemovesIt(FxRobot robot) throws Exception {
        int before = view.viewModel().frame().train().size() + view.viewModel().frame().test().size();
        Point2D centre = fx(() -> view.decisionMap().localToScreen(pixel(0.3, 0.2)));
        robot.clickOn(centre);
        waitIdle();
        PlaygroundFrame f = view.viewModel().frame();
        assertEquals(before + 1, f.train().size() + f.test().size());
        robot.rightClickOn(centre);
        waitIdle();
        f = view.viewModel().frame();
        assertEquals(before, f.train().size() + f.test().size());
    }

    private Point2D pixel(double x1, double x2) {
        double[] p = view.decisionMap().toPixel(x1, x2);
        return new Point2D(p[0], p[1]);
    }

    @Test
    void perceptronOnXorKeepsMovingItsLineAndSaysItCycles(FxRobot robot) throws Exception {
        choose(robot, Preset.PERCEPTRON_XOR);
        float[] w0 = view.viewModel().frame().perceptron().weights();
        // w = 0 classifies (0,0) as −1, which is right; (0,1) is the first mistake and moves the line.
        robot.clickOn("#pg-step");
        waitIdle();
        assertEquals(0f, view.viewModel().frame().perceptron().weights()[0]);
        robot.clickOn("#pg-step");
        waitIdle();
        assertNotEquals(w0[0], view.viewModel().frame().perceptron().weights()[0], "a misclassified sample moves the line");
        for (int i = 0; i < 12; i++) {
            robot.clickOn("#pg-epoch");
            waitIdle();
        }
        PlaygroundFrame f = view.viewModel().frame();
        assertFalse(f.perceptron().converged());
        assertTrue(text(robot, "#pg-perceptron").contains("cycling"), text(robot, "#pg-perceptron"));
        float[] w = f.perceptron().weights();
        assertTrue(text(robot, "#pg-perceptron").startsWith("w0 = " + Num.shortFmt(w[0])), "weights shown are the engine's");
    }

    @Test
    void presenterModeHidesSettingsAndKeysStepTheNetwork(FxRobot robot) throws Exception {
        robot.type(KeyCode.F5);
        assertTrue(shell.viewModel().isPresenterMode());
        assertFalse(robot.lookup("#pg-settings").query().isVisible(), "settings column hidden in presenter mode");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        waitIdle();
        assertEquals("epoch 0 · step 2", text(robot, "#pg-counter"));
        robot.type(KeyCode.END);
        waitIdle();
        assertEquals(1, view.viewModel().frame().epoch(), "End finishes the epoch");
        robot.type(KeyCode.SPACE);
        assertTrue(view.viewModel().playingProperty().get());
        robot.type(KeyCode.SPACE);
        assertFalse(view.viewModel().playingProperty().get());
        waitIdle();
        robot.type(KeyCode.HOME);
        waitIdle();
        assertEquals("epoch 0 · step 0", text(robot, "#pg-counter"), "Home resets");
        robot.type(KeyCode.ESCAPE);
        assertFalse(shell.viewModel().isPresenterMode());
        assertTrue(robot.lookup("#pg-settings").query().isVisible());
    }
}
