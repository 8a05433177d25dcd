package backprop.app.cli;

import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.tensor.Tensor;
import backprop.engine.train.Metrics;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 8-3-8 encoder's result as the lecture tabulates it: each one-hot input, the hidden
 * units' outputs (which approach a binary code), that code rounded, and the reconstruction.
 * The closing line says whether all inputs come back and all codes differ, the two facts
 * that make the encoder's point.
 */
final class HiddenCodes {
    private HiddenCodes() {}

    static void print(PrintWriter out, Model model, Dataset data) {
        Tensor x = data.inputsTensor();
        List<Tensor> outputs = model.activations(x);
        Tensor hidden = outputs.get(0), reconstruction = outputs.get(outputs.size() - 1);
        TextTable table = new TextTable("input", ">hidden z", "code", "output");
        Set<String> codes = new HashSet<>();
        int reconstructed = 0;
        for (int n = 0; n < data.size(); n++) {
            StringBuilder z = new StringBuilder(), code = new StringBuilder();
            for (int j = 0; j < hidden.dim(1); j++) {
                z.append(j == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", hidden.get(n, j)));
                code.append(hidden.get(n, j) >= 0.5f ? '1' : '0');
            }
            codes.add(code.toString());
            int back = Metrics.argmax(reconstruction, n);
            if (back == data.label(n)) reconstructed++;
            table.row(oneHot(data.label(n), data.inputs()), z, code, oneHot(back, data.inputs()));
        }
        out.println("hidden codes (z of the " + hidden.dim(1) + " hidden units; output = the largest output unit):");
        table.print(out);
        out.printf(Locale.ROOT, "%d of %d inputs reconstructed, %d distinct hidden codes%n", reconstructed, data.size(), codes.size());
    }

    private static String oneHot(int hot, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) s.append(i == hot ? '1' : '0');
        return s.toString();
    }
}
