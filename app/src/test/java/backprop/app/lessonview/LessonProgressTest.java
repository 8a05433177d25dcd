package backprop.app.lessonview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress survives a restart, lessons keep separate entries, and a damaged file is set aside in one line. */
class LessonProgressTest {
    @TempDir
    Path home;

    @BeforeEach
    void point() { System.setProperty(LessonProgress.HOME_PROPERTY, home.toString()); }

    @AfterEach
    void clear() { System.clearProperty(LessonProgress.HOME_PROPERTY); }

    @Test
    void progressIsKeptPerLessonAcrossRestarts() {
        LessonProgress p = LessonProgress.load();
        p.setStep("a", 3);
        p.answered("a", 2, true);
        p.setStep("b", 1);
        p.answered("b", 1, false);
        LessonProgress again = LessonProgress.load();
        assertNull(again.problem());
        assertEquals(new LessonProgress.Entry(3, Map.of(2, true)), again.entry("a"));
        assertEquals(new LessonProgress.Entry(1, Map.of(1, false)), again.entry("b"));
        assertEquals(new LessonProgress.Entry(0, Map.of()), again.entry("never opened"));
    }

    @Test
    void aDamagedFileIsSetAsideInOneLine() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{\"lessons\": {\"a\": {\"step\": 2,");
        LessonProgress p = LessonProgress.load();
        assertTrue(p.problem().contains("progress.json: saved lesson progress cannot be read"), p.problem());
        assertEquals(1, p.problem().lines().count());
        assertEquals(0, p.entry("a").step());
        assertTrue(Files.exists(home.resolve("progress.json.unreadable")), "the damaged file is kept for a look");
        p.setStep("a", 1); // and the next save writes a good file again
        assertEquals(1, LessonProgress.load().entry("a").step());
    }
}
