package backprop.app.lesson;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.TrainingDivergedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a lesson without a window, step by step, on the engine alone: opens each network, sets the
 * controls, trains, finds each timeline point and answers each question with the engine's value.
 * What cannot be done (a view or id that does not exist, a prediction with no network to ask, a
 * goal not reached) is a failure naming the file and the step's JSON path; the walk goes on where
 * it can, so one run lists them all. {@code lesson check}, {@code lesson run} and the player all
 * walk a lesson this way, so the player's expected answers are the ones CI checked.
 */
public final class LessonWalk {
    /** The engine's answer to step {@code step}'s question: a number (predict), an option index (choice) or the steps a goal took. */
    public record Answer(int step, Question question, double value, String text) {}

    public record Result(List<Answer> answers, List<String> failures) {
        public Answer answer(int step) {
            for (Answer a : answers) if (a.step() == step) return a;
            return null;
        }
    }

    private final Lesson lesson;
    private final List<Answer> answers = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private String view;
    private LessonEngine engine;
    /** The probe of the current view when it is driven by one (one per view, kept across steps as the player keeps its views). */
    private backprop.app.view.LessonProbe probe;
    private final java.util.Map<String, backprop.app.view.LessonProbe> probes = new java.util.HashMap<>();
    /** Why there is no engine to ask (no network opened yet, or a goal let the student train freely). */
    private String noEngine = "no network has been opened in the Backprop view yet";

    private LessonWalk(Lesson lesson) {
        this.lesson = lesson;
    }

    /** Walks {@code lesson} to its end. A network file that cannot be read is a bad file (thrown, not a failure). */
    public static Result walk(Lesson lesson) throws LessonException {
        LessonWalk w = new LessonWalk(lesson);
        for (int i = 0; i < lesson.steps().size(); i++) w.step(i, lesson.steps().get(i));
        return new Result(List.copyOf(w.answers), List.copyOf(w.failures));
    }

    private void step(int i, LessonStep s) throws LessonException {
        String at = "$.steps[" + i + "]";
        if (s.view() != null) {
            if (!ViewIds.VIEWS.contains(s.view())) {
                fail(at + ".open.view", "no view \"" + s.view() + "\" a lesson can drive (views: " + String.join(", ", ViewIds.VIEWS) + ")");
                view = null;
                probe = null;
                return;
            }
            view = s.view();
            probe = LessonProbes.has(view) ? probes.computeIfAbsent(view, LessonProbes::create) : null;
            if (probe != null) {
                if (s.network() != null) fail(at + ".open.network", "the " + view + " view builds its own network and opens no network file");
                probed(i, at, s);
                return;
            }
            if (s.network() != null) open(at, s.network());
            else if (view.equals(ViewIds.BACKPROP)) {
                engine = null;
                noEngine = "the Backprop view was opened without a network file";
            }
        }
        if (probe != null) {
            probed(i, at, s);
            return;
        }
        if (view == null && (!s.set().isEmpty() || s.train() > 0 || s.point() != null || s.highlight() != null
                || s.ask() instanceof Question.Predict || s.ask() instanceof Question.Goal)) {
            fail(at, "acts on a view before any step opened one");
            return;
        }
        for (var e : s.set().entrySet()) {
            var problem = ViewIds.controlProblem(view, e.getKey(), e.getValue());
            if (problem.isPresent()) fail(at + ".set." + e.getKey(), problem.get());
            else if (view.equals(ViewIds.BACKPROP) && e.getKey().equals("sample") && engine(at + ".set.sample") != null) {
                try {
                    engine.setSample(Integer.parseInt(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    fail(at + ".set.sample", ex.getMessage());
                }
            }
        }
        if (s.train() > 0 && view.equals(ViewIds.BACKPROP) && engine(at + ".train") != null) train(at + ".train", s.train());
        if (s.point() != null) point(at + ".point", s.point());
        if (s.highlight() != null) {
            if (view.equals(ViewIds.PLAYGROUND)) {
                if (!ViewIds.PLAYGROUND_ELEMENTS.contains(s.highlight())) {
                    fail(at + ".highlight", "the playground has no element \"" + s.highlight() + "\" (elements: " + String.join(", ", ViewIds.PLAYGROUND_ELEMENTS) + ")");
                }
            } else {
                point(at + ".highlight", s.highlight());
            }
        }
        if (s.ask() != null) ask(i, at + ".ask", s.ask());
    }

    /** A step on a view driven by its probe: controls, training, ids and answers all from the probe. */
    private void probed(int i, String at, LessonStep s) {
        java.util.Map<String, String> ok = new java.util.LinkedHashMap<>();
        for (var e : s.set().entrySet()) {
            var problem = probe.controlProblem(e.getKey(), e.getValue());
            if (problem.isPresent()) fail(at + ".set." + e.getKey(), problem.get());
            else ok.put(e.getKey(), e.getValue());
        }
        try {
            if (!ok.isEmpty()) probe.set(ok);
            if (s.train() > 0) probe.train(s.train());
        } catch (RuntimeException e) {
            fail(at, "the " + view + " view's engine stopped: " + e.getMessage());
            return;
        }
        if (s.point() != null) known(at + ".point", s.point());
        if (s.highlight() != null) known(at + ".highlight", s.highlight());
        if (s.ask() instanceof Question.Predict p) {
            if (!known(at + ".ask.predict", p.point())) return;
            double v = probe.value(p.point());
            if (!Double.isFinite(v)) fail(at + ".ask.predict", "\"" + p.point() + "\" names no number in the " + view + " view");
            else answers.add(new Answer(i, p, v, p.point() + " = " + v));
        } else if (s.ask() != null) {
            ask(i, at + ".ask", s.ask());
        }
    }

    /** Whether {@code id} is one of the current probe's ids; a failure listing some of them if not. */
    private boolean known(String at, String id) {
        List<String> ids = probe.ids();
        if (ids.contains(id)) return true;
        List<String> shown = ids.size() > 24 ? ids.subList(0, 24) : ids;
        fail(at, "the " + view + " view has no id \"" + id + "\" (ids: " + String.join(", ", shown) + (ids.size() > 24 ? ", …" : "") + ")");
        return false;
    }

    private void open(String at, String network) throws LessonException {
        NetworkSpec spec;
        try {
            spec = SpecReader.read(lesson.folder().resolve(network));
        } catch (SpecException e) {
            throw new LessonException(lesson.file(), at + ".open.network", e.getMessage());
        }
        if (spec.dataset() != null && spec.dataset().file() != null) {
            // The network's data file is read relative to the network file: it too must lie in the lesson's folder.
            Path parent = Path.of(network).getParent();
            String data = parent == null ? spec.dataset().file() : parent.resolve(spec.dataset().file()).toString();
            if (Path.of(spec.dataset().file()).isAbsolute()) data = spec.dataset().file();
            LessonReader.inside(lesson.folder(), lesson.file(), data, at + ".open.network", LessonReader.MAX_DATA_BYTES);
        }
        if (!view.equals(ViewIds.BACKPROP)) return;
        try {
            engine = new LessonEngine(spec);
        } catch (IllegalArgumentException | TrainingDivergedException e) {
            throw new LessonException(lesson.file(), at + ".open.network", network + ": " + e.getMessage());
        }
    }

    private LessonEngine engine(String at) {
        if (engine == null) fail(at, noEngine);
        return engine;
    }

    private boolean train(String at, int steps) {
        try {
            engine.train(steps);
            return true;
        } catch (TrainingDivergedException e) {
            fail(at, "training diverged: " + e.getMessage());
            engine = null;
            noEngine = "training diverged earlier";
            return false;
        }
    }

    private int point(String at, String name) {
        if (!view.equals(ViewIds.BACKPROP)) {
            fail(at, "only the Backprop view has timeline points; the current view is " + view);
            return -1;
        }
        if (engine(at) == null) return -1;
        int i = TimelinePoints.find(engine.timeline(), name);
        if (i < 0) fail(at, "no point \"" + name + "\" in the Backprop view's timeline (points: " + String.join(", ", TimelinePoints.names(engine.timeline())) + ")");
        return i;
    }

    private void ask(int step, String at, Question q) {
        if (q instanceof Question.Predict p) {
                if (point(at + ".predict", p.point()) >= 0) {
                    double v = engine.value(p.point());
                    answers.add(new Answer(step, q, v, p.point() + " = " + v));
                }
        } else if (q instanceof Question.Choice c) {
            answers.add(new Answer(step, q, c.answer(), "option " + c.answer() + ": " + c.options().get(c.answer())));
        } else if (q instanceof Question.Goal g) {
                if (!ViewIds.BACKPROP.equals(view)) {
                    fail(at, "goals are checked in the Backprop view only; the current view is " + view);
                    return;
                }
                if (engine(at) == null) return;
                int taken = 0;
                while (engine.newest().loss() >= g.below() && taken < g.within()) {
                    if (!train(at, 1)) return;
                    taken++;
                }
                if (engine.newest().loss() >= g.below()) {
                    fail(at, "the engine did not bring the loss below " + g.below() + " in " + g.within() + " steps (it reached " + engine.newest().loss() + ")");
                } else {
                    answers.add(new Answer(step, q, taken, "loss " + engine.newest().loss() + " below " + g.below() + " after " + taken + " more steps"));
                }
                // From here the student trains at their own pace: nothing later may count on the engine's state.
                engine = null;
                noEngine = "a goal before this step lets the student train freely; open the network again first";
        }
    }

    private void fail(String at, String problem) {
        failures.add(new LessonException(lesson.file(), at, problem).getMessage());
    }
}
