package backprop.app.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.cli.Cli;
import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.view.ViewRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Depth view drawn headless after 60 steps: its bars and histograms are the engine's
 * statistics, the same figures {@code flow} prints for the same network and seed, and the
 * textbook ordering shows (sigmoid with U(−1, 1) starves its first layer, ReLU with He does not).
 */
class DepthViewTest {
    private static final int STEPS = 60;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static DepthView rendered() throws Exception {
        AtomicReference<DepthView> view = new AtomicReference<>();
        AtomicReference<List<GradientBars.Bar>> keep = new AtomicReference<>();
        ViewRegistry registry = new ViewRegistry().add(DepthView.INFO, DepthView::new);
        new HeadlessRenderer(registry).render(new RenderRequest("depth", null, STEPS, 1280, 800, Theme.LIGHT, false), v -> view.set((DepthView) v));
        return view.get();
    }

    /** The last step's JSON line of {@code flow --model NAME --steps STEPS --seed 1 --json}. */
    private static JsonNode flowLastStep(String model) throws Exception {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int rc = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("flow", "--model", model, "--steps", Integer.toString(STEPS), "--seed", "1", "--json");
        assertEquals(0, rc, err.toString());
        String[] lines = out.toString().strip().split("\n");
        assertEquals(STEPS, lines.length);
        return JSON.readTree(lines[lines.length - 1]);
    }

    @Test
    void barsAreTheFiguresFlowPrintsForTheSameNetworkAndSeed() throws Exception {
        DepthView v = rendered();
        DepthFrame f = v.viewModel().frame();
        assertEquals(DepthViewModel.DEFAULT.size(), f.columns().size());
        for (int c = 0; c < f.columns().size(); c++) {
            DepthFrame.Column col = f.columns().get(c);
            assertEquals(STEPS, col.steps());
            JsonNode flow = flowLastStep(col.config().preset().model);
            List<GradientBars.Bar> bars = v.bars(c).bars();
            assertTrue(bars.size() >= 10, col.config().label() + ": one bar per weight layer, " + bars.size());
            for (GradientBars.Bar bar : bars) {
                JsonNode layer = null;
                for (JsonNode l : flow.get("layers")) if (l.get("id").asText().equals(bar.id())) layer = l;
                assertTrue(layer != null, "flow prints layer " + bar.id());
                assertEquals(layer.get("gradNorm").floatValue(), bar.stats().gradNorm(), 0f, col.config().label() + " " + bar.id());
                assertEquals(layer.get("updateRatio").floatValue(), bar.stats().updateRatio(), 0f, col.config().label() + " " + bar.id());
            }
            assertEquals(flow.get("loss").floatValue(), col.losses().get(STEPS - 1), 0f);
            // The histogram drawn for the first hidden layer now is the engine's for that layer.
            HistogramTriptych h = v.histograms(c);
            String first = h.ids().get(0);
            JsonNode firstLayer = null;
            for (JsonNode l : flow.get("layers")) if (l.get("id").asText().equals(first)) firstLayer = l;
            int[] drawn = h.histogram(0, 2);
            for (int b = 0; b < drawn.length; b++) assertEquals(firstLayer.get("histogram").get(b).asInt(), drawn[b], first + " bin " + b);
        }
    }

    @Test
    void sigmoidWithUniformWeightsStarvesItsFirstLayerAndReluWithHeDoesNot() throws Exception {
        DepthFrame f = rendered().viewModel().frame();
        double sigmoid = f.columns().get(0).firstOverLast(), relu = f.columns().get(2).firstOverLast(), bn = f.columns().get(3).firstOverLast();
        assertEquals(DepthPreset.SIGMOID_UNIFORM, f.columns().get(0).config().preset());
        assertEquals(DepthPreset.RELU_HE, f.columns().get(2).config().preset());
        assertTrue(relu / sigmoid >= 50, "ReLU/He first÷last " + relu + " vs sigmoid " + sigmoid);
        assertTrue(bn / sigmoid >= 50, "batch norm " + bn + " vs sigmoid " + sigmoid);
    }
}
