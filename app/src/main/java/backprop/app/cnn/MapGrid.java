package backprop.app.cnn;

import backprop.app.draw.CanvasPane;
import backprop.app.math.Num;
import backprop.engine.layers.conv.ConvArithmetic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Rows of small images, one row per layer: the feature maps of the current input, or the filters
 * of each conv layer and their gradients. Each row has its own colour range (its largest |value|),
 * written under its title. Hovering a pixel reads out its value, image and position; clicking a
 * feature-map pixel selects that unit, and the input row then lights the unit's receptive field.
 */
final class MapGrid extends CanvasPane {
    /** Where a pixel of the grid lies: row of the grid, image in the row, pixel. */
    record Hit(FeatureMaps maps, int image, int row, int col) {}

    private record Tile(FeatureMaps maps, int image, double x, double y, double side) {}

    private final boolean kernels;
    private List<FeatureMaps> rows = List.of();
    private final List<Tile> tiles = new ArrayList<>();
    private Hit hover, selected;
    private ConvArithmetic.Region field;
    private Consumer<Hit> onSelect = h -> { };
    private String empty = "";

    /** @param kernels true for filters (images grouped by filter), false for feature maps */
    MapGrid(boolean kernels) {
        this.kernels = kernels;
        setMinSize(200, 120);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> { hover = hitAt(e.getX(), e.getY()).orElse(null); redraw(); });
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> { hover = null; redraw(); });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> hitAt(e.getX(), e.getY()).ifPresent(h -> onSelect.accept(h)));
    }

    void show(List<FeatureMaps> rows, String whenEmpty) {
        this.rows = List.copyOf(rows);
        this.empty = whenEmpty;
        if (hover != null) hover = rows.stream().filter(r -> r.title().equals(hover.maps().title())).findFirst()
                .map(r -> new Hit(r, hover.image(), hover.row(), hover.col())).orElse(null);
        redraw();
    }

    void onSelect(Consumer<Hit> action) { onSelect = action; }

    /** The selected unit and its receptive field on the input row (null: none). */
    void select(Hit unit, ConvArithmetic.Region region) {
        selected = unit;
        field = region;
        redraw();
    }

    List<FeatureMaps> rows() { return rows; }

    /** The pixel under ({@code x}, {@code y}) in the pane, if any. */
    Optional<Hit> hitAt(double x, double y) {
        for (Tile t : tiles) {
            if (x >= t.x() && x < t.x() + t.side() && y >= t.y() && y < t.y() + t.side() * t.maps().height() / t.maps().width()) {
                int col = (int) ((x - t.x()) / t.side() * t.maps().width()), row = (int) ((y - t.y()) / t.side() * t.maps().width());
                return Optional.of(new Hit(t.maps(), t.image(), Math.min(row, t.maps().height() - 1), Math.min(col, t.maps().width() - 1)));
            }
        }
        return Optional.empty();
    }

    /** Centre of pixel (row, col) of image {@code image} of the row titled {@code title}, in pane coordinates (tests click there). */
    Optional<double[]> pixelCentre(String title, int image, int row, int col) {
        for (Tile t : tiles) {
            if (t.maps().title().equals(title) && t.image() == image) {
                double px = t.side() / t.maps().width();
                return Optional.of(new double[] {t.x() + (col + 0.5) * px, t.y() + (row + 0.5) * px});
            }
        }
        return Optional.empty();
    }

    /** What the hover read-out says now ("conv1 · map 2 · row 5, col 7 = 0.413"), empty when not over a pixel. */
    String hoverText() { return hover == null ? "" : describe(hover); }

    String describe(Hit h) {
        FeatureMaps m = h.maps();
        String where = kernels
                ? "filter " + (h.image() / m.channels() + 1) + " · channel " + (h.image() % m.channels() + 1)
                : m.layerIndex() < 0 ? "pixel" : "map " + (h.image() + 1);
        return m.title() + " · " + where + " · row " + h.row() + ", col " + h.col() + " = " + Num.fmt(m.value(h.image(), h.row(), h.col()));
    }

    @Override
    protected void redraw() {
        GraphicsContext g = cleared();
        tiles.clear();
        double w = getWidth(), h = getHeight();
        // Three lines of text per row at most: presenter sizes shrink where the rows are short.
        double s = rows.isEmpty() ? scale() : Math.max(0.7, Math.min(scale(), (h - 18 * scale()) / rows.size() / 44));
        Font title = Font.font("System", FontWeight.BOLD, 12 * s), small = Font.font("System", 10.5 * s);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        if (rows.isEmpty()) {
            g.setFill(muted());
            g.setFont(small);
            g.fillText(empty, 8, 8);
            return;
        }
        double titleW = 92 * s, gap = 4 * s, groupGap = 10 * s, readout = 18 * s;
        double rowH = (h - readout) / rows.size();
        double y = 0;
        for (FeatureMaps m : rows) {
            int groups = m.groups(), per = m.channels(), n = m.images();
            // A filter's channels form a small block (2×2 for four); feature maps lie in one line.
            int bc = kernels ? (int) Math.ceil(Math.sqrt(per)) : per, br = (per + bc - 1) / bc;
            double aspect = (double) m.height() / m.width();
            double across = groups * bc, gaps = groups * (bc - 1) * gap + (groups - 1) * groupGap;
            double side = Math.min((rowH - 6 * s - (br - 1) * gap) / br / aspect, (w - titleW - gaps - 4) / across);
            side = Math.max(4, Math.min(side, 14 * s * m.width())); // at most 14 px per number: tiny kernels stay readable, not huge
            g.setFill(ink());
            g.setFont(title);
            g.fillText(m.title(), 0, y + 2);
            g.setFill(muted());
            g.setFont(small);
            String dims = (kernels ? groups + "×" + per + "×" : per + "×") + m.height() + "×" + m.width();
            g.fillText(dims, 0, y + 4 + 14 * s);
            g.fillText("±" + Num.fmt(m.range()), 0, y + 4 + 27 * s);
            double hh = side * aspect;
            for (int i = 0; i < n; i++) {
                int grp = i / per, ch = i % per;
                double x = titleW + grp * (bc * side + (bc - 1) * gap + groupGap) + (ch % bc) * (side + gap);
                double ty = y + 2 + (ch / bc) * (hh + gap);
                Tiles.paint(g, m.image(i), m.height(), m.width(), m.range(), x, ty, side, hh);
                g.setStroke(border());
                g.setLineWidth(1);
                g.strokeRect(x - 0.5, ty - 0.5, side + 1, hh + 1);
                tiles.add(new Tile(m, i, x, ty, side));
                mark(g, m, i, x, ty, side / m.width());
            }
            y += rowH;
        }
        g.setFill(hover == null ? muted() : ink());
        g.setFont(small);
        g.fillText(hover == null ? (kernels ? "Hover a square for its weight." : "Hover a pixel for its value; click one to light its receptive field on the input.")
                : describe(hover), 0, h - readout + 2);
    }

    /** The selected unit's square, and on the input, its receptive field. */
    private void mark(GraphicsContext g, FeatureMaps m, int image, double x, double y, double px) {
        g.setStroke(accent());
        g.setLineWidth(2 * lineScale());
        if (selected != null && selected.maps().title().equals(m.title()) && selected.image() == image) {
            g.strokeRect(x + selected.col() * px - 1, y + selected.row() * px - 1, px + 2, px + 2);
        }
        if (field != null && m.layerIndex() < 0) {
            g.strokeRect(x + field.left() * px, y + field.top() * px, (field.right() - field.left() + 1) * px, (field.bottom() - field.top() + 1) * px);
        }
    }
}
