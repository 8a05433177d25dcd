package backprop.app.shell;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.view.ViewRegistry;
import backprop.app.views.StudioViews;
import java.util.Optional;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.javafx.IkonResolver;

class ShellKeysAndIconsTest {
    @Test
    void presenterKeysMapToTransportActions() {
        assertEquals(Optional.of(ShellAction.PLAY_PAUSE), ShellKeys.forPressed(KeyCode.SPACE, false));
        assertEquals(Optional.of(ShellAction.STEP_FORWARD), ShellKeys.forPressed(KeyCode.RIGHT, false));
        assertEquals(Optional.of(ShellAction.STEP_BACK), ShellKeys.forPressed(KeyCode.LEFT, false));
        assertEquals(Optional.of(ShellAction.HOME), ShellKeys.forPressed(KeyCode.HOME, false));
        assertEquals(Optional.of(ShellAction.END), ShellKeys.forPressed(KeyCode.END, false));
        for (KeyCode plus : new KeyCode[] {KeyCode.PLUS, KeyCode.ADD, KeyCode.EQUALS}) {
            assertEquals(Optional.of(ShellAction.FASTER), ShellKeys.forPressed(plus, false), plus.toString());
        }
        for (KeyCode minus : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            assertEquals(Optional.of(ShellAction.SLOWER), ShellKeys.forPressed(minus, false), minus.toString());
        }
        assertEquals(Optional.of(ShellAction.TOGGLE_PRESENTER), ShellKeys.forPressed(KeyCode.F5, false));
        assertEquals(Optional.of(ShellAction.LEAVE), ShellKeys.forPressed(KeyCode.ESCAPE, false));
        assertEquals(Optional.of(ShellAction.EXPORT_PNG), ShellKeys.forPressed(KeyCode.E, true));
        assertEquals(Optional.empty(), ShellKeys.forPressed(KeyCode.E, false));
        assertEquals(Optional.of(ShellAction.STEP_FORWARD), ShellKeys.forPressed(KeyCode.PAGE_DOWN, false), "clicker");
        assertEquals(Optional.of(ShellAction.STEP_BACK), ShellKeys.forPressed(KeyCode.PAGE_UP, false), "clicker");
        assertEquals(Optional.of(ShellAction.NEXT_VIEW), ShellKeys.forPressed(KeyCode.PAGE_DOWN, true));
        assertEquals(Optional.of(ShellAction.TOGGLE_HELP), ShellKeys.forTyped("?"));
        for (ShellAction a : ShellAction.values()) {
            if (a.isTransport()) assertTrue(!ShellKeys.worksWhileTyping(a), a + " must not steal keys from a text field");
        }
    }

    @Test
    void everyIconLiteralExistsInThePack() {
        for (String literal : Icons.ALL) {
            assertDoesNotThrow(() -> IkonResolver.getInstance().resolve(literal), literal);
        }
        for (ViewRegistry.Entry e : StudioViews.registry().entries()) {
            assertDoesNotThrow(() -> IkonResolver.getInstance().resolve(e.iconLiteral()), e.id());
        }
    }

    @Test
    void registryCreatesViewsLazilyOnce() {
        ViewRegistry r = StudioViews.registry();
        assertEquals(java.util.List.of("playground", "backprop", "recurrent", "text", "gradients", "cnn", "depth", "editor", "lessons"), r.availableIds());
        assertTrue(r.createdViews().isEmpty());
    }
}
