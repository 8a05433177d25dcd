package backprop.app.export;

import backprop.app.export.anim.AnimationFormat;
import backprop.app.export.anim.FrameSink;
import backprop.app.work.Workers;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The toolbar's record button: while on, the view area is drawn into a frame {@link #FPS} times a
 * second (a snapshot of that node only, never of other windows), scaled into the chosen size
 * with the theme's background around it; frames go to a worker that encodes them, so the UI
 * keeps its pace. Stopping writes the file on that worker with progress in the status line, and
 * {@link #cancel} drops it. Frames the worker cannot take in time are skipped and counted.
 */
public final class LiveRecorder {
    public static final double FPS = 10;
    /** Frames waiting for the encoder before new ones are skipped (about 40 MB at 1280×800). */
    private static final int MAX_PENDING = 10;

    /** Where the recorder is. */
    public enum State { IDLE, RECORDING, WRITING }

    /** Output sizes: the view area as it is, or a fixed slide size the view is scaled into. */
    public enum Size {
        VIEW("the view's size", 0, 0), HD("1280×720", 1280, 720), FULL_HD("1920×1080", 1920, 1080);

        public final String label;
        final int width, height;

        Size(String label, int width, int height) {
            this.label = label;
            this.width = width;
            this.height = height;
        }
    }

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    private ExecutorService encoder;
    private AnimationTimer timer;
    private FrameSink sink;
    private Path target;
    private int width, height, captured, skipped;
    private Consumer<String> status = s -> { };

    public ReadOnlyObjectProperty<State> stateProperty() { return state.getReadOnlyProperty(); }

    public State state() { return state.get(); }

    /** FX thread: starts recording {@code area} into {@code file} (.gif or .mp4). */
    public void start(Node area, Path file, Size size, Color background, Consumer<String> status) {
        if (state.get() != State.IDLE) throw new IllegalStateException("already " + state.get().name().toLowerCase());
        AnimationFormat format = AnimationFormat.of(file);
        Bounds b = area.getLayoutBounds();
        width = size == Size.VIEW ? even((int) Math.ceil(b.getWidth())) : size.width;
        height = size == Size.VIEW ? even((int) Math.ceil(b.getHeight())) : size.height;
        if (width < 2 || height < 2) throw new IllegalArgumentException("the view has no size to record");
        this.status = status;
        target = file;
        captured = skipped = 0;
        cancelled.set(false);
        sink = format.sink(width, height, FPS);
        if (encoder == null) encoder = Workers.newExecutor("recorder");
        state.set(State.RECORDING);
        status.accept("recording " + file.getFileName() + " at " + width + "×" + height + " — press record again to stop");
        long interval = (long) (1e9 / FPS);
        timer = new AnimationTimer() {
            private long next;

            @Override
            public void handle(long now) {
                if (now < next) return;
                next = now + interval;
                capture(area, background);
            }
        };
        timer.start();
    }

    /** FX thread: stops capturing and writes the file on the worker. */
    public void stop() {
        if (state.get() != State.RECORDING) return;
        timer.stop();
        state.set(State.WRITING);
        FrameSink s = sink;
        Path out = target;
        int total = captured, lost = skipped;
        encoder.submit(() -> {
            String result;
            try {
                int n = s.finish(out, done -> report("writing " + out.getFileName() + ": frame " + done + " of " + total), cancelled::get);
                result = "saved " + out.getFileName() + " (" + n + " frames" + (lost > 0 ? ", " + lost + " skipped while the encoder caught up" : "") + ")";
            } catch (CancellationException e) {
                result = "recording cancelled; nothing was written";
            } catch (Exception e) {
                result = "recording failed: " + out.getFileName() + ": " + e.getMessage();
            } finally {
                s.close();
            }
            String text = result;
            Platform.runLater(() -> {
                state.set(State.IDLE);
                status.accept(text);
            });
        });
    }

    /** FX thread: drops the recording (while recording or writing); no file is written. */
    public void cancel() {
        if (state.get() == State.IDLE) return;
        cancelled.set(true);
        if (state.get() == State.RECORDING) stop();
    }

    /** Stops the worker (window closing); a file being written is abandoned. */
    public void dispose() {
        cancel();
        if (encoder != null) encoder.shutdownNow();
    }

    private void capture(Node area, Color background) {
        if (pending.get() >= MAX_PENDING) {
            skipped++;
            return;
        }
        Bounds b = area.getLayoutBounds();
        double scale = Math.min(width / b.getWidth(), height / b.getHeight());
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(background);
        // Centre the scaled view in the frame; the viewport fixes the picture's size.
        double dx = (width - b.getWidth() * scale) / 2, dy = (height - b.getHeight() * scale) / 2;
        p.setTransform(Transform.translate(dx - b.getMinX() * scale, dy - b.getMinY() * scale).createConcatenation(Transform.scale(scale, scale)));
        p.setViewport(new javafx.geometry.Rectangle2D(0, 0, width, height));
        WritableImage image = area.snapshot(p, new WritableImage(width, height));
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        captured++;
        pending.incrementAndGet();
        FrameSink s = sink;
        encoder.submit(() -> {
            try {
                if (!cancelled.get()) s.frame(pixels);
            } catch (Exception e) {
                cancelled.set(true);
                report("recording failed: " + e.getMessage());
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    private void report(String text) {
        Platform.runLater(() -> status.accept(text));
    }

    private static int even(int v) { return v & ~1; }
}
