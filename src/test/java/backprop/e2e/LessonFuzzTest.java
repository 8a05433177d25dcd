package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutants of every shipped lesson file (flipped bytes, truncation, wrong types, deep nesting,
 * duplicated keys, control characters…) through {@code lesson check}: each is accepted, fails a
 * check, or is refused, and every message is one line naming the lesson file; none is an
 * internal error. {@code -Dlesson.fuzz.cases=N} runs more.
 */
class LessonFuzzTest {
    @TempDir
    Path tmp;

    @Test
    void mutatedLessonsAreAcceptedOrRefusedInOneLine() throws Exception {
        int cases = Integer.getInteger("lesson.fuzz.cases", 300);
        List<Path> lessons = LessonCommandTest.shippedLessons();
        for (int c = 0; c < cases; c++) {
            Path source = lessons.get(c % lessons.size());
            Path dir = tmp.resolve("case" + c).resolve(source.getFileName().toString());
            Files.createDirectories(dir);
            try (var files = Files.list(source)) {
                for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName()));
            }
            String mutant = new JsonMutator(c).mutate(Files.readString(source.resolve("lesson.json")));
            Files.writeString(dir.resolve("lesson.json"), mutant);
            CliRun run = CliRun.of("lesson", "check", dir.toString());
            String why = "seed " + c + " on " + source.getFileName() + "\n" + run + "\n--- mutant\n" + mutant;
            assertTrue(run.exitCode() >= 0 && run.exitCode() <= 2, why);
            assertTrue(!run.err().contains("internal error") && !run.err().contains("Exception:"), why);
            for (String line : run.err().strip().lines().toList()) {
                assertTrue(line.contains("lesson.json"), "every message names the file: " + why);
                assertTrue(line.length() <= 600, "one short line: " + why);
            }
            if (run.exitCode() == 0) assertTrue(run.err().isBlank(), why);
        }
    }
}
