package backprop.app.playground;

import backprop.app.math.Num;
import backprop.app.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.converter.DefaultStringConverter;

/**
 * The data as a grid beside the map: one row per point with its feature values, its class or
 * target, and whether the seeded split holds it out for the test. A typed cell goes to the
 * view-model as text ({@link PlaygroundViewModel#editCell}), which parses it and has the engine
 * change the data it trains on; the point moves with the next frame. Undo takes back the last
 * edit of the data, Restore drops them all.
 */
final class DataGrid extends VBox {
    private final PlaygroundViewModel vm;
    private final TableView<Integer> grid = new TableView<>();
    private final Label summary = new Label();
    private final Button undo = new Button("Undo edit");
    private final Button restore = new Button("Restore data");
    private PlaygroundFrame.Data data;

    DataGrid(PlaygroundViewModel vm) {
        this.vm = vm;
        setId("pg-data");
        getStyleClass().add(Styles.PG_DATA_CARD);
        setSpacing(6);
        grid.setId("pg-data-grid");
        grid.getStyleClass().add(Styles.PG_DATA_GRID);
        grid.setEditable(true);
        grid.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        grid.setPlaceholder(new Label("no rows"));
        VBox.setVgrow(grid, Priority.ALWAYS);
        undo.setId("pg-data-undo");
        undo.setTooltip(new Tooltip("Take back the last change to the data: a cell, a painted or removed point"));
        undo.setOnAction(e -> vm.undoData());
        restore.setId("pg-data-restore");
        restore.setTooltip(new Tooltip("The data as generated or read, every edit dropped"));
        restore.setOnAction(e -> vm.restoreData());
        summary.setId("pg-data-summary");
        summary.getStyleClass().add(Styles.PG_CAPTION);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(6, summary, gap, undo, restore);
        bar.setAlignment(Pos.CENTER_LEFT);
        summary.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        for (Button b : List.of(undo, restore)) b.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().addAll(bar, grid);
    }

    /** Takes in a frame's data: rebuilds the columns when their names change, the rows when their number does, else repaints. */
    void show(PlaygroundFrame f) {
        PlaygroundFrame.Data next = f == null ? null : f.data();
        if (next == data) return;
        PlaygroundFrame.Data before = data;
        data = next;
        if (data == null) {
            grid.getColumns().clear();
            grid.getItems().clear();
            summary.setText("");
            return;
        }
        if (before == null || !before.columns().equals(data.columns()) || !before.label().equals(data.label())) columns();
        if (before == null || before.rows() != data.rows()) {
            List<Integer> rows = new ArrayList<>(data.rows());
            for (int r = 0; r < data.rows(); r++) rows.add(r);
            grid.getItems().setAll(rows);
        } else {
            grid.refresh();
        }
        int test = 0;
        for (boolean t : data.test()) if (t) test++;
        summary.setText(data.rows() + " rows · " + (data.rows() - test) + " train · " + test + " test"
                + (data.standardised() ? " · standardised values, as the network reads them" : "") + (data.edited() ? " · edited" : ""));
        undo.setDisable(!data.edited());
        restore.setDisable(!data.edited());
    }

    private void columns() {
        List<TableColumn<Integer, String>> cols = new ArrayList<>();
        TableColumn<Integer, String> index = column("#", r -> String.valueOf(r + 1), -1);
        index.setEditable(false);
        cols.add(index);
        for (int c = 0; c < data.columns().size(); c++) {
            int k = c;
            cols.add(column(data.columns().get(c), r -> Num.shortFmt(data.x()[r][k]), c));
        }
        int label = data.columns().size();
        cols.add(column(data.label(), r -> data.values() != null ? Num.shortFmt(data.values()[r]) : data.classNames().get(data.labels()[r]), label));
        TableColumn<Integer, String> split = column("split", r -> data.test()[r] ? "test" : "train", -1);
        split.setEditable(false);
        cols.add(split);
        grid.getColumns().setAll(cols);
    }

    /** A column showing {@code text} of each row; {@code edits} ≥ 0 makes it editable, sending that column's edits. */
    private TableColumn<Integer, String> column(String name, java.util.function.IntFunction<String> text, int edits) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(
                data == null || cell.getValue() >= data.rows() ? "" : text.apply(cell.getValue())));
        if (edits >= 0) {
            c.setEditable(true);
            c.setCellFactory(TextFieldTableCell.forTableColumn(new DefaultStringConverter()));
            // The grid shows the data as the engine holds it: a refused edit goes back at once, an accepted one with the next frame.
            c.setOnEditCommit(e -> {
                vm.editCell(e.getRowValue(), edits, e.getNewValue());
                grid.refresh();
            });
        }
        return c;
    }

    /** The grid itself (tests). */
    TableView<Integer> table() { return grid; }
}
