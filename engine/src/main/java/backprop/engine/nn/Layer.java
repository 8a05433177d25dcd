package backprop.engine.nn;

import backprop.engine.autodiff.Activation;
import backprop.engine.autodiff.Var;
import backprop.engine.trace.LayerTrace;
import java.util.List;

/**
 * One layer of a network: a function of one or more batches (rows = samples) with parameters.
 * Everything the trainer needs to know about a layer is asked through this interface, so a
 * new kind of layer changes nothing outside its own package (see engine.layers).
 */
public interface Layer {
    /** "dense", "maxout", "dropout", "add", "concat": the type name used in network files. */
    String type();

    /** A name unique within the model, e.g. "dense1", used to label parameters and traces. */
    String name();

    /** The size of each input it takes, in order (one entry for all but merge layers). */
    int[] inputSizes();

    /** The size of its only (or first) input. */
    default int inputSize() { return inputSizes()[0]; }

    int outputSize();

    /** Forward pass on a batch; records what a trace needs when {@code pass.recorder()} is set. */
    Var forward(List<Var> inputs, Pass pass);

    /** Learnable parameters (empty for dropout and merge layers). */
    List<Var> params();

    /** The parameters an L2 penalty (λ/2) Σ w² applies to: weights, never biases. */
    default List<Var> penalised() { return List.of(); }

    /**
     * The parameters the per-layer statistics measure as its weights (‖∂R/∂w‖, ‖Δw‖/‖w‖): by
     * default what L2 penalises; a layer without such weights may name others (batch norm: γ).
     */
    default List<Var> weightParameters() { return penalised(); }

    /**
     * The activation g its output z = g(·) went through, for the statistics' saturated and dead
     * fractions; null where the output is no activation's (dropout, merges, batch norm).
     */
    default Activation activation() { return null; }

    /**
     * What a trace shows of this layer, from the nodes it recorded in the forward pass; called
     * after the backward pass, so their gradients hold the δs. {@code batch} is N.
     */
    LayerTrace trace(Recorder.Entry recorded, int batch);

    /** The trace with the values after the optimiser's update added (weights, biases). */
    default LayerTrace afterUpdate(LayerTrace before) { return before; }
}
