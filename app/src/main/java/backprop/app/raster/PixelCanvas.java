package backprop.app.raster;

import java.nio.IntBuffer;
import java.util.Arrays;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A small software canvas for drawings that change every frame: premultiplied ARGB pixels in a
 * Java array, shown through an {@link ImageView} that JavaFX only has to copy.
 *
 * <p>Why not a {@link javafx.scene.canvas.Canvas}: with software rendering (what these machines
 * and many classroom PCs use) a canvas re-rasterises every anti-aliased stroke each time it
 * changes, and a network's 150 edges plus 27 rounded heat-map thumbnails cost about 10 ms of the
 * render thread per frame. Here a line's pixels are found once ({@link StrokePath}) and a rounded
 * square is a distance test per pixel, so a whole frame is a couple of milliseconds.
 *
 * <p>Coordinates are in layout pixels; {@link #resize} takes the screen's output scale so the
 * picture stays sharp on HiDPI screens. FX thread only: {@link #commit()} hands the pixels over.
 */
public final class PixelCanvas {
    private final ImageView view = new ImageView();
    private int width, height;
    private double scale = 1;
    /**
     * Two buffers: JavaFX's render thread copies the shown one into a texture while the FX thread
     * may already be drawing the next frame, so the next frame goes into the other.
     */
    private final int[][] pixels = {new int[0], new int[0]};
    private final PixelBuffer<IntBuffer>[] buffers = newBuffers();
    private final WritableImage[] images = new WritableImage[2];
    private int drawing;
    private boolean published;
    private int[] px = pixels[0];

    @SuppressWarnings("unchecked")
    private static PixelBuffer<IntBuffer>[] newBuffers() { return new PixelBuffer[2]; }

    public PixelCanvas() {
        view.setMouseTransparent(true);
        view.setSmooth(false);
    }

    /** The node showing the pixels. */
    public ImageView view() { return view; }

    public int pixelWidth() { return width; }

    public int pixelHeight() { return height; }

    /** Layout pixels to image pixels. */
    public double scale() { return scale; }

    /** Sizes the canvas to {@code w} × {@code h} layout pixels at {@code outputScale} pixels each; true if it changed. */
    public boolean resize(double w, double h, double outputScale) {
        int pw = Math.max(1, (int) Math.ceil(w * outputScale)), ph = Math.max(1, (int) Math.ceil(h * outputScale));
        view.setFitWidth(w);
        view.setFitHeight(h);
        if (pw == width && ph == height && outputScale == scale) return false;
        width = pw;
        height = ph;
        scale = outputScale;
        for (int b = 0; b < 2; b++) {
            pixels[b] = new int[pw * ph];
            buffers[b] = new PixelBuffer<>(pw, ph, IntBuffer.wrap(pixels[b]), PixelFormat.getIntArgbPreInstance());
            images[b] = new WritableImage(buffers[b]);
        }
        drawing = 0;
        published = false;
        px = pixels[0];
        view.setImage(images[1]);
        return true;
    }

    /** Starts a frame: transparent everywhere. */
    public void clear() {
        next();
        Arrays.fill(px, 0);
    }

    /** Starts a frame: {@code c} everywhere. */
    public void clear(Color c) {
        next();
        Arrays.fill(px, premultiplied(c, 1));
    }

    /** After a commit, drawing moves to the buffer not on screen. */
    private void next() {
        if (!published) return;
        drawing = 1 - drawing;
        px = pixels[drawing];
        published = false;
    }

    /** Shows what was drawn since the frame started. */
    public void commit() {
        if (buffers[drawing] == null) return;
        buffers[drawing].updateBuffer(b -> null);
        if (view.getImage() != images[drawing]) view.setImage(images[drawing]);
        published = true;
    }

    /** The premultiplied ARGB value at image pixel (x, y) (tests). */
    public int argbAt(int x, int y) { return px[y * width + x]; }

    // ------------------------------------------------------------------ lines

    /**
     * Draws {@code path} {@code lineWidth} layout pixels wide in {@code c}. The path must have
     * been laid out for this canvas's size with a reach of at least half the width plus one pixel.
     */
    public void stroke(StrokePath path, Color c, double lineWidth) {
        stroke(path, premultiplied(c, 1), lineWidth);
    }

    /** As {@link #stroke(StrokePath, Color, double)}, the colour given as premultiplied ARGB. */
    public void stroke(StrokePath path, int colour, double lineWidth) {
        double w = lineWidth * scale;
        // Lines thinner than a pixel are drawn a pixel wide and fainter, as a rasteriser's coverage would be.
        double half = Math.max(w, 1) / 2;
        int pre = w >= 1 ? colour : scaled(colour, (int) (w * 256));
        int[] index = path.index;
        float[] distance = path.distance;
        double edge = half + 0.5;
        int lastBand = (int) edge;
        for (int k = 0; k < index.length; k++) {
            double d = distance[k];
            if (d >= edge) {
                if ((int) d > lastBand) break; // bands are nearest first
                continue;
            }
            double cover = edge - d;
            blend(index[k], pre, cover >= 1 ? 256 : (int) (cover * 256));
        }
    }

    /**
     * Draws polylines (x0, y0, x1, y1, …, in layout pixels) once, {@code lineWidth} wide: for lines
     * that change every frame, where sorting a {@link StrokePath} by distance would not pay. Where
     * pieces overlap, a pixel is covered once, as by one path.
     */
    public void polylines(java.util.List<double[]> pieces, Color c, double lineWidth) {
        double w = lineWidth * scale, fade = Math.min(1, w), edge = Math.max(w, 1) / 2 + 0.5;
        StrokePath path = StrokePath.build(pieces, scale, edge, width, height, false);
        int pre = premultiplied(c, fade);
        for (int k = 0; k < path.index.length; k++) {
            double cover = edge - path.distance[k];
            if (cover > 0) blend(path.index[k], pre, cover >= 1 ? 256 : (int) (cover * 256));
        }
    }

    // ------------------------------------------------------------------ rounded rectangles

    /**
     * A rectangle with corners of {@code radius} (half the side gives a circle) whose top-left
     * corner is put on the nearest pixel, filled with {@code fill} (null: not filled) and then
     * outlined in {@code border} {@code borderWidth} wide (null: no outline).
     */
    public void roundRect(double x, double y, double w, double h, double radius, Color fill, Color border, double borderWidth) {
        draw(shape(w, h, radius, borderWidth), x, y, fill, null, 0, border);
    }

    /**
     * As {@link #roundRect}, filled with an opaque {@code n} × {@code n} ARGB image (row-major)
     * stretched over it with bilinear smoothing.
     */
    public void imageRect(double x, double y, double w, double h, double radius, int[] image, int n, Color border, double borderWidth) {
        draw(shape(w, h, radius, borderWidth), x, y, null, image, n, border);
    }

    /** Source rows stretched to a shape's width (reused). */
    private int[] rows = new int[0];

    private final java.util.Map<java.util.List<Double>, RoundRect> shapes = new java.util.HashMap<>();

    /** Shapes are laid out once per size: a network's thumbnails share one. */
    private RoundRect shape(double w, double h, double radius, double borderWidth) {
        java.util.List<Double> key = java.util.List.of(w, h, radius, borderWidth, scale);
        RoundRect s = shapes.get(key);
        if (s == null) {
            if (shapes.size() > 64) shapes.clear();
            s = new RoundRect(w * scale, h * scale, radius * scale, borderWidth * scale);
            shapes.put(key, s);
        }
        return s;
    }

    private void draw(RoundRect s, double x, double y, Color fill, int[] image, int n, Color border) {
        int ox = (int) Math.round(x * scale) - s.pad, oy = (int) Math.round(y * scale) - s.pad;
        int fillPre = fill == null ? 0 : premultiplied(fill, 1), borderPre = border == null ? 0 : premultiplied(border, s.borderFade);
        int[] srcY = null, fracY = null;
        if (image != null) {
            // Bilinear, done separably: every source row stretched to the shape's width once, then
            // each pixel blends two stretched rows. Colours are blended two channels at a time.
            int[] srcX = s.srcX(n), fracX = s.fracX;
            srcY = s.srcY;
            fracY = s.fracY;
            if (rows.length < n * s.w) rows = new int[n * s.w];
            for (int r = 0; r < n; r++) {
                int base = r * n, out = r * s.w;
                for (int c = 0; c < s.w; c++) {
                    int sx = base + srcX[c];
                    rows[out + c] = lerpPacked(image[sx], image[Math.min(base + n - 1, sx + 1)], fracX[c]);
                }
            }
        }
        for (int j = 0; j < s.h; j++) {
            int py = oy + j;
            if (py < 0 || py >= height) continue;
            int r0 = 0, r1 = 0, f = 0;
            if (image != null) {
                r0 = srcY[j] * s.w;
                r1 = Math.min(n - 1, srcY[j] + 1) * s.w;
                f = fracY[j];
            }
            // Clipped to the canvas; the row's solid middle (fully inside, clear of the outline) is written directly.
            int from = Math.max(0, -ox), to = Math.min(s.w, width - ox);
            int solidFrom = Math.max(from, s.solidFrom[j]), solidTo = Math.min(to, s.solidTo[j]);
            if (solidFrom >= solidTo) solidFrom = solidTo = to;
            int row = py * width + ox;
            if (image != null) {
                for (int c = solidFrom; c < solidTo; c++) px[row + c] = 0xff000000 | lerpPacked(rows[r0 + c], rows[r1 + c], f);
            } else if (fillPre >>> 24 == 255) {
                Arrays.fill(px, row + solidFrom, row + solidTo, fillPre);
            } else if (fillPre != 0) {
                for (int c = solidFrom; c < solidTo; c++) blend(row + c, fillPre, 256);
            }
            for (int c = from; c < to; c++) {
                if (c == solidFrom) c = solidTo;
                if (c >= to) break;
                int k = j * s.w + c, i = row + c, cover = s.fill[k];
                if (cover > 0) {
                    if (image != null) blend(i, 0xff000000 | lerpPacked(rows[r0 + c], rows[r1 + c], f), cover);
                    else if (fillPre != 0) blend(i, fillPre, cover);
                }
                if (borderPre != 0 && s.border[k] > 0) blend(i, borderPre, s.border[k]);
            }
        }
    }

    /** (1 − f/256)·a + f/256·b for the red, green and blue bytes of a and b at once (alpha dropped). */
    private static int lerpPacked(int a, int b, int f) {
        int g = 256 - f;
        int rb = (((a & 0xff00ff) * g + (b & 0xff00ff) * f) >>> 8) & 0xff00ff;
        int gg = (((a & 0x00ff00) * g + (b & 0x00ff00) * f) >>> 8) & 0x00ff00;
        return rb | gg;
    }

    /** Source pixel and fraction (0–255) for each of {@code count} pixels, the rectangle starting {@code pad} in and {@code size} long. */
    private static void axis(int count, int pad, double size, int n, int[] src, int[] frac) {
        for (int c = 0; c < count; c++) {
            double u = Math.max(0, Math.min(n - 1, (c - pad + 0.5) * n / size - 0.5));
            src[c] = (int) u;
            frac[c] = (int) ((u - (int) u) * 256);
        }
    }


    /** A rounded rectangle's coverage per pixel, for its fill and its outline, found once from its signed distance. */
    private static final class RoundRect {
        final int pad, w, h;
        final double rectW, rectH, borderFade;
        final int[] fill, border;
        /** Per row, the columns [solidFrom, solidTo) fully inside and untouched by the outline. */
        final int[] solidFrom, solidTo;
        private int sampled = -1;
        private int[] srcX, fracX, srcY, fracY;

        /** Where each of the shape's columns and rows samples an n × n image (computed once per n). */
        int[] srcX(int n) {
            if (n != sampled) {
                srcX = new int[w];
                fracX = new int[w];
                srcY = new int[h];
                fracY = new int[h];
                axis(w, pad, rectW, n, srcX, fracX);
                axis(h, pad, rectH, n, srcY, fracY);
                sampled = n;
            }
            return srcX;
        }

        RoundRect(double rw, double rh, double radius, double borderWidth) {
            rectW = rw;
            rectH = rh;
            borderFade = Math.min(1, borderWidth);
            double half = Math.max(borderWidth, 1) / 2;
            pad = (int) Math.ceil(half + 1);
            w = (int) Math.ceil(rw) + 2 * pad;
            h = (int) Math.ceil(rh) + 2 * pad;
            fill = new int[w * h];
            border = new int[w * h];
            double hw = rw / 2, hh = rh / 2, r = Math.max(0, Math.min(radius, Math.min(hw, hh)));
            double cx = pad + hw, cy = pad + hh;
            for (int j = 0; j < h; j++) {
                double qy = Math.abs(j + 0.5 - cy) - (hh - r);
                for (int c = 0; c < w; c++) {
                    double qx = Math.abs(c + 0.5 - cx) - (hw - r);
                    // Signed distance from the pixel's centre to the outline: negative inside.
                    double ox = Math.max(qx, 0), oy = Math.max(qy, 0);
                    double d = Math.sqrt(ox * ox + oy * oy) + Math.min(Math.max(qx, qy), 0) - r;
                    fill[j * w + c] = cover(0.5 - d);
                    border[j * w + c] = borderWidth > 0 ? cover(half + 0.5 - Math.abs(d)) : 0;
                }
            }
            solidFrom = new int[h];
            solidTo = new int[h];
            for (int j = 0; j < h; j++) {
                int a = 0;
                while (a < w && !(fill[j * w + a] == 256 && border[j * w + a] == 0)) a++;
                int b = a;
                while (b < w && fill[j * w + b] == 256 && border[j * w + b] == 0) b++;
                solidFrom[j] = a;
                solidTo[j] = b;
            }
        }

        private static int cover(double e) { return e <= 0 ? 0 : e >= 1 ? 256 : (int) (e * 256); }
    }

    // ------------------------------------------------------------------ heat maps

    private int[] lowerX = new int[0];
    private float[] fracXs = new float[0];
    private float[] stretched = new float[0];

    /**
     * Fills the square at ({@code x}, {@code y}) of side {@code side} with {@code values} (an n × n
     * grid, row-major, top row first, expected in [0, 1]) interpolated bilinearly at every pixel and
     * coloured through {@code lut} (256 opaque ARGB colours over [0, 1]; NaN gets {@code nanArgb}).
     * Values are interpolated before they are coloured, so a 0 next to a 1 passes through the
     * middle colour rather than a mix of the two ends. Cell centres keep their exact value.
     */
    public void heatMap(double x, double y, double side, float[] values, int n, int[] lut, int nanArgb) {
        int x0 = (int) Math.round(x * scale), y0 = (int) Math.round(y * scale);
        int size = (int) Math.round((x + side) * scale) - x0;
        if (size <= 0 || n < 2) return;
        if (lowerX.length < size) {
            lowerX = new int[size];
            fracXs = new float[size];
        }
        // Which two cells each pixel column (and row: the map is square) falls between, and how far.
        float[] frac = fracXs;
        for (int c = 0; c < size; c++) {
            double u = Math.max(0, Math.min(n - 1, (c + 0.5) * n / size - 0.5));
            lowerX[c] = Math.min(n - 2, (int) u);
            frac[c] = (float) (u - lowerX[c]);
        }
        // Every grid row stretched to the square's width once; each pixel then blends two of them.
        if (stretched.length < n * size) stretched = new float[n * size];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < size; c++) {
                int i = r * n + lowerX[c];
                stretched[r * size + c] = values[i] + (values[i + 1] - values[i]) * frac[c];
            }
        }
        int from = Math.max(0, -x0), to = Math.min(size, width - x0);
        for (int j = 0; j < size; j++) {
            int py = y0 + j;
            if (py < 0 || py >= height) continue;
            int top = lowerX[j] * size, bottom = top + size, row = py * width + x0;
            float f = frac[j];
            for (int c = from; c < to; c++) {
                float v = stretched[top + c] + (stretched[bottom + c] - stretched[top + c]) * f;
                px[row + c] = v != v ? nanArgb : lut[v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255 + 0.5f)];
            }
        }
    }

    /**
     * Fills the square at ({@code x}, {@code y}) of side {@code side} with an n × n grid of
     * colours ({@code argb}, row-major, top row first), each cell flat: for maps of categories,
     * where a blend of two neighbours would be a third category's colour.
     */
    public void cells(double x, double y, double side, int[] argb, int n) {
        int x0 = (int) Math.round(x * scale), y0 = (int) Math.round(y * scale);
        int size = (int) Math.round((x + side) * scale) - x0;
        if (size <= 0 || n < 1) return;
        int from = Math.max(0, -x0), to = Math.min(size, width - x0);
        for (int j = 0; j < size; j++) {
            int py = y0 + j;
            if (py < 0 || py >= height) continue;
            int cellRow = Math.min(n - 1, j * n / size) * n, row = py * width + x0;
            for (int c = from; c < to; c++) px[row + c] = argb[cellRow + Math.min(n - 1, c * n / size)];
        }
    }

    /** Lays premultiplied ARGB pixels {@code argb[k]} over pixel {@code index[k]} (see {@link StillLayer}). */
    void overlay(int[] index, int[] argb) {
        for (int k = 0; k < index.length; k++) if (index[k] < px.length) blend(index[k], argb[k], 256);
    }

    // ------------------------------------------------------------------ compositing

    /**
     * Source-over of {@code pre} (premultiplied ARGB) at coverage {@code cover} (0–256) onto pixel
     * {@code i}. Two channels are worked at once (red with blue, alpha with green).
     */
    private void blend(int i, int pre, int cover) {
        int s = cover < 256 ? scaled(pre, cover) : pre;
        int sa = s >>> 24;
        if (sa == 255) {
            px[i] = s;
            return;
        }
        if (s == 0) return;
        // d · (255 − sa) / 255, rounded, for two channels per multiply.
        int keep = 255 - sa, d = px[i];
        int rb = (d & 0xff00ff) * keep + 0x800080, ag = (d >>> 8 & 0xff00ff) * keep + 0x800080;
        rb = (rb + (rb >>> 8 & 0xff00ff)) >>> 8 & 0xff00ff;
        ag = (ag + (ag >>> 8 & 0xff00ff)) & 0xff00ff00;
        px[i] = s + (rb | ag);
    }

    /** {@code c} as premultiplied ARGB. */
    public static int premultiplied(Color c) { return premultiplied(c, 1); }

    /** Premultiplied ARGB {@code s} at {@code f}/256 of its strength. */
    private static int scaled(int s, int f) {
        return ((s & 0xff00ff) * f >>> 8 & 0xff00ff) | ((s >>> 8 & 0xff00ff) * f & 0xff00ff00);
    }

    /** {@code c} with its opacity times {@code fade}, as premultiplied ARGB. */
    private static int premultiplied(Color c, double fade) {
        double a = c.getOpacity() * fade;
        return (int) Math.round(a * 255) << 24 | channel(c.getRed() * a) << 16 | channel(c.getGreen() * a) << 8 | channel(c.getBlue() * a);
    }

    private static int channel(double v) { return (int) Math.round(v * 255); }
}
