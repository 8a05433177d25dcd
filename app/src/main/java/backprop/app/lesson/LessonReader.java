package backprop.app.lesson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a lesson folder into a {@link Lesson}, refusing anything that is not plain data inside the
 * folder: unknown fields, wrong types, paths that are absolute, climb out with {@code ..} or lead
 * out through a link, and files over the {@linkplain #MAX_LESSON_BYTES size limits}. Every refusal
 * is one {@link LessonException} naming the file and the JSON path.
 */
public final class LessonReader {
    public static final String FORMAT = "backprop-studio-lesson";
    public static final int VERSION = 1;
    public static final int MAX_LESSON_BYTES = 256 * 1024;
    public static final long MAX_NETWORK_BYTES = 1024 * 1024;
    public static final long MAX_DATA_BYTES = 8L * 1024 * 1024;
    public static final int MAX_STEPS = 200;
    public static final int MAX_TEXT = 8000;
    public static final int MAX_OPTIONS = 8;
    /** Training steps one step may ask for (the lesson is played headless in CI). */
    public static final int MAX_TRAIN = 5000;

    private static final Set<String> TOP = Set.of("format", "version", "title", "summary", "steps");
    private static final Set<String> STEP = Set.of("title", "text", "open", "set", "train", "point", "highlight", "ask", "hint", "explain");
    private static final Set<String> OPEN = Set.of("view", "network");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build());
    }

    private final Path folder;
    private final String file;

    private LessonReader(Path folder) {
        this.folder = folder;
        this.file = folder.resolve(Lesson.FILE).toString();
    }

    /** Reads {@code folder/lesson.json}. */
    public static Lesson read(Path folder) throws LessonException {
        return new LessonReader(folder).read();
    }

    private Lesson read() throws LessonException {
        if (!Files.isDirectory(folder)) throw new LessonException(folder.toString(), "", "is not a lesson folder (a folder holding " + Lesson.FILE + ")");
        Path path = inside(Lesson.FILE, "$", MAX_LESSON_BYTES);
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(path);
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
            throw new LessonException(file, where, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LessonException(file, "", "cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) throw new LessonException(file, "$", "must be a JSON object");
        fields(root, "$", TOP);
        if (!FORMAT.equals(text(root, "$", "format", true))) throw new LessonException(file, "$.format", "must be \"" + FORMAT + "\"");
        JsonNode v = root.get("version");
        if (v == null || !v.isInt() || v.asInt() != VERSION) throw new LessonException(file, "$.version", "must be " + VERSION);
        String title = text(root, "$", "title", true);
        String summary = text(root, "$", "summary", false);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) throw new LessonException(file, "$.steps", "must be a non-empty list of steps");
        if (steps.size() > MAX_STEPS) throw new LessonException(file, "$.steps", steps.size() + " steps is over the limit of " + MAX_STEPS);
        List<LessonStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) out.add(step(steps.get(i), "$.steps[" + i + "]"));
        return new Lesson(folder, title, summary, out);
    }

    private LessonStep step(JsonNode s, String at) throws LessonException {
        if (!s.isObject()) throw new LessonException(file, at, "a step must be a JSON object");
        fields(s, at, STEP);
        String title = text(s, at, "title", true);
        String text = text(s, at, "text", true);
        markdown(text, at + ".text");
        String view = null, network = null;
        JsonNode open = s.get("open");
        if (open != null) {
            if (!open.isObject()) throw new LessonException(file, at + ".open", "must be an object with \"view\" and, optionally, \"network\"");
            fields(open, at + ".open", OPEN);
            view = text(open, at + ".open", "view", true);
            network = text(open, at + ".open", "network", false);
            if (network != null) inside(network, at + ".open.network", MAX_NETWORK_BYTES);
        }
        Map<String, String> set = new LinkedHashMap<>();
        JsonNode sn = s.get("set");
        if (sn != null) {
            if (!sn.isObject()) throw new LessonException(file, at + ".set", "must be an object of control id → value");
            for (Iterator<Map.Entry<String, JsonNode>> it = sn.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) throw new LessonException(file, at + ".set." + e.getKey(), "must be a string, number or true/false");
                set.put(e.getKey(), e.getValue().asText());
            }
        }
        int train = 0;
        JsonNode tn = s.get("train");
        if (tn != null) {
            if (!tn.isInt() || tn.asInt() < 1 || tn.asInt() > MAX_TRAIN) throw new LessonException(file, at + ".train", "must be a whole number of steps from 1 to " + MAX_TRAIN);
            train = tn.asInt();
        }
        String point = text(s, at, "point", false);
        String highlight = text(s, at, "highlight", false);
        Question ask = s.has("ask") ? question(s.get("ask"), at + ".ask") : null;
        String hint = text(s, at, "hint", false);
        String explain = text(s, at, "explain", false);
        if (hint != null) markdown(hint, at + ".hint");
        if (explain != null) markdown(explain, at + ".explain");
        return new LessonStep(title, text, view, network, set, train, point, highlight, ask, hint, explain);
    }

    private Question question(JsonNode q, String at) throws LessonException {
        if (!q.isObject()) throw new LessonException(file, at, "must be an object with \"predict\", \"choice\" or \"goal\"");
        if (q.has("predict")) {
            fields(q, at, Set.of("predict", "tolerance"));
            String point = text(q, at, "predict", true);
            double tol = number(q, at, "tolerance");
            if (!(tol >= 0) || tol > 1e6) throw new LessonException(file, at + ".tolerance", "must be a number ≥ 0 (absolute difference allowed)");
            return new Question.Predict(point, tol);
        }
        if (q.has("choice")) {
            fields(q, at, Set.of("choice", "answer"));
            JsonNode opts = q.get("choice");
            if (!opts.isArray() || opts.size() < 2 || opts.size() > MAX_OPTIONS) throw new LessonException(file, at + ".choice", "must list 2 to " + MAX_OPTIONS + " options");
            List<String> options = new ArrayList<>();
            for (int i = 0; i < opts.size(); i++) {
                if (!opts.get(i).isTextual() || opts.get(i).asText().isBlank()) throw new LessonException(file, at + ".choice[" + i + "]", "must be text");
                if (opts.get(i).asText().length() > MAX_TEXT) throw new LessonException(file, at + ".choice[" + i + "]", "is longer than " + MAX_TEXT + " characters");
                options.add(opts.get(i).asText());
            }
            JsonNode a = q.get("answer");
            if (a == null || !a.isInt() || a.asInt() < 0 || a.asInt() >= options.size()) {
                throw new LessonException(file, at + ".answer", "must be the index (0 to " + (options.size() - 1) + ") of the right option");
            }
            return new Question.Choice(options, a.asInt());
        }
        if (q.has("goal")) {
            fields(q, at, Set.of("goal", "below", "within"));
            String measure = text(q, at, "goal", true);
            if (!measure.equals("loss")) throw new LessonException(file, at + ".goal", "unknown goal \"" + measure + "\" (known: loss)");
            double below = number(q, at, "below");
            JsonNode w = q.get("within");
            if (w == null || !w.isInt() || w.asInt() < 1 || w.asInt() > MAX_TRAIN) throw new LessonException(file, at + ".within", "must be a whole number of steps from 1 to " + MAX_TRAIN);
            return new Question.Goal(measure, below, w.asInt());
        }
        throw new LessonException(file, at, "must have \"predict\", \"choice\" or \"goal\"");
    }

    /**
     * {@code name} resolved in the lesson's folder, refused unless it is a relative path without
     * {@code ..} naming a regular file no bigger than {@code limit} whose real location (links
     * followed) is inside the folder.
     */
    private Path inside(String name, String at, long limit) throws LessonException {
        return inside(folder, file, name, at, limit);
    }

    /** As {@link #inside(String, String, long)} for any lesson folder; also used for the data files network files name. */
    static Path inside(Path folder, String file, String name, String at, long limit) throws LessonException {
        if (name.isBlank() || name.contains("\\") || name.contains(":") || name.contains("\0")) {
            throw new LessonException(file, at, "\"" + name + "\" is not a plain relative file name");
        }
        Path rel = folder.getFileSystem().getPath(name); // the folder's own file system: the built-in lessons live in the jar
        if (rel.isAbsolute() || name.startsWith("/")) throw new LessonException(file, at, "\"" + name + "\" is an absolute path; a lesson reads only files in its own folder");
        for (Path part : rel) {
            if (part.toString().equals("..")) throw new LessonException(file, at, "\"" + name + "\" climbs out of the lesson's folder with ..; a lesson reads only files in its own folder");
        }
        Path p = folder.resolve(rel).normalize();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new LessonException(file, at, "\"" + name + "\" does not exist in the lesson's folder");
        try {
            Path real = p.toRealPath(), home = folder.toRealPath();
            if (!real.startsWith(home)) throw new LessonException(file, at, "\"" + name + "\" is a link to a file outside the lesson's folder");
            if (!Files.isRegularFile(real)) throw new LessonException(file, at, "\"" + name + "\" is not a file");
            long size = Files.size(real);
            if (size > limit) throw new LessonException(file, at, "\"" + name + "\" is " + size + " bytes, over the limit of " + limit);
            return real;
        } catch (IOException e) {
            throw new LessonException(file, at, "\"" + name + "\" cannot be read: " + e.getMessage());
        }
    }

    private void fields(JsonNode o, String at, Set<String> known) throws LessonException {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw new LessonException(file, at + "." + f, "unknown field (known here: " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }

    private String text(JsonNode o, String at, String name, boolean required) throws LessonException {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            if (required) throw new LessonException(file, at + "." + name, "is missing");
            return null;
        }
        if (!n.isTextual()) throw new LessonException(file, at + "." + name, "must be text");
        String s = n.asText();
        if (s.isBlank()) throw new LessonException(file, at + "." + name, "is empty");
        if (s.length() > MAX_TEXT) throw new LessonException(file, at + "." + name, "is " + s.length() + " characters, over the limit of " + MAX_TEXT);
        return s;
    }

    private double number(JsonNode o, String at, String name) throws LessonException {
        JsonNode n = o.get(name);
        if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble())) throw new LessonException(file, at + "." + name, "must be a number");
        return n.asDouble();
    }

    private void markdown(String text, String at) throws LessonException {
        String problem = Markdown.problem(text);
        if (problem != null) throw new LessonException(file, at, problem);
    }
}
