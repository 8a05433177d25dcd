package backprop.app.cnn;

import backprop.app.draw.HeatMapImages;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Paints a grid of numbers as a crisp image (one square per number) in the palette's colours. */
final class Tiles {
    private Tiles() {}

    /** {@code values} (rows × cols) stretched over the rectangle, without smoothing, coloured on a symmetric scale of ±range. */
    static void paint(GraphicsContext g, float[] values, int rows, int cols, double range, double x, double y, double w, double h) {
        int[] px = new int[rows * cols];
        // HeatMapImages takes square grids; a rectangle's numbers are coloured through the same table.
        HeatMapImages.ColourScale scale = HeatMapImages.ColourScale.symmetric(range);
        for (int i = 0; i < px.length; i++) px[i] = argb(scale.colour(values[i]));
        WritableImage img = new WritableImage(cols, rows);
        img.getPixelWriter().setPixels(0, 0, cols, rows, PixelFormat.getIntArgbInstance(), px, 0, cols);
        boolean smooth = g.isImageSmoothing();
        g.setImageSmoothing(false);
        g.drawImage(img, x, y, w, h);
        g.setImageSmoothing(smooth);
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff << 24 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }
}
