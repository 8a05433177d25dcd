package backprop.app.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A list of views in navigation-rail order: {@link ViewInfo} → how to make the view. Views are
 * created lazily, once, on first visit (or by {@code render}); entries without a factory are shown
 * in the rail as "coming soon". It knows no view class: the app's own list is
 * {@code backprop.app.views.StudioViews}, tests and benchmarks build their own.
 */
public final class ViewRegistry {
    /** One rail entry. {@code factory} is null for a view that does not exist yet. */
    public record Entry(ViewInfo info, Supplier<StudioView> factory) {
        public String id() { return info.id(); }
        public String title() { return info.title(); }
        public String iconLiteral() { return info.iconLiteral(); }
        public boolean available() { return factory != null; }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, StudioView> created = new LinkedHashMap<>();
    private final Map<String, java.util.function.Predicate<java.nio.file.Path>> claims = new LinkedHashMap<>();

    public ViewRegistry add(ViewInfo info, Supplier<StudioView> factory) {
        if (entries.containsKey(info.id())) throw new IllegalArgumentException("view id '" + info.id() + "' registered twice");
        entries.put(info.id(), new Entry(info, factory));
        return this;
    }

    /**
     * Says that view {@code id} opens the files or folders {@code claims} accepts when they are
     * dropped on the window (a lesson folder: the Lessons view), through {@link StudioView#openDropped}.
     * The shell asks {@link #claimant} and so never names the view.
     */
    public ViewRegistry claim(String id, java.util.function.Predicate<java.nio.file.Path> claims) {
        if (!entries.containsKey(id)) throw new IllegalArgumentException("no view '" + id + "' to claim files for");
        this.claims.put(id, claims);
        return this;
    }

    /** The view that claims {@code path}, if any (first registered wins). Cheap: creates no view. */
    public Optional<String> claimant(java.nio.file.Path path) {
        for (var e : claims.entrySet()) if (isAvailable(e.getKey()) && e.getValue().test(path)) return Optional.of(e.getKey());
        return Optional.empty();
    }

    public ViewRegistry comingSoon(ViewInfo info) {
        return add(info, null);
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

    /**
     * The view for {@code id}, created on first call and cached. FX thread only. A view whose own
     * {@link StudioView#info()} differs from the one it was registered with is refused: the id,
     * title and icon are written once, in the view.
     */
    public StudioView view(String id) {
        StudioView v = created.get(id);
        if (v != null) return v;
        Entry e = entries.get(id);
        if (e == null || !e.available()) {
            throw new IllegalArgumentException("no view '" + id + "' (available: " + String.join(", ", availableIds()) + ")");
        }
        v = e.factory().get();
        if (!e.info().equals(v.info())) {
            v.dispose();
            throw new IllegalStateException("view '" + id + "' was registered as " + e.info() + " but says it is " + v.info());
        }
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
