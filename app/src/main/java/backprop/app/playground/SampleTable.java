package backprop.app.playground;

import backprop.app.math.Num;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The per-sample table for small datasets: a truth table (x1 x2 | v1 v2 | y | t) or the 8-3-8
 * encoder's codes (input | three hidden values | reconstructed?). Hidden and output cells are
 * tinted with the palette's probability scale, so a pattern reads at a glance. Every number is
 * the frame's, i.e. the model's own forward pass.
 */
final class SampleTable extends VBox {
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane(grid);
    private PlaygroundFrame.Table shown;
    /** The grid's width at the normal font, to know whether the compact font is still needed. */
    private double normalWidth = Double.NaN;

    SampleTable() {
        getStyleClass().add(Styles.PG_TABLE);
        setId("pg-table");
        title.getStyleClass().add(Styles.PG_SECTION_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        grid.getStyleClass().add(Styles.PG_TABLE_GRID);
        grid.setHgap(2);
        grid.setVgap(2);
        // Wider than its room (many hidden units, a narrow window): first a smaller font, then a
        // horizontal scroll bar. The bar's height is always reserved (see computePrefHeight), so
        // rows never hide under it and nothing below moves when it appears.
        scroll.getStyleClass().add(Styles.PG_TABLE_SCROLL);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setFocusTraversable(false);
        scroll.setMinSize(0, 0);
        getChildren().addAll(title, scroll);
    }

    @Override
    protected void layoutChildren() {
        boolean compact = grid.getStyleClass().contains(Styles.PG_TABLE_COMPACT);
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        if (!compact) normalWidth = grid.prefWidth(-1);
        boolean needed = normalWidth > room + 0.5;
        if (needed != compact) {
            if (needed) grid.getStyleClass().add(Styles.PG_TABLE_COMPACT);
            else grid.getStyleClass().remove(Styles.PG_TABLE_COMPACT);
        }
        double x = snappedLeftInset(), y = snappedTopInset();
        double th = title.prefHeight(-1);
        title.resizeRelocate(x, y, Math.max(room, title.prefWidth(-1)), th);
        scroll.resizeRelocate(x, y + th + getSpacing(), room, getHeight() - y - th - getSpacing() - snappedBottomInset());
    }

    /** Room for a horizontal scroll bar, whether or not one is shown. */
    private double barReserve() { return Math.ceil(title.getFont().getSize() * 1.2); }

    @Override
    protected double computePrefHeight(double width) {
        return snappedTopInset() + snappedBottomInset() + title.prefHeight(-1) + getSpacing() + grid.prefHeight(-1) + barReserve();
    }

    @Override
    protected double computeMinHeight(double width) { return computePrefHeight(width); }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + title.prefWidth(-1);
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + snappedRightInset() + Math.max(title.prefWidth(-1), grid.prefWidth(-1) + 2);
    }

    void show(PlaygroundFrame f) {
        PlaygroundFrame.Table t = f == null ? null : f.table();
        setVisible(t != null);
        setManaged(t != null);
        if (t == null || t == shown) return;
        shown = t;
        boolean encoder = t.inputNames().size() > 2;
        PlaygroundFrame.Table.Row first = t.rows().get(0);
        int hidden = first.hidden().length, outputs = first.outputs().length;
        // While the network keeps its shape, a new frame only changes texts and colours: the
        // labels are kept and refilled (no new nodes, no restyling, no layout of the rows around).
        List<Object> shape = List.of(t.inputNames(), t.rows().size(), hidden, outputs, f.setup().handBuilt() != null, f.sizes().length);
        reuse = shape.equals(shownShape);
        shownShape = shape;
        cursor = 0;
        if (!reuse) {
            grid.getChildren().clear();
            grid.getColumnConstraints().clear();
            normalWidth = Double.NaN;
            grid.getStyleClass().remove(Styles.PG_TABLE_COMPACT);
        }
        // The learned code is a pattern of values, not necessarily bits (0.50 and 0.28 occur):
        // the raw values are shown, and beside them the same values rounded at 0.5.
        title.setText(encoder ? "Hidden values (" + hidden + " units), " + distinctCodes(t) + " distinct codes" : "Truth table");
        int c = 0;
        if (encoder) header("input", c++);
        else for (String n : t.inputNames()) header(n, c++);
        for (int h = 0; h < hidden; h++) header(UnitNames.hidden(f, 1, h), c++);
        if (encoder) header("≥ 0.5", c++);
        if (!encoder) {
            header(outputs == 1 ? "ŷ" : "ŷ", c++);
            header("t", c++);
        }
        header("✓", c++);
        for (int col = 0; col < c && !reuse; col++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(cc);
        }
        int r = 1;
        for (PlaygroundFrame.Table.Row row : t.rows()) {
            int col = 0;
            if (encoder) cell(bits(row.inputs()), col++, r, null);
            else for (float x : row.inputs()) cell(Num.shortFmt(x), col++, r, null);
            for (float h : row.hidden()) value(h, col++, r);
            if (encoder) cell(bits(row.hidden()), col++, r, null);
            if (!encoder) {
                value(row.outputs()[0], col++, r);
                cell(Num.shortFmt(row.targets()[0]), col++, r, null);
            }
            Label ok = cell(row.correct() ? "✓" : "✗", col, r, null);
            // A change of style class restyles the label: only when the mark itself changes.
            String mark = row.correct() ? Styles.PG_CORRECT : Styles.PG_WRONG;
            if (!ok.getStyleClass().contains(mark)) {
                ok.getStyleClass().removeAll(Styles.PG_CORRECT, Styles.PG_WRONG);
                ok.getStyleClass().add(mark);
            }
            r++;
        }
        // The cells' widths come from the stylesheet: known now, so the row around the table
        // picks its arrangement once rather than when some later pass applies the styles. The
        // grid sits in a scroll pane, which does not pass a change of its content's size up:
        // the rows above and around the table are told here.
        if (reuse) return;
        applyCss();
        requestLayout();
    }

    private boolean reuse;
    private List<Object> shownShape;
    private int cursor;

    /** The next label in the grid when refilling, else a new one placed at (col, row). */
    private Label next(String text, int col, int row) {
        if (reuse) {
            Label l = (Label) grid.getChildren().get(cursor++);
            l.setText(text);
            return l;
        }
        Label l = new Label(text);
        grid.add(l, col, row);
        return l;
    }

    private void header(String text, int col) {
        Label l = next(text, col, 0);
        if (reuse) return;
        l.setMinWidth(Region.USE_PREF_SIZE); // a value is read in full or scrolled to, never cut to "…"
        l.getStyleClass().add(Styles.PG_TABLE_HEADER);
    }

    /** A unit's output: every such cell as wide as "−0.00", so a change of sign never widens the table. */
    private void value(float v, int col, int row) {
        Label l = cell(Num.fixed(v, 2), col, row, Palette.probability(v));
        if (!reuse) l.getStyleClass().add(Styles.PG_TABLE_VALUE);
    }

    private Label cell(String text, int col, int row, Color tint) {
        boolean fresh = !reuse;
        Label l = next(text, col, row);
        if (fresh) {
            l.setMinWidth(Region.USE_PREF_SIZE);
            l.getStyleClass().add(Styles.PG_TABLE_CELL);
        }
        if (tint != null) {
            // The cell's colour is the palette's in every theme, so its ink is picked by the cell
            // alone: whichever of white and near-black stands out more from it (WCAG contrast).
            // An inline style that changes restyles the label; one that does not is left alone.
            String style = "-fx-background-color: " + web(tint) + "; -fx-text-fill: " + web(ink(tint)) + ";";
            if (!style.equals(l.getStyle())) l.setStyle(style);
        }
        return l;
    }

    static final Color LIGHT_INK = Color.WHITE, DARK_INK = Color.web("#1d2127");

    /** The text colour for a cell tinted {@code tint}: the one of the two inks with the higher contrast. */
    static Color ink(Color tint) {
        return contrast(LIGHT_INK, tint) >= contrast(DARK_INK, tint) ? LIGHT_INK : DARK_INK;
    }

    /** WCAG 2 contrast ratio of two colours (1 to 21). */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static long distinctCodes(PlaygroundFrame.Table t) {
        return t.rows().stream().map(row -> bits(row.hidden())).distinct().count();
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
