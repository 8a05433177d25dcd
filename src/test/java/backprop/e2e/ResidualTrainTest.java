package backprop.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code train --spec} on a residual network (dense, dense, add of both, dense) runs and learns. */
class ResidualTrainTest {
    @Test
    void residualXorTrainsAndExitsZero() {
        CliRun run = CliRun.of("train", "--spec", CliRun.spec("residual-xor.json"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.lines().get(0).contains("(2-4-4-4-1, loss binary_cross_entropy, adam η=0.05"), run.lines().get(0));
        assertTrue(run.out().contains("test set (50 samples)"), run::toString);
    }

    @Test
    void itsTraceRecordsTheAddLayerWithBothInputs() {
        CliRun run = CliRun.of("trace", "--spec", CliRun.spec("residual-xor.json"), "--input", "[[0.5,-0.5]]", "--target", "[[1]]");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\"type\" : \"add\""), run.out());
        assertTrue(run.out().contains("\"input1\" : [ [") || run.out().contains("\"input1\" : [["), run.out());
    }
}
