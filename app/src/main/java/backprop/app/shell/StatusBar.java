package backprop.app.shell;

import backprop.app.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Bottom bar: backend (and why, on hover), seed, the view's step, messages, frames per second. */
final class StatusBar extends HBox {
    StatusBar(ShellViewModel vm) {
        getStyleClass().add(Styles.STATUS_BAR);
        Label backend = item("status-backend", vm.backendTextProperty());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.backendReasonProperty());
        backend.setTooltip(why);
        // The live setting: the backend the next training step uses (only those that can run here).
        ComboBox<String> choice = new ComboBox<>(vm.backendChoices());
        choice.setId("status-backend-choice");
        choice.valueProperty().bindBidirectional(vm.chosenBackendProperty());
        choice.setTooltip(new Tooltip("Compute backend for the next training step"));
        choice.managedProperty().bind(Bindings.size(vm.backendChoices()).greaterThan(1));
        choice.visibleProperty().bind(choice.managedProperty());
        // An over-full bar shrinks every child that may shrink: the setting and the step must not.
        choice.setMinWidth(Region.USE_PREF_SIZE);
        Label reason = item("status-backend-reason", vm.backendReasonProperty());
        reason.getStyleClass().add(Styles.MUTED);
        reason.setMinWidth(0); // the one item that gives way: its whole text is in the tooltip
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(vm.backendReasonProperty());
        reason.setTooltip(whole);
        Label seed = item("status-seed", vm.seedTextProperty());
        Label step = item("status-step", vm.stepTextProperty());
        Label message = item("status-message", vm.messageProperty());
        message.getStyleClass().add(Styles.STATUS_MESSAGE);
        message.setMinWidth(0);
        Label fps = item("status-fps", vm.fpsTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(backend, choice, reason, seed, step, spacer, message, fps);
    }

    private static Label item(String id, ObservableStringValue text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(Styles.STATUS_ITEM);
        l.textProperty().bind(text);
        // Empty items take no room, so separators do not pile up.
        l.managedProperty().bind(Bindings.isNotEmpty(text));
        l.visibleProperty().bind(l.managedProperty());
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
