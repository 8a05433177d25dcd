package backprop.app;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 21's hostile network files for the app: every limits file that is over a limit, the issue's
 * reproductions, and files that are not network files at all. Written into a folder the test owns.
 *
 * @param name     the file's name, which every message must contain
 * @param body     its text (null: made by {@link #write} in some other way)
 * @param accepted true for the one reproduction that is a valid network both views show (case 3)
 */
record HostileNetworkFiles(String name, String body, boolean accepted) {
    private static final String HEAD = "\"format\": \"backprop-studio.network\", \"version\": 1, ";
    static final String BIG = "over-64-mb.json", MISSING = "missing.json", FOLDER = "a-folder.json";

    @Override public String toString() { return name; }

    static Stream<HostileNetworkFiles> all() throws IOException {
        List<HostileNetworkFiles> out = new ArrayList<>();
        try (Stream<Path> limits = Files.list(limitsFolder())) {
            limits.filter(p -> p.getFileName().toString().endsWith("-over.json")).sorted()
                    .forEach(p -> out.add(new HostileNetworkFiles(p.getFileName().toString(), read(p), false)));
        }
        for (int n : new int[] {31, 24, 30, 32}) {
            out.add(spec("majority-" + n + ".json", "\"input\": {\"shape\": [" + n + "]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], \"dataset\": {\"name\": \"majority\"}"));
        }
        for (int n : new int[] {46_341, 65_536, 40_000}) {
            out.add(spec("huge-" + n + ".json", "\"input\": {\"shape\": [" + n + "]}, \"layers\": [{\"type\": \"dense\", \"units\": " + n + "}], \"dataset\": {\"name\": \"xor\"}"));
        }
        out.add(new HostileNetworkFiles("empty-name.json", "{" + HEAD + "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"name\": \"\", \"units\": 2}, "
                + "{\"type\": \"dense\", \"units\": 1}], \"dataset\": {\"name\": \"xor\"}}", true));
        out.add(spec("split.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], \"training\": {\"validationSplit\": 0.1}, \"dataset\": {\"name\": \"xor\"}"));
        out.add(spec("units-2-64.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 18446744073709551617}], \"dataset\": {\"name\": \"xor\"}"));
        out.add(new HostileNetworkFiles("version-2-64.json", "{\"format\": \"backprop-studio.network\", \"version\": 18446744073709551617, "
                + "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], \"dataset\": {\"name\": \"xor\"}}", false));
        out.add(spec("beta2.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], "
                + "\"training\": {\"optimizer\": \"adam\", \"beta2\": 0.99999999}, \"dataset\": {\"name\": \"xor\"}"));
        out.add(spec("newline.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1, \"activation\": \"a\\nb\"}], \"dataset\": {\"name\": \"xor\"}"));
        out.add(spec("long.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1, \"activation\": \""
                + "x".repeat(1_000_000) + "\"}], \"dataset\": {\"name\": \"xor\"}"));
        out.add(spec("samples.json", "\"input\": {\"shape\": [2]}, \"layers\": [{\"type\": \"dense\", \"units\": 1}], \"dataset\": {\"name\": \"circle\", \"samples\": 10000000}"));
        out.add(new HostileNetworkFiles("not-json.json", "this is not JSON {", false));
        out.add(new HostileNetworkFiles("empty.json", "", false));
        out.add(new HostileNetworkFiles(MISSING, null, false));
        out.add(new HostileNetworkFiles(FOLDER, null, false));
        out.add(new HostileNetworkFiles(BIG, null, false));
        return out.stream();
    }

    /** Puts the file into {@code dir} and returns its path (a missing one is not created). */
    Path write(Path dir) throws IOException {
        Path p = dir.resolve(name);
        if (body != null) Files.writeString(p, body);
        else if (name.equals(FOLDER)) Files.createDirectories(p);
        else if (name.equals(BIG)) {
            try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                f.setLength((64L << 20) + 1); // sparse: the reader must refuse it by its size, unread
            }
        }
        return p;
    }

    private static HostileNetworkFiles spec(String name, String body) {
        return new HostileNetworkFiles(name, "{" + HEAD + body + "}", false);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** engine/src/test/resources/limits, from the app module (Maven's working directory) or the repository root. */
    private static Path limitsFolder() {
        Path here = Path.of("engine/src/test/resources/limits");
        return Files.isDirectory(here) ? here : Path.of("..").resolve(here);
    }
}
