package backprop.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.StudioApp;
import backprop.app.editor.model.Analysis;
import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.EditorNode;
import backprop.app.shell.StudioShell;
import backprop.app.views.StudioViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The editor in the real window, driven by the robot as a user would: drag layers from the palette,
 * connect ports, type properties, undo and redo, save, and send the network to the Playground.
 */
@ExtendWith(ApplicationExtension.class)
class EditorInShellTest {
    @TempDir static Path dir;
    private StudioShell shell;
    private EditorView view;
    private Path recovery;

    @Start
    void start(Stage stage) throws Exception {
        recovery = Files.createTempDirectory("editor-recovery").resolve("recovery.json");
        System.setProperty("backprop.editor.recovery", recovery.toString());
        StudioApp app = new StudioApp(StudioViews.registry(), false);
        app.start(stage);
        shell = app.shell();
    }

    private EditorDocument doc() { return view.document(); }

    private void openEditor(FxRobot robot) {
        robot.clickOn("#nav-editor");
        assertEquals("editor", shell.viewModel().getCurrentViewId());
        view = (EditorView) shell.currentView();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A screen point of the canvas, (fx, fy) as fractions of its size. */
    private Point2D canvasAt(double fx, double fy) {
        EditorCanvas c = view.canvas();
        return c.localToScreen(c.getWidth() * fx, c.getHeight() * fy);
    }

    private Point2D screen(double[] local) { return view.canvas().localToScreen(local[0], local[1]); }

    private int drop(FxRobot robot, String type, double fx, double fy) {
        robot.interact(() -> reveal(robot.lookup("#palette-" + type).query()));
        drag(robot, robot.point("#palette-" + type).query(), canvasAt(fx, fy));
        WaitForAsyncUtils.waitForFxEvents();
        EditorNode last = doc().graph().node(doc().lastKey());
        assertEquals(type, last.type(), "the drop added a " + type);
        return last.key();
    }

    /** Scrolls the palette so that {@code item} shows, as a user would. */
    private static void reveal(javafx.scene.Node item) {
        javafx.scene.Node p = item;
        while (!(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
        javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) p;
        double content = sp.getContent().getBoundsInLocal().getHeight(), viewport = sp.getViewportBounds().getHeight();
        if (content > viewport) sp.setVvalue(Math.min(1, item.getBoundsInParent().getMinY() / (content - viewport)));
        sp.layout();
    }

    /** Press, move there in steps, release: what a hand does. */
    private static void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 8; i++) robot.moveTo(from.add(to.subtract(from).multiply(i / 8.0)));
        robot.release(MouseButton.PRIMARY);
    }

    private void connect(FxRobot robot, int from, int to) {
        drag(robot, screen(view.canvas().screenPort(from, true)), screen(view.canvas().screenPort(to, false)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void type(FxRobot robot, int key, String property, String text) {
        robot.clickOn(screen(view.canvas().screenCentre(key)));
        WaitForAsyncUtils.waitForFxEvents();
        TextField f = view.sheet().field(property);
        assertNotNull(f, property + " in the property sheet");
        robot.doubleClickOn(f);
        robot.interact(f::selectAll);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Input → hidden (2 sigmoid) → out (1 sigmoid) → output, by drag and drop: 11 edits. */
    private int[] buildXor(FxRobot robot) {
        int in = drop(robot, "input", 0.1, 0.4);
        int hidden = drop(robot, "dense", 0.37, 0.4);
        int out = drop(robot, "dense", 0.64, 0.4);
        int output = drop(robot, "output", 0.91, 0.4);
        connect(robot, in, hidden);
        connect(robot, hidden, out);
        connect(robot, out, output);
        assertEquals(3, doc().graph().edges().size(), doc().graph().edges() + " " + view.message() + " " + doc().graph().nodes());
        type(robot, hidden, "units", "2");
        type(robot, out, "units", "1");
        type(robot, hidden, "activation", "tanh");
        type(robot, hidden, "activation", "sigmoid");
        return new int[] {in, hidden, out, output};
    }

    @Test
    void dragFromThePaletteConnectAndSetPropertiesThenUndoTwentyEditsAndRedoThem(FxRobot robot) throws Exception {
        openEditor(robot);
        int[] k = buildXor(robot);
        Analysis a = doc().analysis();
        assertTrue(a.ok(), a.errors() + " " + a.problem());
        assertEquals("[2]", a.shapeText(k[1]));
        assertEquals(9L, a.totalParameters());
        assertTrue(robot.lookup("#editor-summary").queryAs(Label.class).getText().startsWith("9 parameters"));
        // 2·2 + 2·1 multiply-adds, beside the parameters.
        assertTrue(robot.lookup("#editor-summary").queryAs(Label.class).getText().contains(" · 6 multiply-adds per sample"));

        // Nine more edits from the keyboard: select with Tab, move with the arrows, lay out.
        robot.clickOn(screen(view.canvas().screenCentre(k[2])));
        for (int i = 0; i < 8; i++) {
            robot.type(KeyCode.TAB);           // another node each time, so each move is its own edit
            robot.type(KeyCode.DOWN);
        }
        robot.type(KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Undo auto-layout", robot.lookup("#editor-undo").queryAs(javafx.scene.control.Button.class).getText());

        Path saved = dir.resolve("xor-221.json");
        view.setFileChoosers(w -> Optional.empty(), w -> Optional.of(saved));
        robot.clickOn("#editor-save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("xor-221.json", robot.lookup("#editor-title").queryAs(Label.class).getText());
        assertEquals(saved.toAbsolutePath(), view.recentFiles().get(0), "the saved file heads the recent files");
        byte[] before = Files.readAllBytes(saved);

        robot.clickOn(screen(view.canvas().screenCentre(k[0])));
        int undos = 0;
        while (doc().history().canUndo()) {
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            undos++;
            assertTrue(undos <= 40, "undo ends");
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(undos >= 20, "at least 20 edits: " + undos);
        assertTrue(doc().graph().isEmpty(), "back to the empty canvas");
        assertTrue(doc().dirty());
        robot.clickOn(view.canvas());
        while (doc().history().canRedo()) robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(doc().dirty(), "redone to the saved state");
        Path again = dir.resolve("again.json");
        robot.interact(() -> view.saveTo(again));
        assertTrue(Arrays.equals(before, Files.readAllBytes(again)), "the same bytes after undoing and redoing everything");
    }

    @Test
    void aCycleAndAFieldTheEngineRefusesAreRefusedWithTheirReason(FxRobot robot) {
        openEditor(robot);
        int[] k = buildXor(robot);
        connect(robot, k[2], k[1]); // dense_2 → dense_1: dense_1 is full
        assertFalse(doc().graph().edges().contains(new backprop.app.editor.model.Edge(k[2], k[1])));
        assertTrue(view.message().contains("takes 1 input"), view.message());

        type(robot, k[1], "units", "0");
        assertEquals(2, doc().graph().node(k[1]).fields().get("units").asInt(), "0 units never reaches the network");
        Label reason = robot.lookup(".ed-error").queryAllAs(Label.class).stream().filter(Label::isVisible)
                .filter(l -> !l.getText().isEmpty()).findFirst().orElseThrow();
        assertTrue(reason.getText().contains("units"), reason.getText());

        // A view that cannot show the network says why, and the editor stays in front.
        robot.clickOn("#editor-open-in");
        robot.clickOn("#open-in-cnn");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("editor", shell.viewModel().getCurrentViewId());
        String said = shell.viewModel().messageProperty().get();
        assertTrue(said.startsWith("the editor's network: "), said);
    }

    @Test
    void seededShapeErrorsEachAppearOnTheirOwnNode(FxRobot robot) {
        openEditor(robot);
        int in = drop(robot, "input", 0.08, 0.15);
        type(robot, in, "shape", "1, 28, 28");
        int conv = drop(robot, "conv2d", 0.3, 0.15);
        int dense = drop(robot, "dense", 0.55, 0.15);
        int flat = drop(robot, "flatten", 0.3, 0.4);
        int a = drop(robot, "dense", 0.55, 0.4);
        int b = drop(robot, "dense", 0.55, 0.6);
        int add = drop(robot, "add", 0.8, 0.5);
        int conv2 = drop(robot, "conv2d", 0.8, 0.2);
        int concat = drop(robot, "concat", 0.8, 0.8);
        int lonely = drop(robot, "dropout", 0.3, 0.85);
        connect(robot, in, conv);
        connect(robot, conv, dense);
        connect(robot, in, flat);
        connect(robot, flat, a);
        connect(robot, flat, b);
        connect(robot, a, add);
        connect(robot, b, add);
        connect(robot, a, conv2);
        connect(robot, b, concat);
        type(robot, a, "units", "8");
        type(robot, conv, "kernel", "5");
        assertEquals("Undo set kernel of conv2d_1", doc().history().undoText(), doc().graph().node(conv).toString());
        // Each seeded problem, and the words of the engine's message that must be on that node.
        List<Object[]> seeded = List.of(
                new Object[] {dense, "add a flatten layer first"},
                new Object[] {add, "8"},
                new Object[] {conv2, "reads images"},
                new Object[] {concat, "at least 2 inputs"},
                new Object[] {lonely, "not connected"});
        Analysis an = doc().analysis();
        for (Object[] s : seeded) {
            int key = (Integer) s[0];
            String error = an.errors().get(key);
            assertTrue(error != null && error.contains((String) s[1]), key + ": " + an.errors());
            for (Object[] other : seeded) {
                if (other != s) assertFalse(an.errors().get((Integer) other[0]).equals(error), "one message per node");
            }
        }
        assertFalse(an.errors().containsKey(conv), an.errors().toString());
        assertFalse(an.errors().containsKey(a));
        assertEquals("[4, 24, 24]", an.shapeText(conv));
        // The property sheet of the add node shows its reason.
        robot.clickOn(screen(view.canvas().screenCentre(add)));
        WaitForAsyncUtils.waitForFxEvents();
        look(robot, "editor-errors.png");
        assertTrue(robot.lookup(".ed-error").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals(an.errors().get(add))));
        // A kernel larger than the input is refused at the field, with the formula.
        type(robot, conv, "kernel", "29");
        // "2" was a valid kernel on the way, "29" is not: the network keeps the last valid one.
        assertEquals(2, doc().graph().node(conv).fields().get("kernel").asInt());
        assertTrue(robot.lookup(".ed-error").queryAllAs(Label.class).stream().anyMatch(l -> l.isVisible() && l.getText().contains("(28 + 2·0 − 29)")),
                "the reason under the field");
    }

    @Test
    void xorBuiltFromAnEmptyCanvasOpensInThePlaygroundAndTrainsToEveryCaseRight(FxRobot robot) {
        openEditor(robot);
        int[] k = buildXor(robot);
        for (int layer : new int[] {k[1], k[2]}) type(robot, layer, "initializer", "{\"type\": \"uniform\", \"scale\": 1.0}");
        robot.clickOn(view.canvas(), MouseButton.PRIMARY); // nothing selected: the network's own fields
        robot.interact(() -> view.selection().clear());
        setNetwork(robot, "seed", "2");
        setNetwork(robot, "training", "{\"optimizer\": \"sgd\", \"learningRate\": 2.0, \"batchSize\": 0}");
        setNetwork(robot, "dataset", "{\"name\": \"xor\"}");
        assertTrue(doc().analysis().ok(), doc().analysis().errors() + " " + doc().analysis().problem());
        robot.clickOn("#editor-open-in");
        robot.clickOn("#open-in-playground");
        WaitForAsyncUtils.waitForFxEvents();
        String said = shell.viewModel().messageProperty().get();
        assertEquals("playground", shell.viewModel().getCurrentViewId(), said);
        assertTrue(said.contains("opened the editor's network in Playground"), said);
        backprop.app.playground.PlaygroundViewModel pg = ((backprop.app.playground.PlaygroundView) shell.currentView()).viewModel();
        robot.interact(() -> pg.trainNow(3000));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1f, pg.frame().trainAccuracy(), "all four XOR cases right after 3000 epochs: " + pg.frame().trainLoss());
    }

    private void setNetwork(FxRobot robot, String field, String text) {
        TextField f = view.sheet().field(field);
        assertNotNull(f, field);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, view.sheet().field(field).getText());
    }

    @Test
    void unsavedWorkLeftByAnEarlierSessionIsOfferedAndRestored(FxRobot robot) throws Exception {
        EditorDocument earlier = new EditorDocument();
        earlier.add("input", 40, 40);
        earlier.add("conv2d", 300, 40); // not connected yet: no valid file, still kept
        Files.writeString(recovery, earlier.recoveryText());
        openEditor(robot);
        assertTrue(doc().graph().isEmpty(), "nothing is restored without asking");
        robot.clickOn("#editor-restore");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(earlier.recoveryText(), doc().recoveryText());
        assertTrue(robot.lookup("#editor-title").queryAs(Label.class).getText().startsWith("• "), "restored work is unsaved");
        robot.interact(() -> doc().add("dense", 300, 200));   // more unsaved work: the next autosave keeps it
        robot.interact(view::autosave);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.readString(recovery).equals(doc().recoveryText()));
    }

    /** With -Deditor.look.dir=DIR, a snapshot of the window to look at. */
    private void look(FxRobot robot, String name) {
        String dir = System.getProperty("editor.look.dir");
        if (dir == null) return;
        robot.interact(() -> {
            try {
                backprop.app.export.PngFiles.write(view.root().getScene().snapshot(null), Path.of(dir, name));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void everythingWorksFromTheKeyboard(FxRobot robot) {
        openEditor(robot);
        // Add: Enter on a palette entry puts it beside the selected node, connected from it.
        for (String type : new String[] {"input", "dense", "dense", "output"}) {
            robot.interact(() -> {
                reveal(robot.lookup("#palette-" + type).query());
                robot.lookup("#palette-" + type).query().requestFocus();
            });
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(4, doc().graph().nodes().size());
        assertEquals(3, doc().graph().edges().size(), "each added node reads the one selected before it");
        assertTrue(doc().analysis().ok(), doc().analysis().errors().toString());
        robot.interact(() -> view.canvas().requestFocus());

        // Select: Tab walks the nodes in file order.
        robot.type(KeyCode.TAB);
        assertEquals(List.of(doc().graph().nodes().get(0).key()), view.selection().ordered());
        robot.type(KeyCode.TAB);
        int dense1 = doc().graph().nodes().get(1).key();
        assertEquals(List.of(dense1), view.selection().ordered());

        // Move: an arrow is one grid step.
        double y = doc().graph().node(dense1).y();
        robot.type(KeyCode.DOWN);
        assertEquals(y + 20, doc().graph().node(dense1).y());

        // Duplicate the selected node, then connect the copy by keys.
        robot.press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, doc().graph().nodes().size());
        int copy = view.selection().ordered().get(0);
        // Connect: C, Tab to the target, Enter. The copy feeds nothing yet; input → copy is allowed.
        robot.type(KeyCode.TAB);                                      // the next node after the copy: wraps to the input
        int input = doc().graph().nodes().get(0).key();
        assertEquals(List.of(input), view.selection().ordered());
        robot.type(KeyCode.C);
        for (int i = 0; i < 4; i++) robot.type(KeyCode.TAB);          // input → dense_1 → dense_2 → output → the copy
        assertEquals(List.of(input, copy), view.selection().ordered());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc().graph().edges().contains(new backprop.app.editor.model.Edge(input, copy)), view.message());

        // Delete: the copy goes with its edge.
        robot.type(KeyCode.TAB, KeyCode.TAB, KeyCode.TAB, KeyCode.TAB, KeyCode.TAB); // round the five nodes to the copy
        assertEquals(List.of(copy), view.selection().ordered());
        robot.type(KeyCode.DELETE);
        assertEquals(4, doc().graph().nodes().size());
        assertEquals(3, doc().graph().edges().size());
        assertEquals("Undo delete " + "dense_3", robot.lookup("#editor-undo").queryAs(javafx.scene.control.Button.class).getText());
    }
}
