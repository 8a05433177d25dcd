package backprop.engine.nn;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.tensor.Tensor;
import java.util.List;

/** The losses, with the decks' conventions (see {@link Ops#mse} and friends). */
public enum Loss {
    MSE("mse"),
    CROSS_ENTROPY("cross_entropy"),
    BINARY_CROSS_ENTROPY("binary_cross_entropy");

    public static final List<String> NAMES = List.of("mse", "cross_entropy", "binary_cross_entropy");

    private final String id;

    Loss(String id) { this.id = id; }

    public String id() { return id; }

    public static Loss byName(String name) {
        for (Loss l : values()) if (l.id.equals(name)) return l;
        throw new IllegalArgumentException("unknown loss '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }

    public Var apply(Var prediction, Tensor target) {
        switch (this) {
            case MSE: return Ops.mse(prediction, target);
            case CROSS_ENTROPY: return Ops.crossEntropy(prediction, target);
            default: return Ops.binaryCrossEntropy(prediction, target);
        }
    }
}
