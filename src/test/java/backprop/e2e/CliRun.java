package backprop.e2e;

import backprop.app.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/** Runs the command line in this JVM, as the jar would, and captures what it prints. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> lines() { return out.strip().lines().toList(); }

    String lastLine() {
        List<String> l = lines();
        return l.get(l.size() - 1);
    }

    /** The repository root (set by the system-tests pom), so fixtures are named the way a user would. */
    static Path root() { return Path.of(System.getProperty("backprop.root", "../..")).toAbsolutePath().normalize(); }

    static String spec(String name) { return root().resolve("src/test/resources/specs").resolve(name).toString(); }

    @Override
    public String toString() { return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err; }
}
