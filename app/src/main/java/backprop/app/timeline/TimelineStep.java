package backprop.app.timeline;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the timeline: what is computed, where (layer index into the trace's layers,
 * unit j, and for weights the source unit i), for which sample (−1: the whole batch), its
 * value and the operands its formula shows. Every number here was copied from the engine's
 * trace; nothing is recomputed.
 *
 * @param kind     what is computed
 * @param layer    index of the trace layer (0 = first hidden layer); −1 for the loss
 * @param unit     unit j of that layer; −1 for the loss
 * @param from     source unit i of a weight (GRAD_W, UPDATE_W), else −1
 * @param sample   sample n for per-sample steps (forward, δ), −1 for batch steps
 * @param value    the number this step produces
 * @param operands the numbers the formula substitutes
 */
public record TimelineStep(StepKind kind, int layer, int unit, int from, int sample, double value, List<Operand> operands) {

    public TimelineStep {
        operands = List.copyOf(operands);
    }

    /** The operand called {@code name}; NaN if absent. */
    public double operand(String name) {
        for (Operand o : operands) if (o.name().equals(name)) return o.value();
        return Double.NaN;
    }

    public boolean has(String name) {
        for (Operand o : operands) if (o.name().equals(name)) return true;
        return false;
    }

    /** The series name[0], name[1], ... in order. */
    public double[] series(String name) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; has(name + "[" + i + "]"); i++) out.add(operand(name + "[" + i + "]"));
        double[] r = new double[out.size()];
        for (int i = 0; i < r.length; i++) r[i] = out.get(i);
        return r;
    }
}
