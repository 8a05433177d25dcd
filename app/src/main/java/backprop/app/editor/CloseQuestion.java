package backprop.app.editor;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * "Save the changes to xor.json before closing?" with Save, Don't save and Cancel, as every
 * editor asks when its window closes over unsaved work. Escape and the dialog's close box mean
 * Cancel: the safe answer when the user did not choose.
 */
final class CloseQuestion {
    enum Answer { SAVE, DONT_SAVE, CANCEL }

    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.YES);
    private static final ButtonType DONT_SAVE = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
    private static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private CloseQuestion() {}

    /** Shows the question over {@code owner} and waits for the answer (FX thread). */
    static Answer ask(Window owner, String name) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The changes to " + name + " are not saved. Save them before closing?", SAVE, DONT_SAVE, CANCEL);
        a.setTitle("Unsaved changes");
        a.setHeaderText(null);
        if (owner != null) a.initOwner(owner);
        a.getDialogPane().setId("editor-close-question");
        a.getDialogPane().lookupButton(SAVE).setId("close-save");
        a.getDialogPane().lookupButton(DONT_SAVE).setId("close-dont-save");
        a.getDialogPane().lookupButton(CANCEL).setId("close-cancel");
        ButtonType b = a.showAndWait().orElse(CANCEL);
        return b == SAVE ? Answer.SAVE : b == DONT_SAVE ? Answer.DONT_SAVE : Answer.CANCEL;
    }
}
