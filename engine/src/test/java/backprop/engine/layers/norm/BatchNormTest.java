package backprop.engine.layers.norm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.autodiff.Var;
import backprop.engine.gradcheck.GradCheck;
import backprop.engine.nn.Model;
import backprop.engine.nn.Pass;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.NetworkSpec;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecReader;
import backprop.engine.spec.SpecWriter;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Batch norm as PyTorch's BatchNorm1d: training and evaluation passes, the running statistics, the file fields. */
class BatchNormTest {
    private static final float[][] S = {{1f, 10f}, {2f, 20f}, {4f, 0f}};

    private static BatchNorm layer() {
        return new BatchNorm("bn", new float[] {2f, 1f}, new float[] {0.5f, 0f}, new float[] {0f, 0f}, new float[] {1f, 1f});
    }

    @Test
    void trainingNormalisesWithTheBatchMeanAndBiasedVariance() {
        BatchNorm bn = layer();
        float[] z = bn.forward(Var.constant(Tensor.matrix(S)), new Pass(true, null, null)).value().data();
        double mu = 7.0 / 3, var = ((1 - mu) * (1 - mu) + (2 - mu) * (2 - mu) + (4 - mu) * (4 - mu)) / 3;
        assertEquals(2 * (1 - mu) / Math.sqrt(var + 1e-5) + 0.5, z[0], 1e-5);
        assertEquals(2 * (4 - mu) / Math.sqrt(var + 1e-5) + 0.5, z[4], 1e-5);
        // running statistics: 10 % of the way, the variance unbiased (÷ (N − 1)) as in PyTorch
        assertEquals(0.1 * mu, bn.runningMean()[0], 1e-6);
        assertEquals(0.9 + 0.1 * var * 3 / 2, bn.runningVar()[0], 1e-6);
        assertEquals(0.9 + 0.1 * 100, bn.runningVar()[1], 1e-5, "the column 10, 20, 0 has unbiased variance 100");
    }

    @Test
    void evaluationUsesTheRunningStatisticsAndChangesNothing() {
        BatchNorm bn = new BatchNorm("bn", new float[] {2f}, new float[] {1f}, new float[] {3f}, new float[] {4f});
        float[] z = bn.forward(Var.constant(Tensor.matrix(new float[][] {{5f}})), Pass.inference()).value().data();
        assertEquals(2 * (5 - 3) / Math.sqrt(4 + 1e-5) + 1, z[0], 1e-6, "one sample is fine in evaluation");
        assertArrayEquals(new float[] {3f}, bn.runningMean());
        assertArrayEquals(new float[] {4f}, bn.runningVar());
    }

    @Test
    void aTrainingBatchOfOneIsRefusedInOneLineNeverNaN() {
        BatchNorm bn = layer();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bn.forward(Var.constant(Tensor.matrix(new float[][] {{1f, 2f}})), new Pass(true, null, null)));
        assertTrue(e.getMessage().contains("bn: batch norm cannot train on a batch of 1 sample"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aFileWithBatchSizeOneIsRefusedAtThatField() {
        String file = net("{\"type\": \"batchnorm\"}", ", \"training\": {\"batchSize\": 1}");
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(file, "bn.json"));
        assertTrue(e.getMessage().startsWith("bn.json: $.training.batchSize: batch norm ($.layers[1])"), e.getMessage());
    }

    @Test
    void fieldsAreCheckedWithTheirPath() {
        SpecException length = assertThrows(SpecException.class, () -> SpecReader.parse(net("{\"type\": \"batchnorm\", \"gamma\": [1, 2]}", ""), "bn.json"));
        assertTrue(length.getMessage().startsWith("bn.json: $.layers[1].gamma"), length.getMessage());
        SpecException negative = assertThrows(SpecException.class,
                () -> SpecReader.parse(net("{\"type\": \"batchnorm\", \"runningVar\": [1, -2, 1]}", ""), "bn.json"));
        assertEquals("bn.json: $.layers[1].runningVar[1]: a variance cannot be negative, found -2.0", negative.getMessage());
    }

    @Test
    void omittedFieldsStayOmittedAndTrainedOnesAreWrittenBackAndReadTheSame() throws Exception {
        NetworkSpec spec = SpecReader.parse(net("{\"type\": \"batchnorm\"}", ""), "bn.json");
        String written = SpecWriter.toJson(spec);
        assertTrue(written.contains("\"type\" : \"batchnorm\"") && !written.contains("gamma"), written);

        Model model = ModelFactory.build(spec, 3);
        Trainer trainer = new Trainer(model, TrainConfig.defaults());
        Random r = new Random(1);
        float[][] x = new float[8][2], y = new float[8][1];
        for (int i = 0; i < 8; i++) {
            x[i][0] = r.nextFloat();
            x[i][1] = r.nextFloat();
            y[i][0] = r.nextFloat();
        }
        for (int i = 0; i < 5; i++) trainer.step(Tensor.matrix(x), Tensor.matrix(y));
        String trained = SpecWriter.toJson(SpecWriter.withWeights(spec, model));
        for (String field : List.of("gamma", "beta", "runningMean", "runningVar")) assertTrue(trained.contains("\"" + field + "\""), field);
        NetworkSpec again = SpecReader.parse(trained, "trained.json");
        assertEquals(trained, SpecWriter.toJson(again), "canonical: written, read and written again is the same text");
        // and the running statistics read back are what evaluation uses: same predictions
        assertArrayEquals(model.predict(Tensor.matrix(x)).data(), ModelFactory.build(again, 3).predict(Tensor.matrix(x)).data());
    }

    @Test
    void gradientChecksPassInTrainingAndEvaluation() {
        for (long seed = 0; seed < 20; seed++) {
            List<GradCheck.Result> rows = new BatchNormKind().gradChecks(new Random(seed));
            assertEquals(List.of("batchnorm(training)", "batchnorm(evaluation)"), rows.stream().map(GradCheck.Result::name).toList());
            for (GradCheck.Result row : rows) assertTrue(row.passed() && row.checked() == 28, "seed " + seed + ": " + row);
        }
    }

    /** A 2-3-…-1 network with {@code middle} after the first dense layer. */
    static String net(String middle, String more) {
        return "{\"format\": \"backprop-studio.network\", \"version\": 1, \"input\": {\"shape\": [2]}, \"layers\": ["
                + "{\"type\": \"dense\", \"units\": 3, \"activation\": \"identity\"}, " + middle + ", "
                + "{\"type\": \"dense\", \"units\": 1}]" + more + "}";
    }
}
