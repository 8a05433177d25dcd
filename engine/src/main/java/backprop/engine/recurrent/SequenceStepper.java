package backprop.engine.recurrent;

import backprop.engine.autodiff.Var;
import backprop.engine.layers.recurrent.RecurrentLayer;
import backprop.engine.layers.recurrent.SequenceRun;
import backprop.engine.nn.Layer;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a network over sequences one step at a time, carrying every recurrent layer's state from
 * call to call: what generating text needs (each new character is the next input). Layers other
 * than recurrent ones apply to the step alone, as they do in training. Inference only.
 */
public final class SequenceStepper {
    private final Model model;
    private final Map<String, Float> forcedGates;
    private final List<float[]> h = new ArrayList<>(), c = new ArrayList<>();
    /** The last step's run of each recurrent layer (null for the others), for views that show gates while sampling. */
    private final List<SequenceRun> lastRuns = new ArrayList<>();

    public SequenceStepper(Model model, Map<String, Float> forcedGates) {
        if (!model.isStack() || !model.isSequence()) throw new IllegalArgumentException("stepping needs a stack of layers over sequences");
        this.model = model;
        this.forcedGates = Map.copyOf(forcedGates);
        reset();
    }

    /** Back to h_0 = c_0 = 0. */
    public void reset() {
        h.clear();
        c.clear();
        lastRuns.clear();
        for (int k = 0; k < model.layers().size(); k++) {
            h.add(null);
            c.add(null);
            lastRuns.add(null);
        }
    }

    /** Feeds one step's input [features] and returns the network's output for it. */
    public float[] step(float[] x) {
        float[] cur = x;
        for (int k = 0; k < model.layers().size(); k++) {
            Layer l = model.layers().get(k);
            if (l instanceof RecurrentLayer r) {
                SequenceRun run = r.run(cur, 1, 1, h.get(k), c.get(k), forcedGates);
                h.set(k, run.lastH());
                c.set(k, run.lastC());
                lastRuns.set(k, run);
                cur = run.lastH();
            } else {
                cur = l.forward(List.of(Var.constant(new Tensor(cur, 1, cur.length))), Pass.inference()).value().data();
            }
        }
        return cur.clone();
    }

    /** Layer k's last step (null unless layer k is recurrent and a step ran). */
    public SequenceRun lastRun(int k) { return lastRuns.get(k); }
}
