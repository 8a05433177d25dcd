package backprop.app.playground;

import backprop.app.session.SessionException;
import backprop.app.session.StateReader;
import backprop.engine.train.TrainingDivergedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Everything done to a {@link PlaygroundSession}, in order: settings applied, resets, points
 * added or removed, cells of the data edited (and edits undone, the data restored), the slice's axes, steps and epochs trained (runs counted, not listed), weights and biases set
 * by hand. The engine is deterministic, so replaying the log into a fresh session gives the same
 * weights, optimiser state, charts and picture, bit for bit: what a saved session keeps. Engine
 * thread only, like the session.
 */
final class PlaygroundLog {
    /** Entries kept before an apply that rebuilds everything starts the log again. */
    private ArrayNode entries = JsonNodeFactory.instance.arrayNode();

    void applied(PlaygroundSetup s) {
        entries.addObject().set("apply", SetupJson.write(s));
    }

    void reset() { entries.addObject().put("reset", true); }

    void added(float x1, float x2, int label) {
        entries.addObject().putArray("addPoint").add(x1).add(x2).add(label);
    }

    void addedValue(float x1, float x2, float value) {
        entries.addObject().putArray("addValue").add(x1).add(x2).add(value);
    }

    void cell(int row, int column, float value) {
        entries.addObject().putArray("setCell").add(row).add(column).add(value);
    }

    void undoData() { entries.addObject().put("undoData", true); }

    void restoreData() { entries.addObject().put("restoreData", true); }

    void axes(int x, int y) { entries.addObject().putArray("axes").add(x).add(y); }

    void removed(float x1, float x2, double radius) {
        entries.addObject().putArray("removeNear").add(x1).add(x2).add(radius);
    }

    void step() { run("steps"); }

    void epoch() { run("epochs"); }

    void weight(int layer, int i, int j, float v) {
        entries.addObject().putArray("setWeight").add(layer).add(i).add(j).add(v);
    }

    void bias(int layer, int j, float v) {
        entries.addObject().putArray("setBias").add(layer).add(j).add(v);
    }

    /** Consecutive steps (or epochs) are one entry with a count. */
    private void run(String kind) {
        JsonNode last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        if (last != null && last.has(kind)) ((ObjectNode) last).put(kind, last.get(kind).asLong() + 1);
        else entries.addObject().put(kind, 1L);
    }

    /** A copy of the log, for a session file. */
    ArrayNode json() { return entries.deepCopy(); }

    /**
     * Replays {@code log} into {@code s}, a fresh session. An entry that is not understood or does
     * not fit is refused naming its place ({@code $.state.log[3]}); a step that diverged stops the
     * replay there, as it stopped the original run.
     */
    static void replay(JsonNode log, PlaygroundSession s, StateReader r) throws SessionException {
        if (log == null || !log.isArray() || log.isEmpty()) throw r.fail("log", "expected the list of what was done, starting with settings");
        for (int k = 0; k < log.size(); k++) {
            JsonNode e = log.get(k);
            String at = "log[" + k + "]";
            try {
                if (e.has("apply")) s.apply(SetupJson.read(e.get("apply"), r, at + ".apply"));
                else if (k == 0) throw r.fail(at, "a log starts with the settings ({\"apply\": …})");
                else if (e.has("reset")) s.reset();
                else if (e.has("epochs")) for (long i = count(e, "epochs", r, at); i > 0; i--) s.epoch();
                else if (e.has("steps")) for (long i = count(e, "steps", r, at); i > 0; i--) s.step();
                else if (e.has("addPoint")) s.addPoint(f(e, "addPoint", 0), f(e, "addPoint", 1), e.get("addPoint").path(2).asInt());
                else if (e.has("addValue")) s.addValue(f(e, "addValue", 0), f(e, "addValue", 1), f(e, "addValue", 2));
                else if (e.has("setCell")) s.setCell(e.get("setCell").path(0).asInt(), e.get("setCell").path(1).asInt(), f(e, "setCell", 2));
                else if (e.has("undoData")) s.undoData();
                else if (e.has("restoreData")) s.restoreData();
                else if (e.has("axes")) s.setAxes(e.get("axes").path(0).asInt(), e.get("axes").path(1).asInt());
                else if (e.has("removeNear")) s.removeNear(f(e, "removeNear", 0), f(e, "removeNear", 1), e.get("removeNear").path(2).asDouble());
                else if (e.has("setWeight")) {
                    JsonNode a = e.get("setWeight");
                    s.setWeight(a.path(0).asInt(), a.path(1).asInt(), a.path(2).asInt(), (float) a.path(3).asDouble());
                } else if (e.has("setBias")) {
                    JsonNode a = e.get("setBias");
                    s.setBias(a.path(0).asInt(), a.path(1).asInt(), (float) a.path(2).asDouble());
                } else throw r.fail(at, "not an entry this version knows");
            } catch (TrainingDivergedException diverged) {
                return; // the original run stopped here too; what came before stands
            } catch (SessionException bad) {
                throw bad;
            } catch (RuntimeException bad) {
                throw r.fail(at, bad.getMessage() == null ? bad.toString() : bad.getMessage());
            }
        }
    }

    private static long count(JsonNode e, String field, StateReader r, String at) throws SessionException {
        long n = e.get(field).asLong(-1);
        if (n < 1 || n > backprop.engine.spec.Limits.EPOCHS) throw r.fail(at + "." + field, "expected 1 to " + backprop.engine.spec.Limits.EPOCHS + ", found " + e.get(field));
        return n;
    }

    private static float f(JsonNode e, String field, int i) {
        return (float) e.get(field).path(i).asDouble();
    }
}
