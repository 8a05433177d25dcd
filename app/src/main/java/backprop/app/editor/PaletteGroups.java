package backprop.app.editor;

import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The palette's groups, filled from the kinds the engine registers: a kind lands in the group its
 * type or its shape says (images, sequences), and a kind the editor has not heard of in "Other",
 * so a new kind shows up without a change here.
 */
public final class PaletteGroups {
    private PaletteGroups() {}

    /** One entry: a type, what the palette says, and its icon. */
    public record Item(String type, String title, String icon) {}

    /** A group's title, its icon and its items, in palette order. */
    public record Group(String title, String icon, List<Item> items) {}

    private static final String[][] GROUPS = {
            {"Input", EditorIcons.INPUT}, {"Dense", EditorIcons.DENSE}, {"Activations", EditorIcons.ACTIVATION},
            {"Normalisation", EditorIcons.NORMALISE}, {"Dropout", EditorIcons.DROPOUT}, {"Maxout", EditorIcons.MAXOUT},
            {"Merge", EditorIcons.MERGE}, {"Images", EditorIcons.IMAGES}, {"Sequences", EditorIcons.SEQUENCES},
            {"Other", EditorIcons.OTHER}, {"Output", EditorIcons.OUTPUT}};

    public static List<Group> all() {
        Map<String, List<Item>> items = new LinkedHashMap<>();
        for (String[] g : GROUPS) items.put(g[0], new ArrayList<>());
        items.get("Input").add(new Item("input", "Input", EditorIcons.INPUT));
        for (LayerKind<?> k : LayerKinds.all()) {
            String group = group(k);
            items.get(group).add(new Item(k.type(), k.displayName(), icon(group)));
        }
        items.get("Output").add(new Item("output", "Output and loss", EditorIcons.OUTPUT));
        List<Group> out = new ArrayList<>();
        for (String[] g : GROUPS) if (!items.get(g[0]).isEmpty()) out.add(new Group(g[0], g[1], items.get(g[0])));
        return out;
    }

    static String group(LayerKind<?> k) {
        return switch (k.type()) {
            case "dense" -> "Dense";
            case "activation" -> "Activations";
            case "batchnorm" -> "Normalisation";
            case "dropout" -> "Dropout";
            case "maxout" -> "Maxout";
            case "add", "concat" -> "Merge";
            default -> k.readsSequences() ? "Sequences" : k.readsImages() ? "Images" : k.maxInputs() > 1 ? "Merge" : "Other";
        };
    }

    private static String icon(String group) {
        for (String[] g : GROUPS) if (g[0].equals(group)) return g[1];
        return EditorIcons.OTHER;
    }
}
