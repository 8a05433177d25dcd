package backprop.app.export.anim;

import java.util.ArrayList;
import java.util.List;

/**
 * One 256-colour palette for a whole animation, by median cut over a histogram of 15-bit colours
 * (5 bits per channel) gathered from every frame. One palette for all frames keeps a colour the
 * same from frame to frame (a weight's shade must not flicker), and median cut gives the
 * blue–orange scale its own entries even when white background pixels far outnumber it.
 * Deterministic: the same histogram always gives the same palette and the same mapping.
 */
public final class MedianCutPalette {
    static final int BINS = 1 << 15;
    /** Boxes split by population first, then by population × volume, so small vivid areas keep colours. */
    private static final double POPULATION_SHARE = 0.75;

    private final int size;
    private final byte[] red = new byte[256], green = new byte[256], blue = new byte[256];
    private final byte[] lookup = new byte[BINS];

    private MedianCutPalette(List<Box> boxes, long[] histogram) {
        size = boxes.size();
        for (int i = 0; i < size; i++) {
            int rgb = boxes.get(i).average(histogram);
            red[i] = (byte) (rgb >> 16);
            green[i] = (byte) (rgb >> 8);
            blue[i] = (byte) rgb;
        }
        buildLookup(histogram);
    }

    /** The 15-bit bin of a packed 0xRRGGBB (alpha ignored). */
    public static int bin(int rgb) {
        return ((rgb >> 9) & 0x7C00) | ((rgb >> 6) & 0x03E0) | ((rgb >> 3) & 0x001F);
    }

    /** Adds a frame's pixels (packed ARGB) to {@code histogram} ({@link #BINS} entries). */
    public static void count(int[] argb, long[] histogram) {
        for (int p : argb) histogram[bin(p)]++;
    }

    public static long[] newHistogram() { return new long[BINS]; }

    /** At most 256 colours chosen for {@code histogram}. */
    public static MedianCutPalette of(long[] histogram) {
        List<Box> boxes = new ArrayList<>();
        Box all = Box.around(histogram);
        if (all != null) boxes.add(all);
        int byPopulation = (int) (256 * POPULATION_SHARE);
        while (boxes.size() < 256) {
            boolean volume = boxes.size() >= byPopulation;
            int pick = -1;
            double best = 0;
            for (int i = 0; i < boxes.size(); i++) {
                Box b = boxes.get(i);
                if (!b.splittable()) continue;
                double score = volume ? (double) b.population * b.volume() : b.population;
                if (score > best) { best = score; pick = i; }
            }
            if (pick < 0) break;
            Box[] halves = boxes.get(pick).split(histogram);
            boxes.set(pick, halves[0]);
            boxes.add(halves[1]);
        }
        if (boxes.isEmpty()) boxes.add(new Box(0, 0, 0, 0, 0, 0, 0)); // an empty histogram: one black entry
        return new MedianCutPalette(boxes, histogram);
    }

    public int size() { return size; }

    public byte[] reds() { return red.clone(); }

    public byte[] greens() { return green.clone(); }

    public byte[] blues() { return blue.clone(); }

    /** The palette index for a packed RGB colour. */
    public int index(int rgb) { return indexOfBin(bin(rgb)); }

    /** The palette index for a 15-bit colour (a {@link #bin}). */
    public int indexOfBin(int bin) { return lookup[bin] & 0xFF; }

    /** Every 15-bit bin maps to its nearest palette colour (squared distance; ties to the lower index). */
    private void buildLookup(long[] histogram) {
        for (int b = 0; b < BINS; b++) {
            int r = expand(b >> 10), g = expand((b >> 5) & 31), bl = expand(b & 31);
            int best = 0;
            long bestD = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                long dr = r - (red[i] & 0xFF), dg = g - (green[i] & 0xFF), db = bl - (blue[i] & 0xFF);
                long d = dr * dr + dg * dg + db * db;
                if (d < bestD) { bestD = d; best = i; }
            }
            lookup[b] = (byte) best;
        }
    }

    /** 5-bit channel to 8 bits, so 31 becomes 255 exactly. */
    static int expand(int c5) { return (c5 << 3) | (c5 >> 2); }

    @FunctionalInterface
    private interface BinVisitor {
        void bin(int r, int g, int b, long count);
    }

    /** A box in 5-bit RGB space with the number of pixels inside. */
    private static final class Box {
        final int r0, r1, g0, g1, b0, b1;
        final long population;

        Box(int r0, int r1, int g0, int g1, int b0, int b1, long population) {
            this.r0 = r0; this.r1 = r1; this.g0 = g0; this.g1 = g1; this.b0 = b0; this.b1 = b1;
            this.population = population;
        }

        static Box around(long[] h) {
            return shrink(0, 31, 0, 31, 0, 31, h);
        }

        /** The smallest box inside the given bounds that holds all their non-empty bins; null if none. */
        static Box shrink(int r0, int r1, int g0, int g1, int b0, int b1, long[] h) {
            int lr = 32, hr = -1, lg = 32, hg = -1, lb = 32, hb = -1;
            long n = 0;
            for (int r = r0; r <= r1; r++)
                for (int g = g0; g <= g1; g++)
                    for (int b = b0; b <= b1; b++) {
                        long c = h[(r << 10) | (g << 5) | b];
                        if (c == 0) continue;
                        n += c;
                        lr = Math.min(lr, r); hr = Math.max(hr, r);
                        lg = Math.min(lg, g); hg = Math.max(hg, g);
                        lb = Math.min(lb, b); hb = Math.max(hb, b);
                    }
            return n == 0 ? null : new Box(lr, hr, lg, hg, lb, hb, n);
        }

        /** Visits every bin of the box with its count. */
        void each(long[] h, BinVisitor visit) {
            for (int r = r0; r <= r1; r++)
                for (int g = g0; g <= g1; g++)
                    for (int b = b0; b <= b1; b++) visit.bin(r, g, b, h[(r << 10) | (g << 5) | b]);
        }

        boolean splittable() { return r1 > r0 || g1 > g0 || b1 > b0; }

        long volume() { return (long) (r1 - r0 + 1) * (g1 - g0 + 1) * (b1 - b0 + 1); }

        /** Cuts across the longest side at the pixel median; both halves keep at least one bin. */
        Box[] split(long[] h) {
            int lenR = r1 - r0, lenG = g1 - g0, lenB = b1 - b0;
            int axis = lenR >= lenG && lenR >= lenB ? 0 : lenG >= lenB ? 1 : 2;
            int lo = axis == 0 ? r0 : axis == 1 ? g0 : b0, hi = axis == 0 ? r1 : axis == 1 ? g1 : b1;
            long[] plane = new long[32];
            each(h, (r, g, b, c) -> plane[axis == 0 ? r : axis == 1 ? g : b] += c);
            long acc = 0;
            int cut = lo;
            for (int v = lo; v < hi; v++) {
                acc += plane[v];
                cut = v;
                if (acc * 2 >= population) break;
            }
            Box a = axis == 0 ? shrink(r0, cut, g0, g1, b0, b1, h) : axis == 1 ? shrink(r0, r1, g0, cut, b0, b1, h) : shrink(r0, r1, g0, g1, b0, cut, h);
            Box b = axis == 0 ? shrink(cut + 1, r1, g0, g1, b0, b1, h) : axis == 1 ? shrink(r0, r1, cut + 1, g1, b0, b1, h) : shrink(r0, r1, g0, g1, cut + 1, b1, h);
            return new Box[] {a, b};
        }

        /** The pixel-weighted mean colour, packed 0xRRGGBB. */
        int average(long[] h) {
            double[] sum = new double[4]; // r, g, b, pixels
            each(h, (r, g, b, c) -> {
                sum[0] += (double) c * expand(r);
                sum[1] += (double) c * expand(g);
                sum[2] += (double) c * expand(b);
                sum[3] += c;
            });
            double n = sum[3];
            if (n == 0) return 0;
            int r = (int) Math.round(sum[0] / n), g = (int) Math.round(sum[1] / n), b = (int) Math.round(sum[2] / n);
            return (r << 16) | (g << 8) | b;
        }
    }
}
