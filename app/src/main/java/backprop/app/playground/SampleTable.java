package backprop.app.playground;

import backprop.app.math.Num;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The per-sample table for small datasets: a truth table (x1 x2 | v1 v2 | y | t) or the 8-3-8
 * encoder's codes (input | three hidden values | reconstructed?). Hidden and output cells are
 * tinted with the palette's probability scale, so a binary code reads at a glance. Every number is
 * the frame's, i.e. the model's own forward pass.
 */
final class SampleTable extends VBox {
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private PlaygroundFrame.Table shown;

    SampleTable() {
        getStyleClass().add(Styles.PG_TABLE);
        setId("pg-table");
        title.getStyleClass().add(Styles.PG_SECTION_TITLE);
        grid.getStyleClass().add(Styles.PG_TABLE_GRID);
        grid.setHgap(2);
        grid.setVgap(2);
        getChildren().addAll(title, grid);
    }

    void show(PlaygroundFrame f) {
        PlaygroundFrame.Table t = f == null ? null : f.table();
        setVisible(t != null);
        setManaged(t != null);
        if (t == null || t == shown) return;
        shown = t;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        boolean encoder = t.inputNames().size() > 2;
        PlaygroundFrame.Table.Row first = t.rows().get(0);
        int hidden = first.hidden().length, outputs = first.outputs().length;
        title.setText(encoder ? "Hidden codes (" + hidden + " units)" : "Truth table");
        int c = 0;
        if (encoder) header("input", c++);
        else for (String n : t.inputNames()) header(n, c++);
        for (int h = 0; h < hidden; h++) header(f.setup().handBuilt() != null ? "v" + (h + 1) : "h" + (h + 1), c++);
        if (!encoder) {
            header(outputs == 1 ? "ŷ" : "ŷ", c++);
            header("t", c++);
        }
        header("✓", c++);
        for (int col = 0; col < c; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(cc);
        }
        int r = 1;
        for (PlaygroundFrame.Table.Row row : t.rows()) {
            int col = 0;
            if (encoder) cell(bits(row.inputs()), col++, r, null);
            else for (float x : row.inputs()) cell(Num.shortFmt(x), col++, r, null);
            for (float h : row.hidden()) cell(Num.fixed(h, 2), col++, r, Palette.probability(h));
            if (!encoder) {
                cell(Num.fixed(row.outputs()[0], 2), col++, r, Palette.probability(row.outputs()[0]));
                cell(Num.shortFmt(row.targets()[0]), col++, r, null);
            }
            Label ok = cell(row.correct() ? "✓" : "✗", col, r, null);
            ok.getStyleClass().add(row.correct() ? Styles.PG_CORRECT : Styles.PG_WRONG);
            r++;
        }
    }

    private void header(String text, int col) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PG_TABLE_HEADER);
        grid.add(l, col, 0);
    }

    private Label cell(String text, int col, int row, Color tint) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PG_TABLE_CELL);
        if (tint != null) {
            // Dark tints get light text: the palette's ends are saturated.
            String ink = tint.getBrightness() < 0.6 || (tint.getRed() < 0.35 && tint.getBlue() > 0.5) ? "white" : "#1d2127";
            l.setStyle("-fx-background-color: " + web(tint) + "; -fx-text-fill: " + ink + ";");
        }
        grid.add(l, col, row);
        return l;
    }

    private static String bits(float[] v) {
        StringBuilder b = new StringBuilder();
        for (float x : v) b.append(x >= 0.5f ? '1' : '0');
        return b.toString();
    }

    private static String web(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** Texts of the table's cells, row by row (tests). */
    List<String> cellTexts() {
        return grid.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
