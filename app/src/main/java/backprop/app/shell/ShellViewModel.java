package backprop.app.shell;

import backprop.app.theme.Theme;
import backprop.engine.backend.Backend;
import backprop.engine.backend.Backends;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The shell's state, with javafx.beans only (no scene graph), so navigation, theme and presenter
 * logic is unit-tested without a window (JabRef view-model style). The shell's nodes bind to these
 * properties; handlers only call the methods here.
 */
public final class ShellViewModel {
    private final ReadOnlyStringWrapper currentViewId = new ReadOnlyStringWrapper(this, "currentViewId", null);
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyBooleanWrapper presenterMode = new ReadOnlyBooleanWrapper(this, "presenterMode", false);
    private final BooleanProperty helpVisible = new SimpleBooleanProperty(this, "helpVisible", false);
    /** True when the current view offers a Transport: the toolbar's transport buttons enable on it. */
    private final ReadOnlyBooleanWrapper transportAvailable = new ReadOnlyBooleanWrapper(this, "transportAvailable", false);

    // Status bar texts. The shell feeds them from the engine and the current view.
    private final StringProperty backendText = new SimpleStringProperty(this, "backendText", "");
    private final StringProperty backendReason = new SimpleStringProperty(this, "backendReason", "");
    private final javafx.collections.ObservableList<String> backendChoices = javafx.collections.FXCollections.observableArrayList();
    private final StringProperty chosenBackend = new SimpleStringProperty(this, "chosenBackend");
    private final StringProperty seedText = new SimpleStringProperty(this, "seedText", "");
    private final StringProperty stepText = new SimpleStringProperty(this, "stepText", "");
    private final StringProperty speedText = new SimpleStringProperty(this, "speedText", "");
    private final StringProperty fpsText = new SimpleStringProperty(this, "fpsText", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    private final List<String> viewIds;

    /** @param viewIds the views that may be shown, in rail order (the registry's available ones) */
    public ShellViewModel(List<String> viewIds) {
        this.viewIds = List.copyOf(viewIds);
    }

    /** Shows view {@code id}; ignored (returns false) for unknown or "coming soon" ids. */
    public boolean navigate(String id) {
        if (id == null || !viewIds.contains(id)) return false;
        currentViewId.set(id);
        return true;
    }

    /** Next (+1) or previous (−1) view in rail order, wrapping round: Ctrl+PgDn / Ctrl+PgUp. */
    public void navigateBy(int delta) {
        if (viewIds.isEmpty()) return;
        String id = getCurrentViewId();
        int i = id == null ? -1 : viewIds.indexOf(id);
        int n = viewIds.size();
        navigate(viewIds.get(Math.floorMod((i < 0 ? 0 : i) + delta, n)));
    }

    public void nextTheme() { theme.set(theme.get().next()); }

    public void togglePresenter() { setPresenterMode(!presenterMode.get()); }

    public void setPresenterMode(boolean on) {
        presenterMode.set(on);
        if (on) helpVisible.set(false);
    }

    public void toggleHelp() { helpVisible.set(!helpVisible.get()); }

    /** Escape: closes the help first if it is open, otherwise leaves presenter mode. */
    public void leave() {
        if (helpVisible.get()) helpVisible.set(false);
        else setPresenterMode(false);
    }

    public void setTransportAvailable(boolean available) { transportAvailable.set(available); }

    /** Sets the status-bar frame rate from a measured value (NaN: unknown yet). */
    public void setFps(double fps) {
        fpsText.set(Double.isNaN(fps) ? "" : String.format("%.0f fps", fps));
    }

    public void setSeed(long seed) { seedText.set(seed < 0 ? "" : "seed " + seed); }

    public void setBackend(String name, String reason) {
        backendText.set("backend " + name);
        backendReason.set(reason == null ? "" : reason);
        if (!name.equals(chosenBackend.get())) chosenBackend.set(name);
    }

    /**
     * Fills the status bar's backend setting from the engine: every available backend, the one
     * in use chosen. Choosing another switches the engine live (the next training step uses
     * it) and the status bar says why and how reproducible its results are.
     */
    public void initBackends() {
        List<String> names = new java.util.ArrayList<>();
        for (Backends.Info i : Backends.list()) if (i.available()) names.add(i.name());
        backendChoices.setAll(names);
        showBackend();
        chosenBackend.addListener((obs, old, name) -> {
            if (name == null || name.equals(Backends.current().name())) return;
            Backends.switchTo(name);
            showBackend();
        });
    }

    private void showBackend() {
        Backend b = Backends.current();
        setBackend(b.name(), Backends.whyCurrent() + "; " + b.determinism());
    }

    /** The backends that can run here, for the status bar's setting. */
    public javafx.collections.ObservableList<String> backendChoices() { return backendChoices; }

    /** The backend chosen in the status bar (bidirectionally bound to its combo box). */
    public StringProperty chosenBackendProperty() { return chosenBackend; }

    public ReadOnlyStringProperty currentViewIdProperty() { return currentViewId.getReadOnlyProperty(); }
    public String getCurrentViewId() { return currentViewId.get(); }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public Theme getTheme() { return theme.get(); }
    public void setTheme(Theme t) { theme.set(t); }
    public ReadOnlyBooleanProperty presenterModeProperty() { return presenterMode.getReadOnlyProperty(); }
    public boolean isPresenterMode() { return presenterMode.get(); }
    public BooleanProperty helpVisibleProperty() { return helpVisible; }
    public boolean isHelpVisible() { return helpVisible.get(); }
    public ReadOnlyBooleanProperty transportAvailableProperty() { return transportAvailable.getReadOnlyProperty(); }
    public StringProperty backendTextProperty() { return backendText; }
    public StringProperty backendReasonProperty() { return backendReason; }
    public StringProperty seedTextProperty() { return seedText; }
    public StringProperty stepTextProperty() { return stepText; }
    public StringProperty speedTextProperty() { return speedText; }
    public StringProperty fpsTextProperty() { return fpsText; }
    public StringProperty messageProperty() { return message; }
}
