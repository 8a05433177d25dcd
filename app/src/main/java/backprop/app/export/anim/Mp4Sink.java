package backprop.app.export.anim;

import backprop.engine.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.jcodec.api.awt.AWTSequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.Rational;

/**
 * H.264 in MP4 through jcodec, which is pure Java, so nothing native has to be installed. Frames
 * are encoded as they come into a temporary file; {@link #finish} clears the creation times the
 * muxer stamps into the headers (so the same run gives the same bytes) and moves the file into
 * place atomically. H.264 needs even sizes: an odd width or height loses its last pixel column or row.
 */
final class Mp4Sink implements FrameSink {
    /** Boxes that hold other boxes on the way to the three headers with times in them. */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> TIMED = Set.of("mvhd", "tkhd", "mdhd");

    private final int width, height;
    /** Row length of the frames handed in (the encoded width may be one less). */
    private final int sourceWidth;
    private final Path temp;
    private final SeekableByteChannel channel;
    private final AWTSequenceEncoder encoder;
    private final BufferedImage image;
    private int count;
    private boolean closed;

    Mp4Sink(int width, int height, double fps) {
        this.width = width & ~1;
        this.height = height & ~1;
        if (this.width < 2 || this.height < 2) throw new IllegalArgumentException("an MP4 needs at least 2×2 pixels");
        try {
            temp = Files.createTempFile("backprop-studio-", ".mp4");
            channel = NIOUtils.writableChannel(temp.toFile());
            int scaled = (int) Math.round(fps * 1000);
            encoder = new AWTSequenceEncoder(channel, Rational.R(scaled, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        image = new BufferedImage(this.width, this.height, BufferedImage.TYPE_INT_RGB);
        this.sourceWidth = width;
    }

    @Override
    public void frame(int[] argb) throws IOException {
        for (int y = 0; y < height; y++) image.setRGB(0, y, width, 1, argb, y * sourceWidth, sourceWidth);
        encoder.encodeImage(image);
        count++;
    }

    @Override
    public int finish(Path out, IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        if (count == 0) throw new IOException("no frames to write");
        if (cancelled.getAsBoolean()) throw new CancellationException("export cancelled");
        encoder.finish();
        channel.close();
        clearTimes(temp);
        AtomicFiles.write(out, stream -> Files.copy(temp, stream));
        close();
        progress.accept(count);
        return count;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the temporary file goes either way
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // a leftover in the system's temp folder is harmless
        }
    }

    /** Sets the creation and modification times of mvhd, tkhd and mdhd to 0 (1904-01-01, MP4's epoch). */
    static void clearTimes(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            walk(ch, 0, ch.size());
        }
    }

    private static void walk(FileChannel ch, long from, long to) throws IOException {
        long at = from;
        ByteBuffer head = ByteBuffer.allocate(16);
        while (at + 8 <= to) {
            head.clear().limit(8);
            ch.read(head, at);
            long size = Integer.toUnsignedLong(head.getInt(0));
            String type = new String(head.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            int header = 8;
            if (size == 1) { // 64-bit size follows the type
                head.clear().limit(8);
                ch.read(head, at + 8);
                size = head.getLong(0);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            if (size < header || at + size > to) return; // not a box structure we understand: leave it
            if (CONTAINERS.contains(type)) walk(ch, at + header, at + size);
            else if (TIMED.contains(type)) zeroTimes(ch, at + header);
            at += size;
        }
    }

    /** A full box: version byte, 3 flag bytes, then creation and modification time (4 bytes each, 8 in version 1). */
    private static void zeroTimes(FileChannel ch, long body) throws IOException {
        ByteBuffer v = ByteBuffer.allocate(1);
        ch.read(v, body);
        int bytes = v.get(0) == 1 ? 16 : 8;
        ch.write(ByteBuffer.allocate(bytes), body + 4);
    }
}
