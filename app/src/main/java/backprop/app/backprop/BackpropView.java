package backprop.app.backprop;

import backprop.app.shell.StudioView;
import javafx.scene.Node;
import javafx.scene.control.Label;

/** Placeholder: the step-through backprop view (replaced on the backprop-view branch). */
public final class BackpropView implements StudioView {
    private final Label root = new Label("Backprop");

    @Override public String id() { return "backprop"; }
    @Override public String title() { return "Backprop"; }
    @Override public String iconLiteral() { return "mdi2s-step-forward"; }
    @Override public Node root() { return root; }
}
