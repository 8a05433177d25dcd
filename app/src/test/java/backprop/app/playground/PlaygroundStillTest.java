package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import backprop.app.StudioApp;
import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.view.ViewRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Nothing moves under the pointer: hovering, training and a hint coming or going leave the controls where they are. */
@ExtendWith(ApplicationExtension.class)
class PlaygroundStillTest {
    private PlaygroundView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new StudioApp(new ViewRegistry().add(PlaygroundView.INFO, () -> view = new PlaygroundView()), false).start(stage);
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view != null && view.viewModel().idle() && view.viewModel().frame() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private List<String> positions(FxRobot robot) throws Exception {
        return fx(() -> {
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (String id : List.of("#pg-units-plus-0", "#pg-units-plus-1", "#pg-activation-0", "#pg-table")) {
                Node n = robot.lookup(id).query();
                Bounds b = n.localToScene(n.getLayoutBounds());
                out.add(id + " " + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()));
            }
            Bounds c = view.networkCanvas().localToScene(view.networkCanvas().getLayoutBounds());
            out.add("canvas " + Math.round(c.getMinY()) + "+" + Math.round(c.getHeight()));
            return out;
        });
    }

    @Test
    void hoveringTrainingAndHintsMoveNothing(FxRobot robot) throws Exception {
        waitIdle();
        // A 2-8-8-1 table: wide, values change sign while it trains.
        robot.interact(() -> view.viewModel().load(PlaygroundSetup.defaults().withDataset("xor").withTestRatio(0)
                .withHidden(List.of(new Hidden(8, "tanh"), new Hidden(8, "tanh")))));
        waitIdle();
        List<String> before = positions(robot);
        // Over the layer controls, then over every column of the drawing.
        robot.moveTo("#pg-units-plus-0");
        robot.moveTo("#pg-activation-1");
        for (int c = 0; c < 4; c++) {
            int col = c;
            Point2D p = fx(() -> view.networkCanvas().localToScreen(view.networkCanvas().columnCentreX(col), view.networkCanvas().getHeight() / 2));
            robot.moveTo(p);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, positions(robot), "hovering moved something");
        for (int i = 0; i < 5; i++) {
            robot.interact(() -> view.viewModel().epoch());
            waitIdle();
        }
        assertEquals(before, positions(robot), "training moved something");
        // A refused setting puts a hint above the network; the next accepted one takes it away.
        robot.interact(() -> view.viewModel().update(s -> s.withLoss("binary_cross_entropy").withOutput("tanh")));
        waitIdle();
        assertEquals(before, positions(robot), "a hint moved something");
        robot.interact(() -> view.viewModel().update(s -> s.withSeed(s.seed() + 1)));
        waitIdle();
        assertEquals("", fx(() -> view.viewModel().messageProperty().get()));
        assertEquals(before, positions(robot), "the hint going away moved something");
    }

    /** In the real window at 1024×700 with two hidden layers of 8 units, every control stays inside: the view gives way, not the toolbar. */
    @Test
    void aSmallWindowWithWideLayersKeepsEveryControlInside(FxRobot robot) throws Exception {
        waitIdle();
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(700);
        });
        robot.interact(() -> view.viewModel().load(PlaygroundSetup.defaults().withDataset("xor").withTestRatio(0)
                .withHidden(List.of(new Hidden(8, "tanh"), new Hidden(8, "tanh")))));
        waitIdle();
        List<String> outside = fx(() -> {
            javafx.scene.Scene scene = stage.getScene();
            double w = scene.getWidth(), h = scene.getHeight();
            java.util.ArrayList<String> out = new java.util.ArrayList<>();
            for (String id : List.of("#tb-presenter", "#tb-export", "#tb-help", "#tb-open", "#pg-output-card", "#pg-chart", "#pg-add-class-0",
                    "#pg-hidden-space", "#pg-test-loss", "#pg-network-card", "#pg-table")) {
                Node n = scene.lookup(id);
                Bounds b = n.localToScene(n.getLayoutBounds());
                if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > w + 0.5 || b.getMaxY() > h + 0.5 || !n.isVisible())
                    out.add(id + " " + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + "–" + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY())
                            + " in " + w + "×" + h);
            }
            return out;
        });
        assertEquals(List.of(), outside);
    }
}
