package backprop.app.graph;

import backprop.app.draw.FormulaView;
import backprop.app.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Computational-graph mode: inputs a and b (editable), the graph of e = (a+b)·(b+1) with values
 * and gradients from the engine, and the current chain-rule step written out.
 */
public final class GraphView implements backprop.app.view.LessonTarget {
    private final GraphViewModel vm;
    private final BorderPane root = new BorderPane();
    private final FormulaView formula = new FormulaView("graph");
    private final GraphDiagram diagram;

    public GraphView(GraphViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add(Styles.GRAPH_VIEW);
        Spinner<Double> a = spinner("graph-a", vm.aProperty().get());
        Spinner<Double> b = spinner("graph-b", vm.bProperty().get());
        a.valueProperty().addListener((o, x, y) -> { if (y != null) vm.aProperty().set(y); });
        b.valueProperty().addListener((o, x, y) -> { if (y != null) vm.bProperty().set(y); });
        vm.aProperty().addListener((o, x, y) -> a.getValueFactory().setValue(y.doubleValue()));
        vm.bProperty().addListener((o, x, y) -> b.getValueFactory().setValue(y.doubleValue()));
        Label title = new Label("e = (a + b) · (b + 1)");
        title.getStyleClass().add(Styles.GRAPH_TITLE);
        Label values = new Label();
        values.setId("graph-values");
        values.getStyleClass().add(Styles.GRAPH_VALUES);
        values.textProperty().bind(vm.valuesTextProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox inputs = new HBox(10, title, grow, new Label("a"), a, new Label("b"), b);
        inputs.setAlignment(Pos.CENTER_LEFT);
        inputs.getStyleClass().add(Styles.GRAPH_INPUTS);
        diagram = new GraphDiagram(vm);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        VBox card = new VBox(8, inputs, diagram, values);
        card.getStyleClass().add(Styles.DIAGRAM_CARD);
        card.setPadding(new Insets(12));
        root.setCenter(card);
        root.setBottom(formula);
        BorderPane.setMargin(formula, new Insets(10, 0, 0, 0));
        vm.formulaProperty().addListener((o, x, f) -> formula.show(f));
        formula.show(vm.formulaProperty().get());
        root.sceneProperty().addListener((o, x, s) -> formula.show(vm.formulaProperty().get()));
    }

    private static Spinner<Double> spinner(String id, double value) {
        Spinner<Double> s = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(-100, 100, value, 0.5));
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(110);
        return s;
    }

    public BorderPane root() { return root; }

    /** Presenter mode: the graph's boxes, text and formula grow by {@code s} (1 normally). */
    public void setScale(double s) {
        diagram.setScale(s);
        formula.setScale(s);
    }

    public FormulaView formula() { return formula; }

    public GraphViewModel viewModel() { return vm; }

    // ------------------------------------------------------------------ lessons (ids as GraphProbe names them)

    private int concealedAt = -1;

    @Override
    public void set(java.util.Map<String, String> controls) {
        if (controls.containsKey("a")) vm.aProperty().set(Double.parseDouble(controls.get("a")));
        if (controls.containsKey("b")) vm.bProperty().set(Double.parseDouble(controls.get("b")));
    }

    @Override
    public void train(int steps) { } // nothing to train

    /**
     * {@code node:X} marks X's box; {@code value:X} and {@code grad:X} also move the walk to that
     * number (to the step before it when a prediction asks for it, so it still reads "…").
     */
    @Override
    public void highlight(String id, boolean conceal) {
        concealedAt = -1;
        GraphNode n = id == null ? null : GraphProbe.node(vm.graphProperty().get(), id);
        vm.markedProperty().set(n == null ? null : n.name());
        if (n == null || id.startsWith("node:")) return;
        int i = vm.indexOf(id.startsWith("grad:"), n.name());
        if (i < 0) return; // an input's value is always on show
        if (conceal) {
            concealedAt = i;
            vm.indexProperty().set(Math.max(0, i - 1));
        } else {
            vm.indexProperty().set(i);
        }
    }

    @Override
    public void reveal() {
        if (concealedAt >= 0) vm.indexProperty().set(concealedAt);
        concealedAt = -1;
    }
}
