package backprop.app.editor;

/**
 * Ikonli literals the editor uses (Material Design Icons 2, the pack the shell uses); each was
 * checked against the 12.3.1 jar, and EditorViewTest resolves every one.
 */
public final class EditorIcons {
    private EditorIcons() {}

    public static final String INPUT = "mdi2i-import";
    public static final String DENSE = "mdi2v-vector-polyline";
    public static final String ACTIVATION = "mdi2s-sine-wave";
    public static final String NORMALISE = "mdi2c-chart-bell-curve";
    public static final String DROPOUT = "mdi2w-water-outline";
    public static final String MAXOUT = "mdi2c-chevron-triple-right";
    public static final String MERGE = "mdi2c-call-merge";
    public static final String IMAGES = "mdi2v-view-grid-outline";
    public static final String SEQUENCES = "mdi2r-repeat";
    public static final String OTHER = "mdi2s-shape-outline";
    public static final String OUTPUT = "mdi2f-flag-checkered";

    public static final String NEW = "mdi2f-file-outline";
    public static final String OPEN = "mdi2f-folder-open-outline";
    public static final String SAVE = "mdi2c-content-save-outline";
    public static final String SAVE_AS = "mdi2c-content-save-edit-outline";
    public static final String TEMPLATE = "mdi2f-file-document-outline";
    public static final String UNDO = "mdi2u-undo";
    public static final String REDO = "mdi2r-redo";
    public static final String LAYOUT = "mdi2s-sitemap";
    public static final String OPEN_IN = "mdi2o-open-in-app";
    public static final String ZOOM_IN = "mdi2m-magnify-plus-outline";
    public static final String ZOOM_OUT = "mdi2m-magnify-minus-outline";
    public static final String FIT = "mdi2f-fit-to-page-outline";
    public static final String RESTORE = "mdi2b-backup-restore";
    public static final String SUMMARY = "mdi2f-format-list-bulleted";
    public static final String RECENT = "mdi2h-history";
    public static final String TRAIN = "mdi2c-chart-bell-curve-cumulative";
    public static final String PLAY = "mdi2p-play";
    public static final String PAUSE = "mdi2p-pause";

    public static final String[] ALL = {INPUT, DENSE, ACTIVATION, NORMALISE, DROPOUT, MAXOUT, MERGE, IMAGES, SEQUENCES, OTHER, OUTPUT,
            NEW, OPEN, SAVE, SAVE_AS, TEMPLATE, UNDO, REDO, LAYOUT, OPEN_IN, ZOOM_IN, ZOOM_OUT, FIT, RESTORE, SUMMARY, RECENT,
            TRAIN, PLAY, PAUSE};
}
