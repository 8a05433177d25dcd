package backprop.app.cnn;

/**
 * How the network does on all 2,000 held-out digits at one moment: counts[t][p] is how many
 * digits labelled t it called p, and per digit its label and answer (to find an example of a
 * cell's mistake).
 *
 * @param step updates made when it was measured
 */
record Confusion(long step, int[][] counts, int[] labels, int[] predicted) {
    int total() { return labels.length; }

    int correct() {
        int c = 0;
        for (int t = 0; t < counts.length; t++) c += counts[t][t];
        return c;
    }

    /** The first held-out digit after {@code from} (wrapping) labelled {@code label} and answered {@code answer}; −1 if none. */
    int next(int label, int answer, int from) {
        int n = labels.length;
        for (int k = 1; k <= n; k++) {
            int i = (from + k) % n;
            if (labels[i] == label && predicted[i] == answer) return i;
        }
        return -1;
    }
}
