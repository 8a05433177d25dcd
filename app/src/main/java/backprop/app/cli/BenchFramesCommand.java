package backprop.app.cli;

import backprop.app.editor.EditorFrameBenchmark;
import backprop.app.export.HeadlessRenderer;
import backprop.app.export.HeadlessToolkit;
import backprop.app.playground.FrameBenchmark;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-frames}: the playground's time per frame while training a 2-8-8-8-1 network with
 * every heat map on, headless (see {@link FrameBenchmark}); {@code --view depth} the Depth view's
 * and {@code --view editor} a 200-node graph's pan and zoom in the editor ({@link EditorFrameBenchmark}).
 */
@Command(name = "bench-frames", mixinStandardHelpOptions = true,
        description = "Measure the time to update and draw one frame (headless): the playground training, the depth view, or the editor panning a 200-node graph.")
final class BenchFramesCommand implements Callable<Integer> {
    @Option(names = "--frames", paramLabel = "N", defaultValue = "300", description = "frames to measure after a warm-up of 300 (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280", description = "view width in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "800", description = "view height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--on-screen-only", description = "skip the full-repaint measurement (quicker; for profiling)")
    boolean onScreenOnly;

    @Option(names = "--view", paramLabel = "ID", defaultValue = "playground", description = "playground (default), depth (four deep networks training side by side) or editor (a 200-node graph panned and zoomed; shape inference timed too)")
    String view;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || frames > 100_000) throw new UserError("--frames: expected 1 to 100000, found " + frames);
        if (width < 200 || height < 200 || width > 8192 || height > 8192) throw new UserError("--width/--height: expected 200 to 8192, found " + width + "x" + height);
        // Monocle's headless screen must hold the window (its default is 1280x800).
        if (System.getProperty("headless.geometry") == null) System.setProperty("headless.geometry", width + "x" + height + "-32");
        if (!List.of("playground", "depth", "editor").contains(view)) throw new UserError("--view: expected playground, depth or editor, found " + view);
        HeadlessToolkit.configure();
        HeadlessRenderer.startToolkit();
        if (view.equals("depth")) return depth();
        if (view.equals("editor")) return editor();
        FrameBenchmark.Result r;
        try {
            r = FrameBenchmark.run(frames, width, height, !onScreenOnly);
        } finally {
            HeadlessRenderer.stopToolkit();
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            var o = Json.object();
            o.put("frames", r.frames());
            o.put("width", r.width());
            o.put("height", r.height());
            o.put("medianMs", r.onScreen().medianMs());
            o.put("p95Ms", r.onScreen().p95Ms());
            o.put("maxMs", r.onScreen().maxMs());
            if (r.fullRepaint() != null) {
                o.put("fullRepaintMedianMs", r.fullRepaint().medianMs());
                o.put("fullRepaintP95Ms", r.fullRepaint().p95Ms());
                o.put("engineMedianMs", r.engineMedianMs());
            }
            o.put("fxCpuMsPerFrame", r.fxCpuMs());
            o.put("renderCpuMsPerFrame", r.renderCpuMs());
            o.put("engineCpuMsPerFrame", r.engineCpuMs());
            out.println(Json.line(o));
        } else {
            out.printf(Locale.ROOT, "playground 2-8-8-8-1, all heat maps, %dx%d, %d frames, software rendering%n", r.width(), r.height(), r.frames());
            out.printf(Locale.ROOT, "on screen    (take the frame in + pulse + paint)  median %6.2f ms  p95 %6.2f ms  max %6.2f ms%n",
                    r.onScreen().medianMs(), r.onScreen().p95Ms(), r.onScreen().maxMs());
            if (r.fullRepaint() != null) {
                out.printf(Locale.ROOT, "full repaint (every control, Scene.snapshot)      median %6.2f ms  p95 %6.2f ms  max %6.2f ms%n",
                        r.fullRepaint().medianMs(), r.fullRepaint().p95Ms(), r.fullRepaint().maxMs());
                out.printf(Locale.ROOT, "engine       (one epoch + maps, worker thread)    median %6.2f ms%n", r.engineMedianMs());
            }
            out.printf(Locale.ROOT, "CPU per on-screen frame: FX thread %.2f ms, renderer %.2f ms, engine %.2f ms (after %d warm-up frames)%n",
                    r.fxCpuMs(), r.renderCpuMs(), r.engineCpuMs(), FrameBenchmark.WARM_UP);
        }
        return Cli.OK;
    }

    /** The editor: FX time per pan or zoom frame of a 200-node graph, and shape inference over it. */
    private int editor() throws Exception {
        EditorFrameBenchmark.Result r;
        try {
            r = EditorFrameBenchmark.run(frames, width, height);
        } finally {
            HeadlessRenderer.stopToolkit();
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            var o = Json.object();
            o.put("view", "editor").put("frames", r.frames()).put("width", r.width()).put("height", r.height()).put("nodes", r.nodes());
            o.put("medianMs", r.medianMs()).put("p95Ms", r.p95Ms()).put("maxMs", r.maxMs());
            o.put("inferenceMedianMs", r.inferenceMedianMs()).put("inferenceP95Ms", r.inferenceP95Ms()).put("changedFrames", r.changedFrames());
            o.put("cpuMedianMs", r.cpuMedianMs()).put("cpuP95Ms", r.cpuP95Ms());
            o.put("inferenceCpuMedianMs", r.inferenceCpuMedianMs()).put("inferenceCpuP95Ms", r.inferenceCpuP95Ms());
            out.println(Json.line(o));
        } else {
            out.printf(Locale.ROOT, "editor, %d nodes (dense, residual adds), pan and zoom, %dx%d, %d frames, software rendering%n", r.nodes(), r.width(), r.height(), r.frames());
            out.printf(Locale.ROOT, "FX thread    (move + draw + layout + render canvas)  median %6.2f ms  p95 %6.2f ms  max %6.2f ms (%d of %d frames changed)%n",
                    r.medianMs(), r.p95Ms(), r.maxMs(), r.changedFrames(), r.frames());
            out.printf(Locale.ROOT, "  CPU        (FX thread + render thread)             median %6.2f ms  p95 %6.2f ms%n", r.cpuMedianMs(), r.cpuP95Ms());
            out.printf(Locale.ROOT, "shape inference (Analysis.of, %d nodes%s)       median %6.2f ms  p95 %6.2f ms (after %d warm-up frames and %d inferences)%n",
                    r.nodes(), r.allRead() ? ", all read" : ", SOME REFUSED", r.inferenceMedianMs(), r.inferenceP95Ms(), EditorFrameBenchmark.WARM_UP,
                    EditorFrameBenchmark.INFERENCE_WARM_UP);
            out.printf(Locale.ROOT, "  CPU        (its own thread)                        median %6.2f ms  p95 %6.2f ms%n",
                    r.inferenceCpuMedianMs(), r.inferenceCpuP95Ms());
        }
        return Cli.OK;
    }

    /** The Depth view: FX time per frame (take the frame in, lay out, render the scene) with four columns training. */
    private int depth() throws Exception {
        backprop.app.depth.DepthFrameBenchmark.Result r;
        try {
            r = backprop.app.depth.DepthFrameBenchmark.run(frames, width, height);
        } finally {
            HeadlessRenderer.stopToolkit();
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            var o = Json.object();
            o.put("view", "depth").put("frames", r.frames()).put("width", r.width()).put("height", r.height());
            o.put("medianMs", r.medianMs()).put("p95Ms", r.p95Ms()).put("maxMs", r.maxMs()).put("engineMedianMs", r.engineMedianMs());
            o.put("steps", r.steps()).put("leastPixelsChanged", r.leastPixelsChanged());
            o.put("cpuMedianMs", r.cpuMedianMs()).put("cpuP95Ms", r.cpuP95Ms());
            out.println(Json.line(o));
        } else {
            out.printf(Locale.ROOT, "depth view, 4 columns of 10 hidden layers training, %dx%d, %d frames, software rendering%n", r.width(), r.height(), r.frames());
            out.printf(Locale.ROOT, "FX thread    (take the frame in + CSS/layout + render)  median %6.2f ms  p95 %6.2f ms  max %6.2f ms%n",
                    r.medianMs(), r.p95Ms(), r.maxMs());
            out.printf(Locale.ROOT, "CPU          (FX thread + render thread, per frame)    median %6.2f ms  p95 %6.2f ms%n", r.cpuMedianMs(), r.cpuP95Ms());
            out.printf(Locale.ROOT, "checked      every frame one step further (%d steps in %d frames), at least %d pixels changed per frame%n",
                    r.steps(), r.frames(), r.leastPixelsChanged());
            out.printf(Locale.ROOT, "engine       (one step in every column, worker)     median %6.2f ms (after %d warm-up frames)%n",
                    r.engineMedianMs(), backprop.app.depth.DepthFrameBenchmark.WARM_UP);
        }
        return Cli.OK;
    }
}
