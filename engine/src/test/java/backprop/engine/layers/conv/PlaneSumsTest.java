package backprop.engine.layers.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Four planes summed side by side give each plane's left-to-right sum, bit for bit, whatever the plane count. */
class PlaneSumsTest {

    @Test
    void eachSumIsThePlanesOwnLeftToRightSum() {
        Random r = new Random(5);
        for (int planes : new int[] {1, 3, 4, 5, 8, 11}) {
            int size = 1 + r.nextInt(50);
            float[] a = new float[planes * size];
            for (int i = 0; i < a.length; i++) a[i] = (r.nextFloat() - 0.5f) * (float) Math.pow(10, r.nextInt(7) - 3); // magnitudes that round
            float[] got = PlaneSums.of(a, planes, size);
            for (int p = 0; p < planes; p++) {
                float s = 0f;
                for (int j = 0; j < size; j++) s += a[p * size + j];
                assertEquals(Float.floatToRawIntBits(s), Float.floatToRawIntBits(got[p]), planes + " planes of " + size + ", plane " + p);
            }
        }
    }
}
