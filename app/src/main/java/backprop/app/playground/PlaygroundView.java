package backprop.app.playground;

import backprop.app.shell.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder: the MLP playground (replaced on the playground branch). */
public final class PlaygroundView implements StudioView {
    private final Label root = new Label("Playground");

    @Override public String id() { return "playground"; }
    @Override public String title() { return "Playground"; }
    @Override public String iconLiteral() { return "mdi2g-gesture-tap"; }
    @Override public Node root() { return root; }
}
