package backprop.engine.backend.java;

import backprop.engine.backend.ConvShape;
import java.util.Arrays;

/**
 * Lowers a convolution to a matrix product (im2col): the patches of one image become the
 * columns of a [c·r·s × outH·outW] matrix, so y = W[k × c·r·s] · cols. Backends with a fast
 * gemm compute convolutions this way; col2im is its adjoint, used by the data gradient.
 */
public final class Im2col {
    private Im2col() {}

    /** Rows of the column matrix (c·r·s). */
    public static int rows(ConvShape g) { return g.c() * g.r() * g.s(); }

    /** Columns of the column matrix (outH·outW). */
    public static int cols(ConvShape g) { return g.outH() * g.outW(); }

    /** cols[(c,r,s), (p,q)] = x[image, c, p·sh+r−ph, q·sw+s−pw], zero in the padding. */
    public static void im2col(ConvShape g, float[] x, int image, float[] cols) {
        im2col(g, x, image, cols, 0, cols(g));
    }

    /**
     * The same into a block of a wider matrix: entry (row, column) goes to
     * cols[colOff + row·ld + column], so several images can sit side by side in one matrix
     * [c·r·s × images·outH·outW] and share one product.
     */
    public static void im2col(ConvShape g, float[] x, int image, float[] cols, int colOff, int ld) {
        walk(g, x, image * g.c() * g.h() * g.w(), cols, colOff, ld, true);
    }

    /** The adjoint: adds every column entry back into the pixel it came from (dx of one image, overwritten). */
    public static void col2im(ConvShape g, float[] cols, float[] dx, int image) {
        col2im(g, cols, 0, cols(g), dx, image);
    }

    /** The adjoint of the block form of {@link #im2col(ConvShape, float[], int, float[], int, int)}. */
    public static void col2im(ConvShape g, float[] cols, int colOff, int ld, float[] dx, int image) {
        int size = g.c() * g.h() * g.w(), base = image * size;
        Arrays.fill(dx, base, base + size, 0f);
        walk(g, dx, base, cols, colOff, ld, false);
    }

    /**
     * One walk over the column matrix for both directions: gather pixels into it, or scatter it
     * back (+=). Row (c, r, s) of the column matrix, for output row p, reads input row
     * p·sh + r − ph from column q·sw + s − pw; the q for which that column lies inside the image
     * form one range [qLo, qHi), so the padding is handled once per row instead of per element
     * (this loop was the largest part of a LeNet step).
     */
    private static void walk(ConvShape g, float[] image, int base, float[] cols, int colOff, int ld, boolean toColumns) {
        int oh = g.outH(), ow = g.outW(), h = g.h(), w = g.w(), sh = g.strideH(), sw = g.strideW(), row0 = colOff;
        for (int c = 0; c < g.c(); c++)
            for (int r = 0; r < g.r(); r++)
                for (int s = 0; s < g.s(); s++, row0 += ld) {
                    int shift = s - g.padW();                        // ic = q·sw + shift
                    int qLo = Math.max(0, ceilDiv(-shift, sw)), qHi = Math.min(ow, ceilDiv(w - shift, sw));
                    for (int p = 0, o = row0; p < oh; p++, o += ow) {
                        int ir = p * sh + r - g.padH();
                        if (ir < 0 || ir >= h || qLo >= qHi) {
                            if (toColumns) zero(cols, o, o + ow);
                            continue;
                        }
                        int row = base + (c * h + ir) * w + shift;   // image[row + q·sw] is column q's pixel
                        if (toColumns) {
                            zero(cols, o, o + qLo);
                            if (sw == 1) System.arraycopy(image, row + qLo, cols, o + qLo, qHi - qLo);
                            else for (int q = qLo; q < qHi; q++) cols[o + q] = image[row + q * sw];
                            zero(cols, o + qHi, o + ow);
                        } else if (sw == 1) {
                            for (int q = qLo; q < qHi; q++) image[row + q] += cols[o + q];
                        } else {
                            for (int q = qLo; q < qHi; q++) image[row + q * sw] += cols[o + q];
                        }
                    }
                }
    }

    /**
     * Clears cols[from, to): a plain loop, because these runs are the padding, a few entries
     * or none, and Arrays.fill's call and range checks cost more than that (a sixth of a
     * LeNet step's Java time went to them).
     */
    private static void zero(float[] cols, int from, int to) {
        for (int i = from; i < to; i++) cols[i] = 0f;
    }

    /** ⌈a / b⌉ for b > 0 and any a. */
    private static int ceilDiv(int a, int b) { return -Math.floorDiv(-a, b); }
}
