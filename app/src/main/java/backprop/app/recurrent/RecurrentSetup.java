package backprop.app.recurrent;

import backprop.engine.layers.recurrent.CellType;

/**
 * Every choice the user makes about the network of the recurrent view, one immutable value:
 * the cell, its units H, the sequence length T and the seed. The task is always "remember the
 * first bit": a bit at step 1, T − 1 random bits after it, the answer wanted after the last.
 *
 * <p>The defaults are the settings the engine's RememberFirstBitTest shows learning (seed 2,
 * H = 8, Adam η = 0.003, minibatches of 32, gradients clipped at norm 1), at T = 12 so that a
 * column per step stays readable.
 */
public record RecurrentSetup(CellType cell, int units, int steps, long seed) {
    public static final int MIN_UNITS = 1, MAX_UNITS = 16;
    public static final int MIN_STEPS = 2, MAX_STEPS = 30;

    public RecurrentSetup {
        if (cell == null) throw new IllegalArgumentException("choose a cell: LSTM, GRU or RNN");
        if (units < MIN_UNITS || units > MAX_UNITS) throw new IllegalArgumentException("the view shows " + MIN_UNITS + " to " + MAX_UNITS + " units, not " + units);
        if (steps < MIN_STEPS || steps > MAX_STEPS) throw new IllegalArgumentException("the view shows sequences of " + MIN_STEPS + " to " + MAX_STEPS + " steps, not " + steps);
    }

    public static RecurrentSetup defaults() { return new RecurrentSetup(CellType.LSTM, 8, 12, 2); }

    public RecurrentSetup withCell(CellType c) { return new RecurrentSetup(c, units, steps, seed); }

    public RecurrentSetup withUnits(int h) { return new RecurrentSetup(cell, h, steps, seed); }

    public RecurrentSetup withSteps(int t) { return new RecurrentSetup(cell, units, t, seed); }

    public RecurrentSetup withSeed(long s) { return new RecurrentSetup(cell, units, steps, s); }
}
