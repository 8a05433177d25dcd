package backprop.engine.layers.recurrent;

import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.gradcheck.Inputs;
import backprop.engine.gradcheck.TapeCheck;
import backprop.engine.nn.Pass;
import backprop.engine.nn.SequencePass;
import java.util.List;
import java.util.Random;

/**
 * Gradient checks through time: a batch of sequences through one cell, the tape's BPTT
 * gradients for the inputs at every step, U, W and b against finite differences. Five steps
 * are enough for every path (through h and through c) to cross several steps.
 */
final class RecurrentChecks {
    private RecurrentChecks() {}

    static final int BATCH = 2, STEPS = 5, IN = 3, UNITS = 3;

    static List<GradCheck.Result> checks(CellType cell, Random r) {
        int g = cell.blockCount();
        RecurrentLayer layer = new RecurrentLayer(cell.type(), cell,
                Inputs.uniform(r, -0.8f, 0.8f, IN, g * UNITS),
                Inputs.uniform(r, -0.8f, 0.8f, UNITS, g * UNITS),
                Inputs.uniform(r, -0.5f, 0.5f, g * UNITS));
        Var x = Var.param(Inputs.uniform(r, -1, 1, BATCH * STEPS, IN), "x");
        Pass pass = new Pass(false, null, null).withSequence(SequencePass.of(STEPS));
        return List.of(TapeCheck.check(cell.type() + " through " + STEPS + " steps", "layer", GradCheck.TOL_COMPOSED,
                List.of(x, layer.u(), layer.w(), layer.b()), v -> layer.forward(v.get(0), pass), r));
    }

}
