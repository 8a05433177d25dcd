package backprop.app.cli;

import backprop.engine.trace.LayerStatistics;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A layer's statistics as JSON fields, the same in `flow --json` and in a trace; NaN (does not apply) is null. */
final class StatisticsJson {
    private StatisticsJson() {}

    static void put(ObjectNode o, LayerStatistics s) {
        o.put("type", s.type());
        if (s.activation() == null) o.putNull("activation");
        else o.put("activation", s.activation());
        number(o, "gradNorm", s.gradNorm());
        number(o, "weightNorm", s.weightNorm());
        number(o, "deltaNorm", s.deltaNorm());
        number(o, "saturated", s.saturated());
        number(o, "dead", s.dead());
        number(o, "updateRatio", s.updateRatio());
        ArrayNode h = o.putArray("histogram");
        for (int c : s.histogram()) h.add(c);
    }

    private static void number(ObjectNode o, String key, float v) {
        if (Float.isNaN(v)) o.putNull(key);
        else o.put(key, v);
    }
}
