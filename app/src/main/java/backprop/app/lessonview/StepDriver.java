package backprop.app.lessonview;

import backprop.app.backprop.BackpropView;
import backprop.app.backprop.BackpropViewModel;
import backprop.app.lesson.Lesson;
import backprop.app.lesson.LessonStep;
import backprop.app.lesson.Question;
import backprop.app.lesson.TimelinePoints;
import backprop.app.lesson.ViewIds;
import backprop.app.playground.PlaygroundView;
import backprop.app.playground.PlaygroundViewModel;
import backprop.app.playground.Preset;
import backprop.app.view.LessonTarget;
import backprop.app.view.StudioView;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;

/**
 * Carries out a step's actions on the live views the player embeds: opens the network through the
 * view's own {@code cannotShow}/{@code open} (the route File → Open network… takes), sets controls,
 * trains, moves the timeline and marks the highlighted element. The ids are the ones
 * {@link ViewIds} lists and {@code lesson check} has checked. FX thread.
 */
final class StepDriver {
    static final String HIGHLIGHT = "lesson-highlight";

    private final Map<String, Supplier<StudioView>> factories;
    private final Map<String, StudioView> views = new LinkedHashMap<>();
    private final Consumer<StudioView> show;
    private final Consumer<String> problem;
    private StudioView current;
    private Node marked;
    /** Export: networks open synchronously ({@code prepareForExport}), so the whole replay is done when it returns. */
    private boolean now;

    /**
     * @param factories how to make each view a lesson can drive (made once, on first use)
     * @param show      puts a view on screen beside the panel
     * @param problem   shows one line when a network cannot be opened
     */
    StepDriver(Map<String, Supplier<StudioView>> factories, Consumer<StudioView> show, Consumer<String> problem) {
        this.factories = factories;
        this.show = show;
        this.problem = problem;
    }

    StudioView current() { return current; }

    void openSynchronously(boolean on) { now = on; }

    Iterable<StudioView> views() { return views.values(); }

    /** Does step {@code s}'s actions, then {@code then} (at once, or when the network has opened). */
    void apply(Lesson lesson, LessonStep s, Runnable then) {
        unmark();
        if (s.view() == null) {
            rest(s, then);
            return;
        }
        Supplier<StudioView> f = factories.get(s.view());
        if (f == null) {
            problem.accept(lesson.file() + ": no view \"" + s.view() + "\" to open");
            then.run();
            return;
        }
        current = views.computeIfAbsent(s.view(), k -> f.get());
        show.accept(current);
        if (s.network() == null) {
            rest(s, then);
            return;
        }
        NetworkSpec spec;
        try {
            spec = SpecReader.read(lesson.folder().resolve(s.network()));
        } catch (SpecException e) {
            problem.accept(e.getMessage());
            then.run();
            return;
        }
        Optional<String> no = current.cannotShow(spec);
        if (no.isPresent()) {
            problem.accept(s.network() + ": " + no.get());
            then.run();
            return;
        }
        if (now) {
            try {
                current.prepareForExport(spec, 0);
            } catch (RuntimeException e) {
                problem.accept(s.network() + ": " + e.getMessage());
            }
            rest(s, then);
            return;
        }
        current.open(spec, s.network(), r -> {
            r.ifPresent(problem);
            rest(s, then);
        });
    }

    private void rest(LessonStep s, Runnable then) {
        LessonTarget target = current == null ? null : current.lessonTarget();
        if (target != null) {
            try {
                probed(target, s);
            } catch (RuntimeException e) { // a view that cannot do what lesson check let through: one line, the lesson goes on
                problem.accept(current.info().title() + ": " + backprop.app.work.ProblemText.line(null, e));
            }
        } else if (current instanceof BackpropView b) backprop(b.viewModel(), s);
        else if (current instanceof PlaygroundView p) playground(p, s);
        then.run();
    }

    /**
     * A view driven by stable ids (its {@link LessonTarget}): controls, training, then the point and
     * the highlight. An id with a colon ("grad:a", "gate:f@t3") is the view's to show; a plain one
     * names a node of the view ("rec-chart"), marked here as the Playground's are.
     */
    private void probed(LessonTarget target, LessonStep s) {
        target.highlight(null, false); // what the last step marked or hid goes
        if (!s.set().isEmpty()) target.set(s.set());
        if (s.train() > 0) target.train(s.train());
        String asked = s.ask() instanceof Question.Predict p ? p.point() : null;
        for (String id : new String[] {s.point(), s.highlight()}) {
            if (id == null) continue;
            if (id.contains(":")) target.highlight(id, id.equals(asked));
            else mark(id);
        }
        if (asked != null && !asked.equals(s.point()) && !asked.equals(s.highlight())) target.highlight(asked, true);
    }

    private void mark(String id) {
        unmark();
        marked = current.root().lookup("#" + id);
        if (marked != null) marked.getStyleClass().add(HIGHLIGHT);
    }

    private void backprop(BackpropViewModel vm, LessonStep s) {
        // A prediction hides the value it asks for until the student has answered; other steps show everything.
        boolean predict = s.ask() instanceof Question.Predict;
        vm.predictModeProperty().set(predict || "true".equals(s.set().get("predict-mode")));
        String sample = s.set().get("sample");
        if (sample != null) vm.sampleProperty().set(Integer.parseInt(sample));
        if (s.train() > 0) vm.trainNow(s.train());
        String point = s.point() != null ? s.point() : s.highlight();
        if (point != null && vm.timeline() != null) {
            int i = TimelinePoints.find(vm.timeline(), point);
            if (i >= 0) vm.seek(i);
        }
    }

    private void playground(PlaygroundView view, LessonStep s) {
        PlaygroundViewModel vm = view.viewModel();
        // A preset replaces the whole set-up, so it comes before the controls that adjust it.
        String preset = s.set().get("preset");
        if (preset != null) {
            for (Preset p : Preset.values()) if (ViewIds.presetId(p).equals(preset)) vm.choose(p);
        }
        s.set().forEach((control, value) -> {
            switch (control) {
                case "learning-rate" -> vm.update(x -> x.withLearningRate(Double.parseDouble(value)));
                case "noise" -> vm.update(x -> x.withNoise(Double.parseDouble(value)));
                case "l2" -> vm.update(x -> x.withL2(Double.parseDouble(value)));
                case "batch-size" -> vm.update(x -> x.withBatchSize(Integer.parseInt(value)));
                case "optimizer" -> vm.update(x -> x.withOptimizer(value));
                case "seed" -> vm.update(x -> x.withSeed(Long.parseLong(value)));
                case "activation" -> {
                    for (int i = 0; i < vm.setup().hidden().size(); i++) vm.setActivation(i, value);
                }
                default -> { } // lesson check refuses any other id
            }
        });
        // For an export, trainNow also waits for the set-up above to be built and drawn.
        if (s.train() > 0 || now) vm.trainNow(s.train());
        if (s.highlight() != null) mark(s.highlight());
    }

    /** The loss of the newest training step the Backprop view shows, for a goal; NaN if it shows none. */
    double backpropLoss() {
        if (!(current instanceof BackpropView b) || b.viewModel().history().isEmpty()) return Double.NaN;
        var h = b.viewModel().history();
        return h.get(h.size() - 1).loss();
    }

    /** Shows the hidden value the student just predicted. */
    void reveal() {
        if (current != null && current.lessonTarget() != null) current.lessonTarget().reveal();
        else if (current instanceof BackpropView b) b.viewModel().reveal();
    }

    private void unmark() {
        if (marked != null) marked.getStyleClass().remove(HIGHLIGHT);
        marked = null;
    }

    void dispose() {
        for (StudioView v : views.values()) v.dispose();
        views.clear();
    }
}
