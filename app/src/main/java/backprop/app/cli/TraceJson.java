package backprop.app.cli;

import backprop.engine.spec.NetworkSpec;
import backprop.engine.trace.LayerTrace;
import backprop.engine.trace.StepTrace;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A {@link StepTrace} as the JSON document described in docs/trace-format.md. */
final class TraceJson {
    static final String FORMAT = "backprop-studio.trace";
    static final int VERSION = 1;

    private TraceJson() {}

    static String write(StepTrace t, NetworkSpec spec, long seed) {
        ObjectNode root = Json.object();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        if (spec.name() != null) root.put("network", spec.name());
        root.put("seed", seed);
        root.put("lossName", t.lossName());
        root.put("batchSize", t.batchSize());
        root.put("loss", t.loss());
        Json.putMatrix(root, "input", t.input());
        Json.putMatrix(root, "target", t.target());
        Json.putMatrix(root, "output", t.output());
        ArrayNode layers = root.putArray("layers");
        for (LayerTrace l : t.layers()) layers.add(layer(l));
        return Json.document(root);
    }

    private static ObjectNode layer(LayerTrace l) {
        ObjectNode o = Json.object();
        o.put("name", l.name());
        o.put("type", l.type());
        if (l.activation() == null) o.putNull("activation");
        else o.put("activation", l.activation());
        Json.putMatrix(o, "input", l.input());
        Json.putMatrix(o, "weights", l.weights());
        Json.putVector(o, "bias", l.bias());
        Json.putMatrix(o, "a", l.a());
        Json.putMatrix(o, "z", l.z());
        Json.putMatrix(o, "gPrime", l.gPrime());
        Json.putMatrix(o, "delta", l.delta());
        Json.putMatrix(o, "gradWeights", l.gradWeights());
        Json.putVector(o, "gradBias", l.gradBias());
        return o;
    }
}
