package backprop.app.timeline;

import backprop.engine.data.Dataset;
import backprop.engine.models.BuiltinModels;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.ArrayList;
import java.util.List;

/** Independent engine runs for tests: the built-in XOR net with its seed, traced on the 4 XOR samples. */
public final class XorTraces {
    private XorTraces() {}

    public static List<StepTrace> steps(int count) {
        try {
            NetworkSpec spec = BuiltinModels.spec("xor");
            long seed = spec.seed();
            Model model = ModelFactory.build(spec, seed);
            Trainer trainer = new Trainer(model, TrainConfig.from(spec.training(), seed));
            Dataset xor = BuiltinModels.dataset("xor");
            List<StepTrace> out = new ArrayList<>();
            for (int i = 0; i < count; i++) out.add(trainer.tracedStep(xor.inputsTensor(), xor.targetsTensor()));
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static StepTrace first() { return steps(1).get(0); }
}
