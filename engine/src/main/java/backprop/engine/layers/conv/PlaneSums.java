package backprop.engine.layers.conv;

/**
 * The sum of each plane of a [planes][size] array, each added left to right from 0f: the bias
 * gradient of a convolution sums ∂R/∂a over every (image, filter) plane.
 *
 * <p>A sum added in order is a chain of dependent additions, each waiting for the one before
 * (LeNet's first layer: 384 planes of 784 per batch). Four planes at a time give the processor
 * four independent chains; each plane is still added in its own order, so every sum is the
 * same float as one plane at a time gives (PlaneSumsTest).
 */
final class PlaneSums {
    private PlaneSums() {}

    static float[] of(float[] a, int planes, int size) {
        float[] sums = new float[planes];
        int i = 0;
        for (; i + 4 <= planes; i += 4) {
            int b0 = i * size, b1 = b0 + size, b2 = b1 + size, b3 = b2 + size;
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (int j = 0; j < size; j++) {
                s0 += a[b0 + j];
                s1 += a[b1 + j];
                s2 += a[b2 + j];
                s3 += a[b3 + j];
            }
            sums[i] = s0;
            sums[i + 1] = s1;
            sums[i + 2] = s2;
            sums[i + 3] = s3;
        }
        for (; i < planes; i++) {
            float s = 0f;
            for (int j = i * size; j < (i + 1) * size; j++) s += a[j];
            sums[i] = s;
        }
        return sums;
    }
}
