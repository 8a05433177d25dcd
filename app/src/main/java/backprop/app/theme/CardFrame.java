package backprop.app.theme;

import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A card's outline as a frame: a square region one line wider than the card, filled with the
 * outline's colour, the card (filled with its own colour) inside it.
 *
 * <p>Why not a CSS border: JavaFX's software renderer (the pipeline of headless machines and of
 * many classroom laptops without a usable GPU driver) strokes every border through its
 * anti-aliasing rasteriser, row by row, each time a card is repainted, and the cards of the
 * Playground and Depth views are repainted with every training step. A square region with one
 * background fill is drawn as a plain rectangle. (Two background layers in one region are no
 * better: JavaFX caches them as an image and blits it.) Measured with {@code bench-frames}:
 * borders and rounded corners were about a third of the render thread's time per frame.
 * The frame's colour and width come from the view's style sheet ({@link Styles#CARD_FRAME}).
 */
public final class CardFrame {
    private CardFrame() {}

    /** {@code card} inside its frame; lay out and place the frame where the card would go. */
    public static StackPane around(Region card) {
        StackPane frame = new StackPane(card);
        frame.getStyleClass().add(Styles.CARD_FRAME);
        frame.setMinWidth(0);
        return frame;
    }
}
