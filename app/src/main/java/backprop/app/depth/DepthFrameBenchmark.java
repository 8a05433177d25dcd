package backprop.app.depth;

import backprop.app.export.HeadlessRenderer;
import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.theme.ThemeSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * {@code bench-frames --view depth}: the FX thread's time per frame of the Depth view with its
 * four default columns training, headless. Each frame the engine trains one step in every column
 * (on the view's worker, not counted), then the FX thread takes the new frame in (every drawing
 * updated), and {@code Scene.snapshot} runs what a pulse runs (the CSS pass over the nodes whose
 * style is out of date, the layout pass over those that need it) and then renders the whole
 * scene into an image (software pipeline), every control repainted, not only what changed: the
 * time of all that is the frame's. After {@link #WARM_UP} frames for the JIT.
 *
 * <p>So that a fast figure cannot come from frames that show nothing new, every measured frame
 * must be one step further in every column and must change pixels of the picture, or the run
 * fails.
 */
public final class DepthFrameBenchmark {
    public static final int WARM_UP = 100;

    /**
     * Median, 95th percentile and worst time per frame in ms, the engine's median per step of all
     * columns, the steps every column trained over the run, the fewest pixels one measured
     * frame changed, and the median and 95th percentile of the CPU time a frame took on the FX
     * thread and JavaFX's render thread together: on a busy machine the wall-clock times include
     * waiting for a core, the CPU times do not.
     */
    public record Result(int frames, int width, int height, double medianMs, double p95Ms, double maxMs, double engineMedianMs,
                         long steps, int leastPixelsChanged, double cpuMedianMs, double cpuP95Ms) {}

    private DepthFrameBenchmark() {}

    public static Result run(int frames, int width, int height) throws Exception {
        DepthView view = HeadlessRenderer.onFxThread(DepthView::new);
        Scene scene = HeadlessRenderer.onFxThread(() -> {
            StackPane host = new StackPane(view.root());
            host.getStyleClass().addAll(Styles.APP, Styles.CENTER);
            Scene s = new Scene(host, width, height);
            ThemeSupport.install(s, Theme.LIGHT);
            view.prepareForExport(null, 1);
            return s;
        });
        WritableImage[] images = {new WritableImage(width, height), new WritableImage(width, height)};
        int[][] pixels = {new int[width * height], new int[width * height]};
        List<Double> fx = new ArrayList<>(), engine = new ArrayList<>(), cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long renderer = rendererThread(threads);
        double[] cpuMs = new double[1];
        long startSteps = -1, lastSteps = -1;
        int leastChanged = Integer.MAX_VALUE;
        try {
            for (int f = 0; f < WARM_UP + frames; f++) {
                long e0 = System.nanoTime();
                DepthFrame next = step(view);
                long e1 = System.nanoTime();
                WritableImage image = images[f % 2];
                double ms = HeadlessRenderer.onFxThread(() -> {
                    long c0 = threads.getCurrentThreadCpuTime(), r0 = threads.getThreadCpuTime(renderer);
                    long t0 = System.nanoTime();
                    view.showForBenchmark(next);
                    scene.snapshot(image);
                    long t1 = System.nanoTime();
                    // The snapshot waits for the render thread, so its CPU time up to here is this frame's.
                    cpuMs[0] = (threads.getCurrentThreadCpuTime() - c0 + threads.getThreadCpuTime(renderer) - r0) / 1e6;
                    return (t1 - t0) / 1e6;
                });
                long steps = steps(next);
                if (lastSteps >= 0 && steps != lastSteps + 1) throw new IllegalStateException("frame " + f + " shows step " + steps + " after " + lastSteps);
                lastSteps = steps;
                if (f < WARM_UP) continue;
                if (startSteps < 0) startSteps = steps - 1;
                fx.add(ms);
                engine.add((e1 - e0) / 1e6);
                cpu.add(cpuMs[0]);
                // Outside the timing: this frame's picture against the one before.
                image.getPixelReader().getPixels(0, 0, width, height, javafx.scene.image.PixelFormat.getIntArgbInstance(), pixels[f % 2], 0, width);
                if (f > WARM_UP) {
                    int changed = changed(pixels[0], pixels[1]);
                    if (changed == 0) throw new IllegalStateException("frame " + f + " (step " + steps + ") drew the same picture as the one before");
                    leastChanged = Math.min(leastChanged, changed);
                }
            }
        } finally {
            HeadlessRenderer.onFxThread(() -> { view.dispose(); return null; });
        }
        Collections.sort(fx);
        Collections.sort(engine);
        Collections.sort(cpu);
        return new Result(frames, width, height, fx.get(fx.size() / 2), fx.get((int) Math.ceil(0.95 * fx.size()) - 1), fx.get(fx.size() - 1),
                engine.get(engine.size() / 2), lastSteps - startSteps, frames > 1 ? leastChanged : 0,
                cpu.get(cpu.size() / 2), cpu.get((int) Math.ceil(0.95 * cpu.size()) - 1));
    }

    /** The steps every column has trained in {@code f}; columns that disagree fail the run. */
    private static long steps(DepthFrame f) {
        long steps = f.columns().get(0).steps();
        for (DepthFrame.Column c : f.columns()) {
            if (c.steps() != steps) throw new IllegalStateException("columns at steps " + steps + " and " + c.steps() + " in one frame");
        }
        return steps;
    }

    /** JavaFX's render thread (it paints the snapshot while the FX thread waits). */
    private static long rendererThread(java.lang.management.ThreadMXBean threads) {
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith("QuantumRenderer")) return id;
        }
        throw new IllegalStateException("no QuantumRenderer thread: is the toolkit started?");
    }

    private static int changed(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) n++;
        return n;
    }

    /** One training step in every column on the view's worker; the frame is shown by the FX thread afterwards. */
    private static DepthFrame step(DepthView view) {
        return view.viewModel().stepDetached(1);
    }
}
