package backprop.app.shell;

import backprop.app.backprop.BackpropView;
import backprop.app.playground.PlaygroundView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The views the app knows, in navigation-rail order: id → how to make it. Views are created
 * lazily, once, on first visit (or by {@code render}); entries without a factory are shown in the
 * rail as "coming soon". To add a view: implement {@link StudioView} and add one line to
 * {@link #defaults()}.
 */
public final class ViewRegistry {
    /** One rail entry. {@code factory} is null for a view that does not exist yet. */
    public record Entry(String id, String title, String iconLiteral, Supplier<StudioView> factory) {
        public boolean available() { return factory != null; }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, StudioView> created = new LinkedHashMap<>();

    /** The app's real views plus the placeholders for later issues. */
    public static ViewRegistry defaults() {
        return new ViewRegistry()
                .add("playground", "Playground", "mdi2g-gesture-tap", PlaygroundView::new)
                .add("backprop", "Backprop", "mdi2s-step-forward", BackpropView::new)
                .comingSoon("recurrent", "Recurrent", "mdi2r-repeat")
                .comingSoon("cnn", "CNN", "mdi2g-grid")
                .comingSoon("editor", "Editor", "mdi2p-pencil-ruler")
                .comingSoon("lessons", "Lessons", "mdi2s-school-outline");
    }

    public ViewRegistry add(String id, String title, String iconLiteral, Supplier<StudioView> factory) {
        if (entries.containsKey(id)) throw new IllegalArgumentException("view id '" + id + "' registered twice");
        entries.put(id, new Entry(id, title, iconLiteral, factory));
        return this;
    }

    public ViewRegistry comingSoon(String id, String title, String iconLiteral) {
        return add(id, title, iconLiteral, null);
    }

    public List<Entry> entries() { return List.copyOf(entries.values()); }

    public Optional<Entry> entry(String id) { return Optional.ofNullable(entries.get(id)); }

    /** Ids that can be shown (what {@code render --view} accepts). */
    public List<String> availableIds() {
        List<String> ids = new ArrayList<>();
        for (Entry e : entries.values()) if (e.available()) ids.add(e.id());
        return ids;
    }

    public boolean isAvailable(String id) {
        Entry e = entries.get(id);
        return e != null && e.available();
    }

    /** The view for {@code id}, created on first call and cached. FX thread only. */
    public StudioView view(String id) {
        StudioView v = created.get(id);
        if (v != null) return v;
        Entry e = entries.get(id);
        if (e == null || !e.available()) {
            throw new IllegalArgumentException("no view '" + id + "' (available: " + String.join(", ", availableIds()) + ")");
        }
        v = e.factory().get();
        created.put(id, v);
        return v;
    }

    /** Views created so far, in creation order (what must be disposed on close). */
    public List<StudioView> createdViews() { return Collections.unmodifiableList(new ArrayList<>(created.values())); }

    /** Disposes every created view; one failing view does not stop the others from stopping. */
    public void disposeAll() {
        RuntimeException first = null;
        for (StudioView v : created.values()) {
            try {
                v.dispose();
            } catch (RuntimeException ex) {
                if (first == null) first = ex;
                else first.addSuppressed(ex);
            }
        }
        created.clear();
        if (first != null) throw first;
    }
}
