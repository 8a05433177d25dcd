package backprop.app.shell;

import backprop.app.export.LiveRecorder;
import backprop.app.session.Session;
import backprop.app.session.SessionException;
import backprop.app.session.SessionFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import backprop.app.export.PngExportAction;
import backprop.app.theme.Styles;
import backprop.app.theme.ThemeSupport;
import backprop.app.view.OpenInViewRequest;
import backprop.app.view.OpenNetworkRequest;
import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewRegistry;
import backprop.app.work.ProblemText;
import backprop.app.work.Workers;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.BorderPane;
import javafx.scene.paint.Color;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;

/**
 * The main window's content: rail on the left, toolbar on top, status bar below, the current view
 * in the centre with the help overlay over it. Wires the {@link ShellViewModel} to the nodes, routes
 * keys and toolbar actions (transport ones to the current view's {@link Transport}), measures frames
 * per second, and on {@link #dispose()} disposes every created view and stops every worker.
 */
public final class StudioShell {
    private final ViewRegistry registry;
    private final ShellViewModel vm;
    private final BorderPane root = new BorderPane();
    private final StackPane viewArea = new StackPane();
    private final NavigationRail rail;
    private final ShellToolbar toolbar;
    private final StatusBar statusBar;
    private final PngExportAction export = new PngExportAction();
    private final LiveRecorder recorder = new LiveRecorder();
    /** Network files and sessions opened or saved, for the toolbar's recent list. */
    private final backprop.app.work.RecentFiles recent = backprop.app.work.RecentFiles.named("recent.txt");
    private final ObjectProperty<LiveRecorder.Size> recordSize = new SimpleObjectProperty<>(this, "recordSize", LiveRecorder.Size.VIEW);
    private Function<Window, Optional<Path>> recordChooser = RecordFileDialog::ask;
    private Function<Window, Optional<Path>> sessionChooser = SessionFileDialog::ask;
    private final NetworkFileDialog openDialog = new NetworkFileDialog();
    private Function<Window, Optional<Path>> chooser = openDialog::ask;
    private final FrameRate frameRate = new FrameRate();
    private final AnimationTimer fpsTimer;
    private StudioView current;
    /** "Backprop Studio", or "Backprop Studio — • xor.json" while a view edits a document. */
    private final javafx.beans.property.ReadOnlyStringWrapper windowTitle = new javafx.beans.property.ReadOnlyStringWrapper(this, "windowTitle", "Backprop Studio");

    public StudioShell(ViewRegistry registry, ShellViewModel vm) {
        this.registry = registry;
        this.vm = vm;
        root.getStyleClass().add(Styles.APP);
        viewArea.getStyleClass().add(Styles.CENTER);
        viewArea.setId("view-area");
        // A view's own "Open…" button takes the same route as Ctrl+O.
        root.addEventHandler(OpenNetworkRequest.OPEN_NETWORK, e -> {
            e.consume();
            dispatch(ShellAction.OPEN_NETWORK);
        });
        // A view sending its network to another view (the editor's "Open in") takes the same route.
        root.addEventHandler(OpenInViewRequest.OPEN_IN_VIEW, e -> {
            e.consume();
            openNetwork(e.viewId(), e.spec(), e.source());
        });
        rail = new NavigationRail(registry, vm);
        toolbar = new ShellToolbar(vm, recorder, recordSize, this::dispatch, recent::list, this::openFile);
        statusBar = new StatusBar(vm);
        StackPane centre = new StackPane(viewArea, new HelpOverlay(vm));
        root.setCenter(centre);
        root.setLeft(rail);
        root.setTop(toolbar);
        root.setBottom(statusBar);

        vm.initBackends();
        vm.currentViewIdProperty().addListener((obs, old, id) -> show(id));
        vm.presenterModeProperty().addListener((obs, was, on) -> applyPresenter(on));
        fpsTimer = new AnimationTimer() {
            @Override public void handle(long now) {
                if (frameRate.frame(now)) {
                    vm.setFps(frameRate.fps());
                    if (current != null) vm.setSeed(current.seed()); // seed is not observable; poll it
                }
            }
        };
    }

    /** The scene root (a BorderPane). */
    public BorderPane root() { return root; }

    public ShellViewModel viewModel() { return vm; }

    /** The window's title: the app's name and the document the current view edits, with its unsaved-changes marker. */
    public javafx.beans.property.ReadOnlyStringProperty windowTitleProperty() { return windowTitle.getReadOnlyProperty(); }

    /** The current view, or null before the first navigation. */
    public StudioView currentView() { return current; }

    /** Hooks the shell to its scene: stylesheets follow the theme, shortcut keys are routed. */
    public void attach(Scene scene) {
        ThemeSupport.install(scene, vm.getTheme());
        vm.themeProperty().addListener((obs, old, t) -> ThemeSupport.apply(root, t));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        scene.addEventFilter(KeyEvent.KEY_TYPED, this::onKeyTyped);
        // A network file or session dropped anywhere on the window opens as Ctrl+O would (a view
        // that takes drops itself, like the editor's canvas, handles them first); a file or folder
        // a view claims through the registry (a lesson) goes to that view.
        scene.addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && !e.isConsumed()) e.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
        });
        scene.addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, e -> {
            if (e.isConsumed() || !e.getDragboard().hasFiles() || e.getDragboard().getFiles().isEmpty()) return;
            openFile(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(true);
            e.consume();
        });
        fpsTimer.start();
        if (vm.getCurrentViewId() == null && !registry.availableIds().isEmpty()) {
            vm.navigate(registry.availableIds().get(0));
        }
    }

    /** Runs one toolbar/keyboard action. */
    public void dispatch(ShellAction a) {
        if (a.isTransport()) {
            Transport t = current == null ? null : current.transport();
            if (t != null) a.applyTo(t);
            return;
        }
        switch (a) {
            case NEXT_THEME -> vm.nextTheme();
            case TOGGLE_PRESENTER -> vm.togglePresenter();
            case LEAVE -> vm.leave();
            case TOGGLE_HELP -> vm.toggleHelp();
            case NEXT_VIEW -> vm.navigateBy(1);
            case PREVIOUS_VIEW -> vm.navigateBy(-1);
            case OPEN_NETWORK -> {
                if (root.getScene() != null) chooser.apply(root.getScene().getWindow()).ifPresent(this::openFile);
            }
            case EXPORT_PNG -> {
                if (current != null && root.getScene() != null) {
                    export.run(root.getScene().getWindow(), viewArea, current.id(), vm.messageProperty()::set);
                }
            }
            case RECORD -> record();
            case SAVE_SESSION -> {
                Window owner = root.getScene() == null ? null : root.getScene().getWindow();
                sessionChooser.apply(owner).ifPresent(this::saveSession);
            }
            default -> throw new IllegalStateException("unhandled " + a);
        }
    }

    /**
     * Writes the current view as a PNG to {@code target} (what Ctrl+E does after its file dialog).
     * FX thread; the file is written on a worker, the returned future completes when it is.
     */
    public java.util.concurrent.Future<?> exportCurrentView(java.nio.file.Path target) {
        return export.save(viewArea, target.toFile(), vm.messageProperty()::set);
    }

    /**
     * The route every "open this network in view X" takes (File → Open, a view's Open… button, later
     * the editor and the lessons). If view {@code viewId} cannot show {@code spec} at a glance
     * ({@link StudioView#cannotShow}), its reason goes to the status bar and nothing else changes, the
     * current view included; that reason is returned. Otherwise the view checks and builds the network
     * on its worker: on success the shell switches to it and says so; on failure the problem goes to
     * the status bar and the network in front of the user stays as it was. Every message is one line
     * naming {@code source} ({@link ProblemText}). FX thread.
     */
    public Optional<String> openNetwork(String viewId, NetworkSpec spec, String source) {
        String name = source != null ? source : spec.name() != null ? spec.name() : "the network";
        if (!registry.isAvailable(viewId)) return refuse(name, "there is no view '" + viewId + "' to open it in");
        StudioView view = registry.view(viewId);
        Optional<String> why = view.cannotShow(spec);
        if (why.isPresent()) return refuse(name, why.get());
        view.open(spec, source, outcome -> {
            if (outcome.isPresent()) {
                refuse(name, outcome.get());
                return;
            }
            vm.navigate(viewId); // showing a view clears the message line, so it is written after
            vm.messageProperty().set(ProblemText.line(null, "opened " + name + " in " + view.info().title()));
        });
        return Optional.empty();
    }

    /**
     * Reads {@code file} with the one validating reader and opens it in the current view (a file or
     * folder a view claims, such as a lesson, goes to that view instead). A file that does not
     * read shows its one-line problem (file, JSON path, what is wrong) instead.
     */
    public Optional<String> openFile(Path file) {
        String name = String.valueOf(file.getFileName());
        Optional<String> owner = registry.claimant(file);
        if (owner.isPresent()) return openClaimed(owner.get(), file); // a lesson folder or lesson.json: the view that claims it opens it
        if (SessionFiles.isSession(file)) return openSession(file);
        NetworkSpec spec;
        try {
            spec = SpecReader.read(file); // bounded: the reader refuses a file over its size limit unread
        } catch (SpecException e) {
            return refuse(name, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) { // nothing the reader does may take the window down
            return refuse(name, ProblemText.of(e));
        }
        Optional<String> refused = openNetwork(vm.getCurrentViewId(), spec, name);
        if (refused.isEmpty()) recent.add(file);
        return refused;
    }

    /**
     * Shows view {@code viewId} and has it open {@code path}, which it claimed (a dropped lesson
     * folder); its problem, if any, goes to the status line in one line.
     */
    public Optional<String> openClaimed(String viewId, Path path) {
        vm.navigate(viewId);
        Optional<String> problem = registry.view(viewId).openDropped(path);
        if (problem.isPresent()) return refuse(String.valueOf(path.getFileName()), problem.get());
        vm.messageProperty().set(ProblemText.line(null, "opened " + path.getFileName() + " in " + registry.view(viewId).info().title()));
        return Optional.empty();
    }

    /** The files in the toolbar's recent list, newest first. */
    public java.util.List<Path> recentFiles() { return recent.list(); }

    /**
     * Ctrl+R and the record button: idle, ask for a .gif or .mp4 file and start recording the view
     * area; recording, stop and write the file; writing, cancel it.
     */
    private void record() {
        switch (recorder.state()) {
            case RECORDING -> recorder.stop();
            case WRITING -> recorder.cancel();
            case IDLE -> {
                if (current == null) return;
                Window owner = root.getScene() == null ? null : root.getScene().getWindow();
                recordChooser.apply(owner).ifPresent(this::startRecording);
            }
        }
    }

    /** Starts recording the view area into {@code file} at the chosen size; a bad name goes to the status line. */
    public void startRecording(Path file) {
        try {
            recorder.start(viewArea, file, recordSize.get(), viewBackground(), vm.messageProperty()::set);
        } catch (IllegalArgumentException | IllegalStateException e) {
            refuse(String.valueOf(file.getFileName()), e.getMessage());
        }
    }

    /** The view area's own background colour, so a view scaled into a slide size sits on it. */
    private Color viewBackground() {
        Background bg = viewArea.getBackground();
        if (bg != null) for (BackgroundFill f : bg.getFills()) if (f.getFill() instanceof Color c) return c;
        return Color.WHITE;
    }

    /** The recorder behind Ctrl+R (tests watch its state). */
    public LiveRecorder recorder() { return recorder; }

    /** The size the next recording is made at. */
    public ObjectProperty<LiveRecorder.Size> recordSizeProperty() { return recordSize; }

    /** For tests: answers the record file dialog (null owner allowed). */
    public void setRecordChooser(Function<Window, Optional<Path>> chooser) {
        this.recordChooser = chooser;
    }

    /**
     * Ctrl+Shift+S: writes the current view's state, the theme and the view's id to {@code file}
     * (atomically). A view that keeps no sessions says so and nothing is written. FX thread.
     */
    public Optional<String> saveSession(Path file) {
        String name = String.valueOf(file.getFileName());
        if (current == null) return refuse(name, "no view to save");
        Optional<ObjectNode> state = current.saveState();
        if (state.isEmpty()) return refuse(name, current.info().title() + " does not keep sessions yet");
        try {
            SessionFiles.write(file, new Session(current.id(), vm.getTheme(), state.get()));
        } catch (IOException | RuntimeException e) {
            return refuse(name, "could not be written (" + ProblemText.of(e) + ")");
        }
        vm.messageProperty().set("saved session " + name);
        recent.add(file);
        return Optional.empty();
    }

    /**
     * Opens a saved session: the view named in it replays its state (the same numbers, the same
     * place), then becomes current in the saved theme. A file that cannot be read or a state that
     * does not fit is one line in the status bar and nothing changes. FX thread; waits for the replay.
     */
    public Optional<String> openSession(Path file) {
        String name = String.valueOf(file.getFileName());
        try {
            Session s = SessionFiles.read(file);
            if (!registry.isAvailable(s.view())) return refuse(name, "$.view: there is no view '" + s.view() + "' here");
            registry.view(s.view()).restoreState(s.state(), name);
            vm.setTheme(s.theme());
            vm.navigate(s.view());
        } catch (SessionException e) {
            vm.messageProperty().set(e.getMessage());
            return Optional.of(e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            return refuse(name, ProblemText.of(e));
        }
        vm.messageProperty().set("opened session " + name);
        recent.add(file);
        return Optional.empty();
    }

    /** For tests: answers the save-session dialog (null owner allowed). */
    public void setSessionChooser(Function<Window, Optional<Path>> chooser) {
        this.sessionChooser = chooser;
    }

    /** For tests: answers the file dialog of File → Open network… (null owner allowed). */
    public void setFileChooser(Function<Window, Optional<Path>> chooser) {
        this.chooser = chooser;
    }

    private Optional<String> refuse(String source, String why) {
        String line = ProblemText.line(source, why);
        vm.messageProperty().set(line);
        return Optional.of(line);
    }

    /**
     * Whether the window may close: every view created so far is asked ({@link StudioView#confirmClose}),
     * and the first that answers no keeps it open, shown in front so the user sees what was kept.
     */
    public boolean confirmClose() {
        for (StudioView v : registry.createdViews()) {
            if (!v.confirmClose()) {
                if (current != v) vm.navigate(v.id());
                return false;
            }
        }
        return true;
    }

    /** Window closing: stop timers, dispose every view, stop every worker thread. */
    public void dispose() {
        fpsTimer.stop();
        recorder.dispose();
        try {
            registry.disposeAll();
        } finally {
            Workers.shutdownAll(3_000);
        }
    }

    private void show(String id) {
        if (current != null) current.onHidden();
        current = registry.view(id);
        viewArea.getChildren().setAll(current.root());
        Transport t = current.transport();
        vm.setTransportAvailable(t != null);
        vm.stepTextProperty().bind(current.stepText());
        windowTitle.bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String doc = current.documentTitle().get();
            return doc == null || doc.isEmpty() ? "Backprop Studio" : "Backprop Studio — " + doc;
        }, current.documentTitle()));
        vm.speedTextProperty().unbind();
        if (t != null) vm.speedTextProperty().bind(t.speedText());
        else vm.speedTextProperty().set("");
        vm.setSeed(current.seed());
        vm.messageProperty().set("");
        toolbar.showView(current.info().title(), t);
        if (vm.isPresenterMode()) current.onPresenterMode(true);
        current.onShown();
    }

    private void applyPresenter(boolean on) {
        for (Node chrome : new Node[] {rail, toolbar, statusBar}) {
            chrome.setVisible(!on);
            chrome.setManaged(!on);
        }
        if (on) root.getStyleClass().add(Styles.PRESENTER);
        else root.getStyleClass().remove(Styles.PRESENTER);
        if (current != null) current.onPresenterMode(on);
        // Focus away from any hidden toolbar button, so keys reach the view area.
        viewArea.requestFocus();
    }

    private void onKeyPressed(KeyEvent e) {
        ShellKeys.forPressed(e).ifPresent(a -> {
            if (isTyping(e.getTarget()) && !ShellKeys.worksWhileTyping(a)) return;
            // A view without transport keeps the arrows, +/− and Delete-like keys for itself (the editor moves nodes with them).
            if (a.isTransport() && (current == null || current.transport() == null)) return;
            dispatch(a);
            e.consume();
        });
    }

    private void onKeyTyped(KeyEvent e) {
        if (isTyping(e.getTarget())) return;
        ShellKeys.forTyped(e.getCharacter()).ifPresent(a -> {
            dispatch(a);
            e.consume();
        });
    }

    /** Controls that need space/arrows/± themselves keep them (a weight being typed, a slider). */
    private static boolean isTyping(EventTarget target) {
        return target instanceof TextInputControl || target instanceof Slider || target instanceof Spinner<?>
                || target instanceof ComboBoxBase<?> || target instanceof ListView<?> || target instanceof TableView<?>;
    }

}
