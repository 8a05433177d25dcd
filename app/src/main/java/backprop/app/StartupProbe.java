package backprop.app;

import java.time.Duration;
import java.time.Instant;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * {@code -Dbackprop.startup.probe=true}: measures launch to first drawn frame, for the start-up
 * figures in README. The clock starts when the operating system started the process (so the JVM's
 * own start-up counts) and stops at the second pulse after the window is shown: the first pulse
 * lays out and renders, the second one runs once that frame is out. It prints one line and exits.
 */
final class StartupProbe {
    static final String PROPERTY = "backprop.startup.probe";

    private StartupProbe() {}

    static void afterFirstFrame(Scene scene) {
        if (!Boolean.getBoolean(PROPERTY)) return;
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                stop();
                Instant started = ProcessHandle.current().info().startInstant().orElse(null);
                String took = started == null ? "unknown (the system does not say when the process started)"
                        : Duration.between(started, Instant.now()).toMillis() + " ms";
                System.out.println("startup: first frame after " + took + " (" + (int) scene.getWidth() + "×" + (int) scene.getHeight() + ")");
                Platform.exit();
                System.exit(0);
            }
        }.start();
    }
}
