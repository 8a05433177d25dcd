package backprop.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.engine.data.Dataset;
import backprop.engine.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerceptronTrainerTest {

    private static void assertSolves(Dataset data) {
        PerceptronTrainer p = new PerceptronTrainer(2, 1f);
        List<Integer> mistakes = new ArrayList<>();
        PerceptronTrainer.Result r = p.fit(data, 1000, mistakes::add);
        assertTrue(r.converged(), data.name() + " did not converge: " + r);
        assertEquals(0, r.mistakesLastEpoch());
        assertEquals(0, mistakes.get(mistakes.size() - 1));
        assertFalse(r.cycled());
        for (int n = 0; n < data.size(); n++) {
            assertEquals(data.label(n) == 1 ? 1 : -1, p.predict(data.x()[n]), data.name() + " row " + n);
        }
        assertEquals(r.updates(), p.updates().size());
        assertArrayEquals(p.weights(), p.updates().get(p.updates().size() - 1).weightsAfter());
    }

    @Test
    void solvesAnd() { assertSolves(Datasets.and()); }

    @Test
    void solvesOr() { assertSolves(Datasets.or()); }

    @Test
    void neverConvergesOnXorAndReportsTheCycle() {
        PerceptronTrainer p = new PerceptronTrainer(2, 1f);
        PerceptronTrainer.Result r = p.fit(Datasets.xor(), 1000, null);
        assertFalse(r.converged());
        assertEquals(1000, r.epochs());
        assertTrue(r.mistakesLastEpoch() > 0);
        assertTrue(r.cycleStartEpoch() >= 0, "no cycle reported: " + r);
        assertTrue(r.cycled());
    }

    @Test
    void firstUpdateFollowsTheRule() {
        // w starts at 0; sample (0,0) with t = −1 is predicted sign(0) = −1: no update.
        // AND: (0,1) has t = −1, predicted −1 too; (1,0) likewise; (1,1) t = +1 is wrong:
        // w ← w + η·t·φ(x) = (0,0,0) + (1, 1, 1).
        PerceptronTrainer p = new PerceptronTrainer(2, 1f);
        p.epoch(Datasets.and());
        PerceptronTrainer.Update u = p.updates().get(0);
        assertEquals(3, u.sample());
        assertArrayEquals(new float[] {1, 1, 1}, u.weightsAfter());
    }
}
