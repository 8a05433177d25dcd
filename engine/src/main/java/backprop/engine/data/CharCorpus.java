package backprop.engine.data;

import backprop.engine.io.LimitedFiles;
import backprop.engine.spec.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A plain-text corpus for a character-level language model (curriculum §7): the text, its
 * vocabulary (the distinct characters, sorted) and windows of it as next-character training
 * data. Characters are Unicode code points, not Java chars, so text beyond the Basic
 * Multilingual Plane (emoji, old scripts) counts one character each and is never split.
 */
public final class CharCorpus {
    /** The corpus that ships with the engine: Jane Austen's Pride and Prejudice (assets/corpus/, public domain). */
    public static final String BUILTIN = "pride-and-prejudice.txt";
    /** Where {@link #BUILTIN} lies on the classpath; engine/pom.xml copies it there from assets/corpus/. */
    public static final String BUILTIN_RESOURCE = "/backprop/engine/data/corpus/" + BUILTIN;

    private final String name;
    private final String text;
    private final int[] vocabulary; // distinct code points, ascending
    private final int[] indices;    // the text, one vocabulary index per code point

    private CharCorpus(String name, String text) {
        this.name = name;
        this.text = text;
        this.vocabulary = text.codePoints().distinct().sorted().toArray();
        this.indices = text.codePoints().map(this::indexOrMinus).toArray();
    }

    /** The corpus in {@code file}, which must be UTF-8 text of at most {@link Limits#CORPUS_FILE_BYTES} bytes. */
    public static CharCorpus read(Path file) throws CorpusException {
        String name = file.toString();
        return of(name, LimitedFiles.read(file, Limits.CORPUS_FILE_BYTES, "a corpus", problem -> new CorpusException(name, "", problem)));
    }

    /** The corpus in {@code bytes}; {@code name} (a file name) names it in messages and in its data. */
    public static CharCorpus of(String name, byte[] bytes) throws CorpusException {
        return new CharCorpus(name, CorpusText.decode(name, bytes));
    }

    /** The corpus that ships with the engine, {@link #BUILTIN}, read from the classpath. */
    public static CharCorpus builtin() {
        try (InputStream in = CharCorpus.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            // Missing or broken, it is a broken build, not a user's mistake.
            if (in == null) throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE + " (copied from assets/corpus/ by engine/pom.xml)");
            return of(BUILTIN, in.readAllBytes());
        } catch (IOException | CorpusException e) {
            throw new IllegalStateException("built-in corpus " + BUILTIN_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The file name the corpus came from. */
    public String name() { return name; }

    public String text() { return text; }

    /** Characters (code points) in the text. */
    public int length() { return indices.length; }

    /** The distinct characters of the text as code points, ascending; a character's index is its place here. */
    public List<Integer> vocabulary() { return Arrays.stream(vocabulary).boxed().toList(); }

    public int vocabularySize() { return vocabulary.length; }

    /** The vocabulary index of {@code codePoint}; a character the text does not have is refused. */
    public int index(int codePoint) {
        int i = indexOrMinus(codePoint);
        if (i < 0) {
            throw new IllegalArgumentException(name + ": the character '" + CharNames.of(codePoint) + String.format("' (U+%04X)", codePoint)
                    + " is not in the corpus, so it has no index");
        }
        return i;
    }

    /** The vocabulary indices of {@code s}, one per code point. */
    public int[] encode(String s) { return s.codePoints().map(this::index).toArray(); }

    /** The text of vocabulary indices, the inverse of {@link #encode}. */
    public String decode(int[] indices) {
        StringBuilder b = new StringBuilder(indices.length);
        for (int i : indices) {
            if (i < 0 || i >= vocabulary.length) {
                throw new IllegalArgumentException(name + ": index " + i + " is outside the vocabulary of 0 to " + (vocabulary.length - 1));
            }
            b.appendCodePoint(vocabulary[i]);
        }
        return b.toString();
    }

    /** The vocabulary as printable feature names: "a", "⏎" for a newline, "␣" for a space. */
    public List<String> featureNames() { return Arrays.stream(vocabulary).mapToObj(CharNames::of).toList(); }

    /**
     * {@code count} windows of {@code steps} + 1 consecutive characters, each starting at a
     * place drawn from {@code random}: x holds characters 0 to T−1 one-hot, y characters 1 to T,
     * so the target at every step is the character that comes next.
     */
    public SequenceData windows(int count, int steps, Random random) {
        int v = vocabulary.length;
        SequenceSize.check(name + " windows", count, steps, 1, Limits.SEQUENCE_LENGTH, v, v);
        if (steps + 1 > length()) {
            throw new IllegalArgumentException(name + ": windows of " + (steps + 1) + " characters (" + steps
                    + " steps and the next character) do not fit in a text of " + length() + " characters");
        }
        float[][][] x = new float[count][steps][], y = new float[count][steps][];
        for (int n = 0; n < count; n++) {
            int start = random.nextInt(length() - steps);
            for (int t = 0; t < steps; t++) {
                x[n][t] = SequenceSize.oneHot(indices[start + t], v);
                y[n][t] = SequenceSize.oneHot(indices[start + t + 1], v);
            }
        }
        return new SequenceData(name, x, y, featureNames());
    }

    private int indexOrMinus(int codePoint) {
        int i = Arrays.binarySearch(vocabulary, codePoint);
        return i < 0 ? -1 : i;
    }
}
