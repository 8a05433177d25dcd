package backprop.e2e;

import java.util.List;

/**
 * What one fuzzed command did, judged by the command-line contract: exit 0; or one line on
 * stderr that names the file or option, is at most 300 characters and is not an internal
 * error, with exit 2 (refused) or exit 1 (diverged); anything else is a failure.
 */
enum FuzzOutcome {
    ACCEPTED, REFUSED, DIVERGED, FAILURE;

    static final int MAX_LINE = 300;

    /** {@code names}: what a refusal must name (the spec file, or "--input" / "--target"). */
    static FuzzOutcome of(CliRun run, List<String> names) {
        // Progress lines are legitimate stderr output of a long run; they are not the error.
        List<String> lines = run.err().lines().filter(l -> !l.matches("epoch \\d+ of \\d+, .* epochs/s")).toList();
        if (run.exitCode() == 0) return lines.isEmpty() ? ACCEPTED : FAILURE;
        if (lines.size() != 1) return FAILURE;
        String line = lines.get(0);
        if (line.length() > MAX_LINE || line.contains("internal error") || line.contains("out of memory")) return FAILURE;
        if (run.exitCode() == 1 && line.contains(": training diverged: ")) return DIVERGED;
        if (run.exitCode() == 2 && names.stream().anyMatch(line::contains)) return REFUSED;
        return FAILURE;
    }

    FuzzOutcome worse(FuzzOutcome o) { return o.ordinal() > ordinal() ? o : this; }
}
