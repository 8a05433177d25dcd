package backprop.engine.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A user's file to text, strictly: UTF-8 or nothing. A lenient decoder would turn a stray
 * Latin-1 byte or a whole binary file into U+FFFD characters that then sit in the data;
 * refusing names the byte instead, so the student can fix the file. A leading byte-order mark
 * (Windows editors write one) is dropped. Corpora and data tables both read through here.
 */
public final class Utf8Text {
    private Utf8Text() {}

    /** Builds the caller's exception for a problem at a place in the file ("byte offset 12 (line 2)"). */
    @FunctionalInterface
    public interface Refusal<E extends Exception> {
        E of(String place, String problem);
    }

    /**
     * The text of {@code bytes}; {@code rule} ends each problem ("the corpus must be UTF-8 text").
     * An empty file is the caller's to refuse: it decodes to "".
     */
    public static <E extends Exception> String decode(byte[] bytes, String rule, Refusal<E> refuse) throws E {
        // NUL is valid UTF-8 but no text file has one; binary files (images, archives) almost always do.
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) throw refuse.of(place(bytes, i), "a NUL byte: this looks like a binary file; " + rule);
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
            throw refuse.of(place(bytes, at), String.format("not valid UTF-8 (byte 0x%02x); %s", bytes[at] & 0xff, rule));
        }
        out.flip();
        if (out.hasRemaining() && out.get(0) == '\uFEFF') out.position(1);
        return out.toString();
    }

    /** "byte offset 1234 (line 17)": the offset counts from 0, as hex editors show it; lines from 1. */
    private static String place(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (bytes[i] == '\n') line++;
        return "byte offset " + offset + " (line " + line + ")";
    }
}
