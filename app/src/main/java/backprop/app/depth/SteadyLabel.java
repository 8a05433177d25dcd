package backprop.app.depth;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * One line of text that changes every training step (a figure of the newest step) without
 * making the window lay itself out again each time. A label's new text asks its parent, and so
 * every container up to the window, for a new layout; here the label is not managed by its
 * holder, so the request stops at the label, which is laid out alone inside a line whose size
 * depends only on the font. The text is cut with an ellipsis rather than pushing its neighbours.
 */
final class SteadyLabel extends Region {
    private final Label label = new Label();

    SteadyLabel() {
        label.setManaged(false);
        getChildren().add(label);
        // A new font (presenter mode, a theme) does change the line's height: that one is passed on.
        label.fontProperty().addListener((o, a, b) -> requestLayout());
        setMinWidth(0);
    }

    /** The label itself (style classes, tooltip). */
    Label label() { return label; }

    void setText(String text) { label.setText(text); }

    String getText() { return label.getText(); }

    @Override
    protected double computePrefHeight(double width) { return snapSizeY(label.getFont().getSize() * 1.45) + snappedTopInset() + snappedBottomInset(); }

    @Override
    protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override
    protected double computePrefWidth(double height) { return 0; }

    @Override
    protected void layoutChildren() {
        label.resizeRelocate(snappedLeftInset(), snappedTopInset(), getWidth() - snappedLeftInset() - snappedRightInset(),
                getHeight() - snappedTopInset() - snappedBottomInset());
    }
}
