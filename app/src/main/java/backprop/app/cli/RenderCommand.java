package backprop.app.cli;

import backprop.app.export.AnimationExport;
import backprop.app.export.HeadlessRenderer;
import backprop.app.export.anim.AnimationFormat;
import backprop.app.math.Num;
import backprop.app.export.HeadlessToolkit;
import backprop.app.export.RenderRequest;
import backprop.app.view.ViewRegistry;
import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code render --view NAME [--spec FILE] [--step N] --out FILE.png [--width W --height H]
 * [--theme light|dark|high-contrast] [--presenter]}: draws one view headlessly into a PNG, for
 * slides and tests. Exit codes: 0 written, 2 bad input (unknown view, bad spec or one the view
 * cannot show, bad size, missing folder), 1 the view failed to draw or the file could not be
 * written. Messages are one line, never a stack trace.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a view to a PNG, or with --animate to a GIF or MP4, without a display (for slides and tests).")
public final class RenderCommand implements Callable<Integer> {
    // Same values as Cli.BAD_INPUT / Cli.FAILED on the CLI branch; kept here so this file stands alone.
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Spec CommandSpec commandSpec;

    @Option(names = "--view", required = true, paramLabel = "NAME", description = "View id: ${COMPLETION-CANDIDATES}",
            completionCandidates = ViewIds.class)
    String view;

    @Option(names = "--spec", paramLabel = "FILE", description = "Network spec JSON to load (default: the view's own).")
    Path spec;

    @Option(names = "--step", paramLabel = "N", defaultValue = "0",
            description = "Training steps to run before drawing (default ${DEFAULT-VALUE}); epochs in the playground, "
                    + "updates in text, the sequence length T in gradients.")
    int step;

    @Option(names = "--substep", paramLabel = "K", defaultValue = "0",
            description = "Backprop view only: K parts into that training step's timeline, 0 = the first a (default ${DEFAULT-VALUE}).")
    int substep;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file to write (atomically).")
    Path out;

    @Option(names = "--width", paramLabel = "W", defaultValue = "" + RenderRequest.DEFAULT_WIDTH, description = "Width in pixels (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "H", defaultValue = "" + RenderRequest.DEFAULT_HEIGHT, description = "Height in pixels (default ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light", description = "light, dark or high-contrast (default ${DEFAULT-VALUE}).")
    String theme;

    @Option(names = "--presenter", description = "Use presenter-mode sizes (fonts ×1.6).")
    boolean presenter;

    @Option(names = "--animate", description = "Record an animation (--out FILE.gif or FILE.mp4): the first frame as the PNG would be, then one frame after each step.")
    boolean animate;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "30", description = "With --animate: steps to record, giving N + 1 frames (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--every", paramLabel = "K", defaultValue = "1", description = "With --animate: the view's own steps between two frames (default ${DEFAULT-VALUE}).")
    int every;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "10", description = "With --animate: frames per second when played (default ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--lesson", paramLabel = "NAME", description = "With --view lessons: the lesson folder to show at --step (default: the first lesson).")
    String lesson;

    /** Picocli completion/help: the ids {@code --view} accepts (no JavaFX class is touched). */
    static final class ViewIds implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return StudioViews.registry().availableIds().iterator(); }
    }

    @Override
    public Integer call() {
        // Before any JavaFX class initialises: headless glass, software pipeline.
        HeadlessToolkit.configure();
        PrintWriter err = commandSpec.commandLine().getErr();
        PrintWriter outWriter = commandSpec.commandLine().getOut();
        ViewRegistry registry = StudioViews.registry();

        RenderRequest request;
        try {
            request = validate(registry);
        } catch (IllegalArgumentException bad) {
            err.println("render: " + bad.getMessage());
            return BAD_INPUT;
        } catch (SpecException bad) {
            err.println("render: " + bad.getMessage());
            return BAD_INPUT;
        }

        if (lesson != null) {
            if (!backprop.app.lessonview.LessonsView.INFO.id().equals(view)) {
                err.println("render: --lesson is for --view lessons");
                return BAD_INPUT;
            }
            System.setProperty(backprop.app.lessonview.LessonsView.RENDER_LESSON, lesson);
        }

        AnimationExport.Request animation = null;
        try {
            if (animate) {
                AnimationFormat.of(out);
                animation = new AnimationExport.Request(request, steps, every, fps);
            }
        } catch (IllegalArgumentException bad) {
            err.println("render: " + bad.getMessage());
            return BAD_INPUT;
        }

        HeadlessRenderer.startToolkit();
        try {
            if (animation != null) {
                Progress progress = Progress.onStderr(err, animation.frames());
                if (progress != null) progress.counting("frame");
                int frames = new AnimationExport(registry).write(animation, out, n -> { if (progress != null) progress.epoch(n); }, () -> false);
                outWriter.println("wrote " + out + " (" + width + "x" + height + ", view " + view + ", " + frames + " frames at " + Num.shortFmt(fps) + " fps)");
                return 0;
            }
            new HeadlessRenderer(registry).renderToFile(request, out);
            outWriter.println("wrote " + out + " (" + width + "x" + height + ", view " + view + ", step " + step + (substep > 0 ? ", substep " + substep : "") + ")");
            return 0;
        } catch (UnsupportedOperationException e) {
            err.println("render: " + view + ": " + describe(e));
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            // The view refused the spec or step (e.g. a network too big to draw): still bad input.
            err.println("render: " + (spec == null ? view : spec) + ": " + describe(e));
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("render: " + view + ": " + describe(e));
            return FAILED;
        } finally {
            HeadlessRenderer.stopToolkit();
        }
    }

    private RenderRequest validate(ViewRegistry registry) throws SpecException {
        if (!registry.isAvailable(view)) {
            throw new IllegalArgumentException("unknown view '" + view + "' (available: " + String.join(", ", registry.availableIds()) + ")");
        }
        if (width <= 0 || height <= 0 || width > 8192 || height > 8192) {
            throw new IllegalArgumentException("size " + width + "x" + height + " out of range (1..8192 each)");
        }
        if (step < 0) throw new IllegalArgumentException("--step must be 0 or more, got " + step);
        if (substep < 0) throw new IllegalArgumentException("--substep must be 0 or more, got " + substep);
        Path folder = out.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new IllegalArgumentException(out + ": folder " + folder + " does not exist");
        }
        Theme t = Theme.byId(theme);
        NetworkSpec loaded = spec == null ? null : SpecReader.read(spec);
        return new RenderRequest(view, loaded, step, width, height, t, presenter, substep);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank()) ? e.getClass().getSimpleName() : m;
    }
}
