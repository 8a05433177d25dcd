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

    /** Jackson's message without its parenthesised source location, which means nothing on a command line. */
    private static String plainMessage(String m) {
        int cut = m.indexOf(" (start marker");
        if (cut < 0) cut = m.indexOf("\n");
        return cut < 0 ? m : m.substring(0, cut);
    }
}
