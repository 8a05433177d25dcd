package backprop.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.theme.Theme;
import backprop.app.views.StudioViews;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jcodec.scale.AWTUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headless animations of real views: frame counts, frames that follow the engine, same bytes twice. */
class AnimationExportTest {
    private static final int W = 800, H = 500, STEPS = 30;

    @TempDir static Path dir;

    @BeforeAll
    static void start() { HeadlessRenderer.startToolkit(); }

    @AfterAll
    static void stop() { HeadlessRenderer.stopToolkit(); }

    private static AnimationExport.Request request(String view) {
        return new AnimationExport.Request(new RenderRequest(view, null, 0, W, H, Theme.LIGHT, false), STEPS, 1, 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backprop", "playground"})
    void gifHasAFramePerStepAndEveryStepShows(String view) throws Exception {
        Path gif = dir.resolve(view + ".gif");
        assertEquals(STEPS + 1, new AnimationExport(StudioViews.registry()).write(request(view), gif));
        List<BufferedImage> frames = decodeGif(gif);
        assertEquals(STEPS + 1, frames.size());
        for (int i = 1; i < frames.size(); i++) {
            // Backprop: each sub-step moves the highlight; Playground: each epoch moves the loss curve and the map.
            assertTrue(differingPixels(frames.get(i - 1), frames.get(i)) > 0, view + ": frame " + i + " is the same as frame " + (i - 1));
        }
    }

    @Test
    void gifLastFrameIsWhatRenderDrawsAfterAsManySteps() throws Exception {
        Path gif = dir.resolve("pg-last.gif");
        new AnimationExport(StudioViews.registry()).write(request("playground"), gif);
        BufferedImage last = decodeGif(gif).get(STEPS);
        var png = new HeadlessRenderer(StudioViews.registry()).render(new RenderRequest("playground", null, STEPS, W, H, Theme.LIGHT, false));
        BufferedImage still = javafx.embed.swing.SwingFXUtils.fromFXImage(png, null);
        // 256 colours lose a little of each shade, never a whole picture element.
        assertTrue(meanChannelDifference(last, still) < 3.0, "mean channel difference " + meanChannelDifference(last, still));
    }

    @ParameterizedTest
    @ValueSource(strings = {"backprop", "playground"})
    void mp4HasAFramePerStepAndTheFramesMove(String view) throws Exception {
        Path mp4 = dir.resolve(view + ".mp4");
        assertEquals(STEPS + 1, new AnimationExport(StudioViews.registry()).write(request(view), mp4));
        var demuxer = MP4Demuxer.createMP4Demuxer(NIOUtils.readableChannel(mp4.toFile()));
        assertEquals(STEPS + 1, demuxer.getVideoTrack().getMeta().getTotalFrames());
        BufferedImage first = AWTUtil.toBufferedImage(FrameGrab.getFrameFromFile(mp4.toFile(), 0));
        BufferedImage later = AWTUtil.toBufferedImage(FrameGrab.getFrameFromFile(mp4.toFile(), 5));
        assertEquals(W, first.getWidth());
        assertEquals(H, first.getHeight());
        assertTrue(differingPixels(first, later) > 100, view + ": the picture changes between frames 0 and 5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "mp4"})
    void sameRequestSameBytes(String ext) throws Exception {
        var r = new AnimationExport.Request(new RenderRequest("playground", null, 0, 320, 200, Theme.DARK, false), 4, 2, 5);
        Path a = dir.resolve("a." + ext), b = dir.resolve("b." + ext);
        new AnimationExport(StudioViews.registry()).write(r, a);
        new AnimationExport(StudioViews.registry()).write(r, b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void cancelledExportWritesNothing() throws Exception {
        Path gif = dir.resolve("cancelled.gif");
        AtomicInteger seen = new AtomicInteger();
        assertThrows(CancellationException.class, () -> new AnimationExport(StudioViews.registry())
                .write(request("playground"), gif, seen::set, () -> seen.get() >= 3));
        assertEquals(3, seen.get());
        assertTrue(Files.notExists(gif));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left behind");
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnyWork() {
        var frame = new RenderRequest("playground", null, 0, W, H, Theme.LIGHT, false);
        assertThrows(IllegalArgumentException.class, () -> new AnimationExport.Request(frame, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> new AnimationExport.Request(frame, 10, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> backprop.app.export.anim.AnimationFormat.of(Path.of("walk.avi")));
    }

    /** Composites the GIF's frames as a viewer does (each frame paints its rectangle over the picture so far). */
    static List<BufferedImage> decodeGif(Path gif) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            BufferedImage canvas = null;
            for (int i = 0; i < n; i++) {
                BufferedImage part = reader.read(i);
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode d = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
                int x = Integer.parseInt(d.getAttribute("imageLeftPosition")), y = Integer.parseInt(d.getAttribute("imageTopPosition"));
                if (canvas == null) canvas = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
                canvas.getGraphics().drawImage(part, x, y, null);
                BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(canvas, 0, 0, null);
                out.add(copy);
            }
        } finally {
            reader.dispose();
        }
        return out;
    }

    static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++) if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) n++;
        return n;
    }

    static double meanChannelDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++)
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y), q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) sum += Math.abs(((p >> s) & 0xFF) - ((q >> s) & 0xFF));
            }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
