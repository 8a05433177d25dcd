package backprop.app.cli;

import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backends}: every backend found, whether it can run here and why (not), and which one runs. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = {"List the compute backends, whether each is available and why, and which one is in use.",
                "Choose one with -Dbackprop.backend=NAME or the BACKPROP_BACKEND environment variable."})
final class BackendsCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        Backend current = Backends.current();
        TextTable table = new TextTable("", "name", ">rank", "available", "reason");
        for (Backends.Info i : Backends.list()) {
            table.row(i.name().equals(current.name()) ? "*" : " ", i.name(), i.rank(), i.available() ? "yes" : "no", i.reason());
        }
        table.print(out);
        out.println("  results: " + current.determinism());
        out.println("* in use: " + current.name() + " (" + Backends.whyCurrent() + ")");
        return Cli.OK;
    }
}
