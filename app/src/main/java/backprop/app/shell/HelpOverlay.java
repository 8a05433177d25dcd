package backprop.app.shell;

import backprop.app.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** About box and the keyboard map (F1 or ?), drawn over the view; click or Esc closes it. */
final class HelpOverlay extends StackPane {
    HelpOverlay(ShellViewModel vm) {
        getStyleClass().add(Styles.HELP_OVERLAY);
        setId("help-overlay");
        Label title = new Label("Backprop Studio");
        title.getStyleClass().add(Styles.TITLE);
        Label about = new Label("Neural networks made visible: every number on screen comes from the engine's own trace.");
        about.setWrapText(true);
        // Wrap to the key table's width instead of widening the card.
        about.setPrefWidth(1);
        about.setMaxWidth(Double.MAX_VALUE);
        about.getStyleClass().add(Styles.MUTED);
        Label keysTitle = new Label("Keys (also in presenter mode)");
        keysTitle.getStyleClass().add(Styles.HELP_SECTION);

        GridPane keys = new GridPane();
        keys.getStyleClass().add(Styles.HELP_KEYS);
        for (int r = 0; r < ShellKeys.HELP.length; r++) {
            HBox chips = new HBox();
            chips.getStyleClass().add(Styles.HELP_CHIPS);
            for (String k : ShellKeys.HELP[r][0].split(" ")) {
                Label key = new Label(k);
                key.getStyleClass().add(Styles.HELP_KEY);
                key.setMinWidth(Region.USE_PREF_SIZE); // a key name is never cut short
                chips.getChildren().add(key);
            }
            keys.add(chips, 0, r);
            Label what = new Label(ShellKeys.HELP[r][1]);
            what.setMinWidth(Region.USE_PREF_SIZE);
            keys.add(what, 1, r);
        }
        VBox card = new VBox(title, about, keysTitle, keys);
        card.getStyleClass().addAll(Styles.HELP_CARD, Styles.CARD);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume()); // clicks on the card keep it open
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);

        setOnMouseClicked(e -> vm.helpVisibleProperty().set(false));
        visibleProperty().bind(vm.helpVisibleProperty());
        managedProperty().bind(vm.helpVisibleProperty());
    }
}
