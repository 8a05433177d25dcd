package backprop.app.editor.edit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Undo and redo, unlimited within a session. A new edit clears what could be redone; an edit that
 * merges with the one before (see {@link Edit#mergedWith}) replaces it. {@link #version()} moves
 * with every change, so a saved version tells whether the document is dirty.
 */
public final class EditHistory {
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    private final Deque<Long> doneVersions = new ArrayDeque<>();
    private final Deque<Long> undoneVersions = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private long version;
    private long nextVersion = 1;
    private boolean mergeable;

    public void addListener(Runnable r) { listeners.add(r); }

    /** Applies {@code e} and records it. */
    public void perform(Edit e) {
        e.apply();
        Edit merged = mergeable && !done.isEmpty() ? done.peek().mergedWith(e) : null;
        if (merged != null) {
            done.pop();
            doneVersions.pop();
            done.push(merged);
        } else {
            done.push(e);
        }
        doneVersions.push(version);
        version = nextVersion++;
        mergeable = true;
        undone.clear();
        undoneVersions.clear();
        changed();
    }

    /** Ends merging: the next edit stays separate even if it could merge (a field lost focus). */
    public void seal() { mergeable = false; }

    public boolean canUndo() { return !done.isEmpty(); }

    public boolean canRedo() { return !undone.isEmpty(); }

    public void undo() {
        if (done.isEmpty()) return;
        Edit e = done.pop();
        e.undo();
        undone.push(e);
        undoneVersions.push(version);
        version = doneVersions.pop();
        mergeable = false;
        changed();
    }

    public void redo() {
        if (undone.isEmpty()) return;
        Edit e = undone.pop();
        e.apply();
        done.push(e);
        doneVersions.push(version);
        version = undoneVersions.pop();
        mergeable = false;
        changed();
    }

    /** "Undo move dense_2", or "Undo" when there is nothing to undo. */
    public String undoText() { return done.isEmpty() ? "Undo" : "Undo " + done.peek().description(); }

    public String redoText() { return undone.isEmpty() ? "Redo" : "Redo " + undone.peek().description(); }

    /** Identifies the state reached: equal versions, equal documents. */
    public long version() { return version; }

    /** Forgets every edit (a file opened, New). */
    public void clear() {
        done.clear();
        undone.clear();
        doneVersions.clear();
        undoneVersions.clear();
        version = nextVersion++;
        mergeable = false;
        changed();
    }

    private void changed() { for (Runnable r : List.copyOf(listeners)) r.run(); }
}
