package backprop.app.shell;

import backprop.app.theme.Styles;
import backprop.app.view.ViewRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The left rail: one toggle per registry entry, icon above its title. Entries without a view yet
 * are disabled and captioned "soon". Selection follows {@link ShellViewModel#currentViewIdProperty()};
 * a click only asks the view-model to navigate.
 */
final class NavigationRail extends VBox {
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup group = new ToggleGroup();

    NavigationRail(ViewRegistry registry, ShellViewModel vm) {
        getStyleClass().add(Styles.RAIL);
        for (ViewRegistry.Entry e : registry.entries()) {
            ToggleButton b = new ToggleButton(e.title(), Icons.icon(e.iconLiteral()));
            b.setContentDisplay(ContentDisplay.TOP);
            b.getStyleClass().add(Styles.RAIL_ITEM);
            b.setId("nav-" + e.id());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setFocusTraversable(false);
            if (e.available()) {
                b.setToggleGroup(group);
                b.setTooltip(new Tooltip(e.title()));
                b.setOnAction(ev -> vm.navigate(e.id()));
            } else {
                // A disabled control shows no tooltip, so say "soon" in the button itself.
                b.getStyleClass().add(Styles.RAIL_ITEM_SOON);
                Label title = new Label(e.title());
                title.getStyleClass().add(Styles.NAV_SOON_TITLE);
                Label caption = new Label("soon");
                caption.getStyleClass().add(Styles.RAIL_CAPTION);
                VBox graphic = new VBox(Icons.icon(e.iconLiteral()), title, caption);
                graphic.getStyleClass().add(Styles.NAV_SOON_GRAPHIC);
                b.setGraphic(graphic);
                b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                b.setDisable(true);
            }
            buttons.put(e.id(), b);
            getChildren().add(b);
        }
        vm.currentViewIdProperty().addListener((obs, old, id) -> select(id));
        select(vm.getCurrentViewId());
        // Clicking the selected toggle would deselect it; the rail always shows where we are.
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) reselect(old);
        });
    }

    private void reselect(Toggle t) { group.selectToggle(t); }

    private void select(String id) {
        ToggleButton b = id == null ? null : buttons.get(id);
        if (b != null) group.selectToggle(b);
    }
}
