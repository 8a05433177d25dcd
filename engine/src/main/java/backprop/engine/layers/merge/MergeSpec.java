package backprop.engine.layers.merge;

import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.NetworkSpec.LayerSpec;

/**
 * An add or concat layer as written in a network file: only its type and its common part
 * ({@code from} lists what it combines).
 */
public record MergeSpec(String type, Common common) implements LayerSpec {}
