package backprop.engine.train;

/** The loss became NaN or infinite: training cannot go on, and the user should be told why. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String message) { super(message); }
}
