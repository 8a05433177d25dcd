package backprop.app.playground;

import backprop.app.math.Num;
import backprop.app.theme.Palette;
import backprop.app.theme.Styles;
import backprop.engine.train.Confusion;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * For more than two classes: the engine's confusion matrix (a row per true class, a column per
 * answer) with each class's accuracy at the end of its row. Only counts and shares the frame
 * carries are written; nothing is computed here.
 */
final class ConfusionTable extends VBox {
    private final Label title = new Label();
    private final GridPane grid = new GridPane();
    private Confusion shown;

    ConfusionTable() {
        setId("pg-confusion");
        getStyleClass().add(Styles.PG_TABLE);
        title.getStyleClass().add(Styles.PG_SECTION_TITLE);
        title.setWrapText(true); // presenter mode: a second line rather than "…"
        title.setMinHeight(Region.USE_PREF_SIZE);
        grid.getStyleClass().add(Styles.PG_TABLE_GRID);
        grid.setHgap(2);
        grid.setVgap(2);
        getChildren().addAll(title, grid);
        javafx.scene.control.Tooltip.install(this, new javafx.scene.control.Tooltip(
                "A row per true class, a column per answer: the diagonal holds the right answers"));
        setSpacing(4);
    }

    void show(PlaygroundFrame f) {
        Confusion c = f == null ? null : f.confusion();
        setVisible(c != null);
        setManaged(c != null);
        if (c == null || c == shown) return;
        shown = c;
        boolean test = f.test().size() > 0;
        // Short, so presenter mode keeps room for the charts; how to read it is in the tooltip.
        title.setText("Confusion, " + (test ? "test" : "training") + " points");
        grid.getChildren().clear();
        int k = c.classes();
        for (int p = 0; p < k; p++) grid.add(classHead(p, k), p + 1, 0);
        grid.add(cell("accuracy", Styles.PG_TABLE_HEADER), k + 1, 0);
        for (int t = 0; t < k; t++) {
            grid.add(classHead(t, k), 0, t + 1);
            for (int p = 0; p < k; p++) grid.add(cell(Integer.toString(c.counts()[t][p]), Styles.PG_TABLE_CELL), p + 1, t + 1);
            float a = c.accuracy(t);
            grid.add(cell(Float.isNaN(a) ? "—" : Num.percent(a), Styles.PG_TABLE_CELL), k + 1, t + 1);
        }
    }

    private static Label classHead(int k, int classes) {
        Label l = cell(Integer.toString(k + 1), Styles.PG_TABLE_HEADER);
        l.setGraphic(new Circle(5, Palette.classColour(k, classes)));
        return l;
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        return l;
    }

    /** The cells' texts, row by row (tests). */
    List<String> cellTexts() {
        return grid.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }
}
