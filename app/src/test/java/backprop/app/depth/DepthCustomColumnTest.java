package backprop.app.depth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.export.HeadlessRenderer;
import backprop.app.export.RenderRequest;
import backprop.app.theme.Theme;
import backprop.app.view.ViewRegistry;
import backprop.engine.models.DeepNetworks;
import backprop.engine.spec.NetworkSpec;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A column of one's own from the Depth view's controls: limits refused, a fifth column refused, then built by the engine and trained. */
class DepthCustomColumnTest {
    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    @Test
    @SuppressWarnings("unchecked")
    void addingAColumnOfOnesOwn() throws Exception {
        ViewRegistry registry = new ViewRegistry().add(DepthView.INFO, DepthView::new);
        FutureTask<Void> task = new FutureTask<>(() -> {
            Scene scene = new HeadlessRenderer(registry).mount(new RenderRequest("depth", null, 0, 1280, 800, Theme.LIGHT, false));
            DepthView v = (DepthView) registry.view("depth");
            DepthViewModel vm = v.viewModel();
            ((Spinner<Integer>) scene.lookup("#dp-depth")).getValueFactory().setValue(6);
            ((Spinner<Integer>) scene.lookup("#dp-width")).getValueFactory().setValue(16);
            ((ComboBox<String>) scene.lookup("#dp-activation")).setValue("relu");
            ((ComboBox<String>) scene.lookup("#dp-init")).setValue("he");
            ((CheckBox) scene.lookup("#dp-bn")).setSelected(true);
            ((ComboBox<String>) scene.lookup("#dp-optimizer")).setValue("adam");
            ((Spinner<Double>) scene.lookup("#dp-rate")).getValueFactory().setValue(0.01);
            ((Spinner<Double>) scene.lookup("#dp-clip")).getValueFactory().setValue(2.0);
            Button add = (Button) scene.lookup("#dp-add");
            add.fire(); // four columns already: refused, nothing changes
            assertEquals(4, vm.configsProperty().get().size());
            assertTrue(vm.errorProperty().get().contains("remove one before adding another"), vm.errorProperty().get());
            ((CheckBox) scene.lookup("#dp-preset-tanh_xavier")).setSelected(false);
            assertEquals(3, vm.configsProperty().get().size());
            add.fire();
            assertEquals(4, vm.configsProperty().get().size());
            DepthConfig mine = vm.configsProperty().get().get(3);
            assertEquals("6 × 16 relu · he · BN · adam η 0.010 · clip 2", mine.label());
            assertEquals("adam", mine.spec().training().optimizer());
            assertEquals(0.01, mine.spec().training().learningRate(), 1e-12);
            assertEquals(2.0, mine.spec().training().clipNorm(), 1e-12);
            vm.restartNow(5);
            DepthFrame.Column col = vm.frame().columns().get(3);
            assertEquals(5, col.steps());
            assertEquals(7, col.weighted().size(), "six hidden dense layers and the output");
            assertEquals(6, col.latest().layers().stream().filter(l -> l.type().equals("batchnorm")).count());
            // Another data set for every column: the networks now learn the spiral.
            ((javafx.scene.control.ChoiceBox<String>) scene.lookup("#dp-data")).setValue("spiral");
            vm.restoreNow(vm.configsProperty().get(), 1, vm.dataset(), 3);
            assertEquals("spiral", vm.dataset());
            assertEquals(3, vm.frame().columns().get(0).steps());
            registry.disposeAll();
            return null;
        });
        Platform.runLater(task);
        task.get(120, TimeUnit.SECONDS);
    }

    @Test
    void aRateOverTheEnginesLimitIsRefusedWithItsReason() {
        var net = new DeepNetworks.Config(4, 16, "tanh", new NetworkSpec.InitSpec("xavier", 0), false, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DepthConfig.custom(net, new DepthConfig.Training("sgd", 50, 0)));
        assertTrue(e.getMessage().contains("learningRate"), e.getMessage());
    }

    @Test
    void aNetworkOverTheEnginesLimitsIsRefusedWithItsReason() {
        var deep = new DeepNetworks.Config(21, 16, "tanh", new NetworkSpec.InitSpec("xavier", 0), false, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DepthConfig.custom(deep));
        assertTrue(e.getMessage().contains("20"), e.getMessage());
    }
}
