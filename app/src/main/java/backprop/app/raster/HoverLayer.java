package backprop.app.raster;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;

/**
 * A canvas for what follows the pointer (a readout, a cursor), over a drawing that changes every
 * frame. It is erased only after something was drawn on it, so while nothing is hovered it holds
 * no picture and costs the renderer nothing. FX thread only.
 */
public final class HoverLayer extends Canvas {
    private boolean drawn;

    public HoverLayer() {
        setMouseTransparent(true);
    }

    /** Sizes the layer to {@code w} × {@code h}, erases what it showed, and returns its context. */
    public GraphicsContext begin(double w, double h) {
        setWidth(w);
        setHeight(h);
        GraphicsContext g = getGraphicsContext2D();
        if (drawn) {
            g.clearRect(0, 0, w, h);
            drawn = false;
        }
        return g;
    }

    /** Says that something was drawn since {@link #begin}, to be erased next time. */
    public void drawn() { drawn = true; }
}
