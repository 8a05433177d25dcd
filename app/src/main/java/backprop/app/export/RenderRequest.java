package backprop.app.export;

import backprop.app.theme.Theme;
import backprop.engine.spec.NetworkSpec;

/**
 * What to draw headlessly: view id, optional spec (null: the view's default), steps to advance,
 * picture size in pixels, theme, and whether to use presenter-mode scaling.
 */
public record RenderRequest(String viewId, NetworkSpec spec, int step, int width, int height, Theme theme, boolean presenter) {
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 800;

    public RenderRequest {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (theme == null) theme = Theme.LIGHT;
    }

    public static RenderRequest of(String viewId, int width, int height) {
        return new RenderRequest(viewId, null, 0, width, height, Theme.LIGHT, false);
    }
}
