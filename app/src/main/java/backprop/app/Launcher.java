package backprop.app;

import backprop.app.cli.Cli;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * The jar's entry point. It deliberately does not extend {@link Application}: when the main
 * class is an Application, the JDK's launcher insists on JavaFX being on the module path and
 * refuses to start from a plain fat jar. Without arguments the window opens; with any
 * argument the command line runs headless and JavaFX is never initialised.
 */
public final class Launcher {
    // Held in a field: java.util.logging keeps loggers weakly, and a collected logger forgets its level.
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Launcher() {}

    public static void main(String[] args) {
        if (args.length == 0 || opensAFile(args)) {
            openWindow(args);
        } else {
            System.exit(Cli.run(args));
        }
    }

    /**
     * {@code java -jar backprop-studio.jar FILE} (and a double-click through the installers' file
     * associations) opens FILE in the window: one argument that is an existing file and not a
     * sub-command's name.
     */
    static boolean opensAFile(String[] args) {
        if (args.length != 1 || args[0].startsWith("-") || Cli.isCommand(args[0])) return false;
        try {
            return java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    // Kept in its own method so the command-line path never resolves a JavaFX class.
    private static void openWindow(String[] args) {
        // JavaFX warns that it was loaded from the class path; running from one jar is the point.
        JAVAFX_LOG.setLevel(Level.SEVERE);
        try {
            Application.launch(StudioApp.class, args);
        } catch (RuntimeException e) {
            if (Boolean.getBoolean("backprop.debug")) e.printStackTrace();
            System.err.println("backprop-studio: cannot open the window (" + e.getMessage() + "). "
                    + "The sub-commands run without a display: see backprop-studio --help.");
            System.exit(Cli.FAILED);
        }
    }
}
