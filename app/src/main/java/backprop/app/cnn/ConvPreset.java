package backprop.app.cnn;

import backprop.engine.layers.conv.ConvArithmetic;
import java.util.Locale;

/**
 * A convolution the "one window at a time" panel can size instead of the network's own conv1:
 * the lecture decks' worked examples. Only shapes: no image, no weights, so the panel shows the
 * output-size formula, the output shape, the parameter count and the multiply-adds, all from
 * {@link ConvArithmetic}. Stride and padding start at the deck's values and stay adjustable.
 *
 * @param label    the button's text
 * @param side     H = W of the input
 * @param channels C of the input
 * @param filters  F
 * @param kernel   K
 */
record ConvPreset(String label, int side, int channels, int filters, int kernel, int stride, int padding) {
    /** The decks' first example: ten 5×5 filters on a 32×32 colour image, padded to keep its size. */
    static final ConvPreset DECK_32 = new ConvPreset("32×32×3", 32, 3, 10, 5, 1, 2);
    /** The decks' 1×1 convolution: fewer channels, same picture size. */
    static final ConvPreset DECK_56 = new ConvPreset("56×56×64", 56, 64, 32, 1, 1, 0);

    /**
     * The readout for {@code stride} and {@code padding}.
     *
     * @param formula  "(32 + 2·2 − 5) / 1 + 1 = 32", or ConvArithmetic's sentence of why it does not fit
     * @param fits     whether it fits (then the other lines are set, else they are empty)
     * @param shapes   "32×32×3 → ten 5×5×3 filters → 32×32×10"
     * @param counts   the parameters and the multiply-adds of one image
     */
    record Readout(String formula, boolean fits, String shapes, String counts) {}

    Readout readout(int stride, int padding) {
        ConvArithmetic.Window win = new ConvArithmetic.Window(kernel, stride, padding);
        String problem = ConvArithmetic.problem(side, win, "kernel");
        if (problem != null) return new Readout(problem, false, "", "");
        int[] chw = {channels, side, side};
        int[] out = ConvArithmetic.convOutput(chw, filters, win);
        String formula = "(" + side + " + 2·" + padding + " − " + kernel + ") / " + stride + " + 1 = " + out[1];
        String shapes = side + "×" + side + "×" + channels + " → " + filters + " filters of " + kernel + "×" + kernel + "×" + channels
                + " → " + out[1] + "×" + out[2] + "×" + out[0];
        long params = ConvArithmetic.convParameters(channels, filters, kernel);
        String counts = String.format(Locale.ROOT, "%d·(%d·%d·%d + 1) = %,d parameters; %,d multiply-adds per image",
                filters, kernel, kernel, channels, params, ConvArithmetic.convMultiplyAdds(chw, filters, win));
        return new Readout(formula, true, shapes, counts);
    }
}
