package backprop.engine.train;

/**
 * Whether a validation split leaves both sides non-empty, checked before training starts (the
 * trainer would otherwise evaluate an empty set and fail with a message about shapes). The
 * command line and the app's views ask the same question, so they refuse the same files.
 */
public final class ValidationSplit {
    private ValidationSplit() {}

    /**
     * The problem with holding out {@code split} of {@code n} training samples (the trainer holds
     * out {@code round(n · split)}), as "$.training.validationSplit: …"; null when there is none.
     */
    public static String problem(float split, int n) {
        if (split <= 0f) return null;
        long held = Math.round(n * (double) split);
        String what = split + " of " + n + " sample" + (n == 1 ? "" : "s");
        if (held < 1) {
            double least = Math.ceil(0.5 / n * 1000) / 1000;
            return "$.training.validationSplit: " + what + " leaves no validation sample; use at least " + least
                    + ", or a data set with more samples";
        }
        if (held >= n) return "$.training.validationSplit: " + what + " leaves no sample to train on; use a smaller split";
        return null;
    }
}
