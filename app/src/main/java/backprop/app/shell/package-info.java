/**
 * The app's frame: navigation rail, toolbar, status bar, presenter mode, help overlay, and the
 * contracts views implement.
 *
 * <h2>How a view plugs in</h2>
 * <ol>
 *   <li>Implement {@link backprop.app.view.StudioView} (a public no-argument constructor; build
 *       nodes in code; no work in the constructor that needs a window). Return the same node from
 *       {@code root()} every time.</li>
 *   <li>If it plays or steps, return a {@link backprop.app.view.Transport} from {@code transport()}.
 *       Toolbar buttons and the keys (space, → ←, Home/End, + −, also in presenter mode) call it on
 *       the FX thread and nothing else; expose {@code playingProperty()} so the play button shows
 *       pause while running, and optionally {@code speedText()}.</li>
 *   <li>Publish the status-bar step with {@code stepText()} and the run's seed with {@code seed()}
 *       (polled twice a second).</li>
 *   <li>Run training and tracing on an executor from {@link backprop.app.work.Workers#newExecutor}
 *       and hand results back with {@code Platform.runLater}; stop timers in {@code dispose()}.</li>
 *   <li>Style with the shared stylesheet: sizes in em (presenter mode multiplies the root font by
 *       {@link backprop.app.theme.Styles#PRESENTER_SCALE}), colours from the theme's looked-up
 *       colours ({@code -studio-fg}, {@code -studio-bg}, {@code -studio-muted},
 *       {@code -studio-border}, {@code -studio-card}), signed numbers coloured by
 *       {@link backprop.app.theme.Palette} with a {@link backprop.app.theme.PaletteLegend}. Canvas
 *       text scales in {@code onPresenterMode(boolean)}.</li>
 *   <li>Make {@code prepareForExport(spec, step)} put the view in a definite state synchronously,
 *       so {@code render --view ID} and tests draw it without a window.</li>
 *   <li>Register it with one line in {@link backprop.app.view.ViewRegistry#defaults()}.</li>
 * </ol>
 */
package backprop.app.shell;
