package backprop.app.editor.edit;

/**
 * One undoable edit of the editor's graph (the Job of Scene Builder's JobManager): it applies
 * itself, takes itself back, and names itself for the Edit menu ("move dense_2").
 */
public interface Edit {
    void apply();

    void undo();

    /** What the menu shows after "Undo " and "Redo ". */
    String description();

    /**
     * This edit followed at once by {@code next} as one edit, or null if they stay two: the
     * keystrokes of one property typed in a row undo together.
     */
    default Edit mergedWith(Edit next) { return null; }
}
