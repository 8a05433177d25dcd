package backprop.app.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.view.StudioView;
import backprop.app.view.ViewRegistry;
import backprop.app.views.StudioViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session saved from a view and opened in a fresh set of views draws the same picture, pixel
 * for pixel: the state replays the same numbers from the seed and stands at the same place.
 */
class SessionRoundTripTest {
    private static final int W = 1280, H = 800;

    @TempDir static Path dir;

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(180, TimeUnit.SECONDS);
    }

    private static int[] pixels(Scene scene) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        WritableImage img = scene.snapshot(null);
        int[] px = new int[W * H];
        img.getPixelReader().getPixels(0, 0, W, H, PixelFormat.getIntArgbInstance(), px, 0, W);
        return px;
    }

    /** Puts a view somewhere worth saving: trained a while, moved along; the Playground also edited by hand. */
    private static void advance(StudioView v) {
        v.advanceForExport(v.id().equals("gradients") ? 7 : 13);
        if (v instanceof backprop.app.recurrent.RecurrentView r) {
            // A gate forced part-way changes every update after it: the replay must follow.
            r.viewModel().forceNow("f", 1f);
            r.viewModel().trainNow(4);
        }
        if (v instanceof backprop.app.playground.PlaygroundView p) {
            p.viewModel().runNow(x -> {
                x.setWeight(0, 0, 1, -3f);
                x.addPoint(0.5f, -0.25f, 1);
                x.step();
                x.setBias(1, 0, 0.75f);
                x.epoch();
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"backprop", "depth", "gradients", "playground", "text", "cnn", "recurrent"})
    void aReopenedSessionDrawsTheSamePicture(String id) throws Exception {
        Path file = dir.resolve(id + ".bpsession");
        int[] before = fx(() -> {
            ViewRegistry registry = StudioViews.registry();
            Scene scene = new HeadlessRenderer(registry).mount(new RenderRequest(id, null, 2, W, H, Theme.DARK, false));
            StudioView v = registry.view(id);
            advance(v);
            int[] px = pixels(scene);
            var state = v.saveState().orElseThrow();
            if (id.equals("playground")) assertTrue(state.get("network").get("layers").get(0).has("weights"), "the trained weights travel with the session");
            SessionFiles.write(file, new Session(id, Theme.DARK, state));
            registry.disposeAll();
            return px;
        });
        int[] after = fx(() -> {
            Session s = SessionFiles.read(file);
            assertEquals(id, s.view());
            assertEquals(Theme.DARK, s.theme());
            ViewRegistry registry = StudioViews.registry();
            Scene scene = new HeadlessRenderer(registry).mount(new RenderRequest(id, null, 0, W, H, s.theme(), false));
            registry.view(id).restoreState(s.state(), file.getFileName().toString());
            int[] px = pixels(scene);
            registry.disposeAll();
            return px;
        });
        int differ = 0, x0 = W, y0 = H, x1 = -1, y1 = -1;
        for (int i = 0; i < before.length; i++) {
            if (before[i] == after[i]) continue;
            differ++;
            x0 = Math.min(x0, i % W); x1 = Math.max(x1, i % W); y0 = Math.min(y0, i / W); y1 = Math.max(y1, i / W);
        }
        if (differ > 0) System.out.println("DIFF " + id + " box " + x0 + "," + y0 + " - " + x1 + "," + y1);
        assertEquals(0, differ, id + ": pixels that differ after reopening");
    }

    @Test
    void aPlaygroundSessionWhoseWeightsDoNotMatchItsReplaySaysSo() throws Exception {
        String note = fx(() -> {
            ViewRegistry registry = StudioViews.registry();
            new HeadlessRenderer(registry).mount(new RenderRequest("playground", null, 3, 640, 400, Theme.LIGHT, false));
            var v = (backprop.app.playground.PlaygroundView) registry.view("playground");
            var state = v.saveState().orElseThrow();
            var w = (com.fasterxml.jackson.databind.node.ArrayNode) state.get("network").get("layers").get(0).get("weights").get(0);
            w.set(0, w.get(0).asDouble() + 1); // not what the log trains to
            registry.disposeAll();
            ViewRegistry fresh = StudioViews.registry();
            new HeadlessRenderer(fresh).mount(new RenderRequest("playground", null, 0, 640, 400, Theme.LIGHT, false));
            var again = (backprop.app.playground.PlaygroundView) fresh.view("playground");
            again.restoreState(state, "edited.bpsession");
            String m = again.viewModel().messageProperty().get();
            fresh.disposeAll();
            return m;
        });
        assertTrue(note.contains("edited.bpsession") && note.contains("other weights than it saved"), note);
    }

    @Test
    void theSameStateGivesTheSameBytes() throws Exception {
        byte[][] twice = new byte[2][];
        for (int k = 0; k < 2; k++) {
            int i = k;
            twice[i] = fx(() -> {
                ViewRegistry registry = StudioViews.registry();
                new HeadlessRenderer(registry).mount(new RenderRequest("depth", null, 5, W, H, Theme.LIGHT, false));
                byte[] b = SessionFiles.bytes(new Session("depth", Theme.LIGHT, registry.view("depth").saveState().orElseThrow()));
                registry.disposeAll();
                return b;
            });
        }
        assertArrayEquals(twice[0], twice[1]);
    }

    @Test
    void badSessionFilesAreOneLineNamingFileAndPath() throws Exception {
        expect("{\"format\": \"backprop-studio.session\", \"version\": 9, \"view\": \"depth\", \"state\": {}}", "$.version: written by a newer Backprop Studio");
        expect("{\"format\": \"backprop-studio.session\", \"version\": 1, \"view\": \"depth\"}", "$.state: expected an object");
        expect("{\"name\": \"xor\", \"layers\": []}", "$.format: expected \"backprop-studio.session\"");
        expect("{\"format\": \"backprop-studio.session\", \"version\": 1, \"view\": \"depth\", \"theme\": \"sepia\", \"state\": {}}", "$.theme: unknown theme 'sepia'");
        expect("{\"format\": \"backprop-studio.session\", ", "not valid JSON (line 1");
        SessionException e = fx(() -> {
            ViewRegistry registry = StudioViews.registry();
            new HeadlessRenderer(registry).mount(new RenderRequest("depth", null, 0, 320, 200, Theme.LIGHT, false));
            var state = SessionFiles.object();
            state.put("seed", 1).put("steps", -4);
            SessionException thrown = assertThrows(SessionException.class, () -> registry.view("depth").restoreState(state, "x.bpsession"));
            registry.disposeAll();
            return thrown;
        });
        assertTrue(e.getMessage().startsWith("x.bpsession: $.state.steps: expected 0 to"), e.getMessage());
    }

    private static void expect(String json, String part) throws Exception {
        Path f = Files.writeString(dir.resolve("bad.bpsession"), json);
        SessionException e = assertThrows(SessionException.class, () -> SessionFiles.read(f));
        assertTrue(e.getMessage().startsWith("bad.bpsession: "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line");
    }
}
