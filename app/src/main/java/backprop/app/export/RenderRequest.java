package backprop.app.export;

import backprop.app.theme.Theme;
import backprop.engine.spec.NetworkSpec;

/**
 * What to draw headlessly: view id, optional spec (null: the view's default), training steps to
 * advance, picture size in pixels, theme, whether to use presenter-mode scaling, and the
 * sub-step within the training step (the backprop view's timeline position; 0 elsewhere).
 */
public record RenderRequest(String viewId, NetworkSpec spec, int step, int width, int height, Theme theme, boolean presenter, int substep) {
    public static final int DEFAULT_WIDTH = 1280;
    public static final int DEFAULT_HEIGHT = 800;

    public RenderRequest {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        if (step < 0) throw new IllegalArgumentException("step must be >= 0, got " + step);
        if (substep < 0) throw new IllegalArgumentException("substep must be >= 0, got " + substep);
        if (theme == null) theme = Theme.LIGHT;
    }

    /** At the first sub-step of the training step. */
    public RenderRequest(String viewId, NetworkSpec spec, int step, int width, int height, Theme theme, boolean presenter) {
        this(viewId, spec, step, width, height, theme, presenter, 0);
    }

    public static RenderRequest of(String viewId, int width, int height) {
        return new RenderRequest(viewId, null, 0, width, height, Theme.LIGHT, false);
    }
}
