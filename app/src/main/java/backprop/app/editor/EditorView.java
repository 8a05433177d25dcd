package backprop.app.editor;

import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.Templates;
import backprop.app.theme.Styles;
import backprop.app.view.OpenInViewRequest;
import backprop.app.view.StudioView;
import backprop.app.view.ViewInfo;
import backprop.app.work.ProblemText;
import backprop.app.work.Workers;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import backprop.app.work.RecentFiles;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The network editor: palette on the left, the graph on the canvas, the property sheet on the
 * right, and a footer with the engine's totals. Files are the network format (canonical, saved
 * atomically); unsaved work goes to a recovery file every 30 s and is offered back on the next
 * start. "Open in" sends the network through the shell's open route to a view that trains it.
 */
public final class EditorView implements StudioView {
    public static final ViewInfo INFO = new ViewInfo("editor", "Editor", "mdi2p-pencil-ruler");
    /** The views "Open in" offers: id and title. */
    static final String[][] TARGETS = {{"playground", "Playground"}, {"backprop", "Backprop"}, {"recurrent", "Recurrent"}, {"cnn", "CNN"}};
    static final Duration AUTOSAVE = Duration.seconds(30);

    private final EditorDocument doc = new EditorDocument();
    private final Selection selection = new Selection();
    private final EditorCanvas canvas = new EditorCanvas(doc, selection);
    private final BorderPane root = new BorderPane();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label message = new Label();
    private final Button undo = new Button();
    private final Button redo = new Button();
    private final VBox top = new VBox();
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper("");
    private final RecoveryFile recovery;
    private final RecentFiles recent;
    private final ExecutorService writer = Workers.newExecutor("editor-autosave");
    private final Timeline autosave;
    private final CanvasInput input;
    private final PropertySheet sheet;
    private final RunPanel runPanel;
    private final javafx.scene.control.ToggleButton train = new javafx.scene.control.ToggleButton("Train here");
    private final VBox footer = new VBox();
    private Function<Window, Optional<Path>> openChooser = w -> choose(w, false);
    private Function<Window, Optional<Path>> saveChooser = w -> choose(w, true);
    private File lastFolder;
    private boolean fitPending = true;

    public EditorView() { this(RecoveryFile.standard()); }

    EditorView(RecoveryFile recovery) {
        this.recovery = recovery;
        this.recent = RecentFiles.beside(recovery.path(), "editor-recent.txt");
        root.getStyleClass().add(Styles.EDITOR_VIEW);
        root.getStylesheets().add(EditorView.class.getResource("/backprop/app/editor/editor.css").toExternalForm());
        input = new CanvasInput(doc, canvas, selection, this::say, this::openPath);
        sheet = new PropertySheet(doc, selection);
        runPanel = new RunPanel(doc, canvas);
        LayerPalette palette = new LayerPalette(input::addFromKeyboard, this::dropFromPalette);
        canvas.setId("editor-canvas");
        // Auto-layout wraps a deep network into bands that fit the canvas at full size.
        canvas.widthProperty().addListener((o, was, w) -> columnsFromWidth());
        top.getChildren().add(toolbar());
        root.setTop(top);
        root.setLeft(palette);
        root.setCenter(canvas);
        root.setRight(sheet);
        summary.getStyleClass().add(Styles.ED_SUMMARY);
        summary.setId("editor-summary");
        message.getStyleClass().add(Styles.ED_ERROR);
        message.setId("editor-message");
        footer.getChildren().addAll(message, summary);
        footer.getStyleClass().add(Styles.ED_FOOTER);
        root.setBottom(footer);
        doc.addListener(this::refresh);
        doc.addListener(runPanel::networkChanged);
        doc.graph().addListener(() -> selection.retain(keys(), doc.graph().edges()));
        refresh();
        autosave = new Timeline(new KeyFrame(AUTOSAVE, e -> autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        recovery.read().ifPresent(this::offerRestore);
    }

    private java.util.Set<Integer> keys() {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        doc.graph().nodes().forEach(n -> out.add(n.key()));
        return out;
    }

    private FlowPane toolbar() {
        MenuButton templates = new MenuButton("Templates", icon(EditorIcons.TEMPLATE));
        for (Templates.Template t : Templates.ALL) {
            MenuItem item = new MenuItem(t.title());
            item.setId("template-" + t.id());
            item.setOnAction(e -> openTemplate(t));
            templates.getItems().add(item);
        }
        MenuButton recentMenu = new MenuButton("Recent", icon(EditorIcons.RECENT));
        recentMenu.setId("editor-recent");
        recentMenu.setOnShowing(e -> {
            recentMenu.getItems().clear();
            for (Path p : recent.list()) {
                MenuItem item = new MenuItem(p.getFileName() + " — " + p.getParent());
                item.setMnemonicParsing(false);
                item.setOnAction(a -> { if (mayDiscard()) openPath(p); });
                recentMenu.getItems().add(item);
            }
            if (recentMenu.getItems().isEmpty()) recentMenu.getItems().add(new MenuItem("(no files yet)"));
        });
        MenuButton openIn = new MenuButton("Open in", icon(EditorIcons.OPEN_IN));
        openIn.setId("editor-open-in");
        for (String[] t : TARGETS) {
            MenuItem item = new MenuItem(t[1]);
            item.setId("open-in-" + t[0]);
            item.setOnAction(e -> openIn(t[0]));
            openIn.getItems().add(item);
        }
        undo.setMnemonicParsing(false); // layer names have underscores: "Undo move dense_2"
        redo.setMnemonicParsing(false);
        undo.setGraphic(icon(EditorIcons.UNDO));
        undo.setId("editor-undo");
        undo.setOnAction(e -> doc.history().undo());
        redo.setGraphic(icon(EditorIcons.REDO));
        redo.setId("editor-redo");
        redo.setOnAction(e -> doc.history().redo());
        train.setGraphic(icon(EditorIcons.TRAIN));
        train.setId("editor-train");
        train.setTooltip(new Tooltip("Train the network here: data set, optimiser, loss curve, and each layer's activations and gradients on the canvas"));
        train.selectedProperty().addListener((o, was, on) -> showRunPanel(on));
        title.getStyleClass().add(Styles.ED_TITLE);
        title.setId("editor-title");
        FlowPane bar = new FlowPane(
                button("editor-new", EditorIcons.NEW, "New", "An empty canvas", this::newDocument),
                button("editor-open", EditorIcons.OPEN, "Open…", "Open a network file", this::open),
                button("editor-save", EditorIcons.SAVE, "Save", "Save (the network format, written atomically)", this::save),
                button("editor-save-as", EditorIcons.SAVE_AS, "Save as…", "Save under a new name", this::saveAs),
                recentMenu, templates, new Separator(javafx.geometry.Orientation.VERTICAL), undo, redo,
                button("editor-layout", EditorIcons.LAYOUT, "Layout", "Lay out left to right by depth (L)", doc::autoLayout),
                button("editor-zoom-out", EditorIcons.ZOOM_OUT, null, "Zoom out (−, Ctrl+wheel)", () -> canvas.zoomAt(1 / 1.2, canvas.getWidth() / 2, canvas.getHeight() / 2)),
                button("editor-zoom-in", EditorIcons.ZOOM_IN, null, "Zoom in (+, Ctrl+wheel)", () -> canvas.zoomAt(1.2, canvas.getWidth() / 2, canvas.getHeight() / 2)),
                button("editor-fit", EditorIcons.FIT, null, "Fit the network (0)", canvas::fit),
                button("editor-summary-copy", EditorIcons.SUMMARY, "Summary", "Copy the summary table (layers, shapes, parameters, multiply-adds) as text",
                        this::copySummary),
                openIn, train, title);
        bar.getStyleClass().add(Styles.ED_BAR);
        return bar;
    }

    /** The run panel above the footer, or away (it pauses when hidden). */
    private void showRunPanel(boolean on) {
        if (on == footer.getChildren().contains(runPanel)) return;
        if (on) {
            footer.getChildren().add(0, runPanel);
            runPanel.shown();
        } else {
            footer.getChildren().remove(runPanel);
            runPanel.hidden();
        }
        if (train.isSelected() != on) train.setSelected(on);
    }

    private static FontIcon icon(String literal) {
        FontIcon i = new FontIcon(literal);
        i.getStyleClass().add(Styles.ED_ICON);
        return i;
    }

    private static Button button(String id, String literal, String text, String tip, Runnable action) {
        Button b = new Button(text, icon(literal));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void refresh() {
        title.setText(doc.title());
        summary.setText(SummaryText.of(doc));
        undo.setText(doc.history().undoText());
        undo.setDisable(!doc.history().canUndo());
        redo.setText(doc.history().redoText());
        redo.setDisable(!doc.history().canRedo());
        stepText.set(doc.title());
        documentTitle.set(doc.title());
    }

    private final ReadOnlyStringWrapper documentTitle = new ReadOnlyStringWrapper("");

    @Override
    public javafx.beans.property.ReadOnlyStringProperty documentTitle() { return documentTitle.getReadOnlyProperty(); }

    private void say(String line) { message.setText(line); }

    /** The model.summary()-style table, as text on the clipboard. */
    void copySummary() {
        javafx.scene.input.ClipboardContent c = new javafx.scene.input.ClipboardContent();
        c.putString(backprop.app.editor.model.SummaryTable.of(doc.graph(), doc.analysis()));
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        say("The summary is on the clipboard.");
    }

    /**
     * Whether unsaved changes may go (New, Open, a template): asks when there are any. Tests answer
     * through {@link #setConfirmDiscard}.
     */
    private boolean mayDiscard() {
        return !doc.dirty() || confirmDiscard.test(doc.title().replace("• ", ""));
    }

    private java.util.function.Predicate<String> confirmDiscard = name -> {
        javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The changes to " + name + " are not saved. Discard them?", javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        ask.setHeaderText(null);
        ask.initOwner(window());
        return ask.showAndWait().orElse(javafx.scene.control.ButtonType.NO) == javafx.scene.control.ButtonType.YES;
    };

    /** For tests: answers "discard unsaved changes?" (gets the document's name). */
    void setConfirmDiscard(java.util.function.Predicate<String> answer) { confirmDiscard = answer; }

    /** A new network in front: the run panel takes its training settings. */
    private void loaded() {
        if (footer.getChildren().contains(runPanel)) runPanel.settingsFromNetwork();
    }

    // ------------------------------------------------------------------ palette drop

    private void dropFromPalette(String type, Point2D scene) {
        Point2D local = canvas.sceneToLocal(scene);
        if (local == null || !canvas.contains(local)) return;
        input.addAt(type, canvas.toModelX(local.getX()) - backprop.app.editor.model.AutoLayout.NODE_WIDTH / 2,
                canvas.toModelY(local.getY()) - backprop.app.editor.model.AutoLayout.NODE_HEIGHT / 2);
        canvas.requestFocus();
    }

    // ------------------------------------------------------------------ files

    private void newDocument() {
        if (!mayDiscard()) return;
        doc.clear();
        selection.clear();
        recovery.delete();
        say("");
        canvas.fit();
    }

    private void open() {
        if (!mayDiscard()) return;
        openChooser.apply(window()).ifPresent(this::openPath);
    }

    /** Opens a file; a file the reader refuses leaves the canvas as it was and says why in one line. */
    void openPath(Path p) {
        try {
            doc.open(p);
        } catch (SpecException e) {
            say(e.getMessage());
            return;
        } catch (RuntimeException | OutOfMemoryError e) {
            say(ProblemText.line(String.valueOf(p.getFileName()), ProblemText.of(e)));
            return;
        }
        recent.add(p);
        selection.clear();
        say("");
        canvas.fit();
        loaded();
    }

    private void openTemplate(Templates.Template t) {
        if (!mayDiscard()) return;
        try {
            doc.load(t.spec());
        } catch (SpecException e) {
            say(e.getMessage());
            return;
        }
        selection.clear();
        say("");
        canvas.fit();
        loaded();
    }

    /** Save: to the file it came from, else as Save As. */
    void save() {
        if (doc.file() == null) saveAs();
        else saveTo(doc.file());
    }

    private void saveAs() {
        saveChooser.apply(window()).ifPresent(this::saveTo);
    }

    void saveTo(Path p) {
        try {
            doc.save(p);
            recent.add(p);
            recovery.delete();
            say("Saved " + p.getFileName());
        } catch (SpecException e) {
            say("Not saved: " + e.getMessage());
        } catch (IOException e) {
            say(ProblemText.line(String.valueOf(p.getFileName()), "could not be written (" + e.getMessage() + ")"));
        }
    }

    private Optional<Path> choose(Window owner, boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Save the network" : "Open a network file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Network files", "*.json"));
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        if (save) chooser.setInitialFileName(doc.file() != null ? String.valueOf(doc.file().getFileName()) : "network.json");
        File f = save ? chooser.showSaveDialog(owner) : chooser.showOpenDialog(owner);
        if (f == null) return Optional.empty();
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    private Window window() { return root.getScene() == null ? null : root.getScene().getWindow(); }

    /** For tests: answers the Open and Save As dialogs. */
    void setFileChoosers(Function<Window, Optional<Path>> open, Function<Window, Optional<Path>> save) {
        this.openChooser = open;
        this.saveChooser = save;
    }

    // ------------------------------------------------------------------ recovery

    /** Every 30 s: unsaved work goes to the recovery file (written on a worker). */
    void autosave() {
        if (!doc.dirty()) return;
        String text = doc.recoveryText();
        writer.execute(() -> {
            try {
                recovery.write(text);
            } catch (IOException e) {
                Platform.runLater(() -> say("Autosave failed: " + e.getMessage()));
            }
        });
    }

    private void offerRestore(String text) {
        Label l = new Label("Unsaved editor work from an earlier session was kept.");
        Button restore = new Button("Restore it", icon(EditorIcons.RESTORE));
        restore.setId("editor-restore");
        Button discard = new Button("Discard");
        discard.setId("editor-discard");
        HBox banner = new HBox(l, restore, discard);
        banner.getStyleClass().add(Styles.ED_BANNER);
        restore.setOnAction(e -> {
            try {
                doc.restore(text);
                canvas.fit();
                say("Restored unsaved work; save it to keep it.");
            } catch (IllegalArgumentException ex) {
                say(ProblemText.line(String.valueOf(recovery.path().getFileName()), ex.getMessage()));
            }
            top.getChildren().remove(banner);
        });
        discard.setOnAction(e -> {
            recovery.delete();
            top.getChildren().remove(banner);
        });
        top.getChildren().add(banner);
    }

    // ------------------------------------------------------------------ open in

    /** Sends the network to view {@code viewId} through the shell's route; a network that does not read yet says why here. */
    void openIn(String viewId) {
        NetworkSpec spec;
        try {
            spec = doc.spec();
        } catch (SpecException e) {
            say("Cannot open it yet: " + e.getMessage());
            return;
        }
        String source = doc.file() != null ? String.valueOf(doc.file().getFileName()) : "the editor's network";
        root.fireEvent(new OpenInViewRequest(viewId, spec, source));
    }

    // ------------------------------------------------------------------ StudioView

    @Override public ViewInfo info() { return INFO; }

    @Override public Node root() { return root; }

    @Override public ReadOnlyStringProperty stepText() { return stepText.getReadOnlyProperty(); }

    @Override public Optional<String> cannotShow(NetworkSpec spec) { return Optional.empty(); }

    @Override
    public void open(NetworkSpec spec, String source, Consumer<Optional<String>> done) {
        if (!mayDiscard()) {
            done.accept(Optional.of("the editor keeps its unsaved changes; save them first"));
            return;
        }
        doc.load(spec);
        selection.clear();
        say("");
        fitSoon();
        loaded();
        done.accept(Optional.empty());
    }

    @Override
    public void prepareForExport(NetworkSpec spec, int step) {
        top.getChildren().retainAll(top.getChildren().get(0)); // a picture of the network, without a restore offer
        root.applyCss();
        root.layout(); // the canvas's width decides how auto-layout wraps
        try {
            doc.load(spec != null ? spec : Templates.ALL.get(1).spec());
        } catch (SpecException e) {
            throw new IllegalStateException(e); // a built-in template always reads
        }
        if (step > 0) {
            showRunPanel(true);
            runPanel.trainNow(step); // the run panel's first data set, the network's own settings
        }
        root.applyCss();
        root.layout();
        canvas.fit();
    }

    /** Auto-layout wraps a deep network into bands that fit the canvas's width at full size. */
    private void columnsFromWidth() {
        if (canvas.getWidth() <= 0) return;
        doc.setLayoutColumns(backprop.app.editor.model.AutoLayout.columnsFor(canvas.getWidth() / canvas.scale()));
        canvas.fit();
    }

    private void fitSoon() {
        if (canvas.getWidth() > 0) canvas.fit();
        else Platform.runLater(canvas::fit);
    }

    @Override public void onShown() {
        if (fitPending) {
            fitPending = false;
            fitSoon();
        }
        canvas.requestFocus();
    }

    @Override public void onPresenterMode(boolean on) {
        canvas.setScale(on ? Styles.PRESENTER_SCALE : 1);
        runPanel.chart().setScale(on ? Styles.PRESENTER_SCALE : 1);
        columnsFromWidth();
    }

    /**
     * The window is closing: unsaved changes are asked about (Save, Don't save, Cancel). Save goes
     * through Save As when the network has no file yet; a Save As cancelled or a save that fails
     * keeps the window open, so nothing is lost. Don't save also drops the recovery file, so the
     * next start does not offer back what the user chose to throw away.
     */
    @Override
    public boolean confirmClose() {
        if (!doc.dirty()) return true;
        switch (CloseQuestion.ask(window(), doc.title().replace("• ", ""))) {
            case SAVE -> {
                save();
                return !doc.dirty();
            }
            case DONT_SAVE -> {
                discarded = true;
                recovery.delete();
                return true;
            }
            default -> {
                say("Still open: the changes are not saved.");
                return false;
            }
        }
    }

    /** The user chose "Don't save" on closing: no recovery file is written. */
    private boolean discarded;

    @Override public void onHidden() { runPanel.pause(); }

    @Override public void dispose() {
        runPanel.dispose();
        autosave.stop();
        if (doc.dirty() && !discarded) {
            try {
                recovery.write(doc.recoveryText());
            } catch (IOException e) {
                // the last autosave stays
            }
        }
        writer.shutdown();
    }

    // ------------------------------------------------------------------ for tests

    EditorDocument document() { return doc; }

    EditorCanvas canvas() { return canvas; }

    PropertySheet sheet() { return sheet; }

    RunPanel runPanel() { return runPanel; }

    Selection selection() { return selection; }

    String message() { return message.getText(); }

    List<Path> recentFiles() { return recent.list(); }
}
