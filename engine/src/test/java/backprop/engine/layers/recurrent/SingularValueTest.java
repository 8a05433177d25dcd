package backprop.engine.layers.recurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** λ₁ against matrices whose singular values are known by hand. */
class SingularValueTest {
    @Test
    void diagonalAndRotatedMatrices() {
        assertEquals(3f, SingularValue.largest(new float[][] {{1, 0, 0}, {0, -3, 0}, {0, 0, 2}}), 1e-5f);
        // A rotation by 30° times 2: every singular value is 2.
        float c = (float) Math.cos(Math.PI / 6), s = (float) Math.sin(Math.PI / 6);
        assertEquals(2f, SingularValue.largest(new float[][] {{2 * c, -2 * s}, {2 * s, 2 * c}}), 1e-5f);
        // [[1, 1], [0, 1]]: λ₁ = (1 + √5) / 2, the golden ratio.
        assertEquals((float) ((1 + Math.sqrt(5)) / 2), SingularValue.largest(new float[][] {{1, 1}, {0, 1}}), 1e-5f);
        assertEquals(0f, SingularValue.largest(new float[][] {{0, 0}, {0, 0}}));
    }
}
