package backprop.app.lessonview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.backprop.BackpropView;
import backprop.app.backprop.BackpropViewModel;
import backprop.app.lesson.TimelinePoints;
import backprop.app.math.Num;
import backprop.app.playground.PlaygroundView;
import backprop.app.view.StudioView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The backward-pass lesson through the player, as a student takes it: the view moves to the point
 * the step highlights with its value hidden, a wrong prediction is marked wrong with the engine's
 * value revealed, a right one is accepted, and the progress is saved and restored.
 */
@ExtendWith(ApplicationExtension.class)
class LessonPlayerFxTest {
    private static final Path LESSON = Path.of("..", "lessons", "04-backward-pass").toAbsolutePath().normalize();

    @TempDir
    Path home;
    private LessonsView view;
    private List<Path> folders = List.of(LESSON);

    @BeforeEach
    void show() throws Exception {
        System.setProperty(LessonProgress.HOME_PROPERTY, home.toString());
        open();
    }

    @AfterEach
    void clear() {
        System.clearProperty(LessonProgress.HOME_PROPERTY);
    }

    private void open() throws Exception {
        FxToolkit.setupStage(stage -> {
            if (view != null) view.dispose();
            Map<String, Supplier<StudioView>> views = Map.of("backprop", BackpropView::new, "playground", PlaygroundView::new);
            view = new LessonsView(views, folders);
            stage.setScene(new Scene((Parent) view.root(), 1280, 800));
            stage.show();
            view.onShown();
        });
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> view.step() >= 0);
    }

    @Test
    void aWrongPredictionIsMarkedWrongWithTheEnginesValueAndARightOneAccepted(FxRobot robot) throws Exception {
        assertEquals(0, view.step());
        robot.clickOn("#lesson-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 1);
        BackpropViewModel vm = ((BackpropView) view.liveView()).viewModel();
        // The view stands on the point the step highlights, its value hidden until the student answers.
        assertEquals("δ of o", TimelinePoints.name(vm.timeline(), vm.currentStepProperty().get()));
        assertTrue(vm.currentHiddenProperty().get(), "the value asked for is hidden");

        // x = (1, 0), y = 1 through the file's weights, by hand: δ_o = −(y − z_o) z_o (1 − z_o).
        double zh1 = sigmoid(0.5), zh2 = sigmoid(-0.5), zo = sigmoid(zh1 - zh2 + 0.5);
        double deltaO = -(1 - zo) * zo * (1 - zo), deltaH1 = zh1 * (1 - zh1) * deltaO;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#lesson-check").queryAs(Button.class).isDisabled());
        robot.clickOn("#lesson-answer").write("0.5");
        robot.clickOn("#lesson-check");
        String said = label(robot, "#lesson-feedback");
        assertTrue(said.startsWith("Not quite: you said 0.5"), said);
        assertTrue(said.contains("the engine computed " + Num.fmt(deltaO)), said);
        assertTrue(robot.lookup("#lesson-feedback").queryAs(Label.class).getStyleClass().contains("lesson-wrong"));
        assertFalse(vm.currentHiddenProperty().get(), "the engine's value is revealed in the view too");

        robot.clickOn("#lesson-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 2);
        assertEquals("δ of h1", TimelinePoints.name(vm.timeline(), vm.currentStepProperty().get()));
        robot.clickOn("#lesson-answer").write(String.format(Locale.ROOT, "%.4f", deltaH1));
        robot.clickOn("#lesson-check");
        said = label(robot, "#lesson-feedback");
        assertTrue(said.startsWith("Right: the engine computed " + Num.fmt(deltaH1)), said);

        JsonNode saved = new ObjectMapper().readTree(home.resolve("progress.json").toFile()).path("lessons").path("04-backward-pass");
        assertEquals(2, saved.path("step").asInt(), saved.toString());
        assertFalse(saved.path("answers").path("1").asBoolean(true), saved.toString());
        assertTrue(saved.path("answers").path("2").asBoolean(false), saved.toString());

        // A new player (the app restarted) opens the lesson where the student left it, on the same point.
        open();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 2);
        BackpropViewModel again = ((BackpropView) view.liveView()).viewModel();
        assertEquals("δ of h1", TimelinePoints.name(again.timeline(), again.currentStepProperty().get()));
    }

    @Test
    void presenterKeysMoveThroughTheSteps(FxRobot robot) throws Exception {
        robot.interact(() -> view.transport().stepForward());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 1);
        robot.interact(() -> view.transport().end());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 5);
        robot.interact(() -> view.transport().stepBack());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.step() == 4);
        BackpropViewModel vm = ((BackpropView) view.liveView()).viewModel();
        assertEquals("new w of h1→o", TimelinePoints.name(vm.timeline(), vm.currentStepProperty().get()));
    }

    @Test
    void aPlaygroundStepSetsTheOptimiser(FxRobot robot) throws Exception {
        folders = List.of(LESSON.resolveSibling("21-optimisers"));
        open();
        robot.interact(() -> view.transport().end());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.step() == 6 && view.liveView() instanceof PlaygroundView);
        // The file trains with SGD; the step's "optimizer": "adam" and "learning-rate": "0.1" replace it.
        var setup = ((PlaygroundView) view.liveView()).viewModel().setup();
        assertEquals("adam", setup.optimizer());
        assertEquals(0.1, setup.learningRate(), 1e-12);
    }

    @Test
    void anEditedLessonReloadsAndABrokenOneLeavesTheOldOnScreen(FxRobot robot) throws Exception {
        Path copy = Files.createDirectories(home.resolve("lessons").resolve("mine"));
        for (String f : List.of("lesson.json", "by-hand.json")) Files.copy(LESSON.resolve(f), copy.resolve(f));
        folders = List.of(copy);
        open();
        assertEquals("The network and the sample", label(robot, "#lesson-step-title"));

        Path file = copy.resolve("lesson.json");
        Files.writeString(file, Files.readString(file).replace("The network and the sample", "Our network"));
        robot.clickOn("#lesson-reload");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Our network".equals(label(robot, "#lesson-step-title")));

        Files.writeString(file, Files.readString(file).replace("\"train\"", "\"trian\"").replace("\"title\": \"Many steps\"", "\"title\": 7"));
        robot.clickOn("#lesson-reload");
        String said = label(robot, "#lesson-status");
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.contains("lesson.json: $.steps[5].title: must be text"), said);
        assertEquals("Our network", label(robot, "#lesson-step-title"), "the lesson read before stays on screen");
    }

    private static double sigmoid(double a) { return 1 / (1 + Math.exp(-a)); }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
