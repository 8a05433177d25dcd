package backprop.app.session;

import backprop.app.theme.Theme;
import java.nio.file.Path;

/**
 * The child process of {@link SessionSaveCrashTest}: saves a session over and over until it is
 * killed, each with a larger state (a generation number and a long list), so a torn file would
 * not parse or would not match its own generation.
 */
public final class SessionWriteChild {
    private SessionWriteChild() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        SessionFiles.write(target, session(1));
        // Ready once one save went through (the JVM and Jackson are warm): the kills land in later saves.
        System.out.println("ready");
        System.out.flush();
        for (long g = 2; ; g++) SessionFiles.write(target, session(g));
    }

    static Session session(long generation) {
        var state = SessionFiles.object();
        state.put("generation", generation);
        var list = state.putArray("log");
        for (int i = 0; i < 20_000; i++) list.addObject().put("epochs", generation + i);
        return new Session("playground", Theme.DARK, state);
    }
}
