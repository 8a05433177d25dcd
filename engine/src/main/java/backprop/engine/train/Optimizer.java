package backprop.engine.train;

import backprop.engine.autodiff.Var;
import java.util.List;

/**
 * Turns gradients into a parameter update. Implementations update values in place and keep
 * their per-parameter state (velocity, moment estimates) keyed by the parameter itself.
 */
public interface Optimizer {
    /** Applies one update from the gradients currently held by {@code params}. */
    void step(List<Var> params);

    float learningRate();

    void setLearningRate(float eta);

    /** For traces and the UI: "sgd η=0.5". */
    String describe();
}
