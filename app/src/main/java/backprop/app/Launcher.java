package backprop.app;

import backprop.app.cli.Cli;
import javafx.application.Application;

/**
 * The jar's entry point. It deliberately does not extend {@link Application}: when the main
 * class is an Application, the JDK's launcher insists on JavaFX being on the module path and
 * refuses to start from a plain fat jar. Without arguments the window opens; with any
 * argument the command line runs headless and JavaFX is never initialised.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            openWindow(args);
        } else {
            System.exit(Cli.run(args));
        }
    }

    // Kept in its own method so the command-line path never resolves a JavaFX class.
    private static void openWindow(String[] args) {
        Application.launch(StudioApp.class, args);
    }
}
