package backprop.engine.layers.recurrent;

import backprop.engine.data.SequenceData;
import backprop.engine.nn.Model;
import backprop.engine.spec.ModelFactory;
import backprop.engine.spec.SpecReader;
import backprop.engine.train.TrainConfig;
import backprop.engine.train.Trainer;
import java.util.List;
import java.util.Random;

public class RememberExperiment {
    static SequenceData data(int n, int t, long seed) {
        Random r = new Random(seed);
        float[][][] x = new float[n][t][1], y = new float[n][1][2];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < t; j++) x[i][j][0] = r.nextBoolean() ? 1 : 0;
            y[i][0][(int) x[i][0][0]] = 1;
        }
        return new SequenceData("rfb", x, y, List.of("bit"));
    }

    public static void main(String[] a) throws Exception {
        String cell = a[0];
        int units = Integer.parseInt(a[1]);
        float lr = Float.parseFloat(a[2]);
        int epochs = Integer.parseInt(a[3]);
        String opt = a.length > 4 ? a[4] : "adam";
        String json = "{\"format\":\"backprop-studio.network\",\"version\":1,\"input\":{\"shape\":[20,1]},\"loss\":\"cross_entropy\",\"seed\":7,"
                + "\"layers\":[{\"type\":\"" + cell + "\",\"units\":" + units + "},{\"type\":\"dense\",\"units\":2,\"activation\":\"softmax\"}]}";
        Model m = ModelFactory.build(SpecReader.parse(json, "x.json"));
        SequenceData train = data(512, 20, 1), test = data(512, 20, 2);
        Trainer tr = new Trainer(m, TrainConfig.defaults().withOptimizer(opt).withLearningRate(lr).withBatchSize(32).withSeed(3).withClipping(5f, 0));
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            tr.epoch(train);
            float[] ev = tr.evaluate(test);
            System.out.printf("%s epoch %d loss %.4f acc %.3f norm %.3f  %.1fs%n", cell, e, ev[0], ev[1], tr.lastGradientNorm(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
