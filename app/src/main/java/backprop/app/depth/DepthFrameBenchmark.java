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
 * redrawn), lays the view out and renders the whole scene into an image (software pipeline): the
 * time of those three is the frame's. After {@link #WARM_UP} frames for the JIT.
 */
public final class DepthFrameBenchmark {
    public static final int WARM_UP = 100;

    /** Median, 95th percentile and worst time per frame in ms, and the engine's median per step of all columns. */
    public record Result(int frames, int width, int height, double medianMs, double p95Ms, double maxMs, double engineMedianMs) {}

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
        WritableImage image = new WritableImage(width, height);
        List<Double> fx = new ArrayList<>(), engine = new ArrayList<>();
        try {
            for (int f = 0; f < WARM_UP + frames; f++) {
                long e0 = System.nanoTime();
                DepthFrame next = step(view);
                long e1 = System.nanoTime();
                double ms = HeadlessRenderer.onFxThread(() -> {
                    long t0 = System.nanoTime();
                    view.showForBenchmark(next);
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    scene.snapshot(image);
                    return (System.nanoTime() - t0) / 1e6;
                });
                if (f >= WARM_UP) {
                    fx.add(ms);
                    engine.add((e1 - e0) / 1e6);
                }
            }
        } finally {
            HeadlessRenderer.onFxThread(() -> { view.dispose(); return null; });
        }
        Collections.sort(fx);
        Collections.sort(engine);
        return new Result(frames, width, height, fx.get(fx.size() / 2), fx.get((int) Math.ceil(0.95 * fx.size()) - 1), fx.get(fx.size() - 1),
                engine.get(engine.size() / 2));
    }

    /** One training step in every column on the view's worker; the frame is shown by the FX thread afterwards. */
    private static DepthFrame step(DepthView view) {
        return view.viewModel().stepDetached(1);
    }
}
