package backprop.engine.trace;

import backprop.engine.tensor.Tensor;
import java.util.Arrays;

/**
 * One recorded quantity of a trace: a shape of any rank and its numbers, row-major, batch
 * first. {@code [batch, units]} today; {@code [batch, time, units]} for recurrent layers and
 * {@code [batch, channels, height, width]} for convolutions fit the same record.
 *
 * @param shape the size of each axis
 * @param data  the numbers, last axis fastest
 */
public record TraceTensor(int[] shape, float[] data) {

    public TraceTensor {
        if (Tensor.sizeOf(shape) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " numbers");
        }
        shape = shape.clone();
    }

    /** A copy of a tensor's current value (later updates do not change the trace). */
    public static TraceTensor of(Tensor t) { return new TraceTensor(t.shape(), Snapshots.copy(t.data())); }

    public static TraceTensor of(float[][] rows) { return of(Tensor.matrix(rows)); }

    public static TraceTensor of(float[] v) { return new TraceTensor(new int[] {v.length}, v.clone()); }

    public int rank() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    /** The numbers as rows, for rank 2 ([sample][unit], [input][unit]). */
    public float[][] matrix() {
        if (shape.length != 2) throw new IllegalStateException("a tensor of shape " + Arrays.toString(shape) + " is not a matrix");
        float[][] out = new float[shape[0]][];
        for (int i = 0; i < shape[0]; i++) out[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        return out;
    }

    /** The numbers of a rank-1 tensor. */
    public float[] vector() {
        if (shape.length != 1) throw new IllegalStateException("a tensor of shape " + Arrays.toString(shape) + " is not a vector");
        return data.clone();
    }
}
