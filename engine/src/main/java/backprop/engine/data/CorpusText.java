package backprop.engine.data;

import backprop.engine.io.LimitedFiles;
import backprop.engine.io.Utf8Text;
import backprop.engine.spec.Limits;

/**
 * Corpus bytes to text, strictly: UTF-8 or nothing ({@link Utf8Text}), within the corpus limit.
 */
final class CorpusText {
    private CorpusText() {}

    /** The text of {@code bytes}; {@code file} names it in messages. */
    static String decode(String file, byte[] bytes) throws CorpusException {
        if (bytes.length == 0) throw new CorpusException(file, "", "the file is empty; the corpus must be UTF-8 text");
        if (bytes.length > Limits.CORPUS_FILE_BYTES) throw tooLarge(file, bytes.length);
        return Utf8Text.decode(bytes, "the corpus must be UTF-8 text", (place, problem) -> new CorpusException(file, place, problem));
    }

    /** The refusal of a corpus over {@link Limits#CORPUS_FILE_BYTES}. */
    static CorpusException tooLarge(String file, long bytes) {
        return new CorpusException(file, "", LimitedFiles.tooLarge(bytes, Limits.CORPUS_FILE_BYTES, "a corpus"));
    }
}
