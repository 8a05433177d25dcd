package backprop.engine.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds backends with {@link ServiceLoader} and picks one. The choice can be forced with the
 * system property {@code backprop.backend} or the environment variable
 * {@code BACKPROP_BACKEND}; otherwise the highest-ranked available backend wins. The rest
 * of the code asks for {@link #current()} and never knows which one runs.
 */
public final class Backends {
    private static volatile Backend current;
    private static volatile String whyCurrent = "";
    private static List<Info> cached;

    private Backends() {}

    /** A discovered backend, whether it can run here and why (not). */
    public record Info(String name, int rank, boolean available, String reason, BackendProvider provider) {}

    public static synchronized List<Info> list() {
        if (cached == null) {
            List<Info> out = new ArrayList<>();
            boolean sawJava = false;
            for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
                out.add(info(p));
                sawJava |= p.name().equals("java");
            }
            // The reference backend is part of the engine itself: present even if the
            // service file was lost by a repackaging tool.
            if (!sawJava) out.add(info(new JavaBackend.Provider()));
            out.sort(Comparator.comparingInt(Info::rank).reversed().thenComparing(Info::name));
            cached = List.copyOf(out);
        }
        return cached;
    }

    private static Info info(BackendProvider p) {
        BackendProvider.Availability a;
        try {
            a = p.probe();
        } catch (Throwable t) { // a provider must not break discovery, even with a linkage error
            a = BackendProvider.Availability.no(t.getClass().getSimpleName() + ": " + t.getMessage());
        }
        return new Info(p.name(), p.rank(), a.available(), a.reason(), p);
    }

    /** A backend fixed for one thread while a training step runs (see {@link #pinned}). */
    private static final ThreadLocal<Backend> PINNED = new ThreadLocal<>();

    /**
     * Runs {@code body} with the backend in use now fixed for this thread: a live switch from
     * another thread (the app's setting) takes effect at the next step, never halfway through one.
     */
    public static <T> T pinned(java.util.function.Function<Backend, T> body) {
        Backend outer = PINNED.get();
        Backend b = outer != null ? outer : current();
        PINNED.set(b);
        try {
            return body.apply(b);
        } finally {
            if (outer == null) PINNED.remove();
        }
    }

    /** The backend in use (the one pinned for this thread's step, if any), chosen on first call. */
    public static Backend current() {
        Backend p = PINNED.get();
        if (p != null) return p;
        Backend b = current;
        if (b == null) {
            synchronized (Backends.class) {
                if (current == null) choose();
                b = current;
            }
        }
        return b;
    }

    /** Why the current backend was chosen, for the status bar and {@code backends}. */
    public static String whyCurrent() {
        current();
        return whyCurrent;
    }

    /**
     * Switches to a backend by name, live: every kernel call after this one uses it (the app's
     * status-bar setting calls this between two steps). Falls back to java, saying why, if it
     * cannot run; returns whether the named one is now in use.
     */
    public static synchronized boolean switchTo(String name) {
        use(name);
        return current.name().equals(name);
    }

    /** Forces a backend by name; falls back to java with a reason if it cannot run. */
    public static synchronized void use(String name) {
        for (Info i : list()) {
            if (i.name().equals(name)) {
                if (i.available()) {
                    current = i.provider().create();
                    whyCurrent = "requested: " + name;
                } else {
                    current = new JavaBackend();
                    whyCurrent = name + " unavailable (" + i.reason() + "), using java";
                }
                return;
            }
        }
        current = new JavaBackend();
        whyCurrent = "no backend named '" + name + "', using java";
    }

    private static void choose() {
        String wanted = System.getProperty("backprop.backend");
        if (wanted == null || wanted.isBlank()) wanted = System.getenv("BACKPROP_BACKEND");
        if (wanted != null && !wanted.isBlank()) {
            use(wanted.trim());
            return;
        }
        for (Info i : list()) {
            if (i.available()) {
                current = i.provider().create();
                whyCurrent = "highest-ranked available backend";
                return;
            }
        }
        current = new JavaBackend();
        whyCurrent = "fallback";
    }
}
