package backprop.engine.train;

import backprop.engine.data.Dataset;
import backprop.engine.nn.Model;
import backprop.engine.trace.StepStatistics;
import java.util.List;

/**
 * Training one step at a time with the per-layer statistics recorded: what the `flow` command
 * prints and what a view of gradient flow draws, from the same steps. Minibatches follow the
 * trainer's seeded order epoch after epoch, exactly as {@link Trainer#epoch} would train them, so
 * a run with the same file and seed gives the same figures everywhere.
 */
public final class FlowRun {
    private final Trainer trainer;
    private final Dataset data;
    private List<Dataset> epoch;
    private int next;

    public FlowRun(Model model, TrainConfig config, Dataset data) {
        this.trainer = new Trainer(model, config);
        this.data = data;
        trainer.setRecordStatistics(true);
    }

    public Trainer trainer() { return trainer; }

    /**
     * One training step on the next minibatch; returns its statistics. A value that is not
     * finite stops it with a {@link TrainingDivergedException} naming step, layer and quantity;
     * {@link Trainer#lastStatistics()} then still holds the step before.
     */
    public StepStatistics step() {
        if (epoch == null || next == epoch.size()) {
            if (epoch != null) trainer.endEpoch();
            epoch = trainer.batches(data);
            next = 0;
        }
        Dataset batch = epoch.get(next++);
        trainer.step(batch.inputsTensor(), batch.targetsTensor());
        return trainer.lastStatistics();
    }
}
