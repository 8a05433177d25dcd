package backprop.app.timeline;

/**
 * The values a diagram shows at one timeline position, indexed by trace layer. A null entry
 * means "not computed yet at this point of the timeline" (drawn blank). Every value was put
 * here from a {@link TimelineStep}, which took it from the trace.
 */
public final class Snapshot {
    public final Double[][] a, z, delta, gradB, biasAfter;
    public final Double[][][] gradW, weightsAfter;
    private Double loss;

    private Snapshot(Double[][] a, Double[][] z, Double[][] delta, Double[][] gradB, Double[][] biasAfter,
                     Double[][][] gradW, Double[][][] weightsAfter) {
        this.a = a;
        this.z = z;
        this.delta = delta;
        this.gradB = gradB;
        this.biasAfter = biasAfter;
        this.gradW = gradW;
        this.weightsAfter = weightsAfter;
    }

    static Snapshot empty(Timeline t) {
        int L = t.layers();
        Double[][] a = new Double[L][], z = new Double[L][], d = new Double[L][], gb = new Double[L][], ba = new Double[L][];
        Double[][][] gw = new Double[L][][], wa = new Double[L][][];
        for (int l = 0; l < L; l++) {
            int units = t.layer(l).units(), in = t.layer(l).inputs();
            a[l] = new Double[units];
            z[l] = new Double[units];
            d[l] = new Double[units];
            gb[l] = new Double[units];
            ba[l] = new Double[units];
            gw[l] = new Double[in][units];
            wa[l] = new Double[in][units];
        }
        return new Snapshot(a, z, d, gb, ba, gw, wa);
    }

    void put(TimelineStep s) {
        switch (s.kind()) {
            case FORWARD_A -> a[s.layer()][s.unit()] = s.value();
            case FORWARD_Z -> z[s.layer()][s.unit()] = s.value();
            case LOSS -> loss = s.value();
            case DELTA -> delta[s.layer()][s.unit()] = s.value();
            case GRAD_W -> gradW[s.layer()][s.from()][s.unit()] = s.value();
            case GRAD_B -> gradB[s.layer()][s.unit()] = s.value();
            case UPDATE_W -> weightsAfter[s.layer()][s.from()][s.unit()] = s.value();
            case UPDATE_B -> biasAfter[s.layer()][s.unit()] = s.value();
        }
    }

    /** R, or null before the loss step. */
    public Double loss() { return loss; }
}
