package backprop.app.playground;

import backprop.engine.data.Datasets;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.train.ValidationSplit;

/**
 * Whether the playground can show a network file, told without building anything: what
 * {@link PlaygroundSetup#fromSpec} and {@link PlaygroundSession#check} refuse, and a validation
 * split that leaves no sample on one side (the command line refuses that file, so the app does too).
 * Cheap enough for the FX thread: sizes come from the setup, only a truth table is generated.
 */
final class PlaygroundFit {
    private PlaygroundFit() {}

    /** The setup for {@code spec}; {@link IllegalArgumentException} with the problem if it does not fit. */
    static PlaygroundSetup check(NetworkSpec spec, String source) {
        if (spec.isSequence()) {
            String where = source == null ? "" : source + ": ";
            throw new IllegalArgumentException(where + "its input is a sequence of " + spec.steps() + " steps; the playground draws networks over a plane, the Recurrent view shows sequences");
        }
        PlaygroundSetup s = PlaygroundSetup.fromSpec(spec, source);
        PlaygroundSession.check(s);
        Double split = spec.training() == null ? null : spec.training().validationSplit();
        if (split != null) {
            int n = s.isTable() ? Datasets.byName(s.dataset(), 0, 0, 0, 0).size() : s.samples();
            String problem = ValidationSplit.problem(split.floatValue(), n);
            if (problem != null) throw new IllegalArgumentException(problem);
        }
        return s;
    }
}
