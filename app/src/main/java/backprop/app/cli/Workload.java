package backprop.app.cli;

/**
 * What the current command is doing that may need a lot of memory, said in advance, so that
 * an {@link OutOfMemoryError} can be reported as what did not fit and how to make it smaller.
 * The sentence is built before the work starts: after the error there may be no memory to
 * build it. Per thread, since tests run commands in the test JVM.
 */
final class Workload {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final String DEFAULT = "running the command; use smaller inputs";

    private Workload() {}

    /** From now on, an out-of-memory error means {@code doing} needed too much; {@code advice} says how to shrink it. */
    static void now(String doing, String advice) {
        CURRENT.set(doing + "; " + advice);
    }

    /** "building the network 2-46341-1 (2,147,...) ; use fewer units", or a general sentence. */
    static String describe() {
        String s = CURRENT.get();
        return s == null ? DEFAULT : s;
    }

    static void clear() { CURRENT.remove(); }
}
