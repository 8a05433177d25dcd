package backprop.engine.tensor;

import java.util.Arrays;

/**
 * A float32 array of any rank, stored row-major in one flat array.
 *
 * <p>Deliberately plain: a shape and the numbers. Operations live in {@code engine.autodiff}
 * and heavy kernels in a {@code Backend}, so this class stays easy to read.
 */
public final class Tensor {
    private final float[] data;
    private final int[] shape;

    public Tensor(float[] data, int... shape) {
        if (data.length != sizeOf(shape)) {
            throw new IllegalArgumentException("data length " + data.length + " does not match shape " + Arrays.toString(shape));
        }
        this.data = data;
        this.shape = shape.clone();
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(new float[sizeOf(shape)], shape);
    }

    public static Tensor scalar(float v) {
        return new Tensor(new float[] {v});
    }

    public static Tensor vector(float... v) {
        return new Tensor(v.clone(), v.length);
    }

    /** A rank-2 tensor from rows; all rows must have the same length. */
    public static Tensor matrix(float[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        float[] d = new float[sizeOf(r, c)];
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) throw new IllegalArgumentException("ragged rows: row " + i + " has " + rows[i].length + " values, expected " + c);
            System.arraycopy(rows[i], 0, d, i * c, c);
        }
        return new Tensor(d, r, c);
    }

    /**
     * The number of values in a shape. Counted without overflow ({@link Shapes#arraySize}): an
     * int product wraps, and 65536 × 65536 used to give an empty tensor that failed far away.
     */
    public static int sizeOf(int... shape) {
        return Shapes.arraySize(shape);
    }

    /** The backing array: callers that write to it own the consequences (kernels do). */
    public float[] data() { return data; }

    public int[] shape() { return shape.clone(); }

    public int dim(int i) { return shape[i]; }

    public int rank() { return shape.length; }

    public int size() { return data.length; }

    public boolean sameShape(Tensor o) { return Arrays.equals(shape, o.shape); }

    public float item() {
        if (data.length != 1) throw new IllegalStateException("item() on a tensor of shape " + Arrays.toString(shape));
        return data[0];
    }

    public float get(int i) { return data[i]; }

    /** Element (r, c) of a rank-2 tensor. */
    public float get(int r, int c) { return data[r * shape[1] + c]; }

    public void set(int r, int c, float v) { data[r * shape[1] + c] = v; }

    public Tensor copy() { return new Tensor(data.clone(), shape); }

    public Tensor reshape(int... newShape) {
        return new Tensor(data, newShape);
    }

    /** Rows of a rank-2 tensor (rank 1 is treated as one row). */
    public float[][] toArray2D() {
        int r = shape.length == 2 ? shape[0] : 1;
        int c = shape.length == 2 ? shape[1] : data.length;
        float[][] out = new float[r][];
        // copyOfRange allocates each row without zeroing it first (a traced step copies its batch here)
        for (int i = 0; i < r; i++) out[i] = Arrays.copyOfRange(data, i * c, (i + 1) * c);
        return out;
    }

    public float[] toArray() { return data.clone(); }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + (data.length <= 16 ? Arrays.toString(data) : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }
}
