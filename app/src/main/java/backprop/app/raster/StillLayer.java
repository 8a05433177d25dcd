package backprop.app.raster;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * Text and lines drawn with a JavaFX {@link Canvas} over a {@link PixelCanvas}, which, once they
 * have stayed the same for a frame, are copied into the pixel canvas and no longer drawn by JavaFX.
 *
 * <p>Why: in software rendering every layer over a changing picture is composited again each frame,
 * a pass over its whole area even where it is empty. Labels and axes that do not change while a
 * network trains cost that pass for nothing; copied in, they cost only their own pixels.
 *
 * <p>The canvas keeps receiving the mouse: it is made fully transparent (which JavaFX does not
 * render), not invisible. FX thread only.
 */
public final class StillLayer {
    private final Canvas canvas;
    private Object key = new Object();
    private boolean fresh;
    private int[] index, argb;
    /** Counts pictures drawn; a copy made while another was drawn is thrown away. */
    private long drawn;
    private boolean copyPending;

    public StillLayer(Canvas canvas) {
        this.canvas = canvas;
    }

    /**
     * The canvas's context, cleared and shown, if {@code key} (everything the picture depends on)
     * differs from the last call's; null when the picture is unchanged and need not be drawn.
     */
    public GraphicsContext redraw(Object key) {
        if (key.equals(this.key)) return null;
        this.key = key;
        drawn++;
        fresh = true;
        index = null;
        argb = null;
        canvas.setOpacity(1);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        return g;
    }

    /** Forgets the picture: the next {@link #redraw} draws whatever its key. */
    public void invalidate() { key = new Object(); }

    /**
     * Lays the layer over {@code target}'s current drawing (call before its commit): from the frame
     * after the picture was found unchanged on, as pixels; until then the canvas shows it.
     */
    public void composeInto(PixelCanvas target) {
        if (!fresh && index == null && !copyPending) {
            // Copied later, from the event loop itself: taking a snapshot runs the scene's CSS and
            // layout, which must not happen inside a CSS or layout pass (this may be called from
            // one, when a theme colour or a size changes).
            copyPending = true;
            long picture = drawn;
            Platform.runLater(() -> {
                copyPending = false;
                if (picture == drawn && index == null) copy(target);
            });
        }
        fresh = false;
        if (index != null) target.overlay(index, argb);
    }

    /**
     * Takes the canvas's pixels and shows them in {@code target}'s current picture instead of the
     * canvas. The snapshot first brings the scene's CSS and layout up to date, which may resize
     * and redraw this very picture (say the window just went full screen); then the copy no
     * longer fits and is dropped, to be taken once the picture stands still again.
     */
    private void copy(PixelCanvas target) {
        double s = target.scale();
        int w = target.pixelWidth(), h = target.pixelHeight();
        long before = drawn;
        double cw = canvas.getWidth(), ch = canvas.getHeight();
        WritableImage img = snapshot(s, w, h);
        if (drawn != before || w != target.pixelWidth() || h != target.pixelHeight() || cw != canvas.getWidth() || ch != canvas.getHeight()) return;
        int[] px = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), px, 0, w);
        int n = 0;
        for (int v : px) if (v != 0) n++;
        index = new int[n];
        argb = new int[n];
        n = 0;
        for (int i = 0; i < px.length; i++) {
            if (px[i] != 0) {
                index[n] = i;
                argb[n++] = px[i];
            }
        }
        target.overlay(index, argb);
        target.commit();
        canvas.setOpacity(0);
    }

    private WritableImage snapshot(double s, int w, int h) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        p.setTransform(Transform.scale(s, s));
        p.setViewport(new Rectangle2D(0, 0, w, h));
        return canvas.snapshot(p, new WritableImage(w, h));
    }
}
