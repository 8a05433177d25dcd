package backprop.app.cnn;

import backprop.engine.data.MnistDigits;
import backprop.engine.models.BuiltinModels;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.StepTrace;
import backprop.engine.train.RunSettings;
import backprop.engine.train.Trainer;

/** The engine's own trace of a held-out digit through an untrained cnn-small, built here without the view's code. */
final class CnnTraces {
    private CnnTraces() {}

    static StepTrace untrained(int heldOut) throws Exception {
        NetworkSpec spec = BuiltinModels.spec("cnn-small");
        long seed = RunSettings.seed(spec, null);
        Trainer t = new Trainer(ModelFactory.build(spec, seed), RunSettings.resolve(spec, null, null, null).training());
        MnistDigits d = MnistDigits.builtin();
        int i = d.trainSize() + heldOut;
        float[] y = new float[10];
        y[d.label(i)] = 1f;
        return t.trace(new Tensor(d.image(i), 1, 784), new Tensor(y, 1, 10));
    }
}
