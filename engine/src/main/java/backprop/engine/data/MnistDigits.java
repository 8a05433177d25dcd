package backprop.engine.data;

import backprop.engine.io.LimitedFiles;
import backprop.engine.spec.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Handwritten digits from MNIST (curriculum §8): 28×28 grey images labelled 0 to 9, as the
 * engine ships them, 10,000 digits split once and for all into 8,000 for training and 2,000
 * held out for testing (assets/mnist/, its README and licence). Kept as the file's bytes; a
 * {@link Dataset} is made on request, pixels scaled to [0, 1] and labels one-hot.
 *
 * <p>An image is one row of rows·columns numbers, row by row: exactly the NCHW order of a
 * one-channel image, so a network with input [1, 28, 28] reads these rows as they are.
 */
public final class MnistDigits {
    /** The digits that ship with the engine. */
    public static final String BUILTIN = "mnist-10k.bin";
    /** Where {@link #BUILTIN} lies on the classpath; engine/pom.xml copies it there from assets/mnist/. */
    public static final String BUILTIN_RESOURCE = "/backprop/engine/data/mnist/" + BUILTIN;
    public static final int CLASSES = 10;

    private static volatile MnistDigits builtin;

    private final String name;
    private final int train, rows, cols;
    private final byte[] labels;
    private final byte[] pixels;

    MnistDigits(String name, int train, int rows, int cols, byte[] labels, byte[] pixels) {
        this.name = name;
        this.train = train;
        this.rows = rows;
        this.cols = cols;
        this.labels = labels;
        this.pixels = pixels;
    }

    /** The digits in {@code file}, checked field by field (see {@link MnistFile}). */
    public static MnistDigits read(Path file) throws MnistException {
        String name = file.toString();
        return of(name, LimitedFiles.read(file, Limits.DATASET_FILE_BYTES, "a data-set file", problem -> new MnistException(name, "", problem)));
    }

    /** The digits in {@code bytes}; {@code name} (a file name) names them in messages. */
    public static MnistDigits of(String name, byte[] bytes) throws MnistException {
        return MnistFile.decode(name, bytes);
    }

    /** The digits that ship with the engine, read from the classpath once per run (they never change). */
    public static MnistDigits builtin() {
        MnistDigits d = builtin;
        if (d != null) return d;
        synchronized (MnistDigits.class) {
            if (builtin == null) {
                try (InputStream in = MnistDigits.class.getResourceAsStream(BUILTIN_RESOURCE)) {
                    // Missing or damaged, it is a broken build, not a user's mistake.
                    if (in == null) throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE + " (copied from assets/mnist/ by engine/pom.xml)");
                    builtin = of(BUILTIN, in.readAllBytes());
                } catch (IOException | MnistException e) {
                    throw new IllegalStateException("built-in digits " + BUILTIN_RESOURCE + ": " + e.getMessage(), e);
                }
            }
            return builtin;
        }
    }

    public String name() { return name; }

    /** Digits in the file. */
    public int size() { return labels.length; }

    /** The first {@code trainSize()} digits are for training, the rest are held out. */
    public int trainSize() { return train; }

    public int testSize() { return size() - train; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** The label of digit i, 0 to 9. */
    public int label(int i) { return labels[i]; }

    /** The grey level of one pixel of digit i, 0 (paper) to 255 (ink). */
    public int pixel(int i, int row, int col) { return pixels[(i * rows + row) * cols + col] & 0xff; }

    /** Digit i as rows·columns numbers in [0, 1], row by row. */
    public float[] image(int i) {
        float[] x = new float[rows * cols];
        int base = i * rows * cols;
        for (int j = 0; j < x.length; j++) x[j] = (pixels[base + j] & 0xff) / 255f;
        return x;
    }

    /** The training digits as a data set: x [N][rows·columns] in [0, 1], y one-hot [N][10]. */
    public Dataset train() { return dataset("mnist-train", 0, train); }

    /** The held-out digits, as {@link #train()}. */
    public Dataset test() { return dataset("mnist-test", train, size()); }

    private Dataset dataset(String setName, int from, int to) {
        float[][] x = new float[to - from][], y = new float[to - from][CLASSES];
        for (int i = from; i < to; i++) {
            x[i - from] = image(i);
            y[i - from][labels[i]] = 1f;
        }
        String[] features = new String[rows * cols];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) features[r * cols + c] = "pixel(" + r + "," + c + ")";
        return new Dataset(setName, x, y, Arrays.asList(features));
    }
}
