package backprop.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper of the command line, and the two layouts it prints. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    // Objects one key per line, arrays of numbers on one line: a matrix stays readable.
    private static final DefaultPrettyPrinter READABLE = new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultPrettyPrinter.NopIndenter.instance)
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private Json() {}

    static ObjectNode object() { return MAPPER.createObjectNode(); }

    /** One compact line, for streams of records (train --json, bench --json). */
    static String line(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An indented document ending in a newline (trace). */
    static String document(ObjectNode node) {
        try {
            return MAPPER.writer(READABLE).writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ArrayNode vector(float[] v) {
        ArrayNode a = MAPPER.createArrayNode();
        if (v != null) for (float x : v) a.add(x);
        return a;
    }

    /** A matrix as an array of rows; null stays JSON null (layers without that quantity). */
    static void putMatrix(ObjectNode o, String key, float[][] m) {
        if (m == null) {
            o.putNull(key);
            return;
        }
        ArrayNode rows = o.putArray(key);
        for (float[] r : m) rows.add(vector(r));
    }

    static void putVector(ObjectNode o, String key, float[] v) {
        if (v == null) o.putNull(key);
        else o.set(key, vector(v));
    }
}
