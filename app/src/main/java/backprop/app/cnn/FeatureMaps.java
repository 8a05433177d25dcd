package backprop.app.cnn;

/**
 * One layer's images for one input, as the engine traced them: C channels of H×W numbers,
 * [C][H][W] row-major. Also used for the filters of a conv layer (groups = filters, each
 * C kernels of K×K) and their gradients.
 *
 * @param title      what the row is called on screen ("conv1", "input")
 * @param layerIndex the layer in the network file (−1: the input image)
 * @param groups     images are drawn in this many groups (filters); 1 for feature maps
 * @param channels   images per group
 */
record FeatureMaps(String title, int layerIndex, int groups, int channels, int height, int width, float[] values) {
    int images() { return groups * channels; }

    /** The value of pixel (row, col) of image {@code image} (group-major). */
    float value(int image, int row, int col) { return values[(image * height + row) * width + col]; }

    /** The numbers of image {@code image}, row by row. */
    float[] image(int image) {
        return java.util.Arrays.copyOfRange(values, image * height * width, (image + 1) * height * width);
    }

    /** The largest |value|: the colour scale's range. */
    float range() {
        float r = 0;
        for (float v : values) r = Math.max(r, Math.abs(v));
        return r;
    }
}
