package backprop.engine.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each activation is one block with g and g' side by side, and that g' is the slope of that g. */
class ActivationDefinitionsTest {

    @Test
    void everyElementWiseNameHasOneDefinitionWithGAndGPrimeTogether() {
        List<String> defined = Activation.DEFINITIONS.stream().map(Activation.Definition::name).toList();
        assertEquals(Activation.NAMES.subList(0, Activation.NAMES.size() - 1), defined, "all but softmax, in the UI's order");
    }

    @Test
    void eachGPrimeIsTheSlopeOfItsG() {
        for (Activation.Definition d : Activation.DEFINITIONS) {
            if (d.name().equals("step")) continue; // flat on both sides, a jump at 0
            for (float x : new float[] {-1.3f, -0.4f, 0.35f, 1.2f}) {
                double h = 1e-3;
                double slope = (d.g().apply((float) (x + h), 0.2f) - d.g().apply((float) (x - h), 0.2f)) / (2 * h);
                float z = d.g().apply(x, 0.2f);
                assertEquals(slope, d.gPrime().apply(x, z, 0.2f), 2e-3, d.name() + " at " + x);
            }
        }
    }
}
