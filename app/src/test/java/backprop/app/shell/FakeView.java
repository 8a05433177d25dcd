package backprop.app.shell;

import backprop.app.view.StudioView;
import backprop.app.view.Transport;
import backprop.app.view.ViewInfo;
import backprop.app.work.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A view for shell tests: records every transport call, and keeps a worker busy (as a training
 * loop would) so tests can check that closing the window stops it.
 */
public final class FakeView implements StudioView, Transport {
    public static final ViewInfo INFO = new ViewInfo("fake", "Fake", "mdi2b-brain");
    public final List<String> calls = new ArrayList<>();
    public final Label label = new Label("fake view");
    private final StackPane root = new StackPane(label);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("step 0");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("1×");
    private final ExecutorService worker = Workers.newExecutor("fake-training");
    public boolean disposed;
    public Boolean presenter;
    private int steps;

    public FakeView() {
        root.setId("fake-root");
        worker.submit(() -> {
            // Stands in for a training loop: runs until interrupted by the shutdown.
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override public ViewInfo info() { return INFO; }
    @Override public Node root() { return root; }
    @Override public Transport transport() { return this; }
    @Override public ReadOnlyStringProperty stepText() { return step.getReadOnlyProperty(); }
    @Override public long seed() { return 7; }
    @Override public void onPresenterMode(boolean on) { presenter = on; }
    @Override public void dispose() { disposed = true; worker.shutdownNow(); }

    @Override public void togglePlay() { calls.add("togglePlay"); playing.set(!playing.get()); }
    @Override public void stepForward() { calls.add("stepForward"); step.set("step " + (++steps)); }
    @Override public void stepBack() { calls.add("stepBack"); step.set("step " + (--steps)); }
    @Override public void home() { calls.add("home"); }
    @Override public void end() { calls.add("end"); }
    @Override public void faster() { calls.add("faster"); speed.set("2×"); }
    @Override public void slower() { calls.add("slower"); speed.set("1×"); }
    @Override public ReadOnlyBooleanProperty playingProperty() { return playing.getReadOnlyProperty(); }
    @Override public ReadOnlyStringProperty speedText() { return speed.getReadOnlyProperty(); }
}
