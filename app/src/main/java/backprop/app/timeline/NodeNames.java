package backprop.app.timeline;

/**
 * Node names as the decks write them: inputs x1, x2…; hidden units h1, h2… (h2.1 when there
 * are several hidden layers: layer 2, unit 1); outputs o (o1, o2… when there are several).
 * Layer numbering here counts the input as column 0 and trace layer ℓ as column ℓ+1.
 */
public final class NodeNames {
    private final int[] sizes; // column sizes: input, then each trace layer

    public NodeNames(int[] columnSizes) {
        this.sizes = columnSizes.clone();
    }

    public int columns() { return sizes.length; }

    public int size(int column) { return sizes[column]; }

    /** Plain name of unit {@code unit} in diagram column {@code column}. */
    public String plain(int column, int unit) {
        if (column == 0) return "x" + (unit + 1);
        if (column == sizes.length - 1) return sizes[column] == 1 ? "o" : "o" + (unit + 1);
        return sizes.length == 3 ? "h" + (unit + 1) : "h" + column + "." + (unit + 1);
    }

    /** TeX name: x_{1}, h_{1}, h_{2.1}, o. */
    public String tex(int column, int unit) {
        String p = plain(column, unit);
        return p.length() == 1 ? p : p.charAt(0) + "_{" + p.substring(1) + "}";
    }

    /** Name of unit j of trace layer ℓ. */
    public String ofLayer(int layer, int unit) { return plain(layer + 1, unit); }

    public String texOfLayer(int layer, int unit) { return tex(layer + 1, unit); }
}
