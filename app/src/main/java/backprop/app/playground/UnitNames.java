package backprop.app.playground;

/**
 * The one way the playground names a hidden unit, shared by the drawing's tooltips, the sample
 * table's headers and the hidden-space axes, so a teacher reads the same name everywhere:
 * "v1, v2" for the hand-built lecture network (its weights are written in those names), "h1, h2"
 * when there is one hidden layer, and "h2,3" (layer 2, unit 3) when there are several.
 */
final class UnitNames {
    private UnitNames() {}

    /** Unit {@code unit} (from 0) of hidden layer {@code layer} (from 1) of the network {@code f} shows. */
    static String hidden(PlaygroundFrame f, int layer, int unit) {
        if (f.setup().handBuilt() != null) return "v" + (unit + 1);
        int hiddenLayers = f.sizes().length - 2;
        return hiddenLayers <= 1 ? "h" + (unit + 1) : "h" + layer + "," + (unit + 1);
    }
}
