package backprop.app.playground;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.playground.PlaygroundSetup.Hidden;
import backprop.app.shell.ViewRegistry;
import java.util.Arrays;
import java.util.Collections;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/**
 * How long the playground takes to put one training frame on screen, headless: a 2-8-8-8-1 tanh
 * network on the XOR quadrants with every unit's heat map on, one epoch per frame. Per frame it
 * measures the FX-thread work, taking the new frame in (every canvas redraws, labels update) plus
 * rendering the whole view into an image with the software pipeline, which is what a screen
 * refresh costs. The engine's time (the epoch and the maps, on its own thread in the app) is
 * reported separately. Call from any thread but the FX thread, with the toolkit started.
 */
public final class FrameBenchmark {
    private FrameBenchmark() {}

    /** Milliseconds per frame: median and 95th percentile of the FX work, median of the engine's. */
    public record Result(int frames, int width, int height, double medianMs, double p95Ms, double maxMs, double engineMedianMs,
                         double updateMedianMs, double layoutMedianMs, double renderMedianMs) {}

    /** The network the issue names: 2 inputs, three hidden layers of 8, one output. */
    public static PlaygroundSetup setup() {
        return PlaygroundSetup.defaults().withHidden(Collections.nCopies(3, new Hidden(8, "tanh")));
    }

    public static Result run(int frames, int width, int height) throws Exception {
        return onFx(() -> measure(frames, width, height));
    }

    private static Result measure(int frames, int width, int height) {
        ViewRegistry registry = new ViewRegistry().add("playground", "Playground", "mdi2g-gesture-tap", PlaygroundView::new);
        try {
            Scene scene = new HeadlessRenderer(registry).mount(RenderRequest.of("playground", width, height));
            PlaygroundView view = (PlaygroundView) registry.view("playground");
            PlaygroundViewModel vm = view.viewModel();
            vm.update(s -> setup());
            vm.runNow(x -> { });
            WritableImage image = new WritableImage(width, height);
            int warmup = Math.max(10, frames / 5);
            double[] fx = new double[frames], engine = new double[frames], update = new double[frames], lay = new double[frames], render = new double[frames];
            for (int i = -warmup; i < frames; i++) {
                long t0 = System.nanoTime();
                vm.runNow(PlaygroundSession::epoch);
                long engineNanos = vm.lastEngineNanos();
                long ta = System.nanoTime();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                long tb = System.nanoTime();
                scene.snapshot(image);
                long t1 = System.nanoTime();
                if (i >= 0) {
                    fx[i] = (t1 - t0 - engineNanos) / 1e6;
                    engine[i] = engineNanos / 1e6;
                    update[i] = (ta - t0 - engineNanos) / 1e6;
                    lay[i] = (tb - ta) / 1e6;
                    render[i] = (t1 - tb) / 1e6;
                }
            }
            double[] sorted = fx.clone();
            Arrays.sort(sorted);
            return new Result(frames, width, height, percentile(sorted, 0.5), percentile(sorted, 0.95), sorted[sorted.length - 1],
                    median(engine), median(update), median(lay), median(render));
        } finally {
            registry.disposeAll();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
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
