package backprop.app.lessonview;

import backprop.app.lesson.Lesson;
import backprop.app.lesson.LessonException;
import backprop.app.lesson.LessonReader;
import backprop.app.lesson.LessonStep;
import backprop.app.lesson.LessonWalk;
import backprop.app.lesson.Question;
import backprop.app.math.Num;
import backprop.app.theme.Styles;
import backprop.app.timeline.Guess;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The lesson player: the shipped lessons, a panel with the current step's text, its question and
 * next/back, and beside it the live view the lesson drives. A prediction is judged against the
 * value the engine computes for that point ({@link LessonWalk}, the walk {@code lesson run} does)
 * and the answer says that value either way. Progress is kept per lesson ({@link LessonProgress})
 * and a lesson opens where the student left it. In presenter mode the clicker keys move through
 * the steps; play/pause and the speed keys go to the live view.
 */
public final class LessonsView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("lessons", "Lessons", "mdi2s-school-outline");

    /** System property: the lesson folder name {@code render --view lessons} shows. */
    public static final String RENDER_LESSON = "backprop.lesson";

    private final BorderPane root = new BorderPane();
    private final StackPane host = new StackPane();
    private final ComboBox<String> chooser = new ComboBox<>();
    private final Label position = label("lesson-position", "lesson-position");
    private final Label stepTitle = label("lesson-step-title", "lesson-step-title");
    private final VBox text = new VBox();
    private final VBox question = new VBox();
    private final TextField answer = new TextField();
    private final ToggleGroup options = new ToggleGroup();
    private final Button check = new Button("Check");
    private final Button hint = new Button("Hint");
    private final VBox hintText = new VBox();
    private final VBox explanation = new VBox();
    private final Label feedback = label("lesson-feedback", "lesson-feedback");
    private final Label status = label("lesson-status", "lesson-status");
    private final Button reload = new Button("Reload");
    private final Button openFolder = new Button("Open lesson…");
    private final Button back = new Button("◀ Back");
    private final Button next = new Button("Next ▶");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final List<Path> folders;
    private final List<Lesson> lessons = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final LessonProgress progress = LessonProgress.load();
    private final StepDriver driver;
    private Lesson lesson;
    private LessonWalk.Result expected;
    private int step = -1;
    private int generation; // a newer selection or step makes callbacks of older ones stale
    private double scale = 1;

    private final Transport transport = new Transport() {
        @Override public void togglePlay() { live().ifPresent(Transport::togglePlay); }
        @Override public void stepForward() { go(step + 1); }
        @Override public void stepBack() { go(step - 1); }
        @Override public void home() { go(0); }
        @Override public void end() { if (lesson != null) go(lesson.steps().size() - 1); }
        @Override public void faster() { live().ifPresent(Transport::faster); }
        @Override public void slower() { live().ifPresent(Transport::slower); }
        @Override public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    };

    /** The app's player: the shipped lessons, driving views made by {@code factories} (view id → view). */
    public LessonsView(Map<String, Supplier<StudioView>> factories) {
        this(factories, LessonLibrary.list(LessonLibrary.folder()));
    }

    /** A player of the lessons in {@code folders} (tests, "open lesson"). */
    public LessonsView(Map<String, Supplier<StudioView>> factories, List<Path> folders) {
        this.folders = List.copyOf(folders);
        this.driver = new StepDriver(factories, this::showView, this::problem);
        root.getStyleClass().add(Styles.LESSONS_VIEW);
        root.getStylesheets().add(LessonsView.class.getResource("/backprop/app/lessonview/lessons-view.css").toExternalForm());
        root.setLeft(panel());
        host.getStyleClass().add(Styles.LESSON_HOST);
        // A live view that needs more room than there is beside the panel (the CNN view at 1280 wide)
        // scrolls, rather than being cut off or pushing the panel out of the window.
        ScrollPane hostScroll = new ScrollPane(host);
        hostScroll.setFitToWidth(true);
        hostScroll.setFitToHeight(true);
        hostScroll.getStyleClass().add(Styles.LESSON_HOST_SCROLL);
        root.setCenter(hostScroll);
        for (Path f : folders) {
            try {
                Lesson l = LessonReader.read(f);
                lessons.add(l);
                chooser.getItems().add(l.title());
            } catch (LessonException e) {
                problems.add(e.getMessage());
            }
        }
        if (progress.problem() != null) problems.add(progress.problem());
        status.setText(String.join("\n", problems));
        if (lessons.isEmpty()) status.setText((problems.isEmpty() ? "" : status.getText() + "\n") + "No lessons found in " + LessonLibrary.folder());
        // Formulas are images drawn in the theme's text colour: draw them again when the theme (or its CSS, first applied after show) changes it.
        stepTitle.textFillProperty().addListener((o, a, b) -> retypeset());
        chooser.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() >= 0) select(lessons.get(b.intValue()));
        });
    }

    private Node panel() {
        chooser.setId("lesson-choice");
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.setPromptText("Choose a lesson");
        reload.setId("lesson-reload");
        reload.setOnAction(e -> reload());
        openFolder.setId("lesson-open");
        openFolder.setOnAction(e -> {
            javafx.stage.DirectoryChooser d = new javafx.stage.DirectoryChooser();
            d.setTitle("Open a lesson folder");
            java.io.File f = d.showDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (f != null) open(f.toPath());
        });
        text.setId("lesson-text");
        text.getStyleClass().add(Styles.LESSON_BODY);
        answer.setId("lesson-answer");
        answer.setPromptText("your prediction, e.g. −0.07");
        answer.setOnAction(e -> check());
        check.setId("lesson-check");
        check.setMinWidth(Region.USE_PREF_SIZE);
        hint.setMinWidth(Region.USE_PREF_SIZE);
        check.setDefaultButton(false);
        check.setOnAction(e -> check());
        hint.setId("lesson-hint");
        hint.setOnAction(e -> { hintText.setVisible(true); hintText.setManaged(true); });
        back.setId("lesson-back");
        back.setOnAction(e -> go(step - 1));
        next.setId("lesson-next");
        next.setOnAction(e -> go(step + 1));
        question.setId("lesson-question");
        question.getStyleClass().add(Styles.LESSON_QUESTION);
        question.setSpacing(6);
        feedback.setWrapText(true);
        hintText.setId("lesson-hint-text");
        hintText.getStyleClass().add(Styles.LESSON_HINT_TEXT);
        explanation.setId("lesson-explanation");
        status.setWrapText(true);
        stepTitle.setWrapText(true);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox nav = new HBox(8, back, grow, next);
        nav.getStyleClass().add(Styles.LESSON_NAV);
        VBox body = new VBox(10, position, stepTitle, text, question, hintText, feedback, explanation);
        body.getStyleClass().add(Styles.LESSON_PANEL_BODY);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox files = new HBox(8, openFolder, gap, reload);
        VBox panel = new VBox(10, chooser, files, scroll, status, nav);
        panel.setId("lesson-panel");
        panel.getStyleClass().addAll(Styles.LESSON_PANEL, Styles.CARD);
        panel.setPadding(new Insets(12));
        // A third of the window at most, so the live view keeps room for its own controls (presenter type is 1.6× larger).
        panel.maxWidthProperty().bind(root.widthProperty().multiply(0.34));
        return panel;
    }

    // ------------------------------------------------------------------ lessons and steps

    /**
     * Reads the current lesson's folder again (a teacher edited it) and replays it to the step shown.
     * A lesson that no longer reads keeps the old one on screen and says why in one line.
     */
    void reload() {
        if (lesson == null) return;
        status.setText("");
        try {
            Lesson fresh = LessonReader.read(lesson.folder());
            int at = lessons.indexOf(lesson);
            lessons.set(at, fresh);
            chooser.getItems().set(at, fresh.title()); // may clear the selection; selecting again then opens the fresh lesson
            chooser.getSelectionModel().select(at);
            if (lesson != fresh) select(fresh);
        } catch (LessonException e) {
            problem(e.getMessage());
        }
    }

    /**
     * Opens the lesson in {@code folder} (anywhere on disk) and adds it to the list; a folder
     * already listed is read again instead (a teacher dropping the lesson they just edited). The
     * problem in one line when it does not read, also shown in the panel.
     */
    java.util.Optional<String> open(Path folder) {
        status.setText("");
        try {
            Lesson l = LessonReader.read(folder);
            int at = -1;
            for (int i = 0; i < lessons.size(); i++) if (same(lessons.get(i).folder(), folder)) at = i;
            if (at < 0) {
                lessons.add(l);
                chooser.getItems().add(l.title());
                at = lessons.size() - 1;
            } else {
                lessons.set(at, l);
                chooser.getItems().set(at, l.title());
            }
            chooser.getSelectionModel().select(at);
            if (lesson != l) select(l);
            return java.util.Optional.empty();
        } catch (LessonException e) {
            problem(e.getMessage());
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.getFileSystem() == b.getFileSystem() && a.toRealPath().equals(b.toRealPath());
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Whether {@code path} is a lesson: a folder holding {@code lesson.json}, or that file itself (what the window's drop hands over). */
    public static boolean isLesson(Path path) {
        if (java.nio.file.Files.isDirectory(path)) return java.nio.file.Files.isRegularFile(path.resolve(Lesson.FILE));
        return path.getFileName() != null && path.getFileName().toString().equals(Lesson.FILE) && java.nio.file.Files.isRegularFile(path);
    }

    /** A lesson folder or its lesson file dropped on the window (the registry gives this view what {@link #isLesson} accepts). */
    @Override
    public java.util.Optional<String> openDropped(Path path) {
        Path folder = java.nio.file.Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        return open(folder);
    }

    /** Opens {@code l} where the student left it; the engine's answers are computed off the FX thread meanwhile. */
    void select(Lesson l) {
        lesson = l;
        expected = null;
        int gen = ++generation;
        Thread t = new Thread(() -> {
            LessonWalk.Result r;
            String bad = null;
            try {
                r = LessonWalk.walk(l);
            } catch (LessonException | RuntimeException e) {
                r = new LessonWalk.Result(List.of(), List.of());
                bad = e.getMessage();
            }
            LessonWalk.Result result = r;
            String problem = bad;
            Platform.runLater(() -> {
                if (lesson != l) return;
                expected = result;
                if (problem != null) problem(problem);
                result.failures().forEach(this::problem);
                showQuestion();
            });
        }, "lesson-answers");
        t.setDaemon(true);
        t.start();
        status.setText("");
        int saved = Math.min(progress.entry(l.id()).step(), l.steps().size() - 1);
        step = -1;
        replay(0, saved, gen);
    }

    /** Runs the actions of steps {@code from}..{@code to} in order (each may wait for a network to open), then shows {@code to}. */
    private void replay(int from, int to, int gen) {
        if (gen != generation) return;
        if (from > to) {
            show(to);
            return;
        }
        driver.apply(lesson, lesson.steps().get(from), () -> replay(from + 1, to, gen));
    }

    /** Moves to step {@code i}: forward by one runs that step's actions, any other move replays the lesson up to it. */
    void go(int i) {
        if (lesson == null || i < 0 || i >= lesson.steps().size() || i == step) return;
        int gen = ++generation;
        progress.setStep(lesson.id(), i);
        if (i == step + 1) replay(i, i, gen);
        else replay(0, i, gen);
    }

    private void show(int i) {
        step = i;
        LessonStep s = lesson.steps().get(i);
        position.setText(lesson.title() + " · step " + (i + 1) + " of " + lesson.steps().size());
        stepTitle.setText(s.title());
        stepText.set("lesson step " + (i + 1) + "/" + lesson.steps().size());
        text.getChildren().setAll(LessonText.render(s.text(), formulaSize(), ink()));
        hintText.getChildren().setAll(s.hint() == null ? List.of() : List.of(LessonText.render(s.hint(), formulaSize(), ink())));
        explanation.getChildren().clear();
        hintText.setVisible(false);
        hintText.setManaged(false);
        back.setDisable(i == 0);
        next.setDisable(i == lesson.steps().size() - 1);
        feedback.setText("");
        feedback.getStyleClass().removeAll(Styles.LESSON_RIGHT, Styles.LESSON_WRONG);
        showQuestion();
    }

    private void showQuestion() {
        if (lesson == null || step < 0) return;
        LessonStep s = lesson.steps().get(step);
        Question q = s.ask();
        question.getChildren().clear();
        hint.setVisible(s.hint() != null);
        hint.setManaged(s.hint() != null);
        if (q == null) {
            question.setVisible(false);
            question.setManaged(false);
            return;
        }
        question.setVisible(true);
        question.setManaged(true);
        if (q instanceof Question.Predict) {
            answer.clear();
            answer.setDisable(false);
            question.getChildren().addAll(answer, new HBox(8, check, hint));
        } else if (q instanceof Question.Choice c) {
            options.getToggles().clear();
            for (int k = 0; k < c.options().size(); k++) {
                String option = c.options().get(k);
                RadioButton r = new RadioButton(option);
                r.setId("lesson-option-" + k);
                r.setWrapText(true);
                if (option.contains("$")) {
                    // A formula in an option is typeset like the step's text; the plain text stays for tests and screen readers.
                    VBox typeset = LessonText.render(option, formulaSize(), ink());
                    typeset.maxWidthProperty().bind(question.widthProperty().subtract(40));
                    r.setGraphic(typeset);
                    r.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
                    r.setAccessibleText(option);
                }
                r.setToggleGroup(options);
                question.getChildren().add(r);
            }
            question.getChildren().add(new HBox(8, check, hint));
        } else {
            check.setText("Check the goal");
            question.getChildren().add(new HBox(8, check, hint));
        }
        if (!(q instanceof Question.Goal)) check.setText("Check");
        check.setDisable(expected == null);
    }

    /** Judges the answer against the engine's, says what the engine computed, and keeps the result. */
    void check() {
        if (lesson == null || step < 0 || expected == null) return;
        LessonStep s = lesson.steps().get(step);
        LessonWalk.Answer engine = expected.answer(step);
        Boolean right = null;
        String say;
        if (s.ask() instanceof Question.Predict p) {
            if (engine == null) return;
            double guess;
            try {
                guess = Guess.parse(answer.getText());
            } catch (NumberFormatException e) {
                feedback.setText("\u201C" + answer.getText() + "\u201D is not a number; type something like 0.25 or −0.1.");
                return;
            }
            right = Math.abs(guess - engine.value()) <= p.tolerance();
            say = (right ? "Right: the engine computed " : "Not quite: you said " + Num.fmt(guess) + ", the engine computed ")
                    + Num.fmt(engine.value()) + " (within " + Num.fmt(p.tolerance()) + " counts).";
            driver.reveal();
        } else if (s.ask() instanceof Question.Choice c) {
            int chosen = options.getToggles().indexOf(options.getSelectedToggle());
            if (chosen < 0) {
                feedback.setText("Choose one of the answers first.");
                return;
            }
            right = chosen == c.answer();
            say = right ? "Right." : "Not quite: the answer is \u201C" + c.options().get(c.answer()) + "\u201D.";
        } else {
            Question.Goal g = (Question.Goal) s.ask();
            double loss = driver.backpropLoss();
            right = loss < g.below();
            say = right ? "Goal reached: the loss is " + Num.fmt(loss) + ", below " + Num.fmt(g.below()) + "."
                    : "Not yet: the loss is " + Num.fmt(loss) + "; train on (space plays, the view's train buttons add steps) until it is below " + Num.fmt(g.below()) + ".";
        }
        feedback.setText(say);
        explanation.getChildren().setAll(s.explain() == null ? List.of() : List.of(LessonText.render(s.explain(), formulaSize(), ink())));
        feedback.getStyleClass().removeAll(Styles.LESSON_RIGHT, Styles.LESSON_WRONG);
        feedback.getStyleClass().add(right ? Styles.LESSON_RIGHT : Styles.LESSON_WRONG);
        progress.answered(lesson.id(), step, right);
    }

    private void showView(StudioView v) {
        host.getChildren().setAll(v.root());
        v.onPresenterMode(scale > 1);
        playing.unbind();
        if (v.transport() != null) playing.bind(v.transport().playingProperty());
        else playing.set(false);
        v.onShown();
    }

    private void problem(String line) {
        status.setText(status.getText().isEmpty() ? line : status.getText() + "\n" + line);
    }

    private java.util.Optional<Transport> live() {
        return java.util.Optional.ofNullable(driver.current()).map(StudioView::transport);
    }

    private float formulaSize() { return (float) (18 * scale); }

    private Color ink() {
        return stepTitle.getTextFill() instanceof Color c ? c : Color.web("#1d2127");
    }

    private static Label label(String id, String style) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(style);
        return l;
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public Transport transport() { return transport; }

    @Override public ReadOnlyStringProperty stepText() { return stepText.getReadOnlyProperty(); }

    /**
     * {@code render --view lessons}: the lesson named by the system property {@value #RENDER_LESSON}
     * (a folder name; default the first), replayed synchronously to step {@code step} (0-based).
     * Lessons open their own networks, so {@code spec} is refused.
     */
    @Override
    public void prepareForExport(backprop.engine.spec.NetworkSpec spec, int step) {
        if (spec != null) throw new IllegalArgumentException("the lessons view opens the networks its lessons name; --spec does not apply");
        if (lessons.isEmpty()) return;
        String want = System.getProperty(RENDER_LESSON);
        Lesson l = want == null ? lessons.get(0) : lessons.stream().filter(x -> x.id().equals(want)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no lesson \"" + want + "\" (lessons: "
                        + String.join(", ", lessons.stream().map(Lesson::id).toList()) + ")"));
        if (step < 0 || step >= l.steps().size()) throw new IllegalArgumentException("--step " + step + " is past the end of lesson " + l.id() + " (0 to " + (l.steps().size() - 1) + ")");
        lesson = l;
        chooser.getSelectionModel().select(lessons.indexOf(l)); // runs select(), which replays asynchronously; replaced below
        driver.openSynchronously(true);
        try {
            replay(0, step, ++generation);
        } finally {
            driver.openSynchronously(false);
        }
        root.applyCss();
        root.layout();
    }

    @Override
    public void onShown() {
        if (lesson == null && !lessons.isEmpty()) chooser.getSelectionModel().select(0);
    }

    @Override
    public void onHidden() {
        if (driver.current() != null) driver.current().onHidden();
    }

    @Override
    public void onPresenterMode(boolean on) {
        scale = on ? Styles.PRESENTER_SCALE : 1;
        for (StudioView v : driver.views()) v.onPresenterMode(on);
        retypeset();
    }

    private void retypeset() {
        if (lesson == null || step < 0) return;
        LessonStep s = lesson.steps().get(step);
        text.getChildren().setAll(LessonText.render(s.text(), formulaSize(), ink()));
        hintText.getChildren().setAll(s.hint() == null ? List.of() : List.of(LessonText.render(s.hint(), formulaSize(), ink())));
        if (!explanation.getChildren().isEmpty() && s.explain() != null) {
            explanation.getChildren().setAll(LessonText.render(s.explain(), formulaSize(), ink()));
        }
    }

    @Override
    public void dispose() { driver.dispose(); }

    /** The lesson folders this player offers, in order. */
    public List<Path> folders() { return folders; }

    /** The step shown (0-based), −1 before a lesson is open. */
    public int step() { return step; }

    /** The view the lesson drives now, or null. */
    public StudioView liveView() { return driver.current(); }
}
