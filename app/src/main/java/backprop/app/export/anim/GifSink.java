package backprop.app.export.anim;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import backprop.engine.io.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * A looping animated GIF. The palette is chosen once all frames are in ({@link MedianCutPalette}),
 * so frames are kept until then as 15-bit colours, deflated (a UI frame shrinks some 20×). Each
 * frame after the first stores only the rectangle that changed, so a slow animation stays small.
 */
final class GifSink implements FrameSink {
    private final int width, height;
    private final int delayCentis;
    private final long[] histogram = MedianCutPalette.newHistogram();
    private final List<byte[]> frames = new ArrayList<>();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);

    GifSink(int width, int height, double fps) {
        this.width = width;
        this.height = height;
        // GIF delays are in hundredths of a second; browsers treat under 2 as 10, so 2 is the floor.
        this.delayCentis = Math.max(2, (int) Math.round(100 / fps));
    }

    @Override
    public void frame(int[] argb) {
        if (argb.length != width * height) throw new IllegalArgumentException("frame of " + argb.length + " pixels, expected " + width * height);
        MedianCutPalette.count(argb, histogram);
        ByteBuffer bins = ByteBuffer.allocate(argb.length * 2);
        for (int p : argb) bins.putShort((short) MedianCutPalette.bin(p));
        deflater.reset();
        deflater.setInput(bins.array());
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream(argb.length / 8);
        byte[] chunk = new byte[64 * 1024];
        while (!deflater.finished()) packed.write(chunk, 0, deflater.deflate(chunk));
        frames.add(packed.toByteArray());
    }

    @Override
    public int finish(Path out, IntConsumer progress, BooleanSupplier cancelled) throws IOException {
        if (frames.isEmpty()) throw new IOException("no frames to write");
        MedianCutPalette palette = MedianCutPalette.of(histogram);
        IndexColorModel colours = new IndexColorModel(8, palette.size(), palette.reds(), palette.greens(), palette.blues());
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        AtomicFiles.write(out, stream -> {
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(stream)) {
                writer.setOutput(ios);
                writer.prepareWriteSequence(null);
                byte[] previous = null;
                for (int i = 0; i < frames.size(); i++) {
                    if (cancelled.getAsBoolean()) throw new CancellationException("export cancelled");
                    byte[] indices = indices(frames.get(i), palette);
                    int[] box = previous == null ? new int[] {0, 0, width, height} : changed(previous, indices);
                    BufferedImage image = crop(indices, box, colours);
                    writer.writeToSequence(new IIOImage(image, null, metadata(writer, image, box, palette, i == 0)), writer.getDefaultWriteParam());
                    previous = indices;
                    progress.accept(i + 1);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
        return frames.size();
    }

    @Override
    public void close() {
        frames.clear();
        deflater.end();
    }

    private byte[] indices(byte[] packed, MedianCutPalette palette) throws IOException {
        byte[] bins = new byte[width * height * 2];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            int n = 0;
            while (n < bins.length && !inflater.finished()) n += inflater.inflate(bins, n, bins.length - n);
        } catch (DataFormatException e) {
            throw new IOException("frame store damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        byte[] out = new byte[width * height];
        ByteBuffer in = ByteBuffer.wrap(bins);
        for (int i = 0; i < out.length; i++) out[i] = (byte) palette.indexOfBin(in.getShort() & 0x7FFF);
        return out;
    }

    /** {x, y, w, h} of the pixels that differ; a 1×1 box at the origin when none do (the frame still counts). */
    private int[] changed(byte[] a, byte[] b) {
        int x0 = width, y0 = height, x1 = -1, y1 = -1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (a[row + x] == b[row + x]) continue;
                if (x < x0) x0 = x;
                if (x > x1) x1 = x;
                if (y < y0) y0 = y;
                y1 = y;
            }
        }
        return x1 < 0 ? new int[] {0, 0, 1, 1} : new int[] {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    private BufferedImage crop(byte[] indices, int[] box, IndexColorModel colours) {
        BufferedImage image = new BufferedImage(box[2], box[3], BufferedImage.TYPE_BYTE_INDEXED, colours);
        byte[] dst = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < box[3]; y++) System.arraycopy(indices, (box[1] + y) * width + box[0], dst, y * box[2], box[2]);
        return image;
    }

    private IIOMetadata metadata(ImageWriter writer, BufferedImage image, int[] box, MedianCutPalette palette, boolean first) throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose"); // later frames paint over the earlier picture
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delayCentis));
        control.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(box[0]));
        descriptor.setAttribute("imageTopPosition", Integer.toString(box[1]));
        descriptor.setAttribute("imageWidth", Integer.toString(box[2]));
        descriptor.setAttribute("imageHeight", Integer.toString(box[3]));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        // ImageIO would otherwise write a generic 6×6×6 table: every frame carries the animation's own.
        IIOMetadataNode table = child(root, "LocalColorTable");
        while (table.getLength() > 0) table.removeChild(table.getFirstChild());
        table.setAttribute("sizeOfLocalColorTable", "256");
        table.setAttribute("sortFlag", "FALSE");
        byte[] r = palette.reds(), g = palette.greens(), b = palette.blues();
        for (int c = 0; c < 256; c++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(c));
            entry.setAttribute("red", Integer.toString(r[c] & 0xFF));
            entry.setAttribute("green", Integer.toString(g[c] & 0xFF));
            entry.setAttribute("blue", Integer.toString(b[c] & 0xFF));
            table.appendChild(entry);
        }
        if (first) {
            // NETSCAPE2.0: loop for ever (a count of 0).
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0});
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
