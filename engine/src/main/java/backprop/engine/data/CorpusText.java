package backprop.engine.data;

import backprop.engine.io.LimitedFiles;
import backprop.engine.spec.Limits;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Corpus bytes to text, strictly: UTF-8 or nothing. A lenient decoder would turn a stray
 * Latin-1 byte or a whole binary file into U+FFFD characters that then sit in the vocabulary
 * and the model's output; refusing names the byte instead, so the student can fix the file.
 */
final class CorpusText {
    private CorpusText() {}

    /** The text of {@code bytes}; {@code file} names it in messages. */
    static String decode(String file, byte[] bytes) throws CorpusException {
        if (bytes.length == 0) throw new CorpusException(file, "", "the file is empty; the corpus must be UTF-8 text");
        if (bytes.length > Limits.CORPUS_FILE_BYTES) throw tooLarge(file, bytes.length);
        // NUL is valid UTF-8 but no text file has one; binary files (images, archives) almost always do.
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new CorpusException(file, place(bytes, i), "a NUL byte: this looks like a binary file; the corpus must be UTF-8 text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            // The decoder stops with the input positioned at the first byte it could not use.
            int at = in.position();
            throw new CorpusException(file, place(bytes, at), String.format(
                    "not valid UTF-8 (byte 0x%02x); the corpus must be UTF-8 text", bytes[at] & 0xff));
        }
        out.flip();
        // A byte-order mark is not part of the text: Windows editors put one in front of UTF-8 files.
        if (out.hasRemaining() && out.get(0) == '\uFEFF') out.position(1);
        return out.toString();
    }

    /** The refusal of a corpus over {@link Limits#CORPUS_FILE_BYTES}. */
    static CorpusException tooLarge(String file, long bytes) {
        return new CorpusException(file, "", LimitedFiles.tooLarge(bytes, Limits.CORPUS_FILE_BYTES, "a corpus"));
    }

    /** "byte offset 1234 (line 17)": the offset counts from 0, as hex editors show it; lines from 1. */
    private static String place(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
        return "byte offset " + offset + " (line " + line + ")";
    }
}
