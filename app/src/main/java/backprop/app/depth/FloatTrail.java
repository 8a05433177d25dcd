package backprop.app.depth;

import java.util.Arrays;

/**
 * A growing list of floats written by one thread (the engine's) and read by another (the FX
 * thread) without copying: {@link #view()} hands out the array as it is with the count written so
 * far. Values are only ever appended, never changed, so every index below a view's length holds
 * the same number for as long as the view lives; a column's history stays O(1) per frame instead
 * of a copy of every step so far.
 */
final class FloatTrail {
    private float[] data = new float[256];
    private int length;

    void add(float v) {
        if (length == data.length) data = Arrays.copyOf(data, 2 * length);
        data[length++] = v;
    }

    int length() { return length; }

    /** What has been written so far; the writer's later appends never touch it. */
    View view() { return new View(data, length); }

    /** The first {@code length} values of {@code data}; the array may be longer (room for later appends). */
    record View(float[] data, int length) {
        static final View EMPTY = new View(new float[0], 0);

        float get(int i) {
            if (i < 0 || i >= length) throw new IndexOutOfBoundsException(i + " of " + length);
            return data[i];
        }

        float[] toArray() { return Arrays.copyOf(data, length); }
    }
}
