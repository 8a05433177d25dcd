package backprop.app.backprop;

/**
 * What "loss R" means, in words and as a formula, for the tooltips of every place the view
 * shows R (the loss box, the history line, the sparkline): a student who meets R first
 * anywhere gets the same explanation.
 */
final class LossMeaning {
    private LossMeaning() {}

    static final String TEXT = "Loss R: how far the network's outputs are from the targets, averaged over the N samples "
            + "of the batch; training moves every weight so that R goes down.\n"
            + "R = (1/N) Σ_n L_n, where L_n is the loss of sample n (for mse, L_n = ½ ‖y_n − z_n‖²).";
}
