package backprop.engine.layers.norm;

import backprop.engine.autodiff.Var;
import backprop.engine.nn.Pass;
import backprop.engine.nn.Recorder;
import backprop.engine.nn.SingleInputLayer;
import backprop.engine.nn.Traces;
import backprop.engine.tensor.Tensor;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.TraceTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch normalisation (Ioffe &amp; Szegedy 2015) of each feature over the batch, as PyTorch's
 * BatchNorm1d computes it: in a training pass {@code ŝ = γ (s − μ_B)/σ_B + β} with the batch's
 * mean μ_B and biased variance, σ_B = √(var + ε); the running mean and variance move 10 % of the
 * way towards the batch's (the running variance takes the unbiased batch variance, N/(N − 1)
 * times the biased one) and are what an evaluation pass normalises with. The rows are the
 * samples (for a sequence network, every step of every sample).
 *
 * <p>The whole layer is one tape node with its backward rule written out beside the forward
 * pass: with x̂ = (s − μ)/σ and g = ∂R/∂ŝ, ∂R/∂β = Σ_n g, ∂R/∂γ = Σ_n g·x̂ and
 * ∂R/∂s = γ/(σN) · (N g − Σ_n g − x̂ Σ_n g·x̂): the mean and the variance depend on every
 * sample, so each sample's gradient carries the other samples' terms.
 */
public final class BatchNorm extends SingleInputLayer {
    public static final float EPSILON = 1e-5f;
    public static final float MOMENTUM = 0.1f;

    private final String name;
    private final int size;
    private final Var gamma;
    private final Var beta;
    private final float[] runningMean;
    private final float[] runningVar;

    public BatchNorm(String name, float[] gamma, float[] beta, float[] runningMean, float[] runningVar) {
        int n = gamma.length;
        if (beta.length != n || runningMean.length != n || runningVar.length != n) {
            throw new IllegalArgumentException(name + ": gamma, beta and the running statistics must have one value per unit");
        }
        this.name = name;
        this.size = n;
        this.gamma = Var.param(Tensor.vector(gamma), name + ".gamma");
        this.beta = Var.param(Tensor.vector(beta), name + ".beta");
        this.runningMean = runningMean.clone();
        this.runningVar = runningVar.clone();
    }

    @Override public String type() { return BatchNormKind.TYPE; }
    @Override public String name() { return name; }
    @Override public int inputSize() { return size; }
    @Override public int outputSize() { return size; }
    public Var gamma() { return gamma; }
    public Var beta() { return beta; }
    public float[] runningMean() { return runningMean.clone(); }
    public float[] runningVar() { return runningVar.clone(); }

    @Override
    public Var forward(Var x, Pass pass) {
        int rows = x.value().dim(0);
        Var z = pass.training() ? training(x, rows) : evaluation(x, rows);
        z.label(name + ".z");
        if (pass.recorder() != null) pass.recorder().record(this, x, null, z);
        return z;
    }

    private Var training(Var x, int rows) {
        if (rows < 2) {
            throw new IllegalArgumentException(name + ": batch norm cannot train on a batch of " + rows
                    + " sample (the variance of one value is 0); use a batch size of at least 2");
        }
        float[] s = x.value().data();
        float[] mean = new float[size], inv = new float[size];
        for (int j = 0; j < size; j++) {
            double sum = 0, sq = 0;
            for (int n = 0; n < rows; n++) sum += s[n * size + j];
            double mu = sum / rows;
            for (int n = 0; n < rows; n++) {
                double d = s[n * size + j] - mu;
                sq += d * d;
            }
            double var = sq / rows; // biased: what this batch is normalised with
            mean[j] = (float) mu;
            inv[j] = (float) (1.0 / Math.sqrt(var + EPSILON));
            runningMean[j] = (float) ((1 - MOMENTUM) * runningMean[j] + MOMENTUM * mu);
            runningVar[j] = (float) ((1 - MOMENTUM) * runningVar[j] + MOMENTUM * sq / (rows - 1));
        }
        return normalised(x, mean, inv, rows, true);
    }

    /** Normalised with the running statistics: a fixed affine map per feature, ∂ŝ/∂s = γ/σ. */
    private Var evaluation(Var x, int rows) {
        float[] inv = new float[size];
        for (int j = 0; j < size; j++) inv[j] = (float) (1.0 / Math.sqrt(runningVar[j] + (double) EPSILON));
        return normalised(x, runningMean.clone(), inv, rows, false);
    }

    /**
     * ŝ = γ x̂ + β with x̂ = (s − mean)·inv, as one tape node. {@code batchStatistics}: the mean and
     * inv came from this batch, so ∂R/∂s has the terms through them as well.
     */
    private Var normalised(Var x, float[] mean, float[] inv, int rows, boolean batchStatistics) {
        float[] s = x.value().data();
        float[] xhat = new float[s.length];
        for (int n = 0; n < rows; n++) for (int j = 0; j < size; j++) xhat[n * size + j] = (s[n * size + j] - mean[j]) * inv[j];
        float[] g = gamma.value().data(), b = beta.value().data();
        float[] out = new float[xhat.length];
        for (int n = 0; n < rows; n++) for (int j = 0; j < size; j++) out[n * size + j] = g[j] * xhat[n * size + j] + b[j];
        return Var.function(new Tensor(out, rows, size), "batchnorm", o -> {
            float[] d = o.grad().data();
            float[] dg = new float[size], db = new float[size], ds = new float[s.length];
            for (int j = 0; j < size; j++) {
                double sg = 0, sgx = 0;
                for (int n = 0; n < rows; n++) {
                    int i = n * size + j;
                    sg += d[i];
                    sgx += (double) d[i] * xhat[i];
                }
                db[j] = (float) sg;
                dg[j] = (float) sgx;
                double k = (double) g[j] * inv[j];
                for (int n = 0; n < rows; n++) {
                    int i = n * size + j;
                    ds[i] = (float) (batchStatistics ? k / rows * (rows * (double) d[i] - sg - xhat[i] * sgx) : k * d[i]);
                }
            }
            x.addGrad(ds);
            gamma.addGrad(dg);
            beta.addGrad(db);
        }, x, gamma, beta);
    }

    @Override
    public List<Var> params() { return List.of(gamma, beta); }

    /** γ is the layer's weight for the statistics (‖∂R/∂γ‖, ‖Δγ‖/‖γ‖); L2 leaves γ and β alone, as is usual. */
    @Override
    public List<Var> weightParameters() { return List.of(gamma); }

    /** Input, z = ŝ, δ = ∂L_n/∂ŝ, γ, β, their gradients and the running statistics after this pass. */
    @Override
    public LayerTrace trace(Recorder.Entry e, int batch) {
        Map<String, TraceTensor> t = Traces.inputOutput(e, batch);
        t.put("gamma", Traces.value(gamma));
        t.put("beta", Traces.value(beta));
        t.put("gradGamma", Traces.gradient(gamma));
        t.put("gradBeta", Traces.gradient(beta));
        t.put("runningMean", TraceTensor.of(runningMean));
        t.put("runningVar", TraceTensor.of(runningVar));
        return Traces.of(this, Map.of(), new LinkedHashMap<>(t));
    }

    @Override
    public LayerTrace afterUpdate(LayerTrace before) {
        Map<String, TraceTensor> after = new LinkedHashMap<>();
        after.put("gammaAfter", Traces.now(gamma));
        after.put("betaAfter", Traces.now(beta));
        return before.with(after);
    }
}
