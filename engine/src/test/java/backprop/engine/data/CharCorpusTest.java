package backprop.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corpus: its vocabulary, encoding, next-character windows, and the files it refuses. */
class CharCorpusTest {

    private static CharCorpus corpus(String text) throws CorpusException {
        return CharCorpus.of("t.txt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theVocabularyIsTheSortedDistinctCodePointsAndEncodeDecodeRoundTrips() throws CorpusException {
        String text = "the cat\nand 🐈 the hat";
        CharCorpus c = corpus(text);
        assertEquals(text.codePointCount(0, text.length()), c.length());
        assertEquals(text.codePoints().distinct().sorted().boxed().toList(), c.vocabulary());
        assertEquals(c.vocabulary().indexOf((int) 'a'), c.index('a'));
        assertEquals(text, c.decode(c.encode(text)));
        assertEquals(text, c.text());
        assertEquals(1, c.encode("🐈").length, "a character outside the BMP is one character");
        assertEquals("⏎", c.featureNames().get(c.index('\n')));
        assertEquals("␣", c.featureNames().get(c.index(' ')));
        assertEquals("🐈", c.featureNames().get(c.index("🐈".codePointAt(0))));
    }

    @Test
    void charactersAndIndicesOutsideTheVocabularyAreRefused() throws CorpusException {
        CharCorpus c = corpus("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.encode("abz"));
        assertEquals("t.txt: the character 'z' (U+007A) is not in the corpus, so it has no index", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.decode(new int[] {3}));
        assertEquals("t.txt: index 3 is outside the vocabulary of 0 to 2", e.getMessage());
    }

    @Test
    void windowsAreOneHotAndTheTargetsAreTheInputsShiftedByOne() throws CorpusException {
        CharCorpus c = corpus("It is a truth universally acknowledged, that a single man\n");
        int steps = 9, v = c.vocabularySize();
        SequenceData d = c.windows(25, steps, new Random(5));
        assertEquals(25, d.size());
        assertEquals(steps, d.steps());
        assertEquals(v, d.features());
        assertEquals(v, d.outputs());
        assertEquals(c.featureNames(), d.featureNames());
        for (int n = 0; n < d.size(); n++) {
            int[] in = new int[steps], next = new int[steps];
            for (int t = 0; t < steps; t++) {
                in[t] = hot(d.x()[n][t]);
                next[t] = hot(d.y()[n][t]);
                if (t > 0) assertEquals(in[t], next[t - 1], "sequence " + n + ", step " + t);
            }
            String window = c.decode(in) + c.decode(new int[] {next[steps - 1]});
            assertTrue(c.text().contains(window), "window '" + window + "' is a piece of the text");
        }
        SequenceData again = c.windows(25, steps, new Random(5));
        assertTrue(java.util.Arrays.deepEquals(d.x(), again.x()), "the same random gives the same windows");
    }

    /** The index of the single 1 in a one-hot vector, failing on anything else. */
    private static int hot(float[] v) {
        int at = -1;
        for (int i = 0; i < v.length; i++) {
            assertTrue(v[i] == 0f || v[i] == 1f);
            if (v[i] == 1f) {
                assertEquals(-1, at, "a second 1");
                at = i;
            }
        }
        assertTrue(at >= 0, "no 1");
        return at;
    }

    @Test
    void windowsLongerThanTheTextAreRefused() throws CorpusException {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> corpus("abcd").windows(1, 4, new Random(1)));
        assertEquals("t.txt: windows of 5 characters (4 steps and the next character) do not fit in a text of 4 characters", e.getMessage());
    }

    @Test
    void malformedUtf8NamesTheFileTheByteAndTheLine() {
        byte[] bytes = "line one\nline two\nna\u00efve".getBytes(StandardCharsets.ISO_8859_1); // ï as Latin-1: 0xEF
        CorpusException e = assertThrows(CorpusException.class, () -> CharCorpus.of("corpus.txt", bytes));
        assertEquals("corpus.txt: byte offset 20 (line 3): not valid UTF-8 (byte 0xef); the corpus must be UTF-8 text", e.getMessage());
        assertEquals("corpus.txt", e.file());
        assertEquals("byte offset 20 (line 3)", e.place());
    }

    @Test
    void aTruncatedSequenceAtTheEndIsMalformedToo() {
        byte[] bytes = {'a', 'b', (byte) 0xE2, (byte) 0x82};
        CorpusException e = assertThrows(CorpusException.class, () -> CharCorpus.of("c.txt", bytes));
        assertTrue(e.getMessage().startsWith("c.txt: byte offset 2 (line 1): not valid UTF-8"), e.getMessage());
    }

    @Test
    void binaryAndEmptyFilesAreRefused() {
        // The PNG signature holds two newlines, so its first NUL is on line 3.
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        CorpusException e = assertThrows(CorpusException.class, () -> CharCorpus.of("picture.png", png));
        assertEquals("picture.png: byte offset 8 (line 3): a NUL byte: this looks like a binary file; the corpus must be UTF-8 text", e.getMessage());
        e = assertThrows(CorpusException.class, () -> CharCorpus.of("empty.txt", new byte[0]));
        assertEquals("empty.txt: the file is empty; the corpus must be UTF-8 text", e.getMessage());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheText() throws CorpusException {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'};
        assertEquals("hi", CharCorpus.of("bom.txt", bytes).text());
    }

    @Test
    void readNamesAMissingFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.txt");
        CorpusException e = assertThrows(CorpusException.class, () -> CharCorpus.read(missing));
        assertEquals(missing + ": file not found", e.getMessage());
        Path file = dir.resolve("ok.txt");
        Files.writeString(file, "über");
        assertEquals(List.of((int) 'b', (int) 'e', (int) 'r', (int) 'ü'), CharCorpus.read(file).vocabulary());
    }

    @Test
    void theBuiltinCorpusLoadsFromTheClasspathAndIsEnglishProse() {
        CharCorpus c = CharCorpus.builtin();
        assertEquals(CharCorpus.BUILTIN, c.name());
        assertTrue(c.text().getBytes(StandardCharsets.UTF_8).length >= 200_000, c.length() + " characters");
        assertTrue(c.text().contains(" the "));
        assertTrue(c.text().contains(" and "));
        assertTrue(c.vocabularySize() < 100, c.vocabularySize() + " distinct characters");
        SequenceData d = c.windows(8, 100, new Random(1));
        assertArrayEquals(new int[] {8, 100, c.vocabularySize()}, d.inputsTensor().shape());
    }
}
