package backprop.app.session;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads fields of a view's saved state with the checks every view needs: present, of the right
 * type, within bounds. Problems are {@link SessionException}s naming the file and the full JSON
 * path ({@code $.state.steps}).
 */
public final class StateReader {
    private final String file;

    public StateReader(String file) {
        this.file = file;
    }

    public SessionException fail(String field, String problem) {
        return new SessionException(file, "$.state." + field, problem);
    }

    public long whole(JsonNode state, String field, long min, long max) throws SessionException {
        JsonNode n = state.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) throw fail(field, "expected a whole number");
        long v = n.asLong();
        if (v < min || v > max) throw fail(field, "expected " + min + " to " + max + ", found " + v);
        return v;
    }

    public double number(JsonNode state, String field, double min, double max) throws SessionException {
        JsonNode n = state.get(field);
        if (n == null || !n.isNumber()) throw fail(field, "expected a number");
        double v = n.asDouble();
        if (!(v >= min && v <= max)) throw fail(field, "expected " + min + " to " + max + ", found " + v);
        return v;
    }

    public String text(JsonNode state, String field) throws SessionException {
        JsonNode n = state.get(field);
        if (n == null || !n.isTextual()) throw fail(field, "expected text");
        return n.asText();
    }

    public boolean flag(JsonNode state, String field) throws SessionException {
        JsonNode n = state.get(field);
        if (n == null || !n.isBoolean()) throw fail(field, "expected true or false");
        return n.asBoolean();
    }

    public String file() { return file; }
}
