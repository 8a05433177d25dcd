package backprop.app.playground;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import backprop.app.playground.PlaygroundSetup.Hidden;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training that stalls says so, naming the layer; training that moves says nothing. */
class StallTest {
    private static PlaygroundFrame train(PlaygroundSetup s, int epochs) {
        PlaygroundSession session = new PlaygroundSession();
        session.apply(s);
        for (int i = 0; i < epochs; i++) session.epoch();
        return session.frame();
    }

    @Test
    void aTanhNetAtRateTenSaturatesAndTheFrameNamesTheLayer() {
        PlaygroundFrame f = train(PlaygroundSetup.defaults().withLearningRate(10), 60);
        assertTrue(f.trainAccuracy() < 0.9f, "this rate does not learn: " + f.trainAccuracy());
        assertTrue(f.stall() != null && f.stall().contains("hidden layer ") && f.stall().contains("tanh units sit at an end"), f.stall());
    }

    @Test
    void reluUnitsThatNeverFireAreReportedAsDead() {
        PlaygroundFrame f = train(PlaygroundSetup.defaults().withHidden(List.of(new Hidden(4, "relu"))).withLearningRate(30), 40);
        assertTrue(f.stall() != null && f.stall().contains("hidden layer 1") && f.stall().contains("ReLU units output 0"), f.stall());
    }

    @Test
    void aNetThatLearnsReportsNoStall() {
        PlaygroundFrame f = train(Preset.LEARNED_XOR.setup(), 3000);
        assertTrue(f.trainAccuracy() == 1f);
        assertNull(f.stall());
    }
}
