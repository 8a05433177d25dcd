package backprop.engine.nn;

import backprop.engine.autodiff.Var;
import java.util.List;

/** One layer of a feed-forward network: a function of a batch (rows = samples) with parameters. */
public interface Layer {
    /** "dense", "maxout", "dropout": the type name used in network files. */
    String type();

    /** A name unique within the model, e.g. "dense1", used to label parameters and traces. */
    String name();

    int inputSize();

    int outputSize();

    /** Forward pass on a batch; records what a trace needs when {@code pass.recorder()} is set. */
    Var forward(Var x, Pass pass);

    /** Learnable parameters (empty for dropout). */
    List<Var> params();
}
