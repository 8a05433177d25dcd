package backprop.app.editor;

import backprop.app.editor.model.Analysis;
import backprop.app.editor.model.EditorGraph;
import backprop.app.export.HeadlessRenderer;
import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.theme.ThemeSupport;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * {@code bench-frames --view editor}: a 200-node graph in the editor, panned and zoomed frame
 * after frame, headless. A frame is what a pan or zoom costs the FX thread: the new view
 * transform, the canvas's drawing calls, CSS and layout, and rendering the canvas (the only
 * region a pan or zoom dirties) into an image with the software pipeline. Shape inference is
 * {@link Analysis#of} over the same graph, which the editor runs after every edit. Each frame's
 * pixels are compared with the previous frame's (outside the timing), so a run proves the frames
 * really moved. Beside wall time, each frame's CPU time on the FX thread and JavaFX's render
 * thread, and each inference's on its thread: on a machine shared with other work the wall time
 * includes waiting for a core, the CPU time does not.
 */
public final class EditorFrameBenchmark {
    /** Frames, then inferences, run before any is measured: the JIT compiles the drawing and the reader first. */
    public static final int WARM_UP = 120;
    public static final int INFERENCE_WARM_UP = 300;
    /** Input, 198 layers, output. */
    public static final int NODES = 200;
    private static final double ZOOM = 1.15;

    /**
     * Times per frame and per shape inference in ms (median, 95th percentile, worst), the nodes
     * checked, whether the engine read every one, and how many measured frames differed from
     * the frame before.
     */
    public record Result(int frames, int width, int height, int nodes, boolean allRead, double medianMs, double p95Ms, double maxMs,
                         double inferenceMedianMs, double inferenceP95Ms, int changedFrames, double cpuMedianMs, double cpuP95Ms,
                         double inferenceCpuMedianMs, double inferenceCpuP95Ms) {}

    private EditorFrameBenchmark() {}

    /**
     * A network of {@code layers} layers of 16 tanh units; every fourth is an add of the layer
     * before it and the one three back (a residual join), so the graph has merges, not only a chain.
     */
    public static NetworkSpec network(int layers) throws Exception {
        StringBuilder b = new StringBuilder("{\"format\": \"backprop-studio.network\", \"version\": 1, \"name\": \"bench-200\", \"input\": {\"shape\": [16]}, \"layers\": [");
        for (int i = 1; i <= layers; i++) {
            if (i > 1) b.append(", ");
            if (i == layers) b.append("{\"type\": \"dense\", \"id\": \"l").append(i).append("\", \"units\": 1, \"activation\": \"sigmoid\"}");
            else if (i % 4 == 0) b.append("{\"type\": \"add\", \"id\": \"l").append(i).append("\", \"from\": [\"l").append(i - 1).append("\", \"l").append(i - 3).append("\"]}");
            else b.append("{\"type\": \"dense\", \"id\": \"l").append(i).append("\", \"units\": 16, \"activation\": \"tanh\"}");
        }
        b.append("], \"loss\": \"binary_cross_entropy\"}");
        return SpecReader.parse(b.toString(), "bench-200.json");
    }

    public static Result run(int frames, int width, int height) throws Exception {
        NetworkSpec spec = network(NODES - 2);
        EditorView view = HeadlessRenderer.onFxThread(() -> new EditorView(new RecoveryFile(java.nio.file.Files.createTempDirectory("bench-editor").resolve("r.json"))));
        EditorCanvas canvas = view.canvas();
        Scene scene = HeadlessRenderer.onFxThread(() -> {
            StackPane host = new StackPane(view.root());
            host.getStyleClass().addAll(Styles.APP, Styles.CENTER);
            Scene s = new Scene(host, width, height);
            ThemeSupport.install(s, Theme.LIGHT);
            host.applyCss();
            host.layout(); // the canvas takes its size before the graph is laid out to fit it
            view.prepareForExport(spec, 0);
            host.applyCss();
            host.layout();
            canvas.zoomAt(1 / canvas.zoom(), canvas.getWidth() / 2, canvas.getHeight() / 2); // full size: text drawn, most nodes off screen
            return s;
        });
        EditorGraph graph = view.document().graph();
        int w = (int) Math.ceil(canvas.getWidth()), h = (int) Math.ceil(canvas.getHeight());
        WritableImage image = new WritableImage(w, h);
        List<Double> times = new ArrayList<>(), cpu = new ArrayList<>();
        int[] previous = null, pixels = new int[w * h];
        int changed = 0;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long renderer = rendererThread(mx);
        try {
            for (int f = 0; f < WARM_UP + frames; f++) {
                int step = f;
                long r0 = renderer < 0 ? 0 : mx.getThreadCpuTime(renderer);
                double[] ms = HeadlessRenderer.onFxThread(() -> {
                    long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                    move(canvas, step);
                    // What a pulse does: CSS for the nodes marked dirty (a pan or zoom marks none;
                    // Node.applyCss() on the root would restyle every node of the scene, which no
                    // real frame does), then layout. snapshot() runs that CSS pass itself.
                    scene.getRoot().layout();
                    canvas.snapshot(null, image);
                    return new double[] {(System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6};
                });
                long r1 = renderer < 0 ? 0 : mx.getThreadCpuTime(renderer);
                image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels, 0, w);
                if (f >= WARM_UP) {
                    times.add(ms[0]);
                    cpu.add(ms[1] + (r1 - r0) / 1e6);
                    if (previous != null && !Arrays.equals(previous, pixels)) changed++;
                }
                if (f >= WARM_UP - 1) previous = pixels.clone();
            }
        } finally {
            HeadlessRenderer.onFxThread(() -> { view.dispose(); return null; });
        }
        List<Double> inference = new ArrayList<>(), inferenceCpu = new ArrayList<>();
        boolean allRead = true;
        for (int i = 0; i < INFERENCE_WARM_UP + Math.max(50, frames / 2); i++) {
            long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            Analysis a = Analysis.of(graph);
            double ms = (System.nanoTime() - t0) / 1e6, cpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
            if (i >= INFERENCE_WARM_UP) {
                inference.add(ms);
                inferenceCpu.add(cpuMs);
                allRead &= a.ok() && a.shapes().size() == NODES;
            }
        }
        for (List<Double> l : List.of(times, cpu, inference, inferenceCpu)) Collections.sort(l);
        return new Result(frames, width, height, graph.nodes().size(), allRead, median(times), p95(times), times.get(times.size() - 1),
                median(inference), p95(inference), changed, median(cpu), p95(cpu), median(inferenceCpu), p95(inferenceCpu));
    }

    private static double median(List<Double> sorted) { return sorted.get(sorted.size() / 2); }

    /** JavaFX's render thread, which draws the snapshot while the FX thread waits; −1 if not found. */
    private static long rendererThread(ThreadMXBean mx) {
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) return id;
        }
        return -1;
    }

    private static double p95(List<Double> sorted) { return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1); }

    /**
     * Frame {@code f} of a repeating path: 24 pans of 30 pixels, 6 zooms in by 1.15 about the
     * canvas's centre, 24 pans back (as far in the graph's units, so longer on screen), 6 zooms
     * out: every frame moves the view, and each cycle ends where it began.
     */
    static void move(EditorCanvas canvas, int f) {
        int p = f % 60;
        double cx = canvas.getWidth() / 2, cy = canvas.getHeight() / 2;
        if (p < 24) canvas.panBy(-30, 0);
        else if (p < 30) canvas.zoomAt(ZOOM, cx, cy);
        else if (p < 54) canvas.panBy(30 * Math.pow(ZOOM, 6), 0);
        else canvas.zoomAt(1 / ZOOM, cx, cy);
    }
}
