package backprop.app.editor;

import backprop.app.theme.Styles;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The palette: the kinds the engine registers, grouped ({@link PaletteGroups}). Drag an entry onto
 * the canvas to place it there; click it or press Enter on it to add it beside the selection. The
 * drag is followed with ordinary mouse events (the press grabs the pointer), so it works the same
 * with any windowing system, a headless one included.
 */
final class LayerPalette extends ScrollPane {
    private final VBox box = new VBox();

    /**
     * @param add     called with a type to add from the keyboard or a click
     * @param dropped called with a type and the scene point where a drag ended
     */
    LayerPalette(Consumer<String> add, BiConsumer<String, Point2D> dropped) {
        box.getStyleClass().add(Styles.ED_PALETTE);
        for (PaletteGroups.Group g : PaletteGroups.all()) {
            Label title = new Label(g.title());
            title.getStyleClass().add(Styles.ED_PALETTE_GROUP);
            box.getChildren().add(title);
            for (PaletteGroups.Item item : g.items()) box.getChildren().add(entry(item, add, dropped));
        }
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add(Styles.ED_PALETTE_SCROLL);
    }

    private Button entry(PaletteGroups.Item item, Consumer<String> add, BiConsumer<String, Point2D> dropped) {
        FontIcon icon = new FontIcon(item.icon());
        icon.getStyleClass().add(Styles.ED_ICON);
        Button b = new Button(item.title(), icon);
        b.setId("palette-" + item.type());
        b.getStyleClass().add(Styles.ED_PALETTE_ITEM);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setTooltip(new Tooltip(item.type() + ": drag onto the canvas, or press Enter to add it beside the selection"));
        boolean[] dragging = {false};
        b.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> dragging[0] = false);
        b.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            dragging[0] = true;
            b.setCursor(Cursor.CLOSED_HAND);
        });
        b.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            b.setCursor(Cursor.DEFAULT);
            if (dragging[0] && !b.contains(b.sceneToLocal(e.getSceneX(), e.getSceneY()))) {
                dropped.accept(item.type(), new Point2D(e.getSceneX(), e.getSceneY()));
                b.disarm();
                e.consume();
            }
        });
        b.setOnAction(e -> add.accept(item.type()));
        b.setOnKeyPressed(e -> { // Enter adds too, not only Space
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                b.fire();
                e.consume();
            }
        });
        return b;
    }
}
