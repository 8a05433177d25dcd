package backprop.app.export;

import backprop.app.export.anim.AnimationFormat;
import backprop.app.export.anim.FrameSink;
import backprop.app.view.StudioView;
import backprop.app.view.ViewRegistry;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Records a view headlessly as an animation: the view is prepared as for a PNG ({@code frame}'s
 * spec and step), drawn, then moved on {@code stepsPerFrame} of its own steps
 * ({@link StudioView#advanceForExport}) and drawn again, {@code steps} times, so the file has
 * {@code steps + 1} frames made from the engine's steps, never from a screen grab. The FX thread
 * only prepares and snapshots each frame; encoding runs on the caller's thread. The same request
 * gives the same bytes.
 */
public final class AnimationExport {
    /** What to record; {@code fps} is how fast the file plays, not how fast it is made. */
    public record Request(RenderRequest frame, int steps, int stepsPerFrame, double fps) {
        public static final int MAX_FRAMES = 3_000;

        public Request {
            if (steps < 1 || steps + 1 > MAX_FRAMES) throw new IllegalArgumentException("--steps must be 1 to " + (MAX_FRAMES - 1) + ", got " + steps);
            if (stepsPerFrame < 1 || stepsPerFrame > 10_000) throw new IllegalArgumentException("steps per frame must be 1 to 10000, got " + stepsPerFrame);
            if (!(fps >= 1 && fps <= 60)) throw new IllegalArgumentException("--fps must be 1 to 60, got " + fps);
        }

        public int frames() { return steps + 1; }
    }

    private final ViewRegistry registry;

    public AnimationExport(ViewRegistry registry) {
        this.registry = registry;
    }

    /**
     * Writes the animation to {@code out} (format from its extension, atomically) and returns the
     * number of frames. {@code progress} hears the frames done so far; when {@code cancelled} turns
     * true the export stops with a CancellationException and no file is written. Not on the FX thread.
     */
    public int write(Request request, Path out, IntConsumer progress, BooleanSupplier cancelled) throws Exception {
        AnimationFormat format = AnimationFormat.of(out);
        RenderRequest r = request.frame();
        int[] pixels = new int[r.width() * r.height()];
        try (FrameSink sink = format.sink(r.width(), r.height(), request.fps())) {
            Scene scene = HeadlessRenderer.onFxThread(() -> new HeadlessRenderer(registry).mount(r));
            StudioView view = registry.view(r.viewId());
            for (int f = 0; f < request.frames(); f++) {
                if (cancelled.getAsBoolean()) throw new CancellationException("export cancelled");
                boolean advance = f > 0;
                WritableImage image = HeadlessRenderer.onFxThread(() -> {
                    if (advance) view.advanceForExport(request.stepsPerFrame());
                    scene.getRoot().applyCss();
                    scene.getRoot().layout();
                    return scene.snapshot(new WritableImage(r.width(), r.height()));
                });
                image.getPixelReader().getPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbInstance(), pixels, 0, r.width());
                sink.frame(pixels);
                progress.accept(f + 1);
            }
            return sink.finish(out);
        } finally {
            HeadlessRenderer.onFxThread(() -> { registry.disposeAll(); return null; });
        }
    }

    /** For callers that neither watch nor cancel. */
    public int write(Request request, Path out) throws Exception {
        return write(request, out, n -> { }, () -> false);
    }
}
