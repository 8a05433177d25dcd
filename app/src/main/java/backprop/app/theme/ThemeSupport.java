package backprop.app.theme;

import javafx.scene.Parent;
import javafx.scene.Scene;

/** Puts the app's stylesheets on a scene and switches a root between themes by style class. */
public final class ThemeSupport {
    private ThemeSupport() {}

    /** Loads every sheet on {@code scene} (once) and shows {@code theme}. */
    public static void install(Scene scene, Theme theme) {
        scene.getStylesheets().setAll(Theme.stylesheets());
        apply(scene.getRoot(), theme);
    }

    /** Switches {@code root} (a scene root) to {@code theme}: exactly one theme class at a time. */
    public static void apply(Parent root, Theme theme) {
        root.getStyleClass().removeIf(c -> c.startsWith(Styles.THEME_PREFIX));
        root.getStyleClass().add(theme.styleClass());
    }

    /** The theme a root currently shows, or null. */
    public static Theme current(Parent root) {
        for (Theme t : Theme.values()) if (root.getStyleClass().contains(t.styleClass())) return t;
        return null;
    }
}
