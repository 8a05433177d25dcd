package backprop.app.lessonview;

import backprop.engine.io.AtomicFiles;
import backprop.engine.spec.UserText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each student stands in each lesson: the step they were on and which questions they got
 * right, kept in {@code progress.json} under {@link #folder()} and written atomically after every
 * change, so a crash never leaves half a file. A progress file that cannot be read is set aside
 * (one line says so) and progress starts afresh; one lesson's entry never touches another's.
 */
public final class LessonProgress {
    /** System property naming the folder that holds progress.json (tests point it at a temporary folder). */
    public static final String HOME_PROPERTY = "backprop.studio.home";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_BYTES = 1 << 20;

    /** One lesson's progress: the step shown and, per step asked, whether the last answer was right. */
    public record Entry(int step, Map<Integer, Boolean> answers) {
        public Entry {
            answers = Map.copyOf(answers);
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private String problem;

    private LessonProgress(Path file) {
        this.file = file;
    }

    /** The folder progress is kept in: the property {@value #HOME_PROPERTY}, else ~/.backprop-studio. */
    public static Path folder() {
        String home = System.getProperty(HOME_PROPERTY);
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".backprop-studio");
    }

    /** Reads progress.json from {@link #folder()}; a missing file is no progress yet. */
    public static LessonProgress load() {
        LessonProgress p = new LessonProgress(folder().resolve("progress.json"));
        p.read();
        return p;
    }

    /** Why the saved progress could not be read or written, or null. */
    public String problem() { return problem; }

    public Entry entry(String lesson) { return entries.getOrDefault(lesson, new Entry(0, Map.of())); }

    public void setStep(String lesson, int step) {
        Entry e = entry(lesson);
        entries.put(lesson, new Entry(step, e.answers()));
        write();
    }

    public void answered(String lesson, int step, boolean right) {
        Entry e = entry(lesson);
        Map<Integer, Boolean> a = new TreeMap<>(e.answers());
        a.put(step, right);
        entries.put(lesson, new Entry(e.step(), a));
        write();
    }

    private void read() {
        if (!Files.isRegularFile(file)) return;
        try {
            if (Files.size(file) > MAX_BYTES) throw new IOException("over " + MAX_BYTES + " bytes");
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode lessons = root == null ? null : root.get("lessons");
            if (lessons == null || !lessons.isObject()) throw new IOException("no \"lessons\" object");
            for (Iterator<Map.Entry<String, JsonNode>> it = lessons.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                JsonNode step = f.getValue().get("step");
                Map<Integer, Boolean> answers = new TreeMap<>();
                JsonNode a = f.getValue().get("answers");
                if (a != null && a.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> ai = a.fields(); ai.hasNext(); ) {
                        Map.Entry<String, JsonNode> x = ai.next();
                        if (x.getKey().matches("\\d{1,4}") && x.getValue().isBoolean()) answers.put(Integer.parseInt(x.getKey()), x.getValue().asBoolean());
                    }
                }
                entries.put(f.getKey(), new Entry(step != null && step.isInt() && step.asInt() >= 0 ? step.asInt() : 0, answers));
            }
        } catch (IOException | RuntimeException e) {
            entries.clear();
            Path aside = file.resolveSibling("progress.json.unreadable");
            try {
                Files.move(file, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                aside = file; // left where it is; the next save replaces it
            }
            problem = UserText.oneLine(file + ": saved lesson progress cannot be read (" + e.getMessage() + "); starting afresh, the old file is kept as " + aside.getFileName());
        }
    }

    private void write() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "backprop-studio-progress");
        ObjectNode lessons = root.putObject("lessons");
        entries.forEach((id, e) -> {
            ObjectNode o = lessons.putObject(id);
            o.put("step", e.step());
            ObjectNode a = o.putObject("answers");
            e.answers().forEach((k, v) -> a.put(String.valueOf(k), v));
        });
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            problem = file + ": lesson progress cannot be saved (" + e.getMessage() + ")";
        }
    }
}
