package backprop.engine.backend;

/**
 * How {@link Backends} discovers a backend through {@link java.util.ServiceLoader}.
 * Discovery must be cheap and safe: {@link #probe()} may try to load native code once and
 * must report failure as an {@link Availability}, never by throwing.
 */
public interface BackendProvider {
    String name();

    /** Higher wins when several are available and none is asked for by name. */
    int rank();

    Availability probe();

    Backend create();

    /** Whether a backend can run here, and if not, why not (shown to the user). */
    record Availability(boolean available, String reason) {
        public static Availability yes(String reason) { return new Availability(true, reason); }
        public static Availability no(String reason) { return new Availability(false, reason); }
    }
}
