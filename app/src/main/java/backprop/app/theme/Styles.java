package backprop.app.theme;

/**
 * Every CSS style-class name the Java code uses, in one place (AtlantaFX sampler style), so code
 * and the stylesheets ({@code /backprop/app/theme/*.css}, each view's own) cannot drift apart
 * silently; LayoutTest refuses a string literal in a {@code getStyleClass()} call. Views may use
 * the shared ones ({@link #MUTED}, {@link #CARD}, {@link #TITLE}) to blend in with every theme;
 * a view's own names are grouped under its heading below.
 */
public final class Styles {
    private Styles() {}

    /** On the scene root: the whole app. */
    public static final String APP = "studio";
    /** Added to the scene root in presenter mode: the root font grows by {@link #PRESENTER_SCALE}. */
    public static final String PRESENTER = "presenter";
    /**
     * How much larger presenter mode makes text: base.css sets the root font to 14px normally and
     * 14px × this in presenter mode. Views that draw text on a Canvas should multiply their font
     * sizes by it in {@code StudioView.onPresenterMode(true)}.
     */
    public static final double PRESENTER_SCALE = 1.6;

    /** Every theme's root style class starts with this, followed by {@code Theme.id()}. */
    public static final String THEME_PREFIX = "theme-";

    public static final String RAIL = "nav-rail";
    public static final String RAIL_ITEM = "nav-item";
    public static final String RAIL_ITEM_SOON = "nav-item-soon";
    public static final String RAIL_CAPTION = "nav-caption";

    public static final String TOOLBAR = "studio-toolbar";
    public static final String TOOLBAR_TITLE = "toolbar-title";
    public static final String TOOL_BUTTON = "tool-button";
    /** On the record button while a recording runs. */
    public static final String RECORDING = "recording";
    public static final String SPEED_LABEL = "speed-label";

    public static final String STATUS_BAR = "status-bar";
    public static final String STATUS_ITEM = "status-item";
    public static final String STATUS_MESSAGE = "status-message";

    public static final String CENTER = "view-area";

    public static final String HELP_OVERLAY = "help-overlay";
    public static final String HELP_CARD = "help-card";
    public static final String HELP_KEY = "help-key";

    public static final String LEGEND = "palette-legend";
    public static final String LEGEND_BAR = "palette-legend-bar";
    public static final String LEGEND_TITLE = "palette-legend-title";

    /** Shared helpers for views. */
    public static final String MUTED = "muted";
    public static final String CARD = "card";
    public static final String TITLE = "title";

    // Backprop view (backprop-view.css)
    public static final String BACKPROP_VIEW = "backprop-view";
    public static final String MODE_SWITCH = "mode-switch";
    public static final String BP_TOP_BAR = "bp-top-bar";
    public static final String DIAGRAM_CARD = "diagram-card";
    public static final String BP_ERROR = "bp-error";
    /** The diagram while it shows the value where a diverging run stopped: its accent turns to the error colour. */
    public static final String BP_STOPPED = "bp-stopped";
    public static final String BP_FEEDBACK = "bp-feedback";
    public static final String CORRECT = "correct";
    public static final String WRONG = "wrong";
    public static final String PREDICT_ROW = "predict-row";
    public static final String FORMULA_CARD = "formula-card";
    public static final String PLAY = "play";
    public static final String BP_POSITION = "bp-position";
    public static final String BP_SPEED = "bp-speed";
    public static final String TRANSPORT_BAR = "transport-bar";
    public static final String BP_HISTORY_TEXT = "bp-history-text";
    public static final String HISTORY_BAR = "history-bar";
    public static final String BP_CAPTION = "bp-caption";
    public static final String ICON_BUTTON = "icon-button";
    public static final String LOSS_SPARKLINE = "loss-sparkline";
    public static final String NETWORK_DIAGRAM = "network-diagram";
    public static final String PHASE_BAR = "phase-bar";

    // Shared drawings (backprop.app.draw)
    public static final String CANVAS_PANE = "canvas-pane";
    public static final String FORMULA_VIEW = "formula-view";
    public static final String FORMULA_IMAGE = "formula-image";
    public static final String FORMULA_TEXT = "formula-text";
    public static final String FORMULA_EXPLANATION = "formula-explanation";
    public static final String LOSS_CHART = "loss-chart";

    // Computational-graph mode (backprop-view.css)
    public static final String GRAPH_DIAGRAM = "graph-diagram";
    public static final String GRAPH_VIEW = "graph-view";
    public static final String GRAPH_TITLE = "graph-title";
    public static final String GRAPH_VALUES = "graph-values";
    public static final String GRAPH_INPUTS = "graph-inputs";

    // Recurrent view (recurrent.css)
    public static final String RECURRENT_VIEW = "recurrent-view";
    public static final String REC_TOP_BAR = "rec-top-bar";
    public static final String REC_CARD = "rec-card";
    public static final String REC_CARD_TITLE = "rec-card-title";
    public static final String REC_CAPTION = "rec-caption";
    public static final String REC_NOTE = "rec-note";
    public static final String REC_ERROR = "rec-error";
    public static final String REC_SCORE = "rec-score";
    public static final String REC_FORCE_ROW = "rec-force-row";
    public static final String REC_FORCE_NAME = "rec-force-name";
    public static final String REC_SEGMENTS = "rec-segments";
    public static final String REC_TRANSPORT = "rec-transport";
    public static final String REC_ICON_BUTTON = "rec-icon-button";
    public static final String REC_PLAY = "rec-play";
    public static final String REC_CELL_DIAGRAM = "rec-cell-diagram";
    public static final String REC_TIMELINE = "rec-timeline";

    // Playground view (playground.css)
    public static final String PG_CORRECT = "pg-correct";
    public static final String PG_WRONG = "pg-wrong";
    public static final String DECISION_MAP = "decision-map";
    public static final String PG_LAYER_BAR = "pg-layer-bar";
    public static final String PG_CAPTION = "pg-caption";
    public static final String PG_UNITS = "pg-units";
    public static final String PG_ACTIVATION = "pg-activation";
    public static final String PG_LAYER_CONTROLS = "pg-layer-controls";
    public static final String PG_SMALL_BUTTON = "pg-small-button";
    public static final String NETWORK_CANVAS = "network-canvas";
    public static final String PLAYGROUND_VIEW = "playground-view";
    /** The outline behind a card, a fill rather than a border ({@link CardFrame}); each view's sheet colours it. */
    public static final String CARD_FRAME = "card-frame";
    public static final String PG_PLAY = "pg-play";
    public static final String PG_COUNTER = "pg-counter";
    public static final String PG_MESSAGE = "pg-message";
    public static final String PG_TOP_BAR = "pg-top-bar";
    public static final String PG_SETTINGS_SCROLL = "pg-settings-scroll";
    public static final String PG_CARD = "pg-card";
    public static final String PG_MAP_BOX = "pg-map-box";
    public static final String PG_STATS = "pg-stats";
    public static final String PG_PERCEPTRON = "pg-perceptron";
    public static final String PG_CHART = "pg-chart";
    public static final String PG_OUTPUT = "pg-output";
    public static final String PG_CLASS_TOGGLE = "pg-class-toggle";
    public static final String PG_STAT = "pg-stat";
    public static final String PG_SECTION_TITLE = "pg-section-title";
    public static final String PG_TABLE = "pg-table";
    public static final String PG_TABLE_GRID = "pg-table-grid";
    public static final String PG_STALL = "pg-stall";
    public static final String PG_FIELD_ERROR = "pg-field-error";
    public static final String PG_TABLE_VALUE = "pg-table-value";
    public static final String PG_TABLE_SCROLL = "pg-table-scroll";
    public static final String PG_TABLE_COMPACT = "pg-table-compact";
    public static final String PG_TABLE_HEADER = "pg-table-header";
    public static final String PG_TABLE_CELL = "pg-table-cell";
    public static final String PG_SETTINGS = "pg-settings";
    public static final String PG_SEED = "pg-seed";
    public static final String PG_VALUE = "pg-value";
    public static final String PG_FORM = "pg-form";
    public static final String PG_SECTION = "pg-section";
    public static final String PG_DATA_GRID = "pg-data-grid";
    public static final String PG_DATA_CARD = "pg-data-card";
    public static final String PG_SLICE_NOTE = "pg-slice-note";
    public static final String PG_CURVE = "pg-curve";
    public static final String WEIGHT_EDITOR = "weight-editor";

    // CNN view (cnn.css)
    public static final String CNN_VIEW = "cnn-view";
    public static final String CNN_BAR = "cnn-bar";
    public static final String CNN_CARD = "cnn-card";
    public static final String CNN_CARD_TITLE = "cnn-card-title";
    public static final String CNN_COUNTER = "cnn-counter";
    public static final String CNN_MESSAGE = "cnn-message";
    public static final String CNN_PREDICTION = "cnn-prediction";
    public static final String CNN_FORMULA = "cnn-formula";
    public static final String CNN_FORMULA_ERROR = "cnn-formula-error";
    public static final String CNN_HINT = "cnn-hint";
    public static final String CNN_BUTTON = "cnn-button";

    // Lessons view
    public static final String LESSON_TEXT = "lesson-text";
    public static final String LESSON_SPAN = "lesson-span";
    public static final String LESSONS_VIEW = "lessons-view";
    public static final String LESSON_HOST = "lesson-host";
    public static final String LESSON_HOST_SCROLL = "lesson-host-scroll";
    public static final String LESSON_BODY = "lesson-body";
    public static final String LESSON_QUESTION = "lesson-question";
    public static final String LESSON_HINT_TEXT = "lesson-hint-text";
    public static final String LESSON_NAV = "lesson-nav";
    public static final String LESSON_PANEL_BODY = "lesson-panel-body";
    public static final String LESSON_PANEL = "lesson-panel";
    public static final String LESSON_RIGHT = "lesson-right";
    public static final String LESSON_WRONG = "lesson-wrong";
    // Chart views' shared chrome (theme/chart-views.css): the Vanishing and Depth views
    public static final String CHART_VIEW = "chart-view";
    public static final String CV_BAR = "cv-bar";
    public static final String CV_CARD = "cv-card";
    public static final String CV_TITLE = "cv-title";
    public static final String CV_CAPTION = "cv-caption";
    public static final String CV_VALUE = "cv-value";
    public static final String CV_NOTE = "cv-note";
    public static final String CV_ERROR = "cv-error";
    // Depth view (depth.css, over theme/chart-views.css)
    public static final String DEPTH_VIEW = "depth-view";
    public static final String DP_CLOSE = "dp-close";
    // Vanishing-gradient view (its chrome: theme/chart-views.css)
    public static final String VANISHING_VIEW = "vanishing-view";

    // Text view (text.css)
    public static final String TEXT_VIEW = "text-view";
    public static final String TX_BAR = "tx-bar";
    public static final String TX_CARD = "tx-card";
    public static final String TX_TITLE = "tx-title";
    public static final String TX_CAPTION = "tx-caption";
    public static final String TX_VALUE = "tx-value";
    public static final String TX_ERROR = "tx-error";
    public static final String TX_SAMPLE = "tx-sample";
    public static final String TX_PROMPT = "tx-prompt";
    public static final String TX_SAMPLE_BOX = "tx-sample-box";
    public static final String TX_SAMPLE_SCROLL = "tx-sample-scroll";
    public static final String TX_GATES = "tx-gates";
    public static final String TX_PLAY = "tx-play";
    public static final String TX_ICON_BUTTON = "tx-icon-button";

    // Editor view (editor.css)
    public static final String EDITOR_VIEW = "editor-view";
    public static final String ED_BAR = "ed-bar";
    public static final String ED_TITLE = "ed-title";
    public static final String ED_ICON = "ed-icon";
    public static final String ED_PALETTE = "ed-palette";
    public static final String ED_PALETTE_SCROLL = "ed-palette-scroll";
    public static final String ED_PALETTE_GROUP = "ed-palette-group";
    public static final String ED_PALETTE_ITEM = "ed-palette-item";
    public static final String ED_SHEET = "ed-sheet";
    public static final String ED_SHEET_SCROLL = "ed-sheet-scroll";
    public static final String ED_SHEET_TITLE = "ed-sheet-title";
    public static final String ED_FIELD_LABEL = "ed-field-label";
    public static final String ED_NOTE = "ed-note";
    public static final String ED_ERROR = "ed-error";
    public static final String ED_SUMMARY = "ed-summary";
    public static final String ED_FOOTER = "ed-footer";
    public static final String ED_BANNER = "ed-banner";
    public static final String ED_RUN = "ed-run";
    public static final String ED_RUN_ROW = "ed-run-row";
    public static final String ED_RUN_LEFT = "ed-run-left";
    public static final String ED_RUN_FORM = "ed-run-form";
    public static final String ED_RUN_BUTTONS = "ed-run-buttons";
    public static final String ED_RUN_STATUS = "ed-run-status";

    // Shell details
    public static final String HELP_SECTION = "help-section";
    public static final String HELP_KEYS = "help-keys";
    public static final String HELP_CHIPS = "help-chips";
    public static final String SHELL_ICON = "shell-icon";
    public static final String NAV_SOON_TITLE = "nav-soon-title";
    public static final String NAV_SOON_GRAPHIC = "nav-soon-graphic";

    // Theme helpers
    public static final String TICK = "tick";
}
