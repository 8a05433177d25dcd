package backprop.app.lessonview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.backprop.BackpropView;
import backprop.app.graph.GraphViewModel;
import backprop.app.recurrent.RecurrentView;
import backprop.app.recurrent.RecurrentViewModel;
import backprop.app.views.StudioViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Lessons on the views driven by stable ids: the graph lesson hides the gradient it asks for and
 * shows it once answered, the LSTM lesson's forced gates and time step reach the live Recurrent
 * view with the engine's numbers, and a lesson folder dropped on the window (or dropped again
 * after an edit) opens in the player.
 */
@ExtendWith(ApplicationExtension.class)
class LessonViewsFxTest {
    private static final Path LESSONS = Path.of("..", "lessons").toAbsolutePath().normalize();

    @TempDir
    Path home;
    private LessonsView view;

    private void open(List<Path> folders) throws Exception {
        System.setProperty(LessonProgress.HOME_PROPERTY, home.toString());
        FxToolkit.setupStage(stage -> {
            view = new LessonsView(StudioViews.lessonViews(), folders);
            stage.setScene(new Scene((Parent) view.root(), 1280, 800));
            stage.show();
            view.onShown();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.step() >= 0);
    }

    @AfterEach
    void clear() throws Exception {
        if (view != null) FxToolkit.setupFixture(view::dispose);
        System.clearProperty(LessonProgress.HOME_PROPERTY);
    }

    @Test
    void theGraphHidesTheGradientAskedForUntilTheStudentAnswers(FxRobot robot) throws Exception {
        open(List.of(LESSONS.resolve("13-computational-graph")));
        robot.interact(() -> view.go(4)); // "Two paths meet at b": predict ∂e/∂b
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 4);
        GraphViewModel g = ((BackpropView) view.liveView()).graphViewModel();
        var b = g.graphProperty().get().node("b");
        assertFalse(g.gradShown(b), "∂e/∂b is hidden while the student predicts it");
        assertTrue(g.gradShown(g.graphProperty().get().node("c")), "the gradients it is built from are on show");
        assertEquals("b", g.markedProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !robot.lookup("#lesson-check").queryAs(Button.class).isDisabled());
        robot.clickOn("#lesson-answer").write("3");
        robot.clickOn("#lesson-check");
        String said = robot.lookup("#lesson-feedback").queryAs(Label.class).getText();
        assertTrue(said.startsWith("Not quite: you said 3") && said.contains("the engine computed 5"), said);
        assertTrue(g.gradShown(b), "revealed in the graph too");
        assertEquals(5, b.grad(), 1e-6);
    }

    @Test
    void forcedGatesAndTheTimeStepReachTheRecurrentView(FxRobot robot) throws Exception {
        open(List.of(LESSONS.resolve("15-lstm-gates")));
        robot.interact(() -> view.go(3)); // f = 1, i = 0 forced; predict c at t = 12
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.step() == 3);
        RecurrentViewModel vm = ((RecurrentView) view.liveView()).viewModel();
        assertEquals(11, vm.timeProperty().get(), "the view stands on t = 12");
        assertEquals(java.util.Map.of("f", 1f, "i", 0f), vm.forcedProperty().get());
        assertEquals(0f, vm.unrolledProperty().get().value("c", 11, 0), 0f);
        robot.interact(() -> view.go(4)); // the input gate released: c_2 = c_1 + i_2 · c̃_2
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.step() == 4);
        var u = vm.unrolledProperty().get();
        assertEquals(u.value("c", 0, 0) + u.value("i", 1, 0) * u.value("c_tilde", 1, 0), u.value("c", 1, 0), 1e-6);
        assertEquals(java.util.Map.of("f", 1f), vm.forcedProperty().get());
        // The number the view shows is the one the player judges against (the engine's walk, computed apart).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#lesson-check").queryAs(Button.class).isDisabled());
        robot.clickOn("#lesson-answer").write(String.format(java.util.Locale.ROOT, "%.5f", u.value("c", 1, 0)));
        robot.clickOn("#lesson-check");
        String said = robot.lookup("#lesson-feedback").queryAs(Label.class).getText();
        assertTrue(said.startsWith("Right"), said);
    }

    @Test
    void aDroppedLessonOpensAndDroppingItAgainAfterAnEditReloadsIt(FxRobot robot) throws Exception {
        Path mine = Files.createDirectories(home.resolve("elsewhere").resolve("graph-lesson"));
        Files.copy(LESSONS.resolve("13-computational-graph/lesson.json"), mine.resolve("lesson.json"));
        var registry = StudioViews.registry();
        assertEquals(java.util.Optional.of("lessons"), registry.claimant(mine));
        assertEquals(java.util.Optional.of("lessons"), registry.claimant(mine.resolve("lesson.json")));
        assertEquals(java.util.Optional.empty(), registry.claimant(LESSONS.resolve("04-backward-pass/by-hand.json")), "a network file is not a lesson");

        open(List.of(LESSONS.resolve("01-perceptron-rule")));
        robot.interact(() -> assertTrue(view.openDropped(mine.resolve("lesson.json")).isEmpty()));
        @SuppressWarnings("unchecked")
        ComboBox<String> chooser = robot.lookup("#lesson-choice").queryAs(ComboBox.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chooser.getItems().size() == 2 && view.step() >= 0);
        assertEquals("The computational graph e = (a + b)(b + 1)", chooser.getValue());

        Path file = mine.resolve("lesson.json");
        Files.writeString(file, Files.readString(file).replace("The computational graph e = (a + b)(b + 1)", "Our graph"));
        robot.interact(() -> assertTrue(view.openDropped(mine).isEmpty()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Our graph".equals(chooser.getValue()));
        assertEquals(2, chooser.getItems().size(), "the same folder again is read again, not listed twice");

        Files.writeString(file, "{");
        String[] problem = new String[1];
        robot.interact(() -> problem[0] = view.openDropped(mine).orElse(""));
        assertTrue(problem[0].contains("lesson.json") && problem[0].contains("not valid JSON"), problem[0]);
        assertEquals("Our graph", chooser.getValue(), "the lesson on screen stays");
    }
}
