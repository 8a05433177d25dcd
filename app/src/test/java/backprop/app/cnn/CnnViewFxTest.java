package backprop.app.cnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.math.Num;
import backprop.engine.trace.StepTrace;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The CNN view alone in a 1280×800 stage (the headless screen), driven with the mouse. */
@ExtendWith(ApplicationExtension.class)
class CnnViewFxTest {
    private CnnView view;

    @BeforeEach
    void showView() throws Exception {
        FxToolkit.setupStage(stage -> {
            view = new CnnView();
            stage.setScene(new Scene((Parent) view.root(), 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().frameProperty().get() != null);
        // The frame is set before its listeners run on the FX thread: let them finish.
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() { view.dispose(); }

    private static String text(FxRobot robot, String id) { return robot.lookup(id).queryAs(Label.class).getText(); }

    @Test
    void drawingADigitWithTheMouseGetsAPrediction(FxRobot robot) throws Exception {
        DrawPad pad = view.drawPad();
        double[] g = pad.grid();
        Point2D origin = pad.localToScreen(g[0], g[1]);
        double c = g[2];
        // A "1": one vertical stroke down the middle of the grid.
        robot.moveTo(origin.add(14 * c, 4 * c)).press(MouseButton.PRIMARY);
        for (int y = 5; y <= 24; y++) robot.moveTo(origin.add(14 * c, y * c));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.viewModel().idle() && view.viewModel().frameProperty().get().label() == -1);
        WaitForAsyncUtils.waitForFxEvents();
        CnnFrame f = view.viewModel().frameProperty().get();
        assertTrue(view.viewModel().drawModeProperty().get());
        float ink = 0;
        for (float v : f.input()) ink += v;
        assertTrue(ink > 10, "the stroke reached the network: " + ink);
        String said = text(robot, "#cnn-prediction");
        assertTrue(said.startsWith("It says " + f.predicted() + " ("), said);
        assertTrue(said.contains(Num.percent(f.probabilities()[f.predicted()])), said);
    }

    @Test
    void aFiltersMapShowsTheEnginesNumbers(FxRobot robot) throws Exception {
        StepTrace engine = CnnTraces.untrained(0);
        // Filter 3 of conv1 in the convolution panel: its output map is the traced a of channel 2.
        robot.interact(() -> robot.lookup("#cnn-filter").<Spinner<Integer>>query().getValueFactory().setValue(3));
        ConvExplanation e = view.viewModel().explanationProperty().get();
        float[] a = engine.layers().get(0).tensor("a").data();
        for (int i = 0; i < 784; i++) assertEquals(a[2 * 784 + i], e.output()[i], 1e-5);
        // The feature-map grid shows conv1's z as traced; hovering a pixel reads out that number.
        MapGrid grid = view.mapGrid();
        FeatureMaps conv1 = grid.rows().get(1);
        assertEquals("conv1", conv1.title());
        float[] z = engine.layers().get(0).tensor("z").data();
        assertArrayEquals(java.util.Arrays.copyOfRange(z, 2 * 784, 3 * 784), conv1.image(2));
        double[] at = grid.pixelCentre("conv1", 2, 12, 14).orElseThrow();
        robot.moveTo(grid.localToScreen(at[0], at[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("conv1 · map 3 · row 12, col 14 = " + Num.fmt(z[2 * 784 + 12 * 28 + 14]), grid.hoverText());
        // Clicking it selects the unit, and its 3×3 receptive field is lit on the input.
        robot.clickOn(MouseButton.PRIMARY);
        assertEquals(new CnnViewModel.Unit(0, 2, 12, 14), view.viewModel().selectedProperty().get());
        assertEquals(new backprop.engine.layers.conv.ConvArithmetic.Region(11, 13, 13, 15),
                view.viewModel().receptiveField(view.viewModel().selectedProperty().get()).orElseThrow());
        // A unit of conv2 sees more: 8×8 pixels, lit on the input row of the grid.
        double[] deep = grid.pixelCentre("conv2", 4, 6, 6).orElseThrow();
        robot.clickOn(grid.localToScreen(deep[0], deep[1]), MouseButton.PRIMARY);
        assertEquals(new backprop.engine.layers.conv.ConvArithmetic.Region(9, 9, 16, 16),
                view.viewModel().receptiveField(view.viewModel().selectedProperty().get()).orElseThrow());
        String dir = System.getProperty("cnn.look.dir");
        if (dir != null) {
            robot.interact(() -> {
                try {
                    backprop.app.export.PngFiles.write(view.root().getScene().snapshot(null), java.nio.file.Path.of(dir, "cnn-field.png"));
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            });
        }
    }

    @Test
    void theHeldOutTableCountsTheEnginesAnswersAndShowsAMistake(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().prepareNow(null, 20));
        robot.clickOn("#cnn-show-all");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().frameProperty().get().confusion() != null);
        Confusion c = view.viewModel().frameProperty().get().confusion();
        assertEquals(2000, c.total());
        int sum = 0;
        for (int[] row : c.counts()) for (int n : row) sum += n;
        assertEquals(2000, sum);
        // The share right is the engine's own accuracy on the same digits, after the same 20 updates.
        CnnSession engine = CnnSession.create(null);
        engine.train(20);
        float accuracy = new backprop.engine.train.Trainer(engine.model(), backprop.engine.train.TrainConfig.defaults())
                .evaluate(engine.digits.test())[1];
        assertEquals(accuracy, c.correct() / 2000f, 1e-6);
        // Clicking a mistake's cell shows a held-out digit with that label and that answer.
        int t = -1, p = -1;
        for (int i = 0; i < 10 && t < 0; i++) for (int j = 0; j < 10; j++) if (i != j && c.counts()[i][j] > 0) { t = i; p = j; break; }
        int label = t, answer = p;
        robot.interact(() -> view.viewModel().showExample(label, answer));
        int shown = view.viewModel().digitProperty().get();
        assertEquals(label, c.labels()[shown]);
        assertEquals(answer, c.predicted()[shown]);
        String dir = System.getProperty("cnn.look.dir");
        if (dir != null) {
            robot.interact(() -> {
                try {
                    backprop.app.export.PngFiles.write(view.root().getScene().snapshot(null), java.nio.file.Path.of(dir, "cnn-confusion.png"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    @Test
    void strideAndPaddingUpdateTheFormula(FxRobot robot) {
        assertEquals("(28 + 2·1 − 3) / 1 + 1 = 28", text(robot, "#cnn-formula"));
        robot.interact(() -> {
            robot.lookup("#cnn-padding").<Spinner<Integer>>query().getValueFactory().setValue(0);
            robot.lookup("#cnn-stride").<Spinner<Integer>>query().getValueFactory().setValue(2);
        });
        String error = text(robot, "#cnn-formula");
        assertTrue(error.startsWith("(28 + 2·0 − 3) / 2 + 1 = 13.5 is not a whole number"), error);
        robot.interact(() -> {
            robot.lookup("#cnn-padding").<Spinner<Integer>>query().getValueFactory().setValue(1);
            robot.lookup("#cnn-stride").<Spinner<Integer>>query().getValueFactory().setValue(3);
        });
        assertEquals("(28 + 2·1 − 3) / 3 + 1 = 10", text(robot, "#cnn-formula"));
        assertEquals(10, view.viewModel().explanationProperty().get().outputSize());
        robot.clickOn("#cnn-mode-pool");
        assertEquals("(28 − 2) / 2 + 1 = 14", text(robot, "#cnn-formula"));
        String dir = System.getProperty("cnn.look.dir");
        if (dir != null) {
            robot.interact(() -> {
                try {
                    backprop.app.export.PngFiles.write(view.root().getScene().snapshot(null), java.nio.file.Path.of(dir, "cnn-pool.png"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
