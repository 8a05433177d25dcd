package backprop.app.editor;

import backprop.app.editor.model.Analysis;
import backprop.app.editor.document.EditorDocument;

/**
 * The footer's line, like Keras' model.summary() but always current: parameters, the memory of the
 * weights and of one sample's activations, the multiply-adds of one sample's forward pass, and the network's problems if any. Counts come from the
 * engine's layer kinds through {@link Analysis}; here they are only formatted.
 */
final class SummaryText {
    private SummaryText() {}

    static String of(EditorDocument doc) {
        Analysis a = doc.analysis();
        if (doc.graph().isEmpty()) return "Empty network: drag an Input from the palette, or open a template.";
        StringBuilder b = new StringBuilder();
        b.append(String.format("%,d parameters", a.totalParameters()));
        b.append(" · weights ").append(bytes(a.weightBytes()));
        long perSample = a.activationBytesPerSample(doc.graph());
        b.append(" · activations ").append(bytes(perSample)).append(" per sample");
        Integer batch = batchSize(doc);
        if (batch != null && batch > 0) b.append(", ").append(bytes(perSample * batch)).append(" per batch of ").append(batch);
        b.append(" · ").append(String.format("%,d", a.totalMultiplyAdds())).append(" multiply-adds per sample");
        int problems = a.errors().size() + (a.problem() == null ? 0 : 1);
        if (a.problem() != null) b.append(" · ").append(a.problem());
        else if (problems > 0) b.append(" · ").append(problems).append(problems == 1 ? " node needs attention" : " nodes need attention");
        else b.append(" · ready to train");
        return b.toString();
    }

    private static Integer batchSize(EditorDocument doc) {
        var t = doc.graph().network().get("training");
        return t != null && t.has("batchSize") ? t.get("batchSize").asInt() : null;
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format("%.1f KB", n / 1024.0);
        return String.format("%.1f MB", n / (1024.0 * 1024));
    }
}
