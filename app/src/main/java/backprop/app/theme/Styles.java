package backprop.app.theme;

/**
 * Every CSS style-class name the shell uses, in one place (AtlantaFX sampler style), so Java code
 * and the stylesheets under {@code /backprop/app/theme/} cannot drift apart silently. Views may use
 * the shared ones ({@link #MUTED}, {@link #CARD}, {@link #TITLE}) to blend in with every theme.
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

    public static final String RAIL = "nav-rail";
    public static final String RAIL_ITEM = "nav-item";
    public static final String RAIL_ITEM_SOON = "nav-item-soon";
    public static final String RAIL_CAPTION = "nav-caption";

    public static final String TOOLBAR = "studio-toolbar";
    public static final String TOOLBAR_TITLE = "toolbar-title";
    public static final String TOOL_BUTTON = "tool-button";
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
}
