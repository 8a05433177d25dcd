package backprop.app.export;

/**
 * Starts JavaFX without a display (Monocle's headless glass, software rendering). Deliberately free
 * of JavaFX imports: the properties must be set before the first JavaFX class initialises, so call
 * {@link #configure()} first thing in a command's {@code call()}.
 */
public final class HeadlessToolkit {
    private HeadlessToolkit() {}

    /** Sets the system properties for headless JavaFX unless the caller already chose others. */
    public static void configure() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
