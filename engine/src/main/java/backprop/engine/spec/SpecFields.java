package backprop.engine.spec;

import backprop.engine.nn.Initializer;
import backprop.engine.spec.NetworkSpec.InitSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Set;

/**
 * The reader's small checkers, shared with every layer kind: each takes a JSON node and its
 * path and either returns the value or throws a {@link SpecException} naming the file, the
 * path and what was expected. Whole numbers are compared exactly (a huge number is reported
 * as written, never wrapped round), and numbers the engine keeps as float32 are checked after
 * the cast, since that is the value the maths will see.
 */
public final class SpecFields {
    private final String file;

    public SpecFields(String file) { this.file = file; }

    public SpecException fail(String path, String problem) { return new SpecException(file, path, problem); }

    /** An object whose fields are all in {@code allowed}. */
    public void object(JsonNode n, String p, Set<String> allowed) throws SpecException {
        if (n == null || !n.isObject()) throw fail(p, "expected an object");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw fail(p + "." + f, "unknown field '" + f + "' (allowed here: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
        }
    }

    /** Refuses a field that exists for some layer type but not for this one. */
    public void only(JsonNode n, String p, Set<String> allowed, String type) throws SpecException {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) throw fail(p + "." + f, "field '" + f + "' does not apply to a " + type + " layer");
        }
    }

    public JsonNode required(JsonNode n, String p, String field) throws SpecException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw fail(p + "." + field, "required field is missing");
        return v;
    }

    public String text(JsonNode n, String p, String field, boolean req) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        if (v == null) return null;
        if (!v.isTextual()) throw fail(p + "." + field, "expected a string, found " + describe(v));
        return v.asText();
    }

    public int integer(JsonNode n, String p, String field, boolean req, int min, int max) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        return asInt(v, p + "." + field, min, max);
    }

    /**
     * A whole number from {@code min} up to a size limit of {@link Limits}: one too many is
     * refused in the words every limit uses ("100001 is over the limit of 100000").
     */
    public int limited(JsonNode n, String p, String field, boolean req, int min, int limit) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        return asLimited(v, p + "." + field, min, limit);
    }

    public int asLimited(JsonNode v, String p, int min, int limit) throws SpecException {
        if (v != null && v.isIntegralNumber() && v.bigIntegerValue().compareTo(BigInteger.valueOf(limit)) > 0) {
            throw fail(p, v.bigIntegerValue() + " is over the limit of " + limit);
        }
        return asInt(v, p, min, limit);
    }

    /** A whole number in [min, max], compared exactly: 18446744073709551617 is not 1. */
    public int asInt(JsonNode v, String p, int min, int max) throws SpecException {
        if (v == null || !v.isIntegralNumber()) throw fail(p, "expected a whole number, found " + describe(v));
        BigInteger x = v.bigIntegerValue();
        if (x.compareTo(BigInteger.valueOf(min)) < 0 || x.compareTo(BigInteger.valueOf(max)) > 0) {
            throw fail(p, "expected a whole number from " + min + " to " + max + ", found " + x);
        }
        return x.intValueExact();
    }

    public long asLong(JsonNode v, String p) throws SpecException {
        if (v == null || !v.isIntegralNumber()) throw fail(p, "expected a whole number, found " + describe(v));
        if (!v.canConvertToLong()) throw fail(p, "expected a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ", found " + v.bigIntegerValue());
        return v.asLong();
    }

    public double number(JsonNode n, String p, String field, boolean req, double min, double max) throws SpecException {
        JsonNode v = req ? required(n, p, field) : n.get(field);
        if (v == null || !v.isNumber()) throw fail(p + "." + field, "expected a number, found " + describe(v));
        double x = v.asDouble();
        if (!(x >= min && x <= max)) throw fail(p + "." + field, "expected a number from " + min + " to " + max + ", found " + x);
        return x;
    }

    public Double optNumber(JsonNode n, String p, String field, double min, double max) throws SpecException {
        return n.has(field) ? number(n, p, field, false, min, max) : null;
    }

    /**
     * A decay factor the engine keeps as float32 and needs below 1 (momentum, β1, β2, ρ):
     * 0.99999999 passes a check in double but becomes 1.0f, which would stop Adam's bias
     * correction (1 − β2ᵗ = 0). So the float is checked too.
     */
    public Double optFraction(JsonNode n, String p, String field, double max) throws SpecException {
        Double x = optNumber(n, p, field, 0, max);
        if (x != null && !((float) x.doubleValue() < 1f)) {
            throw fail(p + "." + field, "expected a number below 1, found " + n.get(field).asText() + ", which is 1.0 as a float32");
        }
        return x;
    }

    /** An [rows][cols] array of finite float32 numbers. */
    public float[][] matrix(JsonNode v, String p, int rows, int cols) throws SpecException {
        return matrix(v, p, rows, cols, "input");
    }

    /**
     * As {@link #matrix(JsonNode, String, int, int)}, with what a row stands for named in the
     * messages ("input", or "unit of h_{t−1}" for a recurrent layer's W, whose rows are not inputs).
     */
    public float[][] matrix(JsonNode v, String p, int rows, int cols, String row) throws SpecException {
        if (v == null || !v.isArray()) throw fail(p, "expected a " + rows + "×" + cols + " array (one row per " + row + ", one column per unit), found " + describe(v));
        if (v.size() != rows) throw fail(p, "expected " + rows + " rows (one per " + row + "), found " + v.size());
        float[][] m = new float[rows][];
        for (int i = 0; i < rows; i++) m[i] = vector(v.get(i), p + "[" + i + "]", cols);
        return m;
    }

    public float[] vector(JsonNode v, String p, int len) throws SpecException {
        if (v == null || !v.isArray()) throw fail(p, "expected an array of " + len + " numbers, found " + describe(v));
        if (v.size() != len) throw fail(p, "expected " + len + " numbers, found " + v.size());
        float[] out = new float[len];
        for (int i = 0; i < len; i++) {
            JsonNode x = v.get(i);
            if (!x.isNumber()) throw fail(p + "[" + i + "]", "expected a number, found " + describe(x));
            double d = x.asDouble();
            if (!Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) throw fail(p + "[" + i + "]", "number out of range: " + x.asText());
            out[i] = (float) d;
        }
        return out;
    }

    /** The optional {@code initializer} field of a layer with weights; null if absent. */
    public InitSpec initializer(JsonNode n, String p) throws SpecException {
        if (!n.has("initializer")) return null;
        JsonNode i = n.get("initializer");
        String ip = p + ".initializer";
        String type;
        double scale = Double.NaN;
        if (i.isTextual()) {
            type = i.asText();
        } else if (i.isObject()) {
            object(i, ip, Set.of("type", "scale"));
            type = text(i, ip, "type", true);
            if (i.has("scale")) scale = number(i, ip, "scale", false, 0, 1e6);
        } else {
            throw fail(ip, "expected a name such as \"xavier\" or an object {\"type\": \"uniform\", \"scale\": 0.5}");
        }
        if (!Initializer.NAMES.contains(type)) throw fail(ip, "unknown initializer '" + type + "' (known: " + String.join(", ", Initializer.NAMES) + ")");
        if ((type.equals("uniform") || type.equals("normal")) && Double.isNaN(scale)) scale = type.equals("uniform") ? 0.5 : 0.1;
        return new InitSpec(type, Double.isNaN(scale) ? 0 : scale);
    }

    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) return "nothing";
        if (v.isNull()) return "null";
        if (v.isTextual()) return "the string \"" + v.asText() + "\"";
        if (v.isBoolean()) return v.asText();
        if (v.isNumber()) return v.asText();
        if (v.isArray()) return "an array of " + v.size();
        return "an object";
    }
}
