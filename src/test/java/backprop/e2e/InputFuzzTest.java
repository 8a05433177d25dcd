package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import backprop.engine.spec.UserText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: seeded mutants of every network file in the repository, and of trace's --input and
 * --target, run in this JVM through the same code the jar runs (read, check, build, train two
 * epochs, trace). Each must be accepted, refused in one clean line, or diverge with a message;
 * anything else (another exception, a multi-line or overlong message, running out of memory, a
 * hang past the per-case timeout) fails the test with the mutant that caused it.
 *
 * <p>{@code -Dfuzz.cases=N} sets the number of cases (default 2000; {@code -Pfuzz-long}: 100,000),
 * {@code -Dfuzz.seed=S} the first seed. Counts per outcome are printed at the end.
 */
class InputFuzzTest {
    private static final int CASES = Integer.getInteger("fuzz.cases", 2000);
    private static final long SEED = Long.getLong("fuzz.seed", 21L);
    private static final long TIMEOUT_S = 20;
    private static final int REPORTED = 5;

    @TempDir
    Path dir;

    /** A network file to mutate, with a batch that fits it, so trace gets as far as the network allows. */
    private record Seed(String name, String text, String input, String target) {}

    private static List<Seed> seeds() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("engine/src/main/resources/backprop/engine/models", "src/test/resources/specs")) {
            try (Stream<Path> s = Files.list(CliRun.root().resolve(folder))) {
                s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        List<Seed> seeds = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f);
            boolean eight = text.contains("\"shape\": [8]");
            seeds.add(new Seed(f.getFileName().toString(), text,
                    eight ? "[[1,0,0,0,0,0,0,0]]" : "[[0.05, 0.1], [1, 0]]", eight ? "[[1,0,0,0,0,0,0,0]]" : "[[0.01], [1]]"));
        }
        return seeds;
    }

    @Test
    void noMutantCrashesHangsOrLies() throws Exception {
        List<Seed> seeds = seeds();
        Map<FuzzOutcome, Integer> counts = new EnumMap<>(FuzzOutcome.class);
        List<String> failures = new ArrayList<>();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
        Path spec = dir.resolve("case.json");
        long started = System.nanoTime();
        try {
            for (int i = 0; i < CASES; i++) {
                long seed = SEED + i;
                Seed s = seeds.get((int) Math.floorMod(seed, (long) seeds.size()));
                JsonMutator m = new JsonMutator(seed);
                boolean batchCase = i % 4 == 3; // one case in four mutates --input/--target instead of the file
                String text = batchCase ? s.text() : m.mutate(s.text());
                String input = batchCase && i % 8 == 3 ? m.mutate(s.input()) : s.input();
                String target = batchCase && i % 8 == 7 ? m.mutate(s.target()) : s.target();
                Files.writeString(spec, text);
                FuzzOutcome outcome;
                String detail;
                Future<String[]> run = worker.submit(() -> runCase(spec, input, target));
                try {
                    String[] r = run.get(TIMEOUT_S, TimeUnit.SECONDS);
                    outcome = FuzzOutcome.valueOf(r[0]);
                    detail = r[1];
                } catch (TimeoutException e) {
                    outcome = FuzzOutcome.FAILURE;
                    detail = "no answer within " + TIMEOUT_S + " s (a hang)";
                    run.cancel(true);
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(r -> {
                        Thread t = new Thread(r, "fuzz-case");
                        t.setDaemon(true);
                        return t;
                    });
                } catch (ExecutionException e) {
                    outcome = FuzzOutcome.FAILURE;
                    detail = "escaped the command line: " + e.getCause();
                }
                counts.merge(outcome, 1, Integer::sum);
                if (outcome == FuzzOutcome.FAILURE && failures.size() < REPORTED) {
                    failures.add("seed " + seed + " (" + s.name() + (batchCase ? ", --input " + cut(input) + " --target " + cut(target) : "")
                            + "): " + detail + "\n    mutant: " + cut(text));
                }
            }
        } finally {
            worker.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: %d cases from seed %d in %.1f s: %s%n", CASES, SEED, seconds, counts);
        if (!failures.isEmpty()) fail(counts.getOrDefault(FuzzOutcome.FAILURE, 0) + " failures, the first:\n" + String.join("\n", failures));
        assertTrue(counts.getOrDefault(FuzzOutcome.ACCEPTED, 0) > 0 && counts.getOrDefault(FuzzOutcome.REFUSED, 0) > 0,
                "the mutants exercise both sides: " + counts);
    }

    /** train (two epochs) then trace on the same file; the worse of the two outcomes, and the stderr that decided it. */
    private static String[] runCase(Path spec, String input, String target) {
        String file = spec.toString();
        CliRun train = CliRun.of("train", "--spec", file, "--epochs", "2");
        FuzzOutcome t = FuzzOutcome.of(train, List.of(file));
        CliRun trace = CliRun.of("trace", "--spec", file, "--input", input, "--target", target);
        FuzzOutcome r = FuzzOutcome.of(trace, List.of(file, "--input", "--target"));
        FuzzOutcome worst = t.worse(r);
        CliRun decided = worst == t ? train : trace;
        return new String[] {worst.name(), (decided == train ? "train" : "trace") + " exit " + decided.exitCode() + ": " + cut(decided.err())};
    }

    private static String cut(String s) { return UserText.cut(UserText.escape(s), 400); }
}
