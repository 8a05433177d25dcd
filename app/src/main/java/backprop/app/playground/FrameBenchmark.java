package backprop.app.playground;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.view.ViewRegistry;
import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.theme.ThemeSupport;
import com.sun.javafx.perf.PerformanceTracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * How long the playground takes to put one training frame on screen, headless: a 2-8-8-8-1 tanh
 * network on the XOR quadrants with every unit's heat map on, one epoch per frame.
 *
 * <p>Two measurements. <b>On screen</b>: the view plays in a real (Monocle, software-rendered)
 * window while the engine trains on its own thread, as in the app; a frame's time is the FX
 * thread taking the frame in (every canvas redraws) plus the pulse that shows it, from the pulse's
 * start to the moment the renderer has finished painting it (read with JavaFX's own
 * {@code PerformanceTracker}). <b>Full repaint</b>: the same frames, but each one rendered as a
 * whole new picture with {@code Scene.snapshot}, which repaints every control, not only what
 * changed: an upper bound. Call from any thread but the FX thread, with the toolkit started.
 */
public final class FrameBenchmark {
    private FrameBenchmark() {}

    /**
     * Milliseconds: the on-screen frame and the full repaint (null if skipped), the engine's time per frame, and the
     * CPU time per on-screen frame of the three threads that make it (FX, renderer, engine).
     */
    public record Result(int frames, int width, int height, Stats onScreen, Stats fullRepaint, double engineMedianMs,
                         double fxCpuMs, double renderCpuMs, double engineCpuMs) {}

    /**
     * Frames shown before measuring (about five seconds): the JIT compiles the drawing code in the
     * first seconds of a session, and the numbers describe the app after that, not during it.
     */
    public static final int WARM_UP = 300;

    /** Median, 95th percentile and worst of a set of frame times. */
    public record Stats(double medianMs, double p95Ms, double maxMs) {
        static Stats of(List<Double> ms) {
            double[] s = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Stats(percentile(s, 0.5), percentile(s, 0.95), s[s.length - 1]);
        }
    }

    /** The network the issue names: 2 inputs, three hidden layers of 8, one output. */
    public static PlaygroundSetup setup() {
        return PlaygroundSetup.defaults().withHidden(Collections.nCopies(3, new Hidden(8, "tanh")));
    }

    /** Both measurements; the full repaint (and the engine's median, measured there) only if {@code fullRepaint}. */
    public static Result run(int frames, int width, int height, boolean fullRepaint) throws Exception {
        List<Double> engine = new ArrayList<>();
        double[] cpu = new double[3];
        Stats screen = onScreen(frames, width, height, cpu);
        Stats full = fullRepaint ? onFx(() -> fullRepaint(frames, width, height, engine)) : null;
        return new Result(frames, width, height, screen, full, engine.isEmpty() ? Double.NaN : median(engine), cpu[0], cpu[1], cpu[2]);
    }

    // ------------------------------------------------------------------ on screen

    private static final class Probe {
        volatile long pulseStart;
        volatile long carried = -1;  // show time (ns) of the frame the current pulse paints; −1: none
        long pendingShow = -1;       // FX thread: a frame was taken in since the last pulse
        final List<Double> times = Collections.synchronizedList(new ArrayList<>());
        volatile int skip;
        final CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch done;
    }

    private static Stats onScreen(int frames, int width, int height, double[] cpuPerFrame) throws Exception {
        Probe p = new Probe();
        p.skip = WARM_UP;
        p.done = new CountDownLatch(1);
        Stage[] stage = new Stage[1];
        PlaygroundView[] view = new PlaygroundView[1];
        onFx(() -> {
            view[0] = new PlaygroundView();
            StackPane host = new StackPane(view[0].root());
            host.getStyleClass().addAll(Styles.APP, Styles.CENTER);
            Scene scene = new Scene(host, width, height);
            ThemeSupport.install(scene, Theme.LIGHT);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            PlaygroundViewModel vm = view[0].viewModel();
            vm.frameProperty().addListener((o, a, f) -> p.pendingShow = view[0].lastShowNanos());
            PerformanceTracker tracker = PerformanceTracker.getSceneTracker(scene);
            tracker.setOnPulse(() -> {
                p.pulseStart = System.nanoTime();
                p.carried = p.pendingShow;
                p.pendingShow = -1;
            });
            tracker.setOnRenderedFrameTask(() -> {
                long shown = p.carried;
                if (shown < 0) return;
                p.carried = -1;
                if (p.skip > 0) {
                    if (--p.skip == 0) p.started.countDown();
                    return;
                }
                p.times.add((shown + System.nanoTime() - p.pulseStart) / 1e6);
                if (p.times.size() >= frames) p.done.countDown();
            });
            vm.update(s -> setup());
            vm.setSpeedLevel(0); // one epoch per frame
            vm.playingProperty().set(true);
            return null;
        });
        p.started.await(5, TimeUnit.MINUTES);
        long[] cpu0 = threadCpu();
        boolean finished = p.done.await(5, TimeUnit.MINUTES);
        long[] cpu1 = threadCpu();
        for (int k = 0; k < 3; k++) cpuPerFrame[k] = (cpu1[k] - cpu0[k]) / 1e6 / frames;
        onFx(() -> {
            view[0].dispose();
            stage[0].close();
            return null;
        });
        if (!finished) throw new IllegalStateException("only " + p.times.size() + " of " + frames + " frames were painted in 5 minutes");
        synchronized (p.times) {
            return Stats.of(new ArrayList<>(p.times.subList(0, frames)));
        }
    }

    /**
     * CPU nanoseconds used so far by the FX thread, JavaFX's render thread and the playground's
     * engine thread (summed over threads of each kind).
     */
    private static long[] threadCpu() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] out = new long[3];
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info == null) continue;
            String name = info.getThreadName();
            int k = name.equals("JavaFX Application Thread") ? 0 : name.startsWith("QuantumRenderer") ? 1
                    : name.startsWith("backprop-worker-playground") ? 2 : -1;
            long t = k < 0 ? -1 : mx.getThreadCpuTime(id);
            if (t > 0) out[k] += t;
        }
        return out;
    }

    // ------------------------------------------------------------------ full repaint

    private static Stats fullRepaint(int frames, int width, int height, List<Double> engine) {
        ViewRegistry registry = new ViewRegistry().add(PlaygroundView.INFO, PlaygroundView::new);
        try {
            Scene scene = new HeadlessRenderer(registry).mount(RenderRequest.of("playground", width, height));
            PlaygroundViewModel vm = ((PlaygroundView) registry.view("playground")).viewModel();
            vm.update(s -> setup());
            vm.runNow(x -> { });
            WritableImage image = new WritableImage(width, height);
            int warmup = WARM_UP;
            List<Double> fx = new ArrayList<>();
            for (int i = -warmup; i < frames; i++) {
                long t0 = System.nanoTime();
                vm.runNow(PlaygroundSession::epoch);
                long engineNanos = vm.lastEngineNanos();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                scene.snapshot(image);
                long t1 = System.nanoTime();
                if (i >= 0) {
                    fx.add((t1 - t0 - engineNanos) / 1e6);
                    engine.add(engineNanos / 1e6);
                }
            }
            return Stats.of(fx);
        } finally {
            registry.disposeAll();
        }
    }

    private static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return percentile(s, 0.5);
    }

    private static double percentile(double[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(10, TimeUnit.MINUTES);
    }
}
