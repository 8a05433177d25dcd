package backprop.app.timeline;

import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * One training step turned into the ordered list of small steps a teacher narrates: every
 * node's a and z (input to output, for the chosen sample), the loss, every δ (output to
 * input), every weight and bias gradient (output to input), every update (input to output).
 * All values and operands are read from the engine's {@link StepTrace}; this class does no
 * network math, it only decides the order and picks the numbers.
 */
public final class Timeline {
    private final StepTrace trace;
    private final int sample;
    private final NodeNames names;
    private final List<TimelineStep> steps;

    private Timeline(StepTrace trace, int sample) {
        this.trace = trace;
        this.sample = sample;
        int[] cols = new int[trace.layers().size() + 1];
        cols[0] = trace.input()[0].length;
        for (int l = 0; l < trace.layers().size(); l++) cols[l + 1] = trace.layers().get(l).units();
        this.names = new NodeNames(cols);
        this.steps = List.copyOf(build());
    }

    /** The timeline of {@code trace} with per-sample values (forward, δ) of sample {@code sample}. */
    public static Timeline of(StepTrace trace, int sample) {
        if (trace.layers() == null || trace.layers().isEmpty()) throw new IllegalArgumentException("the trace has no layers");
        for (LayerTrace l : trace.layers()) {
            if (!l.hasParameters() || l.a() == null) {
                throw new IllegalArgumentException("layer " + l.name() + " is a " + l.type()
                        + " layer; the step-through view shows dense layers only");
            }
        }
        if (sample < 0 || sample >= trace.batchSize()) throw new IllegalArgumentException("no sample " + sample + " in a batch of " + trace.batchSize());
        return new Timeline(trace, sample);
    }

    public StepTrace trace() { return trace; }

    public int sample() { return sample; }

    public NodeNames names() { return names; }

    public List<TimelineStep> steps() { return steps; }

    public int size() { return steps.size(); }

    public TimelineStep step(int i) { return steps.get(i); }

    public int layers() { return trace.layers().size(); }

    public LayerTrace layer(int l) { return trace.layers().get(l); }

    /** Index of the first step matching, or −1. {@code from} is ignored for node steps. */
    public int indexOf(StepKind kind, int layer, int unit, int from) {
        for (int i = 0; i < steps.size(); i++) {
            TimelineStep s = steps.get(i);
            if (s.kind() == kind && s.layer() == layer && s.unit() == unit && (!kind.onEdge() || s.from() == from)) return i;
        }
        return -1;
    }

    private List<TimelineStep> build() {
        List<TimelineStep> out = new ArrayList<>();
        int n = sample, last = layers() - 1;
        for (int l = 0; l <= last; l++) {
            LayerTrace t = layer(l);
            for (int j = 0; j < t.units(); j++) {
                List<Operand> ops = new ArrayList<>();
                for (int i = 0; i < t.inputs(); i++) {
                    ops.add(new Operand("z[" + i + "]", t.input()[n][i]));
                    ops.add(new Operand("w[" + i + "]", t.weights()[i][j]));
                }
                ops.add(new Operand("b", t.bias()[j]));
                out.add(new TimelineStep(StepKind.FORWARD_A, l, j, -1, n, t.a()[n][j], ops));
                out.add(new TimelineStep(StepKind.FORWARD_Z, l, j, -1, n, t.z()[n][j], List.of(new Operand("a", t.a()[n][j]))));
            }
        }
        List<Operand> lossOps = new ArrayList<>();
        int outs = trace.output()[0].length;
        for (int m = 0; m < trace.batchSize(); m++) {
            for (int k = 0; k < outs; k++) {
                lossOps.add(new Operand("y[" + (m * outs + k) + "]", trace.target()[m][k]));
                lossOps.add(new Operand("f[" + (m * outs + k) + "]", trace.output()[m][k]));
            }
        }
        out.add(new TimelineStep(StepKind.LOSS, -1, -1, -1, -1, trace.loss(), lossOps));
        for (int l = last; l >= 0; l--) {
            LayerTrace t = layer(l);
            for (int j = 0; j < t.units(); j++) {
                List<Operand> ops = new ArrayList<>();
                ops.add(new Operand("gPrime", t.gPrime()[n][j]));
                ops.add(new Operand("a", t.a()[n][j]));
                if (l == last) {
                    ops.add(new Operand("y", trace.target()[n][j]));
                    ops.add(new Operand("z", t.z()[n][j]));
                } else {
                    LayerTrace next = layer(l + 1);
                    for (int k = 0; k < next.units(); k++) {
                        ops.add(new Operand("w[" + k + "]", next.weights()[j][k]));
                        ops.add(new Operand("d[" + k + "]", next.delta()[n][k]));
                    }
                }
                out.add(new TimelineStep(StepKind.DELTA, l, j, -1, n, t.delta()[n][j], ops));
            }
        }
        for (int l = last; l >= 0; l--) {
            LayerTrace t = layer(l);
            for (int j = 0; j < t.units(); j++) {
                for (int i = 0; i < t.inputs(); i++) {
                    List<Operand> ops = new ArrayList<>();
                    for (int m = 0; m < trace.batchSize(); m++) {
                        ops.add(new Operand("z[" + m + "]", t.input()[m][i]));
                        ops.add(new Operand("d[" + m + "]", t.delta()[m][j]));
                    }
                    out.add(new TimelineStep(StepKind.GRAD_W, l, j, i, -1, t.gradWeights()[i][j], ops));
                }
                List<Operand> ops = new ArrayList<>();
                for (int m = 0; m < trace.batchSize(); m++) ops.add(new Operand("d[" + m + "]", t.delta()[m][j]));
                out.add(new TimelineStep(StepKind.GRAD_B, l, j, -1, -1, t.gradBias()[j], ops));
            }
        }
        for (int l = 0; l <= last; l++) {
            LayerTrace t = layer(l);
            if (t.weightsAfter() == null) continue; // a trace without an update has no update steps
            for (int j = 0; j < t.units(); j++) {
                for (int i = 0; i < t.inputs(); i++) {
                    out.add(new TimelineStep(StepKind.UPDATE_W, l, j, i, -1, t.weightsAfter()[i][j], List.of(
                            new Operand("before", t.weights()[i][j]), new Operand("grad", t.gradWeights()[i][j]),
                            new Operand("eta", trace.learningRate()))));
                }
                out.add(new TimelineStep(StepKind.UPDATE_B, l, j, -1, -1, t.biasAfter()[j], List.of(
                        new Operand("before", t.bias()[j]), new Operand("grad", t.gradBias()[j]),
                        new Operand("eta", trace.learningRate()))));
            }
        }
        return out;
    }

    /**
     * What the diagram may show after steps 0..index: every value produced so far; with
     * {@code hideCurrent} the value of step {@code index} stays hidden (predict mode).
     * index −1 shows nothing computed yet.
     */
    public Snapshot snapshot(int index, boolean hideCurrent) {
        Snapshot s = Snapshot.empty(this);
        int end = Math.min(index, size() - 1);
        for (int i = 0; i <= end; i++) {
            if (hideCurrent && i == end) break;
            s.put(steps.get(i));
        }
        return s;
    }
}
