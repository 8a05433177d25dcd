package backprop.engine.layers;

import backprop.engine.layers.activation.ActivationKind;
import backprop.engine.layers.conv.Conv2dKind;
import backprop.engine.layers.norm.BatchNormKind;
import backprop.engine.layers.dense.DenseKind;
import backprop.engine.layers.flatten.FlattenKind;
import backprop.engine.layers.dropout.DropoutKind;
import backprop.engine.layers.maxout.MaxoutKind;
import backprop.engine.layers.merge.AddKind;
import backprop.engine.layers.merge.ConcatKind;
import backprop.engine.layers.pool.PoolKind;
import backprop.engine.layers.pool.PoolType;
import backprop.engine.spec.NetworkSpec.LayerSpec;
import backprop.engine.layers.recurrent.CellType;
import backprop.engine.layers.recurrent.RecurrentKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of layer kinds: the one list the reader, writer, factory, gradient check and a
 * layer palette consult. One line below per kind.
 */
public final class LayerKinds {
    private LayerKinds() {}

    /** Fields every layer may have, whatever its kind. */
    public static final List<String> COMMON_FIELDS = List.of("type", "name", "id", "from");

    private static final Map<String, LayerKind<?>> KINDS = new LinkedHashMap<>();

    static {
        register(new DenseKind());
        register(new MaxoutKind());
        register(new DropoutKind());
        register(new AddKind());
        register(new ConcatKind());
        for (CellType cell : CellType.values()) register(new RecurrentKind(cell));
        register(new Conv2dKind());
        for (PoolType pool : PoolType.values()) register(new PoolKind(pool));
        register(new FlattenKind());
        register(new BatchNormKind());
        register(new ActivationKind());
    }

    /** Adds a kind; its type name must be new. */
    public static synchronized void register(LayerKind<?> kind) {
        if (KINDS.containsKey(kind.type())) throw new IllegalArgumentException("layer kind '" + kind.type() + "' is already registered");
        KINDS.put(kind.type(), kind);
    }

    /** Removes a kind again (tests that register a throwaway kind clean up with this). */
    public static synchronized void unregister(String type) {
        KINDS.remove(type);
    }

    /** Every kind, in registration order: what a layer palette lists. */
    public static synchronized List<LayerKind<?>> all() { return List.copyOf(KINDS.values()); }

    public static synchronized List<String> types() { return List.copyOf(KINDS.keySet()); }

    /** The kind of that type name, or null. */
    public static synchronized LayerKind<?> byType(String type) { return KINDS.get(type); }

    /** The kind that reads and builds this spec. */
    @SuppressWarnings("unchecked")
    public static LayerKind<LayerSpec> of(LayerSpec spec) {
        LayerKind<?> k = byType(spec.type());
        if (k == null) throw new IllegalArgumentException("unknown layer type '" + spec.type() + "'");
        return (LayerKind<LayerSpec>) k;
    }

    /** Every field any layer may have, sorted: the "allowed here" of the reader's message. */
    public static synchronized List<String> allFieldNames() {
        Set<String> names = new TreeSet<>(COMMON_FIELDS);
        for (LayerKind<?> k : KINDS.values()) for (Field f : k.fields()) names.add(f.name());
        return new ArrayList<>(names);
    }

    /** The fields of one kind plus the common ones. */
    public static Set<String> fieldNames(LayerKind<?> kind) {
        Set<String> names = new TreeSet<>(COMMON_FIELDS);
        for (Field f : kind.fields()) names.add(f.name());
        return names;
    }
}
