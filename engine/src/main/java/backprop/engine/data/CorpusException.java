package backprop.engine.data;

import backprop.engine.spec.UserFileException;

/**
 * A text corpus that cannot be used, with where and why: the file, the place in it
 * ({@code byte offset 1234 (line 17)}, or none for the whole file) and the problem, in words a
 * student can act on. The message is built like a network file's ({@link UserFileException}).
 */
public final class CorpusException extends UserFileException {
    public CorpusException(String file, String place, String problem) {
        super(file, place, problem);
    }
}
