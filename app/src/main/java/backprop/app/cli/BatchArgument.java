package backprop.app.cli;

import backprop.engine.spec.UserText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a batch given on the command line ({@code --input '[[0,1],[1,0]]'}) as a float matrix,
 * batch first. A single flat array is one sample. {@code @file} reads the JSON from a file.
 * Every complaint names the option and the JSON path, e.g. {@code --input $[1][0]: expected a number}.
 */
final class BatchArgument {
    private BatchArgument() {}

    static float[][] parse(String option, String text, int width, String widthMeaning) {
        Source src = read(option, text);
        String where = src.where();
        JsonNode root = src.root();
        if (!root.isArray() || root.isEmpty()) throw new UserError(where + ": $: expected a non-empty array of samples such as [[0, 1], [1, 0]]");
        boolean single = !root.get(0).isArray();
        int rows = single ? 1 : root.size();
        float[][] m = new float[rows][];
        for (int n = 0; n < rows; n++) {
            JsonNode row = single ? root : root.get(n);
            String path = single ? "$" : "$[" + n + "]";
            if (!row.isArray()) throw new UserError(where + ": " + path + ": expected an array of " + width + " numbers");
            if (row.size() != width) {
                throw new UserError(where + ": " + path + ": expected " + width + " numbers (" + widthMeaning + "), found " + row.size());
            }
            m[n] = new float[width];
            for (int j = 0; j < width; j++) {
                JsonNode x = row.get(j);
                double v = x.isNumber() ? x.asDouble() : Double.NaN;
                if (!x.isNumber() || !Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                    throw new UserError(where + ": " + path + "[" + j + "]: expected a finite number, found " + UserText.cut(x.toString(), UserText.QUOTE_LENGTH));
                }
                m[n][j] = (float) v;
            }
        }
        return m;
    }

    /** The JSON text (or the file after {@code @}) and what to call it in messages. */
    private record Source(String where, JsonNode root) {}

    private static Source read(String option, String text) {
        String where = option;
        if (text.startsWith("@")) {
            Path file = Path.of(text.substring(1));
            where = option + " " + file;
            try {
                text = Files.readString(file);
            } catch (NoSuchFileException e) {
                throw new UserError(where + ": file not found");
            } catch (IOException e) {
                throw new UserError(where + ": cannot read the file (" + e.getMessage() + ")");
            }
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(where + ": not valid JSON at column " + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())
                    + ": " + plainMessage(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) throw new UserError(where + ": empty; expected a JSON array such as [[0, 1]]");
        return new Source(where, root);
    }

    /**
     * A batch of sequences, {@code [N][T][width]} (a single {@code [T][width]} is one sample).
     * Every sequence must have one of {@code steps} steps (T, or for targets after the last step
     * also 1) and all the same number; {@code stepsMeaning} says where that number comes from.
     */
    static float[][][] parseSequences(String option, String text, int[] steps, String stepsMeaning, int width, String widthMeaning) {
        Source src = read(option, text);
        String where = src.where();
        JsonNode root = src.root();
        String example = "[[[0.5], [1]], [[0], [1]]]";
        if (!root.isArray() || root.isEmpty()) {
            throw new UserError(where + ": $: expected a non-empty array of sequences [samples][steps][" + width + "] such as " + example);
        }
        boolean single = root.get(0).isArray() && !root.get(0).isEmpty() && !root.get(0).get(0).isArray();
        int rows = single ? 1 : root.size();
        float[][][] out = new float[rows][][];
        for (int n = 0; n < rows; n++) {
            JsonNode seq = single ? root : root.get(n);
            String path = single ? "$" : "$[" + n + "]";
            if (!seq.isArray()) {
                throw new UserError(where + ": " + path + ": expected a sequence (an array of steps, each an array of " + width + " numbers), found "
                        + UserText.cut(seq.toString(), UserText.QUOTE_LENGTH));
            }
            boolean fits = false;
            for (int s : steps) fits |= seq.size() == s;
            if (!fits) {
                throw new UserError(where + ": " + path + ": expected " + stepsMeaning + ", found " + seq.size() + " step" + (seq.size() == 1 ? "" : "s"));
            }
            if (n > 0 && seq.size() != out[0].length) {
                throw new UserError(where + ": " + path + ": " + seq.size() + " steps, but $[0] has " + out[0].length + "; every sequence of a batch has the same length");
            }
            out[n] = new float[seq.size()][];
            for (int t = 0; t < seq.size(); t++) out[n][t] = numbers(where, path + "[" + t + "]", seq.get(t), width, widthMeaning);
        }
        return out;
    }

    /** One row of {@code width} finite numbers at {@code path}. */
    private static float[] numbers(String where, String path, JsonNode row, int width, String widthMeaning) {
        if (!row.isArray()) throw new UserError(where + ": " + path + ": expected an array of " + width + " numbers, found " + UserText.cut(row.toString(), UserText.QUOTE_LENGTH));
        if (row.size() != width) {
            throw new UserError(where + ": " + path + ": expected " + width + " numbers (" + widthMeaning + "), found " + row.size());
        }
        float[] m = new float[width];
        for (int j = 0; j < width; j++) {
            JsonNode x = row.get(j);
            double v = x.isNumber() ? x.asDouble() : Double.NaN;
            if (!x.isNumber() || !Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
                throw new UserError(where + ": " + path + "[" + j + "]: expected a finite number, found " + UserText.cut(x.toString(), UserText.QUOTE_LENGTH));
            }
            m[j] = (float) v;
        }
        return m;
    }

    /** Jackson's message without its parenthesised source location, which means nothing on a command line. */
    private static String plainMessage(String m) {
        int cut = m.indexOf(" (start marker");
        if (cut < 0) cut = m.indexOf("\n");
        return cut < 0 ? m : m.substring(0, cut);
    }
}
