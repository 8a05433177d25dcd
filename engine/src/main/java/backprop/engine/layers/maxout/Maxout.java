package backprop.engine.layers.maxout;

import backprop.engine.autodiff.Ops;
import backprop.engine.autodiff.Var;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.trace.LayerTrace;
import backprop.engine.tensor.Shapes;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Maxout: each unit outputs the largest of k linear pieces, {@code z_j = max_p (w_pᵀx + b_p)_j}
 * (the decks' {@code max(w1ᵀx, w2ᵀx)} for k = 2). It learns its own piecewise-linear
 * activation; the gradient flows only through the winning piece.
 */
public final class Maxout extends SingleInputLayer {
    private final String name;
    private final List<Var> weights = new ArrayList<>();
    private final List<Var> biases = new ArrayList<>();

    public Maxout(String name, List<Tensor> pieceWeights, List<Tensor> pieceBiases) {
        if (pieceWeights.size() < 2 || pieceWeights.size() != pieceBiases.size()) {
            throw new IllegalArgumentException(name + ": maxout needs at least 2 pieces, each with weights and bias");
        }
        for (Tensor w : pieceWeights) Shapes.requireWeights(name, w);
        this.name = name;
        for (int p = 0; p < pieceWeights.size(); p++) {
            weights.add(Var.param(pieceWeights.get(p), name + ".W" + (p + 1)));
            biases.add(Var.param(pieceBiases.get(p), name + ".b" + (p + 1)));
        }
    }

    @Override public String type() { return MaxoutKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return weights.get(0).value().dim(0); }
    @Override public int outputSize() { return weights.get(0).value().dim(1); }
    public int pieces() { return weights.size(); }
    public List<Var> pieceWeights() { return weights; }
    public List<Var> pieceBiases() { return biases; }

    @Override
    public Var forward(Var x, Pass pass) {
        Var[] lin = new Var[weights.size()];
        for (int p = 0; p < lin.length; p++) lin[p] = Ops.add(Ops.matmul(x, weights.get(p)), biases.get(p));
        Var z = Ops.maximum(lin).label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, x, null, z);
        return z;
    }

    @Override
    public List<Var> params() {
        List<Var> all = new ArrayList<>();
        for (int p = 0; p < weights.size(); p++) {
            all.add(weights.get(p));
            all.add(biases.get(p));
        }
        return all;
    }

    /** Every piece's weights; not the biases. */
    @Override
    public List<Var> penalised() { return weights; }

    /**
     * Input, z and δ = ∂L_n/∂z: maxout has no single a or g'. Its per-piece parameters are in
     * the step's {@code ParameterTrace}s.
     */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        return Traces.of(this, java.util.Map.of(), Traces.inputOutput(e, batch));
    }
}
