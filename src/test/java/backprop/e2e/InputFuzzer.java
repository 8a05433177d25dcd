package backprop.e2e;

import backprop.engine.spec.UserText;
import java.io.IOException;
import java.io.PrintStream;
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

/**
 * The fuzz loop behind {@link InputFuzzTest}: seeded mutants of every network file in the
 * repository, and of trace's --input and --target, each run in this JVM through the command
 * line's own code (read, check, build, train two epochs, trace) and classified. A plain class
 * with a {@code main}, so a long run also works from the packaged test classes without Maven.
 */
final class InputFuzzer {
    static final long TIMEOUT_S = 20;
    private static final int REPORTED = 5;
    // A case slower than this is named in the log: slow cases are where hangs start.
    private static final long SLOW_MS = 1000;

    // Building the command line takes about as long as a refused case; one per worker thread,
    // reused (picocli resets every option before each parse), makes the long run twice as fast.
    private static final ThreadLocal<ReusedCli> CLI = ThreadLocal.withInitial(ReusedCli::new);

    private InputFuzzer() {}

    /** One command line and its two captured streams, run again and again. */
    private static final class ReusedCli {
        private final java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        private final picocli.CommandLine cli = backprop.app.cli.Cli.create(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));

        CliRun run(String... args) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int code = cli.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        }
    }

    /** Counts per outcome and the first few failures, each with its seed and the mutant, cut. */
    record Result(Map<FuzzOutcome, Integer> counts, List<String> failures) {
        int count(FuzzOutcome o) { return counts.getOrDefault(o, 0); }
    }

    /** A network file to mutate, with a batch that fits it, so trace gets as far as the network allows. */
    private record Seed(String name, String text, String input, String target) {}

    /** {@code java -cp … backprop.e2e.InputFuzzer CASES [SEED]} with -Dbackprop.root set to the repository. */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fuzz");
        Result r = run(Integer.parseInt(args[0]), args.length > 1 ? Long.parseLong(args[1]) : 21L, dir, System.out);
        r.failures().forEach(System.out::println);
        System.exit(r.failures().isEmpty() ? 0 : 1);
    }

    static Result run(int cases, long firstSeed, Path dir, PrintStream log) throws IOException {
        List<Seed> seeds = seeds();
        Map<FuzzOutcome, Integer> counts = new EnumMap<>(FuzzOutcome.class);
        List<String> failures = new ArrayList<>();
        ExecutorService worker = newWorker();
        Path spec = dir.resolve("case.json");
        long started = System.nanoTime();
        try {
            for (int i = 0; i < cases; i++) {
                long seed = firstSeed + i;
                Seed s = seeds.get((int) Math.floorMod(seed, (long) seeds.size()));
                JsonMutator m = new JsonMutator(seed);
                boolean batchCase = i % 4 == 3; // one case in four mutates --input/--target instead of the file
                String text = batchCase ? s.text() : m.mutate(s.text());
                String input = batchCase && i % 8 == 3 ? m.mutate(s.input()) : s.input();
                String target = batchCase && i % 8 == 7 ? m.mutate(s.target()) : s.target();
                Files.writeString(spec, text);
                FuzzOutcome outcome;
                String detail;
                long caseStart = System.nanoTime();
                Future<String[]> run = worker.submit(() -> runCase(spec, input, target));
                try {
                    String[] r = run.get(TIMEOUT_S, TimeUnit.SECONDS);
                    outcome = FuzzOutcome.valueOf(r[0]);
                    detail = r[1];
                } catch (TimeoutException e) {
                    outcome = FuzzOutcome.FAILURE;
                    detail = "no answer within " + TIMEOUT_S + " s (a hang)";
                    worker.shutdownNow(); // the stuck thread is a daemon; the next case gets a fresh one
                    worker = newWorker();
                } catch (ExecutionException e) {
                    outcome = FuzzOutcome.FAILURE;
                    detail = "escaped the command line: " + e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                counts.merge(outcome, 1, Integer::sum);
                long ms = (System.nanoTime() - caseStart) / 1_000_000;
                if (ms > SLOW_MS) log.printf("fuzz: seed %d took %d ms (%s)%n", seed, ms, outcome);
                if (outcome == FuzzOutcome.FAILURE && failures.size() < REPORTED) {
                    failures.add("seed " + seed + " (" + s.name() + (batchCase ? ", --input " + cut(input) + " --target " + cut(target) : "")
                            + "): " + detail + "\n    mutant: " + cut(text));
                }
                if ((i + 1) % 10_000 == 0) log.printf("fuzz: %d cases so far: %s%n", i + 1, counts);
            }
        } finally {
            worker.shutdownNow();
        }
        log.printf("fuzz: %d cases from seed %d in %.1f s: %s%n", cases, firstSeed, (System.nanoTime() - started) / 1e9, counts);
        return new Result(counts, failures);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

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
            // The CNNs on the 8,000 digits take seconds an epoch, past a case's time limit however
            // sound the mutant; specs/tiny-cnn.json brings image layers into the fuzz instead.
            if (text.contains("\"dataset\": {\"name\": \"mnist\"}")) continue;
            // Likewise the built-in sequence models: a mutant that keeps their 20 to 32 steps and
            // gives the LSTM a thousand units is sound but takes minutes; specs/tiny-lstm.json
            // (4 steps) and the by-hand recurrent specs bring recurrent layers into the fuzz instead.
            if (f.startsWith(CliRun.root().resolve("engine/src/main/resources")) && text.matches("(?s).*\"type\": \"(lstm|gru|rnn)\".*")) continue;
            boolean eight = text.contains("\"shape\": [8]"), image = text.contains("\"shape\": [1, 3, 3]");
            String input = eight ? "[[1,0,0,0,0,0,0,0]]" : image ? "[[0.1, 0.9, 0.2, 0.4, 0.3, 0.8, 0.5, 0.6, 0.6]]" : "[[0.05, 0.1], [1, 0]]";
            String target = eight ? "[[1,0,0,0,0,0,0,0]]" : image ? "[[1]]" : "[[0.01], [1]]";
            // Sequence networks get sequences: two samples of their T steps of one feature, a target per step.
            java.util.regex.Matcher steps = java.util.regex.Pattern.compile("\"shape\": \\[(\\d+), 1\\]").matcher(text);
            if (steps.find()) {
                int t = Integer.parseInt(steps.group(1));
                input = "[" + sequence(t, 0.5) + ", " + sequence(t, 1) + "]";
                target = "[" + sequence(t, 1) + ", " + sequence(t, 0) + "]";
            }
            seeds.add(new Seed(f.getFileName().toString(), text, input, target));
        }
        return seeds;
    }

    /** A sequence of {@code t} steps of one feature, every step {@code v}: [[v], [v], …]. */
    private static String sequence(int t, double v) {
        return "[" + String.join(", ", java.util.Collections.nCopies(t, "[" + v + "]")) + "]";
    }

    /** train (two epochs) then trace on the same file; the worse of the two outcomes, and the stderr that decided it. */
    private static String[] runCase(Path spec, String input, String target) {
        String file = spec.toString();
        CliRun train = CLI.get().run("train", "--spec", file, "--epochs", "2");
        FuzzOutcome t = FuzzOutcome.of(train, List.of(file));
        CliRun trace = CLI.get().run("trace", "--spec", file, "--input", input, "--target", target);
        FuzzOutcome r = FuzzOutcome.of(trace, List.of(file, "--input", "--target"));
        FuzzOutcome worst = t.worse(r);
        CliRun decided = worst == t ? train : trace;
        return new String[] {worst.name(), (decided == train ? "train" : "trace") + " exit " + decided.exitCode() + ": " + cut(decided.err())};
    }

    private static String cut(String s) { return UserText.cut(UserText.escape(s), 400); }
}
