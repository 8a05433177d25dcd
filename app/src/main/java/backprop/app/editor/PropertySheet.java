package backprop.app.editor;

import backprop.app.editor.document.EditorDocument;
import backprop.app.editor.model.EditorNode;
import backprop.app.editor.model.NodeRole;
import backprop.app.theme.Styles;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.layers.LayerKinds;
import backprop.engine.nn.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The property sheet: every field the network format has for the selected node's kind (the kind's
 * own {@link Field} list, with name and id), or the network's own fields when nothing is selected.
 * Each keystroke is applied as an edit when the engine accepts it; when it refuses, the field keeps
 * the text, turns red and shows the reason underneath, and the network stays as it was.
 */
final class PropertySheet extends ScrollPane {
    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");
    private final EditorDocument doc;
    private final Selection selection;
    private final VBox box = new VBox();
    private boolean typing;
    private Integer shownKey;
    private final List<TextField> fields = new ArrayList<>();

    PropertySheet(EditorDocument doc, Selection selection) {
        this.doc = doc;
        this.selection = selection;
        box.getStyleClass().add(Styles.ED_SHEET);
        setContent(box);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add(Styles.ED_SHEET_SCROLL);
        selection.addListener(this::rebuild);
        doc.addListener(() -> { if (!typing) rebuild(); });
        rebuild();
    }

    /** The text field of a property (tests type into it), or null. */
    TextField field(String property) {
        for (TextField f : fields) if (property.equals(f.getUserData())) return f;
        return null;
    }

    private void rebuild() {
        // Leaving one field for another rebuilds the sheet; the field being entered keeps the focus.
        Object focused = getScene() != null && getScene().getFocusOwner() instanceof TextField t && fields.contains(t) ? t.getUserData() : null;
        fill();
        if (focused != null && field(focused.toString()) != null) field(focused.toString()).requestFocus();
    }

    private void fill() {
        box.getChildren().clear();
        fields.clear();
        List<Integer> sel = selection.ordered();
        EditorNode n = sel.size() == 1 ? doc.graph().node(sel.get(0)) : null;
        shownKey = n == null ? null : n.key();
        if (sel.size() > 1) {
            title(sel.size() + " nodes selected");
            note("Arrows move them, Delete removes them, Ctrl+D duplicates them, C connects the first picked to the second.");
            return;
        }
        if (n == null) {
            title("Network");
            String[][] network = {{"name", "text"}, {"description", "text"}, {"seed", "integer: seed for the weights the file omits"},
                    {"training", "JSON object, e.g. {\"optimizer\": \"sgd\", \"learningRate\": 2.0}"}, {"dataset", "JSON object, e.g. {\"name\": \"xor\"}"}};
            for (String[] f : network) {
                JsonNode v = doc.graph().network().get(f[0]);
                row(f[0], f[1], v == null ? "" : v.isContainerNode() ? v.toString() : v.asText(), t -> doc.setNetworkField(f[0], t));
            }
            note("Select a node to edit its fields.");
            return;
        }
        LayerKind<?> kind = LayerKinds.byType(n.type());
        title(n.role() == NodeRole.INPUT ? "Input" : n.role() == NodeRole.OUTPUT ? "Output and loss" : kind != null ? kind.displayName() : n.type());
        String problem = doc.analysis().errors().get(n.key());
        if (problem != null) error(problem);
        int key = n.key();
        switch (n.role()) {
            case INPUT -> row("shape", "[n] a vector, [steps, features] sequences, [channels, height, width] images", text(n.fields().get("shape")),
                    t -> doc.setProperty(key, "shape", t));
            case OUTPUT -> row("loss", String.join(", ", Loss.NAMES), text(n.fields().get("loss")), t -> doc.setProperty(key, "loss", t));
            case LAYER -> {
                row("name", "shown on the canvas and in traces", n.name() == null ? "" : n.name(), t -> doc.setProperty(key, "name", t));
                row("id", "what other layers' from calls it (default: the name)", n.layerId() == null ? "" : n.layerId(), t -> doc.setProperty(key, "id", t));
                if (kind != null) {
                    for (Field f : kind.fields()) {
                        row(f.name() + (f.required() ? " *" : ""), f.type() + ": " + f.meaning(), text(n.fields().get(f.name())),
                                t -> doc.setProperty(key, f.name(), t)).setUserData(f.name());
                    }
                }
            }
        }
        String shape = doc.analysis().shapeText(key);
        Long params = doc.analysis().parameters().get(key);
        note(shape.equals("?") ? "Output shape: not known until what it reads is fixed."
                : "Output " + shape + (params != null ? " · " + String.format("%,d", params) + " parameters" : ""));
    }

    private static String text(JsonNode v) {
        if (v == null) return "";
        if (v.isTextual()) return v.asText();
        if (v.isArray() && v.size() <= 4 && !v.toString().contains("[[")) return v.toString().replaceAll("^\\[|\\]$", "").replace(",", ", ");
        return v.toString();
    }

    private void title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.ED_SHEET_TITLE);
        l.setWrapText(true);
        box.getChildren().add(l);
    }

    private void note(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.ED_NOTE);
        l.setWrapText(true);
        box.getChildren().add(l);
    }

    private Label error(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.ED_ERROR);
        l.setWrapText(true);
        box.getChildren().add(l);
        return l;
    }

    private TextField row(String label, String help, String value, Function<String, Optional<String>> apply) {
        Label l = new Label(label);
        l.getStyleClass().add(Styles.ED_FIELD_LABEL);
        TextField f = new TextField(value);
        f.setUserData(label.replace(" *", ""));
        f.setTooltip(new Tooltip(help));
        f.setPromptText(help.length() > 40 ? "default" : help);
        f.setId("prop-" + label.replace(" *", ""));
        Label reason = new Label();
        reason.getStyleClass().add(Styles.ED_ERROR);
        reason.setWrapText(true);
        reason.setManaged(false);
        reason.setVisible(false);
        f.textProperty().addListener((o, was, now) -> {
            if (now.equals(value) && was.equals(value)) return;
            typing = true;
            Optional<String> why;
            try {
                why = apply.apply(now);
            } finally {
                typing = false;
            }
            reason.setText(why.orElse(""));
            reason.setManaged(why.isPresent());
            reason.setVisible(why.isPresent());
            f.pseudoClassStateChanged(INVALID, why.isPresent());
        });
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                doc.history().seal();
                if (shownKey == null || doc.graph().node(shownKey) != null) rebuild();
            }
        });
        f.setOnAction(e -> doc.history().seal());
        fields.add(f);
        box.getChildren().addAll(l, f, reason);
        return f;
    }
}
