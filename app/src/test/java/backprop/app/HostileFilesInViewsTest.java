package backprop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.backprop.BackpropView;
import backprop.app.backprop.BackpropViewModel;
import backprop.app.playground.PlaygroundView;
import backprop.app.playground.PlaygroundViewModel;
import backprop.app.shell.StudioShell;
import backprop.app.view.ViewRegistry;
import backprop.engine.trace.StepTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 21 in the app: each hostile network file, opened through the shell's route in the
 * Playground and in the Backprop view, gives one line in the status bar naming the file and the
 * problem, and the network in front of the user (setup, frame, weights, history, step) stays.
 */
@ExtendWith(ApplicationExtension.class)
class HostileFilesInViewsTest {
    @TempDir
    static Path dir;

    private StudioShell shell;
    private PlaygroundView playground;
    private BackpropView backprop;

    @Start
    void start(Stage stage) {
        ViewRegistry registry = new ViewRegistry()
                .add(PlaygroundView.INFO, () -> playground = new PlaygroundView())
                .add(BackpropView.INFO, () -> backprop = new BackpropView());
        StudioApp app = new StudioApp(registry, false);
        app.start(stage);
        shell = app.shell();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backprop.app.HostileNetworkFiles#all")
    void oneLineNamingTheFileAndTheNetworkStays(HostileNetworkFiles file) throws Exception {
        Path path = file.write(dir);

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> playground != null && pg().idle() && pg().frame() != null);
        var setup = pg().setup();
        var frame = pg().frame();
        String pgStep = pg().stepTextProperty().get();
        String line = open(path, () -> pg().idle());
        assertOneLine(file, line);
        if (!file.accepted()) {
            assertSame(setup, pg().setup(), "the playground's settings are untouched");
            assertSame(frame, pg().frame(), "its weights and maps are untouched");
            assertEquals(pgStep, pg().stepTextProperty().get());
            assertEquals("playground", shell.viewModel().getCurrentViewId());
        } else {
            assertEquals("opened " + file.name() + " in Playground", line);
        }

        onFx(() -> { shell.viewModel().navigate("backprop"); return null; });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> backprop != null && !bp().history().isEmpty() && !bp().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        List<StepTrace> history = onFx(() -> List.copyOf(bp().history()));
        var timeline = bp().timeline();
        String model = bp().modelNameProperty().get(), bpStep = bp().stepTextProperty().get(), error = bp().errorProperty().get();
        line = open(path, () -> !bp().busyProperty().get());
        assertOneLine(file, line);
        if (!file.accepted()) {
            assertEquals(history, onFx(() -> List.copyOf(bp().history())), "the recorded steps and their weights are untouched");
            assertSame(timeline, bp().timeline());
            assertEquals(model, bp().modelNameProperty().get());
            assertEquals(bpStep, bp().stepTextProperty().get());
            assertEquals(error, bp().errorProperty().get(), "the refusal is said once, in the status bar");
        } else {
            assertEquals("opened " + file.name() + " in Backprop", line);
        }
        assertEquals("backprop", shell.viewModel().getCurrentViewId());
    }

    /** Opens {@code path} as Ctrl+O would and returns the status line once the view's worker has answered. */
    private String open(Path path, Callable<Boolean> idle) throws Exception {
        Optional<String> refused = onFx(() -> {
            shell.viewModel().messageProperty().set("");
            return shell.openFile(path);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> idle.call() && !status().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String line = status();
        refused.ifPresent(r -> assertEquals(r, line, "what the route returns is what the status bar shows"));
        return line;
    }

    private static void assertOneLine(HostileNetworkFiles file, String line) {
        assertTrue(line.contains(file.name()), () -> "names the file: " + line);
        assertFalse(line.contains("\n") || line.contains("\r"), () -> "one line: " + line);
        assertTrue(line.length() <= 300, () -> line.length() + " characters: " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat ") || line.contains("internal error"), line);
        assertTrue(file.accepted() || line.length() > file.name().length() + 10, () -> "says what is wrong: " + line);
    }

    private String status() throws Exception {
        return onFx(() -> ((Label) shell.root().lookup("#status-message")).getText());
    }

    private PlaygroundViewModel pg() { return playground.viewModel(); }

    private BackpropViewModel bp() { return backprop.viewModel(); }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
    }
}
