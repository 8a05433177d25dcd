package backprop.app.cli;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.HeadlessToolkit;
import backprop.app.playground.FrameBenchmark;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench-frames}: the playground's time per frame while training a 2-8-8-8-1 network with
 * every heat map on, headless (see {@link FrameBenchmark}).
 */
@Command(name = "bench-frames", mixinStandardHelpOptions = true,
        description = "Measure the playground's time to update and draw one frame while training (headless).")
final class BenchFramesCommand implements Callable<Integer> {
    @Option(names = "--frames", paramLabel = "N", defaultValue = "300", description = "frames to measure after a warm-up (default: ${DEFAULT-VALUE})")
    int frames;

    @Option(names = "--width", paramLabel = "W", defaultValue = "1280", description = "view width in pixels (default: ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "800", description = "view height in pixels (default: ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (frames < 1 || frames > 100_000) throw new UserError("--frames: expected 1 to 100000, found " + frames);
        if (width < 200 || height < 200 || width > 8192 || height > 8192) throw new UserError("--width/--height: expected 200 to 8192, found " + width + "x" + height);
        HeadlessToolkit.configure();
        HeadlessRenderer.startToolkit();
        FrameBenchmark.Result r;
        try {
            r = FrameBenchmark.run(frames, width, height);
        } finally {
            HeadlessRenderer.stopToolkit();
        }
        PrintWriter out = command.commandLine().getOut();
        if (json) {
            var o = Json.object();
            o.put("frames", r.frames());
            o.put("width", r.width());
            o.put("height", r.height());
            o.put("medianMs", r.medianMs());
            o.put("p95Ms", r.p95Ms());
            o.put("maxMs", r.maxMs());
            o.put("engineMedianMs", r.engineMedianMs());
            o.put("updateMedianMs", r.updateMedianMs());
            o.put("layoutMedianMs", r.layoutMedianMs());
            o.put("renderMedianMs", r.renderMedianMs());
            out.println(Json.line(o));
        } else {
            out.printf(Locale.ROOT, "playground 2-8-8-8-1, all heat maps, %dx%d, %d frames%n", r.width(), r.height(), r.frames());
            out.printf(Locale.ROOT, "frame (FX thread: update + draw + render)  median %.2f ms  p95 %.2f ms  max %.2f ms%n", r.medianMs(), r.p95Ms(), r.maxMs());
            out.printf(Locale.ROOT, "  of which: take the frame in and redraw the canvases %.2f ms, CSS + layout %.2f ms, render %.2f ms (medians)%n",
                    r.updateMedianMs(), r.layoutMedianMs(), r.renderMedianMs());
            out.printf(Locale.ROOT, "engine (one epoch + maps, worker thread)   median %.2f ms%n", r.engineMedianMs());
        }
        return Cli.OK;
    }
}
