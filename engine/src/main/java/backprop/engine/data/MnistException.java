package backprop.engine.data;

import backprop.engine.spec.UserFileException;

/**
 * A digit file that cannot be used, with where and why: the file, the byte offset of the
 * problem ({@code byte offset 20 (the checksum)}, or none for the whole file) and the problem in
 * one sentence. The message is built like every user file's ({@link UserFileException}).
 */
public final class MnistException extends UserFileException {
    public MnistException(String file, String place, String problem) {
        super(file, place, problem);
    }
}
