package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.view.ViewRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bringing one's own table into the playground through its Import data… button (the file dialog
 * replaced by a hook): the label column chosen, training, the map and the confusion matrix; a
 * refused file leaves the data as it was; a table of more than two columns becomes a slice.
 */
@ExtendWith(ApplicationExtension.class)
class PlaygroundImportTest {
    private PlaygroundView view;
    private Path next;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        ViewRegistry registry = new ViewRegistry().add(PlaygroundView.INFO, () -> view = new PlaygroundView());
        new StudioApp(registry, false).start(stage);
    }

    private void waitIdle() throws Exception {
        FxTesting.waitIdle(() -> view);
    }

    /**
     * Three clusters in (u, v); the class column sits between them, so the default label (the last
     * column, v) makes a regression on (u, cls) until the user picks cls.
     */
    private Path clusters() throws Exception {
        StringBuilder b = new StringBuilder("u,cls,v\n");
        Random r = new Random(4);
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            double a = 2 * Math.PI * c / 3;
            b.append(String.format(java.util.Locale.ROOT, "%.4f,%d,%.4f%n", 5 + 3 * Math.cos(a) + 0.5 * r.nextGaussian(), c,
                    -2 + 3 * Math.sin(a) + 0.5 * r.nextGaussian()));
        }
        return Files.writeString(dir.resolve("clusters.csv"), b);
    }

    private void importThroughTheButton(FxRobot robot, Path file) throws Exception {
        next = file;
        robot.interact(() -> {
            view.setDataChooser(owner -> Optional.ofNullable(next));
            robot.lookup("#pg-import").queryAs(Button.class).fire();
        });
        waitIdle();
    }

    @Test
    void importChooseTheLabelTrainAndSeeTheMapAndTheConfusionMatrix(FxRobot robot) throws Exception {
        importThroughTheButton(robot, clusters());
        PlaygroundFrame f = view.viewModel().frame();
        assertEquals(0, f.classes(), "the last column v is a number: a regression first");
        assertEquals(List.of("u", "cls"), f.setup().imported().table().featureNames());

        @SuppressWarnings("unchecked")
        ComboBox<String> label = robot.lookup("#pg-label").queryAs(ComboBox.class);
        assertEquals(List.of("u", "cls", "v"), List.copyOf(label.getItems()));
        robot.interact(() -> label.setValue("cls"));
        waitIdle();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.viewModel().frame().classes() == 3);
        assertEquals("softmax", view.viewModel().setup().output());
        assertEquals("cross_entropy", view.viewModel().setup().loss());
        assertTrue(view.viewModel().setup().imported().spec().standardize() != null, "standardised by default");

        robot.interact(() -> view.viewModel().trainNow(60));
        waitIdle();
        f = view.viewModel().frame();
        assertNotNull(f.plane(), "drawn over the plane of (u, v)");
        assertEquals(3, f.maps().get(f.layers()).length, "a map per class");
        assertTrue(f.testAccuracy() >= 0.9f, "three clusters are learned: " + f.testAccuracy());
        assertTrue(robot.lookup("#pg-message").queryAs(Label.class).getText().endsWith("x1 = u, x2 = v"), "which column is which axis");
        ConfusionTable table = view.confusionTable();
        assertTrue(table.isVisible(), "the confusion matrix is shown");
        int[][] c = f.confusion().counts();
        // Header row: 1 2 3 accuracy; then each class's row: its number, three counts, its accuracy.
        assertEquals(Integer.toString(c[1][2]), table.cellTexts().get(4 + 5 + 3), table.cellTexts().toString());
        assertTrue(robot.lookup("#pg-add-class-2").tryQuery().isPresent(), "a button per class to add points");
    }

    @Test
    void aRefusedFileKeepsTheDataInUseAndSaysWhereInOneLine(FxRobot robot) throws Exception {
        importThroughTheButton(robot, clusters());
        PlaygroundSetup before = view.viewModel().setup();
        float[][] points = view.viewModel().frame().train().xy();
        Path bad = Files.writeString(dir.resolve("bad.csv"), "u,v,cls\n1,2,a\n3,oops,b\n");
        importThroughTheButton(robot, bad);
        String message = robot.lookup("#pg-message").queryAs(Label.class).getText();
        assertTrue(message.contains("bad.csv") && message.contains("line 3"), message);
        assertFalse(message.contains("\n"), message);
        assertSame(before, view.viewModel().setup(), "the data in use stays");
        assertSame(points, view.viewModel().frame().train().xy());

    }

    @Test
    void aTableOfThreeColumnsIsTrainedOnAllOfThemAndDrawnAsASlice(FxRobot robot) throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.csv"), "a,b,c,cls\n1,2,3,x\n4,5,6,y\n2,2,4,x\n5,4,6,y\n");
        importThroughTheButton(robot, wide);
        String message = robot.lookup("#pg-message").queryAs(Label.class).getText();
        assertTrue(message.contains("3 feature columns, the map a slice through two of them"), message);
        PlaygroundFrame f = view.viewModel().frame();
        assertEquals(3, f.sizes()[0], "the network reads all three");
        assertEquals(List.of("a", "b", "c"), f.slice().columns());
        assertEquals(0, f.slice().x());
        assertEquals(1, f.slice().y());
    }

    @Test
    void aTypedFormulaThatDoesNotParseSaysWhereAndKeepsThePoints(FxRobot robot) throws Exception {
        robot.interact(() -> view.viewModel().update(s -> s.withDataset("formula-classes")));
        waitIdle();
        float[][] points = view.viewModel().frame().train().xy();
        javafx.scene.control.TextField field = robot.lookup("#pg-formula").queryAs(javafx.scene.control.TextField.class);
        assertEquals("sin(3*x)", field.getText());
        robot.interact(() -> {
            field.setText("sin(3*y)");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        waitIdle();
        String message = robot.lookup("#pg-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("f = sin(3*y): position 7: "), message);
        assertEquals("sin(3*x)", view.viewModel().setup().formula());
        assertSame(points, view.viewModel().frame().train().xy(), "the points stay");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "sin(3*x)".equals(field.getText()));

        robot.interact(() -> {
            field.setText("x^3 - x");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        waitIdle();
        assertEquals("x^3 - x", view.viewModel().setup().formula());
        assertFalse(points == view.viewModel().frame().train().xy(), "new labels, new frame of points");
    }
}
