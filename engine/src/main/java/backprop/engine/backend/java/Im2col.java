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
        walk(g, x, image * g.c() * g.h() * g.w(), cols, true);
    }

    /** The adjoint: adds every column entry back into the pixel it came from (dx of one image, overwritten). */
    public static void col2im(ConvShape g, float[] cols, float[] dx, int image) {
        int size = g.c() * g.h() * g.w(), base = image * size;
        Arrays.fill(dx, base, base + size, 0f);
        walk(g, dx, base, cols, false);
    }

    /** One walk over the column matrix for both directions: gather pixels into it, or scatter it back (+=). */
    private static void walk(ConvShape g, float[] image, int base, float[] cols, boolean toColumns) {
        int oh = g.outH(), ow = g.outW(), o = 0;
        for (int c = 0; c < g.c(); c++)
            for (int r = 0; r < g.r(); r++)
                for (int s = 0; s < g.s(); s++)
                    for (int p = 0; p < oh; p++) {
                        int ir = p * g.strideH() + r - g.padH();
                        for (int q = 0; q < ow; q++, o++) {
                            int ic = q * g.strideW() + s - g.padW();
                            boolean inside = ir >= 0 && ir < g.h() && ic >= 0 && ic < g.w();
                            int at = base + (c * g.h() + ir) * g.w() + ic;
                            if (toColumns) cols[o] = inside ? image[at] : 0f;
                            else if (inside) image[at] += cols[o];
                        }
                    }
    }
}
