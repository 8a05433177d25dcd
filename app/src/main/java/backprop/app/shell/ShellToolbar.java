package backprop.app.shell;

import backprop.app.export.LiveRecorder;
import backprop.app.theme.Styles;
import backprop.app.theme.Theme;
import backprop.app.view.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The top toolbar: the current view's title, its transport (disabled when the view has none),
 * speed, then open a network, theme, presenter mode, PNG export and help. Buttons only fire {@link ShellAction}s.
 */
final class ShellToolbar extends ToolBar {
    private final Label title = new Label();
    private final Button playPause;
    private final FontIcon playIcon = Icons.icon(Icons.PLAY);
    private final Label speed = new Label();
    private final List<Button> transportButtons = new ArrayList<>();
    private ReadOnlyBooleanProperty playing;
    private final ObjectProperty<LiveRecorder.Size> recordSize;
    private final ChangeListener<Boolean> playingListener = (obs, was, now) -> showPlaying(now);

    ShellToolbar(ShellViewModel vm, LiveRecorder recorder, ObjectProperty<LiveRecorder.Size> recordSize, Consumer<ShellAction> dispatch,
                 java.util.function.Supplier<java.util.List<java.nio.file.Path>> recentFiles, Consumer<java.nio.file.Path> openRecent) {
        this.recordSize = recordSize;
        getStyleClass().add(Styles.TOOLBAR);
        title.getStyleClass().add(Styles.TOOLBAR_TITLE);
        title.setMinWidth(Region.USE_PREF_SIZE);
        speed.getStyleClass().add(Styles.SPEED_LABEL);
        speed.textProperty().bind(vm.speedTextProperty());

        playPause = transportButton("tb-play", playIcon, "Play / pause (Space)", ShellAction.PLAY_PAUSE, dispatch);
        Button back = transportButton("tb-back", Icons.icon(Icons.STEP_BACK), "Step back (←)", ShellAction.STEP_BACK, dispatch);
        Button fwd = transportButton("tb-forward", Icons.icon(Icons.STEP_FORWARD), "Step forward (→)", ShellAction.STEP_FORWARD, dispatch);
        Button home = transportButton("tb-home", Icons.icon(Icons.HOME), "Reset to the start (Home)", ShellAction.HOME, dispatch);
        Button end = transportButton("tb-end", Icons.icon(Icons.END), "Jump to the end (End)", ShellAction.END, dispatch);
        Button slower = transportButton("tb-slower", Icons.icon(Icons.SLOWER), "Slower (−)", ShellAction.SLOWER, dispatch);
        Button faster = transportButton("tb-faster", Icons.icon(Icons.FASTER), "Faster (+)", ShellAction.FASTER, dispatch);

        MenuButton theme = themeMenu(vm);
        Button presenter = button("tb-presenter", Icons.icon(Icons.PRESENTER), "Presenter mode (F5)", ShellAction.TOGGLE_PRESENTER, dispatch);
        Button open = button("tb-open", Icons.icon(Icons.OPEN), "Open a network file in this view, or a saved session (Ctrl+O)", ShellAction.OPEN_NETWORK, dispatch);
        Button saveSession = button("tb-save-session", Icons.icon(Icons.SAVE_SESSION), "Save the session: this view, its network, settings and place, the theme (Ctrl+Shift+S)",
                ShellAction.SAVE_SESSION, dispatch);
        Button export = button("tb-export", Icons.icon(Icons.EXPORT), "Export the view as PNG (Ctrl+E)", ShellAction.EXPORT_PNG, dispatch);
        SplitMenuButton record = recordButton(recorder, dispatch);
        Button help = button("tb-help", Icons.icon(Icons.HELP), "Keys and about (F1)", ShellAction.TOGGLE_HELP, dispatch);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(title, new Separator(), home, back, playPause, fwd, end, new Separator(),
                slower, speed, faster, spacer, open, recentMenu(recentFiles, openRecent), saveSession, theme, presenter, export, record, help);
        for (Button b : transportButtons) b.disableProperty().bind(vm.transportAvailableProperty().not());
    }

    /** Follows the new current view: its title and its play state. */
    void showView(String viewTitle, Transport transport) {
        title.setText(viewTitle);
        if (playing != null) playing.removeListener(playingListener);
        playing = transport == null ? null : transport.playingProperty();
        if (playing != null) playing.addListener(playingListener);
        showPlaying(playing != null && playing.get());
    }

    private void showPlaying(boolean isPlaying) {
        playIcon.setIconLiteral(isPlaying ? Icons.PAUSE : Icons.PLAY);
        playPause.getTooltip().setText(isPlaying ? "Pause (Space)" : "Play (Space)");
    }

    private Button transportButton(String id, FontIcon icon, String tip, ShellAction a, Consumer<ShellAction> dispatch) {
        Button b = button(id, icon, tip, a, dispatch);
        transportButtons.add(b);
        return b;
    }

    private static Button button(String id, FontIcon icon, String tip, ShellAction a, Consumer<ShellAction> dispatch) {
        Button b = new Button(null, icon);
        b.setId(id);
        b.getStyleClass().add(Styles.TOOL_BUTTON);
        // Space and arrows belong to the transport, so tabbing onto toolbar buttons would only
        // leave a focus ring that does nothing; every button has a shortcut or is a click away.
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> dispatch.accept(a));
        return b;
    }

    /**
     * Record / stop (Ctrl+R); its arrow picks the size of the recording. While the file is written
     * the button cancels instead.
     */
    private SplitMenuButton recordButton(LiveRecorder recorder, Consumer<ShellAction> dispatch) {
        FontIcon icon = Icons.icon(Icons.RECORD);
        SplitMenuButton b = new SplitMenuButton();
        b.setGraphic(icon);
        b.setId("tb-record");
        b.getStyleClass().add(Styles.TOOL_BUTTON);
        b.setFocusTraversable(false);
        Tooltip tip = new Tooltip();
        b.setTooltip(tip);
        b.setOnAction(e -> dispatch.accept(ShellAction.RECORD));
        ToggleGroup sizes = new ToggleGroup();
        for (LiveRecorder.Size s : LiveRecorder.Size.values()) {
            RadioMenuItem item = new RadioMenuItem("Record at " + s.label);
            item.setId("record-size-" + s.name().toLowerCase());
            item.setToggleGroup(sizes);
            item.setSelected(recordSize.get() == s);
            item.setOnAction(e -> recordSize.set(s));
            b.getItems().add(item);
        }
        Runnable show = () -> {
            LiveRecorder.State st = recorder.state();
            icon.setIconLiteral(st == LiveRecorder.State.RECORDING ? Icons.STOP_RECORDING : Icons.RECORD);
            if (st == LiveRecorder.State.RECORDING) b.getStyleClass().add(Styles.RECORDING);
            else b.getStyleClass().remove(Styles.RECORDING);
            String text = switch (st) {
                case IDLE -> "Record the view as GIF or MP4 (Ctrl+R); the arrow picks the size";
                case RECORDING -> "Stop and save the recording (Ctrl+R)";
                case WRITING -> "Cancel writing the recording (Ctrl+R)";
            };
            tip.setText(text);
            b.setAccessibleText(text);
        };
        recorder.stateProperty().addListener((o, a, now) -> show.run());
        show.run();
        return b;
    }

    /** The files opened or saved last (networks and sessions), newest first; listed afresh each time the menu opens. */
    private static MenuButton recentMenu(java.util.function.Supplier<java.util.List<java.nio.file.Path>> files, Consumer<java.nio.file.Path> open) {
        MenuButton menu = new MenuButton(null, Icons.icon(Icons.RECENT));
        menu.setId("tb-recent");
        menu.setFocusTraversable(false);
        menu.getStyleClass().add(Styles.TOOL_BUTTON);
        menu.setTooltip(new Tooltip("Open a recent network file or session"));
        javafx.scene.control.MenuItem none = new javafx.scene.control.MenuItem("No recent files yet");
        none.setDisable(true);
        menu.getItems().add(none);
        menu.setOnShowing(e -> {
            menu.getItems().clear();
            for (java.nio.file.Path p : files.get()) {
                javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(String.valueOf(p.getFileName()));
                item.setMnemonicParsing(false);
                item.setOnAction(a -> open.accept(p));
                menu.getItems().add(item);
            }
            if (menu.getItems().isEmpty()) menu.getItems().add(none);
        });
        return menu;
    }

    private static MenuButton themeMenu(ShellViewModel vm) {
        MenuButton menu = new MenuButton(null, Icons.icon(Icons.THEME));
        menu.setId("tb-theme");
        menu.setFocusTraversable(false);
        menu.getStyleClass().add(Styles.TOOL_BUTTON);
        menu.setTooltip(new Tooltip("Theme"));
        ToggleGroup group = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setId("theme-" + t.id());
            item.setToggleGroup(group);
            item.setSelected(vm.getTheme() == t);
            item.setOnAction(e -> vm.setTheme(t));
            menu.getItems().add(item);
        }
        vm.themeProperty().addListener((obs, old, t) ->
                group.getToggles().get(t.ordinal()).setSelected(true));
        return menu;
    }
}
