package backprop.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.theme.Theme;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {
    private final ShellViewModel vm = new ShellViewModel(List.of("playground", "backprop"));

    @Test
    void navigatesOnlyToAvailableViews() {
        assertNull(vm.getCurrentViewId());
        assertTrue(vm.navigate("backprop"));
        assertEquals("backprop", vm.getCurrentViewId());
        assertFalse(vm.navigate("recurrent"), "a coming-soon view must not be shown");
        assertFalse(vm.navigate(null));
        assertEquals("backprop", vm.getCurrentViewId());
        assertTrue(vm.navigate("playground"));
        assertEquals("playground", vm.getCurrentViewId());
    }

    @Test
    void nextAndPreviousViewWrapRound() {
        vm.navigateBy(1);
        assertEquals("backprop", vm.getCurrentViewId(), "from nothing, +1 is the second view");
        vm.navigateBy(1);
        assertEquals("playground", vm.getCurrentViewId());
        vm.navigateBy(-1);
        assertEquals("backprop", vm.getCurrentViewId());
    }

    @Test
    void themeCyclesThroughAllThree() {
        assertEquals(Theme.LIGHT, vm.getTheme());
        vm.nextTheme();
        assertEquals(Theme.DARK, vm.getTheme());
        vm.nextTheme();
        assertEquals(Theme.HIGH_CONTRAST, vm.getTheme());
        vm.nextTheme();
        assertEquals(Theme.LIGHT, vm.getTheme());
    }

    @Test
    void escapeClosesHelpBeforeLeavingPresenterMode() {
        vm.togglePresenter();
        assertTrue(vm.isPresenterMode());
        vm.toggleHelp();
        assertTrue(vm.isHelpVisible());
        vm.leave();
        assertFalse(vm.isHelpVisible());
        assertTrue(vm.isPresenterMode(), "first Esc only closes the help");
        vm.leave();
        assertFalse(vm.isPresenterMode());
    }

    @Test
    void enteringPresenterModeHidesHelp() {
        vm.toggleHelp();
        vm.setPresenterMode(true);
        assertFalse(vm.isHelpVisible());
    }

    @Test
    void statusTexts() {
        vm.setSeed(42);
        assertEquals("seed 42", vm.seedTextProperty().get());
        vm.setSeed(-1);
        assertEquals("", vm.seedTextProperty().get());
        vm.setFps(59.6);
        assertEquals("60 fps", vm.fpsTextProperty().get());
        vm.setBackend("java", "highest-ranked available backend");
        assertEquals("backend java", vm.backendTextProperty().get());
        assertEquals("highest-ranked available backend", vm.backendReasonProperty().get());
    }

    @Test
    void choosingABackendSwitchesTheEngineLiveAndSaysHowReproducibleItIs() {
        String before = backprop.engine.backend.Backends.current().name();
        try {
            ShellViewModel vm = new ShellViewModel(List.of("playground"));
            vm.initBackends();
            assertTrue(vm.backendChoices().contains("java"), vm.backendChoices()::toString);
            assertEquals(before, vm.chosenBackendProperty().get());
            vm.chosenBackendProperty().set("java");
            assertEquals("java", backprop.engine.backend.Backends.current().name(), "the next step uses it");
            assertEquals("backend java", vm.backendTextProperty().get());
            assertTrue(vm.backendReasonProperty().get().contains("bit-identical"), vm.backendReasonProperty()::get);
        } finally {
            backprop.engine.backend.Backends.use(before);
        }
    }

    @Test
    void frameRateAveragesOverHalfSecondWindows() {
        FrameRate r = new FrameRate();
        long frame = 1_000_000_000L / 50; // 50 fps
        assertFalse(r.frame(0));
        boolean ready = false;
        long t = 0;
        for (int i = 0; i < 30 && !ready; i++) {
            t += frame;
            ready = r.frame(t);
        }
        assertTrue(ready);
        assertEquals(50.0, r.fps(), 1e-9);
    }

    @Test
    void themeIdsParse() {
        assertEquals(Theme.HIGH_CONTRAST, Theme.byId("High-Contrast"));
        assertEquals(4, Theme.stylesheets().size(), "base sheet + one colour sheet per theme, loaded once");
        assertTrue(Theme.stylesheets().get(3).endsWith("/high-contrast.css"));
        assertEquals("theme-high-contrast", Theme.HIGH_CONTRAST.styleClass());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Theme.byId("sepia"));
    }
}
