package backprop.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.backprop.BackpropView;
import backprop.app.playground.PlaygroundView;
import backprop.app.shell.FakeView;
import backprop.app.shell.StudioShell;
import backprop.app.view.ViewInfo;
import backprop.app.view.ViewRegistry;
import backprop.app.work.Workers;
import backprop.app.theme.Theme;
import backprop.app.theme.ThemeSupport;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import javafx.scene.input.KeyCode;

/** Drives the real window: rail navigation, themes, presenter mode and keys, closing. */
@ExtendWith(ApplicationExtension.class)
class StudioAppTest {
    private Stage stage;
    private StudioApp app;
    private StudioShell shell;
    private FakeView fake;

    private final List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();

    @org.junit.jupiter.api.BeforeEach
    void recordUncaughtExceptions() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @org.junit.jupiter.api.AfterEach
    void noExceptionWasThrown() {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), uncaught, "uncaught exceptions during the test");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ViewRegistry registry = new ViewRegistry()
                .add(PlaygroundView.INFO, PlaygroundView::new)
                .add(BackpropView.INFO, BackpropView::new)
                .add(FakeView.INFO, () -> fake = new FakeView())
                .comingSoon(new ViewInfo("cnn", "CNN", "mdi2g-grid"));
        app = new StudioApp(registry, false);
        app.start(stage);
        shell = app.shell();
    }

    private Node centre(FxRobot robot) {
        StackPane area = robot.lookup("#view-area").queryAs(StackPane.class);
        assertEquals(1, area.getChildren().size());
        return area.getChildren().get(0);
    }

    @Test
    void railNavigatesBetweenPlaygroundAndBackprop(FxRobot robot) {
        assertEquals("playground", shell.viewModel().getCurrentViewId(), "the first view opens at start");
        assertSame(shell.currentView().root(), centre(robot));
        Node playground = centre(robot);
        robot.clickOn("#nav-backprop");
        assertEquals("backprop", shell.viewModel().getCurrentViewId());
        assertSame(shell.currentView().root(), centre(robot));
        assertNotSame(playground, centre(robot), "the centre shows the backprop view now");
        assertTrue(robot.lookup("#nav-backprop").queryAs(ToggleButton.class).isSelected());
        assertEquals(shell.currentView().transport() == null, robot.lookup("#tb-play").query().isDisabled(),
                "transport buttons follow whether the view has a transport");
        robot.clickOn("#nav-playground");
        assertSame(playground, centre(robot), "views are created once and reused");
        robot.clickOn("#nav-playground"); // clicking the selected entry keeps it selected
        assertTrue(robot.lookup("#nav-playground").queryAs(ToggleButton.class).isSelected());
        assertTrue(robot.lookup("#nav-cnn").queryAs(ToggleButton.class).isDisabled(), "coming soon");
        robot.clickOn("#nav-cnn");
        assertEquals("playground", shell.viewModel().getCurrentViewId());
    }

    @Test
    void themeMenuSwitchesTheThemeEverywhereIncludingPopups(FxRobot robot) {
        var root = stage.getScene().getRoot();
        List<String> sheets = stage.getScene().getStylesheets();
        assertTrue(sheets.stream().anyMatch(u -> u.endsWith("/dark.css")), sheets.toString());
        assertEquals(Theme.LIGHT, ThemeSupport.current(root));
        assertEquals(Color.web("#fbfbfc"), background(robot), "light background from light.css");

        robot.clickOn("#tb-theme").clickOn("#theme-dark");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK, shell.viewModel().getTheme());
        assertEquals(Theme.DARK, ThemeSupport.current(root));
        assertEquals(Color.web("#1b1e23"), background(robot), "dark background from dark.css");
        // The menu's popup was made under the light theme; it must follow the switch too.
        robot.clickOn("#tb-theme");
        Label item = robot.lookup(".radio-menu-item .label").queryAs(Label.class);
        Color itemText = (Color) item.getTextFill();
        assertTrue(itemText.getBrightness() > 0.6, "light text on a dark menu popup, got " + itemText);
        robot.clickOn("#theme-high-contrast");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.HIGH_CONTRAST, ThemeSupport.current(root));
        assertEquals(Color.BLACK, background(robot));
    }

    private static Color background(FxRobot robot) {
        Region area = robot.lookup("#view-area").queryAs(Region.class);
        return (Color) area.getBackground().getFills().get(0).getFill();
    }

    @Test
    void presenterModeHidesChromeScalesFontsAndKeysDriveTheTransport(FxRobot robot) {
        robot.clickOn("#nav-fake");
        assertNotNull(fake);
        assertSame(fake.root(), centre(robot));
        assertFalse(robot.lookup("#tb-play").query().isDisabled(), "a view with a transport enables the buttons");
        double normalFont = fake.label.getFont().getSize();

        robot.type(KeyCode.F5);
        assertTrue(shell.viewModel().isPresenterMode());
        for (String chrome : new String[] {".nav-rail", ".studio-toolbar", ".status-bar"}) {
            assertFalse(robot.lookup(chrome).query().isVisible(), chrome + " hidden in presenter mode");
        }
        assertTrue(fake.label.getFont().getSize() >= 1.5 * normalFont,
                "presenter font " + fake.label.getFont().getSize() + " vs normal " + normalFont);
        assertEquals(Boolean.TRUE, fake.presenter, "the view is told, so it can scale canvas text");

        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.HOME);
        robot.type(KeyCode.END);
        robot.type(KeyCode.ADD);
        robot.type(KeyCode.EQUALS);
        robot.type(KeyCode.SUBTRACT);
        assertEquals(List.of("togglePlay", "stepForward", "stepForward", "stepBack", "home", "end", "faster", "faster", "slower"),
                fake.calls);
        assertTrue(fake.playingProperty().get());

        robot.type(KeyCode.ESCAPE);
        assertFalse(shell.viewModel().isPresenterMode());
        assertTrue(robot.lookup(".nav-rail").query().isVisible());
        assertEquals(normalFont, fake.label.getFont().getSize(), 1e-9);
        // The status bar shows the view's step text, seed and speed.
        assertEquals("step 1", robot.lookup("#status-step").queryAs(Label.class).getText());
        // A long backend reason gives way; the step, the seed and the backend setting are never squeezed.
        for (String id : List.of("#status-step", "#status-seed", "#status-backend-choice")) {
            Region item = robot.lookup(id).queryAs(Region.class);
            if (!item.isManaged()) continue; // the setting shows only where two backends can run
            assertTrue(item.getWidth() >= item.prefWidth(-1) - 0.5, id + " squeezed to " + item.getWidth() + " of " + item.prefWidth(-1));
        }
        assertEquals("1×", robot.lookup(".speed-label").queryAs(Label.class).getText());

        robot.clickOn("#tb-forward");
        assertEquals("stepForward", fake.calls.get(fake.calls.size() - 1), "toolbar buttons go to the same transport");
        robot.clickOn("#tb-presenter");
        assertTrue(shell.viewModel().isPresenterMode());
        // Views can be changed without the rail: Ctrl+PgUp/PgDn.
        robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_UP).release(KeyCode.CONTROL);
        assertEquals("backprop", shell.viewModel().getCurrentViewId());
        robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
        assertSame(fake.root(), centre(robot));
        robot.type(KeyCode.F5);
        assertFalse(shell.viewModel().isPresenterMode());
    }

    @Test
    void exportWritesThePictureOfTheViewArea(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        robot.clickOn("#nav-fake");
        java.nio.file.Path png = dir.resolve("fake.png");
        robot.interact(() -> { shell.exportCurrentView(png); });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png) && !shell.viewModel().messageProperty().get().isEmpty());
        var img = javax.imageio.ImageIO.read(png.toFile());
        Region area = robot.lookup("#view-area").queryAs(Region.class);
        assertEquals((int) Math.ceil(area.getWidth()), img.getWidth());
        assertEquals((int) Math.ceil(area.getHeight()), img.getHeight());
        assertTrue(shell.viewModel().messageProperty().get().startsWith("saved fake.png"), shell.viewModel().messageProperty().get());
        assertTrue(robot.lookup("#status-message").queryAs(Label.class).isVisible());
    }

    @Test
    void helpOverlayOpensWithF1AndClosesWithEscape(FxRobot robot) {
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
        robot.type(KeyCode.F1);
        assertTrue(robot.lookup("#help-overlay").query().isVisible());
        assertTrue(robot.lookup(".help-key").queryAll().size() >= 8);
        robot.type(KeyCode.ESCAPE);
        assertFalse(robot.lookup("#help-overlay").query().isVisible());
    }

    @Test
    void closingTheWindowDisposesViewsAndStopsWorkerThreads(FxRobot robot) throws Exception {
        robot.clickOn("#nav-fake");
        assertTrue(Workers.liveThreads() > 0, "the fake view's training worker runs");
        robot.interact(stage::close);
        assertTrue(fake.disposed);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Workers.liveThreads() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertEquals(0, Workers.liveThreads(), "no worker thread survives the window");
    }
}
