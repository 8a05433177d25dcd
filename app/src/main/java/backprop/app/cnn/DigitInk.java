package backprop.app.cnn;

/**
 * A digit drawn with the mouse on a 28×28 grid, and the same digit prepared the way MNIST's
 * were: the ink's bounding box scaled to fit a 20×20 box (keeping its proportions), then moved
 * so its centre of mass lies at the centre of the 28×28 image. Without that step a digit drawn
 * small or in a corner looks nothing like what the network was trained on.
 *
 * <p>Strokes are thick and soft, like a pen scanned at low resolution: full ink within about a
 * pixel of the pointer, fading to nothing a pixel further out.
 */
final class DigitInk {
    static final int SIDE = 28, BOX = 20;
    private static final double CORE = 0.9, FADE = 1.1; // in grid pixels
    private static final double STEP = 0.25; // spacing of brush dabs along a drag, so fast drags leave no gaps

    private final float[] ink = new float[SIDE * SIDE];
    private double lastX = Double.NaN, lastY = Double.NaN;

    /** The raw ink, [28·28] in [0, 1], row by row (a copy). */
    float[] raw() { return ink.clone(); }

    boolean isEmpty() {
        for (float v : ink) if (v > 0) return false;
        return true;
    }

    void clear() {
        java.util.Arrays.fill(ink, 0f);
        lift();
    }

    /** Ends a stroke: the next {@link #drawTo} starts a new one. */
    void lift() { lastX = lastY = Double.NaN; }

    /** Continues the stroke to ({@code x}, {@code y}) in grid pixels (0..28, fractional). */
    void drawTo(double x, double y) {
        if (Double.isNaN(lastX)) {
            dab(x, y);
        } else {
            double d = Math.hypot(x - lastX, y - lastY);
            int n = Math.max(1, (int) Math.ceil(d / STEP));
            for (int i = 1; i <= n; i++) dab(lastX + (x - lastX) * i / n, lastY + (y - lastY) * i / n);
        }
        lastX = x;
        lastY = y;
    }

    private void dab(double x, double y) {
        int r = (int) Math.ceil(CORE + FADE);
        for (int row = (int) y - r; row <= (int) y + r; row++) {
            for (int col = (int) x - r; col <= (int) x + r; col++) {
                if (row < 0 || row >= SIDE || col < 0 || col >= SIDE) continue;
                double d = Math.hypot(col + 0.5 - x, row + 0.5 - y);
                double v = d <= CORE ? 1 : Math.max(0, 1 - (d - CORE) / FADE);
                int i = row * SIDE + col;
                if (v > ink[i]) ink[i] = (float) v;
            }
        }
    }

    /** The ink as the network should see it: scaled into 20×20, centred by mass in 28×28. All zeros if nothing is drawn. */
    float[] prepared() { return prepare(ink); }

    static float[] prepare(float[] img) {
        int top = SIDE, left = SIDE, bottom = -1, right = -1;
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                if (img[r * SIDE + c] > 0.01f) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        float[] out = new float[SIDE * SIDE];
        if (bottom < 0) return out;
        int h = bottom - top + 1, w = right - left + 1;
        double scale = (double) BOX / Math.max(h, w);
        int sh = Math.max(1, (int) Math.round(h * scale)), sw = Math.max(1, (int) Math.round(w * scale));
        // Area-weighted resampling of the box into sh × sw: each target pixel averages the source it covers.
        float[] small = new float[sh * sw];
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                double y0 = top + r / scale, y1 = top + (r + 1) / scale, x0 = left + c / scale, x1 = left + (c + 1) / scale;
                double sum = 0, area = 0;
                for (int yy = (int) Math.floor(y0); yy < Math.ceil(y1); yy++) {
                    double fy = Math.min(y1, yy + 1) - Math.max(y0, yy);
                    if (fy <= 0 || yy < 0 || yy >= SIDE) continue;
                    for (int xx = (int) Math.floor(x0); xx < Math.ceil(x1); xx++) {
                        double fx = Math.min(x1, xx + 1) - Math.max(x0, xx);
                        if (fx <= 0 || xx < 0 || xx >= SIDE) continue;
                        sum += fy * fx * img[yy * SIDE + xx];
                        area += fy * fx;
                    }
                }
                small[r * sw + c] = area > 0 ? (float) Math.min(1, sum / area) : 0f;
            }
        }
        double mass = 0, my = 0, mx = 0;
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                double v = small[r * sw + c];
                mass += v;
                my += v * (r + 0.5);
                mx += v * (c + 0.5);
            }
        }
        int offY = (int) Math.round(SIDE / 2.0 - my / mass), offX = (int) Math.round(SIDE / 2.0 - mx / mass);
        for (int r = 0; r < sh; r++) {
            for (int c = 0; c < sw; c++) {
                int y = r + offY, x = c + offX;
                if (y >= 0 && y < SIDE && x >= 0 && x < SIDE) out[y * SIDE + x] = small[r * sw + c];
            }
        }
        return out;
    }
}
