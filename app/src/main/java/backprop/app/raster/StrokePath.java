package backprop.app.raster;

import java.util.Arrays;

/**
 * A line laid out once so that drawing it at any width costs only a walk over its nearby pixels.
 *
 * <p>For every pixel within {@code reach} of the polyline this keeps the pixel's index and its
 * distance to the line (from the pixel's centre), in one-pixel bands nearest first. Drawing at
 * half-width {@code h} visits the bands closer than {@code h + 0.5} and stops: no path flattening,
 * stroking or scan conversion per frame, which is what a software renderer spends its time on
 * when a network's edges change colour and thickness sixty times a second.
 */
public final class StrokePath {
    final int[] index;
    final float[] distance;

    private StrokePath(int[] index, float[] distance) {
        this.index = index;
        this.distance = distance;
    }

    /** Pixels of a {@code width} × {@code height} image this path covers at {@code reach}. */
    public int size() { return index.length; }

    /**
     * The pixels of a {@code width} × {@code height} image within {@code reach} pixels of the
     * polyline through {@code xy} (x0, y0, x1, y1, …, in pixels).
     */
    public static StrokePath of(double[] xy, double reach, int width, int height) {
        return of(java.util.List.of(xy), reach, width, height);
    }

    /** As {@link #of(double[], double, int, int)} for several polylines drawn as one (a dashed line's dashes). */
    public static StrokePath of(java.util.List<double[]> polylines, double reach, int width, int height) {
        return build(polylines, 1, reach, width, height, true);
    }

    /**
     * The pixels within {@code reach} of the polylines, their points multiplied by {@code scale};
     * nearest band first if {@code banded}, otherwise in the order found.
     */
    static StrokePath build(java.util.List<double[]> polylines, double scale, double reach, int width, int height, boolean banded) {
        float[] best = scratch(width * height);
        int[] touched = new int[64];
        int n = 0;
        for (double[] xy : polylines) {
            if (xy.length < 4 || xy.length % 2 != 0) throw new IllegalArgumentException("a polyline needs at least two points");
            for (int k = 0; k + 3 < xy.length; k += 2) {
                double ax = xy[k] * scale, ay = xy[k + 1] * scale, bx = xy[k + 2] * scale, by = xy[k + 3] * scale;
                int x0 = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach)), x1 = Math.min(width - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
                int y0 = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach)), y1 = Math.min(height - 1, (int) Math.ceil(Math.max(ay, by) + reach));
                double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy, reach2 = reach * reach;
                for (int y = y0; y <= y1; y++) {
                    for (int x = x0; x <= x1; x++) {
                        // Squared distance first: most pixels of the box are out of reach, and skip the root.
                        double px = x + 0.5 - ax, py = y + 0.5 - ay;
                        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
                        double ex = px - t * dx, ey = py - t * dy, d2 = ex * ex + ey * ey;
                        if (d2 > reach2) continue;
                        double d = Math.sqrt(d2);
                        int i = y * width + x;
                        if (Float.isNaN(best[i])) {
                            if (n == touched.length) touched = Arrays.copyOf(touched, 2 * n);
                            touched[n++] = i;
                            best[i] = (float) d;
                        } else if (d < best[i]) {
                            best[i] = (float) d;
                        }
                    }
                }
            }
        }
        if (!banded) {
            int[] index = Arrays.copyOf(touched, n);
            float[] distance = new float[n];
            for (int k = 0; k < n; k++) {
                distance[k] = best[index[k]];
                best[index[k]] = Float.NaN;
            }
            return new StrokePath(index, distance);
        }
        // Nearest first, in bands a pixel wide, and within a band in memory order: drawing then
        // stops at the first band past the line's edge and walks the image mostly forwards.
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            int i = touched[k];
            keyed[k] = (long) (int) best[i] << 32 | i;
        }
        Arrays.sort(keyed);
        int[] index = new int[n];
        float[] distance = new float[n];
        for (int k = 0; k < n; k++) {
            index[k] = (int) keyed[k];
            distance[k] = best[index[k]];
            best[index[k]] = Float.NaN;
        }
        return new StrokePath(index, distance);
    }

    /** Points along the cubic Bézier (x0 y0 c1x c1y c2x c2y x1 y1), {@code segments} + 1 of them. */
    public static double[] cubic(double[] b, int segments) {
        double[] xy = new double[2 * (segments + 1)];
        for (int k = 0; k <= segments; k++) {
            double t = (double) k / segments, u = 1 - t;
            double w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
            xy[2 * k] = w0 * b[0] + w1 * b[2] + w2 * b[4] + w3 * b[6];
            xy[2 * k + 1] = w0 * b[1] + w1 * b[3] + w2 * b[5] + w3 * b[7];
        }
        return xy;
    }

    /**
     * The "on" pieces of a polyline dashed with {@code on}, {@code off} (pixels), the pattern
     * running on along the whole line.
     */
    public static java.util.List<double[]> dashes(double[] xy, double on, double off) {
        java.util.List<double[]> out = new java.util.ArrayList<>();
        double period = on + off, phase = 0;
        double[] piece = new double[16];
        int len = 0;
        for (int k = 0; k + 3 < xy.length; k += 2) {
            double ax = xy[k], ay = xy[k + 1], bx = xy[k + 2], by = xy[k + 3];
            double seg = Math.hypot(bx - ax, by - ay), done = 0;
            while (done < seg) {
                boolean drawing = phase < on;
                double room = (drawing ? on : period) - phase, step = Math.min(room, seg - done);
                double t0 = done / seg, t1 = (done + step) / seg;
                if (drawing) {
                    if (len == 0) {
                        piece[len++] = ax + (bx - ax) * t0;
                        piece[len++] = ay + (by - ay) * t0;
                    }
                    if (len + 2 > piece.length) piece = Arrays.copyOf(piece, 2 * piece.length);
                    piece[len++] = ax + (bx - ax) * t1;
                    piece[len++] = ay + (by - ay) * t1;
                }
                done += step;
                phase += step;
                if (drawing && phase >= on) {
                    if (len >= 4) out.add(Arrays.copyOf(piece, len));
                    len = 0;
                }
                if (phase >= period) phase -= period;
            }
        }
        if (len >= 4) out.add(Arrays.copyOf(piece, len));
        return out;
    }

    /** Distance from (x, y) to the segment from (ax, ay) to (bx, by). */
    public static double segmentDistance(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
        double px = ax + t * dx - x, py = ay + t * dy - y;
        return Math.sqrt(px * px + py * py);
    }

    // One "unvisited" marker array per thread, reused across paths: NaN means not seen yet.
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private static float[] scratch(int n) {
        float[] s = SCRATCH.get();
        if (s.length < n) {
            s = new float[n];
            Arrays.fill(s, Float.NaN);
            SCRATCH.set(s);
        }
        return s;
    }
}
