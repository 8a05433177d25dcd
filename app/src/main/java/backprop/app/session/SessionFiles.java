package backprop.app.session;

import backprop.app.theme.Theme;
import backprop.engine.io.AtomicFiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes session files (docs/session-format.md): JSON with a format name and version,
 * written atomically (a crash leaves the old file or the new one), read with limits and one-line
 * messages naming the file and the JSON path. A newer version is refused rather than half read.
 */
public final class SessionFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build());
    }

    private SessionFiles() {}

    /** A fresh object for a view to fill. */
    public static ObjectNode object() { return JSON.createObjectNode(); }

    public static void write(Path file, Session s) throws IOException {
        AtomicFiles.write(file, bytes(s));
    }

    /** The file's bytes: the same session always gives the same bytes. */
    public static byte[] bytes(Session s) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", Session.FORMAT);
        root.put("version", Session.VERSION);
        root.put("view", s.view());
        root.put("theme", s.theme().id());
        root.set("state", s.state());
        return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code file} looks like a session (its format field), read cheaply; false when unsure. */
    public static boolean isSession(Path file) {
        try {
            if (Files.size(file) > Session.MAX_BYTES) return false;
            String head = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return head.contains("\"" + Session.FORMAT + "\"");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    public static Session read(Path file) throws SessionException {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            if (Files.size(file) > Session.MAX_BYTES) {
                throw new SessionException(name, null, "is " + Files.size(file) + " bytes, over the limit of " + Session.MAX_BYTES + " for a session");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SessionException(name, null, "no such file (" + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new SessionException(name, null, "cannot be read (" + e.getMessage() + ")");
        }
        return parse(bytes, name);
    }

    static Session parse(byte[] bytes, String name) throws SessionException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SessionException(name, null, "not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new SessionException(name, null, "cannot be read (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) throw new SessionException(name, "$", "a session file is one JSON object");
        if (!Session.FORMAT.equals(root.path("format").asText(null))) {
            throw new SessionException(name, "$.format", "expected \"" + Session.FORMAT + "\" (is this a network file? open it with Ctrl+O)");
        }
        JsonNode v = root.get("version");
        if (v == null || !v.canConvertToInt()) throw new SessionException(name, "$.version", "expected a whole number");
        if (v.asInt() > Session.VERSION) {
            throw new SessionException(name, "$.version", "written by a newer Backprop Studio (version " + v.asInt() + "; this one reads up to " + Session.VERSION + ")");
        }
        if (v.asInt() < 1) throw new SessionException(name, "$.version", "expected 1, found " + v.asInt());
        JsonNode view = root.get("view");
        if (view == null || !view.isTextual()) throw new SessionException(name, "$.view", "expected the id of a view, e.g. \"backprop\"");
        Theme theme;
        try {
            theme = Theme.byId(root.path("theme").asText("light"));
        } catch (IllegalArgumentException e) {
            throw new SessionException(name, "$.theme", e.getMessage());
        }
        JsonNode state = root.get("state");
        if (state == null || !state.isObject()) throw new SessionException(name, "$.state", "expected an object with the view's state");
        return new Session(view.asText(), theme, (ObjectNode) state);
    }
}
