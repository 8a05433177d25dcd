package backprop.engine.spec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Phase 1: a spec past a limit is refused after reading, naming the path, the value and the limit. */
class SpecLimitsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("backprop.engine.spec.LimitFiles#overSpecLimitsChecks")
    void refusesOnePastEachLimit(String name, String path, long value, long limit) throws SpecException {
        NetworkSpec spec = SpecReader.read(LimitFiles.file(name));
        SpecException e = assertThrows(SpecException.class, () -> SpecLimits.check(spec, name));
        assertNames(e, name, path, value, limit);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backprop.engine.spec.LimitFiles#atLimit")
    void acceptsTheLimitItself(String name) throws SpecException {
        NetworkSpec spec = SpecReader.read(LimitFiles.file(name));
        assertDoesNotThrow(() -> SpecLimits.check(spec, name));
    }

    static void assertNames(SpecException e, String file, String path, long value, long limit) {
        String m = e.getMessage();
        assertTrue(m.startsWith(file + ": " + (path.isEmpty() ? "" : path + ": ")), m);
        assertTrue(m.contains(String.valueOf(value)), () -> "names the value " + value + ": " + m);
        assertTrue(m.contains(String.valueOf(limit)), () -> "names the limit " + limit + ": " + m);
        assertTrue(m.lines().count() == 1 && m.length() <= 300, m);
    }
}
