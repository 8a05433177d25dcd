package backprop.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backprop-studio}: the root command; every sub-command lives in its own file. */
@Command(name = "backprop-studio",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Backprop Studio: neural networks you can watch learn.",
                "Without arguments the desktop app opens; with a sub-command it runs headless."},
        subcommands = {
                TrainCommand.class,
                TraceCommand.class,
                GradCheckCommand.class,
                BackendsCommand.class,
                BenchCommand.class,
                RenderCommand.class,
                BenchFramesCommand.class,
                FlowCommand.class,
                LessonCommand.class,
        })
public final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Reached only when options but no sub-command were given: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return Cli.BAD_INPUT;
    }
}
