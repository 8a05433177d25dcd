package backprop.app.timeline;

/**
 * One number a step's formula substitutes, copied from the trace. Names are indexed keys such
 * as "w[1]" or "delta[3]" so a formula can fetch a whole series in order.
 */
public record Operand(String name, double value) {}
