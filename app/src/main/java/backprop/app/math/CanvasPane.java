package backprop.app.math;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A region holding one canvas that always fills it; subclasses draw in {@link #redraw()}, which
 * runs again whenever the size changes. (Canvas beats many scene nodes for edge-heavy drawings.)
 */
public abstract class CanvasPane extends Region {
    protected final Canvas canvas = new Canvas();

    protected CanvasPane() {
        getChildren().add(canvas);
        canvas.setFocusTraversable(false);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth()), h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    /** The canvas's context with everything erased, ready for a full redraw. */
    protected GraphicsContext cleared() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    /** Draws everything from the current state. */
    protected abstract void redraw();
}
