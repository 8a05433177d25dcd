package backprop.app.export.anim;

import java.nio.file.Path;
import java.util.Locale;

/** The two animation formats, chosen by the output file's extension. */
public enum AnimationFormat {
    /** Looping animated GIF through the JDK's ImageIO, one palette for the whole animation. */
    GIF("gif"),
    /** H.264 in MP4 through jcodec (pure Java, nothing native to install). */
    MP4("mp4");

    private final String extension;

    AnimationFormat(String extension) { this.extension = extension; }

    public String extension() { return extension; }

    /** The format for {@code file}'s extension, or an IllegalArgumentException naming what is accepted. */
    public static AnimationFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (AnimationFormat f : values()) if (name.endsWith("." + f.extension)) return f;
        throw new IllegalArgumentException(file + ": an animation is written as .gif or .mp4");
    }

    /** A sink of this format for frames of {@code width}×{@code height} shown at {@code fps} frames a second. */
    public FrameSink sink(int width, int height, double fps) {
        return this == GIF ? new GifSink(width, height, fps) : new Mp4Sink(width, height, fps);
    }
}
