package backprop.app.vanishing;

import backprop.app.vanishing.VanishingFrame.CellCurves;
import backprop.app.vanishing.VanishingFrame.ClipRun;
import backprop.engine.data.SequenceData;
import backprop.engine.data.SequenceDatasets;
import backprop.engine.layers.recurrent.CellType;
import backprop.engine.layers.recurrent.RecurrentLayer;
import backprop.engine.layers.recurrent.Sensitivity;
import backprop.engine.layers.recurrent.SingularValue;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.Clipping;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import backprop.engine.train.TrainingDivergedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The engine side of the vanishing-gradient view: builds one small network per cell type from
 * the same seed, multiplies its recurrent weights by the chosen scale, and asks the engine for
 * the exact sensitivities ({@link Sensitivity}, forward mode) and for two short training runs of
 * the plain RNN, clipped and unclipped. Stateless: every call starts from the seed, so the same
 * setup always gives the same numbers. Runs on the view-model's worker thread.
 */
public final class VanishingSession {
    /** Hidden units of every cell: small enough to compute at T = 100 while a slider moves. */
    public static final int UNITS = 16;
    /** Training steps of the exploding-gradient run, and its batch of sequences. */
    public static final int CLIP_STEPS = 30, CLIP_BATCH = 16;
    /** Plain gradient descent, so the clipped norm is exactly the length of the step direction. */
    public static final float LEARNING_RATE = 0.5f;
    public static final List<CellType> CELLS = List.of(CellType.RNN, CellType.LSTM, CellType.GRU);

    private VanishingSession() {}

    /** Everything the view draws for {@code setup}. */
    public static VanishingFrame compute(VanishingSetup setup) {
        float[][] x = input(setup);
        List<CellCurves> cells = new ArrayList<>();
        float lambda = Float.NaN;
        for (CellType cell : CELLS) {
            RecurrentLayer layer = recurrent(model(cell, setup));
            if (cell == CellType.RNN) lambda = SingularValue.largest(layer, 0);
            Sensitivity in = Sensitivity.toFirstInput(layer, x, Map.of());
            Sensitivity st = Sensitivity.toFirstState(layer, x, Map.of());
            cells.add(new CellCurves(cell, in.norm().clone(), st.norm().clone()));
        }
        return new VanishingFrame(setup, List.copyOf(cells), clipRun(setup), lambda);
    }

    /** The input sequence every cell reads: the first sequence of a seeded remember-first-bit set. */
    public static float[][] input(VanishingSetup setup) {
        return SequenceDatasets.rememberFirstBit(1, setup.steps(), setup.seed()).x()[0];
    }

    /** A network of one recurrent layer ({@link #UNITS} units) and a sigmoid output, with W scaled. */
    public static Model model(CellType cell, VanishingSetup setup) {
        String json = """
                {"format": "backprop-studio.network", "version": 1, "input": {"shape": [%d, 1]}, "loss": "binary_cross_entropy", "seed": %d,
                 "layers": [{"type": "%s", "units": %d}, {"type": "dense", "units": 1, "activation": "sigmoid"}]}
                """.formatted(setup.steps(), setup.seed(), cell.type(), UNITS);
        Model m;
        try {
            m = ModelFactory.build(SpecReader.parse(json, "vanishing-" + cell.type() + ".json"));
        } catch (SpecException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        // The user's one knob: every recurrent weight (all gate blocks) times the same factor.
        float[] w = recurrent(m).w().value().data();
        for (int i = 0; i < w.length; i++) w[i] *= (float) setup.scale();
        return m;
    }

    public static RecurrentLayer recurrent(Model m) {
        return (RecurrentLayer) m.layers().get(0);
    }

    /** The same RNN trained twice on the same batches: without clipping, and clipped at the threshold. */
    static ClipRun clipRun(VanishingSetup setup) {
        SequenceData data = SequenceDatasets.rememberFirstBit(CLIP_BATCH, setup.steps(), setup.seed() + 1);
        TrainConfig base = TrainConfig.defaults().withOptimizer("sgd").withLearningRate(LEARNING_RATE).withSeed(setup.seed());
        Trainer free = new Trainer(model(CellType.RNN, setup), base);
        Trainer clipped = new Trainer(model(CellType.RNN, setup), base.withClipping((float) setup.clip(), 0));
        float[] raw = nan(), before = nan(), applied = nan(), lossFree = nan(), lossClipped = nan();
        int diverged = -1;
        boolean clippedAlive = true;
        for (int s = 0; s < CLIP_STEPS; s++) {
            if (diverged < 0) {
                try {
                    lossFree[s] = free.step(data.inputsTensor(), data.targetsTensor());
                    raw[s] = free.lastGradientNorm();
                } catch (TrainingDivergedException e) {
                    diverged = s;
                }
            }
            if (!clippedAlive) continue;
            try {
                lossClipped[s] = clipped.step(data.inputsTensor(), data.targetsTensor());
            } catch (TrainingDivergedException e) {
                clippedAlive = false; // its arrays keep NaN from here: the plot simply ends
                continue;
            }
            before[s] = clipped.lastGradientNorm();
            // The gradients stay in place until the next step: their norm now is what the update used.
            applied[s] = Clipping.globalNorm(clipped.model().params());
        }
        return new ClipRun((float) setup.clip(), LEARNING_RATE, raw, before, applied, lossFree, lossClipped, diverged);
    }

    private static float[] nan() {
        float[] a = new float[CLIP_STEPS];
        Arrays.fill(a, Float.NaN);
        return a;
    }
}
