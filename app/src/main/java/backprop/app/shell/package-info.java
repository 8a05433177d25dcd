/**
 * The app's frame: navigation rail, toolbar, status bar, presenter mode, help overlay, and the
 * route that opens a network in a view ({@link backprop.app.shell.StudioShell#openNetwork},
 * File → Open network…, Ctrl+O).
 *
 * <p>The shell knows views only through the contracts in {@code backprop.app.view}
 * ({@code StudioView}, {@code Transport}, {@code ViewInfo}, {@code ViewRegistry}); it never imports
 * a feature package (playground, backprop, graph, …). The app's list of views is
 * {@code backprop.app.views.StudioViews}; engine work runs through {@code backprop.app.work}.
 *
 * <h2>How a view plugs in</h2>
 * <ol>
 *   <li>Implement {@code StudioView} in its own feature package, with a public no-argument
 *       constructor and {@code public static final ViewInfo INFO} (id, title, icon, written once)
 *       returned by {@code info()}. Build nodes in code; return the same node from {@code root()}.</li>
 *   <li>If it plays or steps, return a {@code Transport} from {@code transport()}: toolbar buttons
 *       and the keys (space, → ←, Home/End, + −, also in presenter mode) call it on the FX thread
 *       and nothing else; expose {@code playingProperty()} and optionally {@code speedText()}.</li>
 *   <li>Publish the status-bar step with {@code stepText()} and the run's seed with {@code seed()}
 *       (polled twice a second).</li>
 *   <li>Keep state in a view-model that uses javafx.beans and collections only, and run engine
 *       work through an {@code EngineWorker}; stop timers and the worker in {@code dispose()}.</li>
 *   <li>If it shows networks, answer {@code cannotShow(spec)} in one sentence (cheap: FX thread)
 *       and implement {@code open(spec, source, done)} (the rest of the checks and the build on
 *       the worker; the old network stays until {@code done} gets empty); the shell routes File →
 *       Open, a view's own Open… button ({@code OpenNetworkRequest}) and later the editor and
 *       lessons through them.</li>
 *   <li>Style with constants from {@link backprop.app.theme.Styles} and a stylesheet: sizes in em
 *       (presenter mode multiplies the root font by
 *       {@link backprop.app.theme.Styles#PRESENTER_SCALE}), colours from the theme's looked-up
 *       colours ({@code -studio-fg}, {@code -studio-bg}, {@code -studio-muted},
 *       {@code -studio-border}, {@code -studio-card}), signed numbers coloured by
 *       {@link backprop.app.theme.Palette} with a {@link backprop.app.theme.PaletteLegend}. Canvas
 *       text scales in {@code onPresenterMode(boolean)}.</li>
 *   <li>Make {@code prepareForExport(spec, step)} put the view in a definite state synchronously,
 *       so {@code render --view ID} and tests draw it without a window.</li>
 *   <li>Register it with one line in {@code StudioViews.registry()}.</li>
 * </ol>
 * The full recipe is in docs/ARCHITECTURE.md, "How to add a view".
 */
package backprop.app.shell;
