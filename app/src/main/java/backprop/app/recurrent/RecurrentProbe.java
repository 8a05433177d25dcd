package backprop.app.recurrent;

import backprop.app.view.LessonProbe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recurrent view for a lesson, without a window: the same {@link RecurrentSession} the
 * view-model drives ("remember the first bit", seeded minibatches, a trace of the shown sequences
 * after every update), so every number matches the view's. The network is built on first use,
 * and again whenever a step sets the cell, units, steps or seed. Ids and controls: {@link RecurrentIds}.
 */
public final class RecurrentProbe implements LessonProbe {
    private RecurrentSetup setup = RecurrentSetup.defaults();
    private RecurrentSession session;
    private RecurrentFrame frame;
    private final Map<String, Float> forced = new LinkedHashMap<>();
    private int sample, unit;

    @Override
    public Optional<String> controlProblem(String control, String value) { return RecurrentIds.controlProblem(control, value); }

    @Override
    public void set(Map<String, String> controls) {
        if (RecurrentIds.rebuilds(controls) || session == null) open(RecurrentIds.setup(setup, controls));
        controls.forEach((k, v) -> {
            if (!k.startsWith("force:")) return;
            String gate = k.substring(6);
            Float f = RecurrentIds.forced(v);
            if (f == null) forced.remove(gate);
            else forced.put(gate, f);
            frame = session.force(Map.copyOf(forced));
        });
        if (controls.containsKey("sample")) sample = Integer.parseInt(controls.get("sample")) - 1;
        if (controls.containsKey("unit")) unit = Math.min(setup.units(), Integer.parseInt(controls.get("unit"))) - 1;
    }

    private void open(RecurrentSetup s) {
        setup = s;
        session = RecurrentSession.open(s);
        frame = session.frame();
        forced.clear();
        unit = Math.min(unit, s.units() - 1);
    }

    private void ensure() {
        if (session == null) open(setup);
    }

    @Override
    public void train(int steps) {
        ensure();
        List<RecurrentFrame> frames = session.train(steps);
        frame = frames.get(frames.size() - 1);
    }

    @Override
    public List<String> ids() { return RecurrentIds.ids(setup); }

    @Override
    public double value(String id) {
        ensure();
        return RecurrentIds.value(frame, sample, unit, id);
    }
}
