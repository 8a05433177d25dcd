package backprop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.backprop.BackpropView;
import backprop.app.playground.PlaygroundFrame;
import backprop.app.playground.PlaygroundSetup;
import backprop.app.playground.PlaygroundView;
import backprop.app.playground.PlaygroundViewModel;
import backprop.app.shell.ShellAction;
import backprop.app.shell.ShellKeys;
import backprop.app.shell.StudioShell;
import backprop.app.view.ViewRegistry;
import backprop.engine.spec.SpecReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shell's route for "open this network in view X" and File → Open network… on the real
 * views: what a view can show replaces its network, anything else leaves it alone and says why.
 */
@ExtendWith(ApplicationExtension.class)
class OpenNetworkTest {
    private StudioShell shell;
    private PlaygroundView playground;

    @Start
    void start(Stage stage) {
        ViewRegistry registry = new ViewRegistry()
                .add(PlaygroundView.INFO, () -> playground = new PlaygroundView())
                .add(BackpropView.INFO, BackpropView::new);
        StudioApp app = new StudioApp(registry, false);
        app.start(stage);
        shell = app.shell();
    }

    @BeforeEach
    void playgroundHasItsFirstFrame() throws Exception {
        settle();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> playground != null && vm().idle() && vm().frame() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private PlaygroundViewModel vm() { return playground.viewModel(); }

    private static Path spec(String name) throws Exception {
        return Path.of(OpenNetworkTest.class.getResource("/specs/" + name).toURI());
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }

    private String status(FxRobot robot) {
        return robot.lookup("#status-message").queryAs(Label.class).getText();
    }

    @Test
    void openingAValidFileChangesWhatThePlaygroundShows(FxRobot robot) throws Exception {
        PlaygroundFrame before = vm().frame();
        assertEquals(Optional.empty(), onFx(() -> shell.openFile(spec("two-two-one.json"))));
        settle();
        PlaygroundSetup now = vm().setup();
        assertEquals(java.util.List.of(new PlaygroundSetup.Hidden(2, "sigmoid")), now.hidden());
        assertEquals("two-two-one", now.handBuilt().name(), "the file's own weights");
        assertEquals(0.15f, vm().frame().weights().get(0)[0][0], "the frame shows the file's w11");
        assertFalse(java.util.Arrays.equals(before.sizes(), vm().frame().sizes()), "a 2-2-1 network now, not the preset's");
        assertEquals("opened two-two-one.json in Playground", status(robot));
    }

    @Test
    void aMalformedFileShowsItsOneLineMessageAndLeavesTheNetworkAsItWas(FxRobot robot) throws Exception {
        PlaygroundSetup before = vm().setup();
        PlaygroundFrame frame = vm().frame();
        Optional<String> why = onFx(() -> shell.openFile(spec("bad-activation.json")));
        settle();
        assertTrue(why.isPresent());
        String shown = status(robot);
        assertEquals(why.get(), shown);
        assertTrue(shown.contains("bad-activation.json") && shown.contains("sigmoidd") && !shown.contains("\n"), shown);
        assertSame(before, vm().setup(), "the network in front of the user is untouched");
        assertSame(frame, vm().frame());
        assertEquals("playground", shell.viewModel().getCurrentViewId());
    }

    @Test
    void aNetworkAViewCannotShowGivesItsReasonAndChangesNothing(FxRobot robot) throws Exception {
        PlaygroundSetup before = vm().setup();
        Optional<String> why = onFx(() -> shell.openFile(spec("maxout-dropout.json")));
        assertTrue(why.isPresent() && why.get().contains("maxout") && why.get().contains("dense, add and concat layers"), String.valueOf(why));
        assertEquals(why.get(), status(robot));
        // A view elsewhere refuses too, and the shell stays where it is.
        var noData = SpecReader.read(spec("two-two-one.json"));
        Optional<String> backprop = onFx(() -> shell.openNetwork("backprop", noData, "two-two-one.json"));
        assertTrue(backprop.isPresent() && backprop.get().contains("no dataset"), String.valueOf(backprop));
        assertEquals("playground", shell.viewModel().getCurrentViewId());
        settle();
        assertSame(before, vm().setup());
    }

    @Test
    void openingInAnotherViewSwitchesToItAndHandsTheNetworkOver(FxRobot robot) throws Exception {
        var xor = SpecReader.read(spec("xor-net.json"));
        assertEquals(Optional.empty(), onFx(() -> shell.openNetwork("backprop", xor, "xor-net.json")));
        // The view checks and builds it on its worker first; the shell switches once it has.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "backprop".equals(shell.viewModel().getCurrentViewId()));
        WaitForAsyncUtils.waitForFxEvents(); // the view is put in place on the FX thread, just after
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "xor-net".equals(robot.lookup("#bp-model").queryComboBox().getButtonCell().getText()));
        assertEquals("opened xor-net.json in Backprop", status(robot));
    }

    @Test
    void theBackpropViewsOwnOpenButtonTakesTheShellsRoute(FxRobot robot) throws Exception {
        Path[] answer = {spec("maxout-dropout.json")};
        onFx(() -> {
            shell.setFileChooser(owner -> Optional.of(answer[0]));
            shell.viewModel().navigate("backprop");
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "xor".equals(robot.lookup("#bp-model").queryComboBox().getValue()));
        robot.clickOn("#bp-open");
        WaitForAsyncUtils.waitForFxEvents();
        String refused = status(robot);
        assertTrue(refused.startsWith("maxout-dropout.json: ") && refused.contains("dense layers only"), refused);
        assertEquals("", robot.lookup("#bp-error").queryAs(Label.class).getText(), "said once, in the status bar");

        answer[0] = spec("xor-net.json");
        robot.clickOn("#bp-open");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> "xor-net".equals(robot.lookup("#bp-model").queryComboBox().getButtonCell().getText()));
        assertEquals("opened xor-net.json in Backprop", status(robot));
    }

    @Test
    void ctrlOAndTheToolbarButtonAskForAFile(FxRobot robot) {
        assertEquals(Optional.of(ShellAction.OPEN_NETWORK), ShellKeys.forPressed(KeyCode.O, true));
        assertTrue(ShellKeys.worksWhileTyping(ShellAction.OPEN_NETWORK));
        assertNotNull(robot.lookup("#tb-open").query());
    }
}
