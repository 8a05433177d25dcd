package backprop.app.recurrent;

import static backprop.app.recurrent.RecurrentText.num;
import static backprop.app.recurrent.RecurrentText.paren;
import static backprop.app.recurrent.RecurrentText.tex;
import static backprop.app.recurrent.RecurrentText.texPlain;

import backprop.app.timeline.Formula;
import backprop.engine.layers.recurrent.CellType;

/**
 * The equation of one part of the cell with the trace's numbers put in, as plain text and TeX,
 * and a sentence on what the part does. Row vectors throughout, as the network files store the
 * weights: {@code x_t U + h_{t−1} W + b}. Every number is read from the {@link CellReadout}; the
 * arithmetic written out is the engine's, shown, not redone.
 */
public final class CellEquations {
    private CellEquations() {}

    /** The sentence the GRU's equations come with (curriculum §7: the decks disagree). */
    public static final String GRU_CONVENTION = "This GRU mixes its new state as (1 − z) · old state + z · candidate, so z = 1 takes the candidate. "
            + "Some decks put z on the other side, z · old state + (1 − z) · candidate: the same cell with z and 1 − z swapped.";

    public static Formula of(CellReadout r, String part) {
        String where = "Step t = " + (r.t() + 1) + ", unit " + (r.unit() + 1) + ". ";
        return switch (part) {
            case "x" -> new Formula("x_t = " + r.text("x"), "x_t = " + texPlain(r.value("x")),
                    where + "The input bit; the answer wanted after the last step is the bit at t = 1.", "x");
            case "h_prev" -> new Formula("h_{t−1} = " + r.text("h_prev"), "h_{t-1} = " + texPlain(r.value("h_prev")),
                    where + (r.t() == 0 ? "Every sequence starts from a zero state." : "The hidden state the step before left, read by every gate."), "h_{t−1}");
            case "c_prev" -> new Formula("c_{t−1} = " + r.text("c_prev"), "c_{t-1} = " + texPlain(r.value("c_prev")),
                    where + (r.t() == 0 ? "Every sequence starts from a zero state." : "The cell state the step before left: the memory line."), "c_{t−1}");
            default -> r.cell() == CellType.LSTM ? lstm(r, part, where) : r.cell() == CellType.GRU ? gru(r, part, where) : rnn(r, part, where);
        };
    }

    private static Formula lstm(CellReadout r, String part, String where) {
        return switch (part) {
            case "f" -> gate(r, "f", "f", "f", where + "Forget gate: how much of the old cell state survives (1 keeps all of it).");
            case "i" -> gate(r, "i", "i", "i", where + "Input gate: how much of the candidate is written into the cell (0 writes nothing).");
            case "o" -> gate(r, "o", "o", "o", where + "Output gate: how much of the squashed cell state the cell shows as its output h.");
            case "c_tilde" -> squash(r, "c̃_t", "\\tilde{c}_t", "c_tilde", "c", where + "Candidate: what this step could write into the cell, between −1 and 1.");
            case "c" -> new Formula(
                    "c_t = f_t ∘ c_{t−1} + i_t ∘ c̃_t = " + paren(r.value("f")) + " · " + paren(r.value("c_prev")) + " + "
                            + paren(r.value("i")) + " · " + paren(r.value("c_tilde")) + " = " + r.text("c"),
                    "c_t = f_t \\circ c_{t-1} + i_t \\circ \\tilde{c}_t = " + tex(r.value("f")) + " \\cdot " + tex(r.value("c_prev")) + " + "
                            + tex(r.value("i")) + " \\cdot " + tex(r.value("c_tilde")) + " = " + texPlain(r.value("c")),
                    where + "Cell state: the old memory kept by f plus the new candidate let in by i. Nothing squashes this line.", "c");
            case "h" -> new Formula(
                    "h_t = o_t ∘ tanh(c_t) = " + paren(r.value("o")) + " · tanh(" + r.text("c") + ") = " + r.text("h"),
                    "h_t = o_t \\circ \\tanh(c_t) = " + tex(r.value("o")) + " \\cdot \\tanh(" + texPlain(r.value("c")) + ") = " + texPlain(r.value("h")),
                    where + "Hidden state: the cell squashed by tanh and let out by o; it goes up to the output and on to the next step.", "h");
            default -> throw new IllegalArgumentException("an LSTM has no part " + part);
        };
    }

    private static Formula gru(CellReadout r, String part, String where) {
        return switch (part) {
            case "z" -> gate(r, "z", "z", "z", where + "Update gate: how much of the candidate replaces the old state.");
            case "r" -> gate(r, "r", "r", "r", where + "Reset gate: how much of the old state the candidate gets to see.");
            case "h_tilde" -> {
                String p = r.text("pre.h"), v = r.text("h_tilde");
                yield new Formula("h̃_t = tanh(x_t U_h + (r_t ∘ h_{t−1}) W_h + b_h) = tanh(" + p + ") = " + v,
                        "\\tilde{h}_t = \\tanh(x_t U_h + (r_t \\circ h_{t-1}) W_h + b_h) = \\tanh(" + texPlain(r.value("pre.h")) + ") = " + texPlain(r.value("h_tilde")),
                        where + "Candidate: a new state proposed from the input and the part of the past the reset gate lets through.", "h̃");
            }
            case "h" -> new Formula(
                    "h_t = (1 − z_t) ∘ h_{t−1} + z_t ∘ h̃_t = (1 − " + r.text("z") + ") · " + paren(r.value("h_prev")) + " + "
                            + paren(r.value("z")) + " · " + paren(r.value("h_tilde")) + " = " + r.text("h"),
                    "h_t = (1 - z_t) \\circ h_{t-1} + z_t \\circ \\tilde{h}_t = (1 - " + tex(r.value("z")) + ") \\cdot " + tex(r.value("h_prev")) + " + "
                            + tex(r.value("z")) + " \\cdot " + tex(r.value("h_tilde")) + " = " + texPlain(r.value("h")),
                    where + "New state: a mix of the old one and the candidate, weighed by z (see the note on the convention below).", "h");
            default -> throw new IllegalArgumentException("a GRU has no part " + part);
        };
    }

    private static Formula rnn(CellReadout r, String part, String where) {
        if (!part.equals("h")) throw new IllegalArgumentException("a vanilla RNN has no part " + part);
        return new Formula("h_t = tanh(x_t U + h_{t−1} W + b) = tanh(" + r.text("a") + ") = " + r.text("h"),
                "h_t = \\tanh(x_t U + h_{t-1} W + b) = \\tanh(" + texPlain(r.value("a")) + ") = " + texPlain(r.value("h")),
                where + "One tanh of the input and the old state: the whole past has to squeeze through it at every step.", "h");
    }

    /** A σ gate: its pre-activation from the trace, or the value the user forced. */
    private static Formula gate(CellReadout r, String key, String sub, String label, String explanation) {
        String pre = "x_t U_" + sub + " + h_{t−1} W_" + sub + " + b_" + sub;
        String preTex = "x_t U_" + sub + " + h_{t-1} W_" + sub + " + b_" + sub;
        if (r.isForced(key)) {
            return new Formula(key + "_t = " + r.text(key) + " (forced for every unit; σ(" + pre + ") would give σ(" + r.text("pre." + sub) + "))",
                    key + "_t = " + texPlain(r.value(key)) + "\\quad\\text{(forced)}",
                    explanation + " Forced by you: the engine uses " + r.text(key) + " instead of σ(" + r.text("pre." + sub) + ").", label);
        }
        return new Formula(key + "_t = σ(" + pre + ") = σ(" + r.text("pre." + sub) + ") = " + r.text(key),
                key + "_t = \\sigma(" + preTex + ") = \\sigma(" + texPlain(r.value("pre." + sub)) + ") = " + texPlain(r.value(key)),
                explanation, label);
    }

    /** A tanh candidate. */
    private static Formula squash(CellReadout r, String name, String nameTex, String key, String sub, String explanation) {
        return new Formula(name + " = tanh(x_t U_" + sub + " + h_{t−1} W_" + sub + " + b_" + sub + ") = tanh(" + r.text("pre." + sub) + ") = " + r.text(key),
                nameTex + " = \\tanh(x_t U_" + sub + " + h_{t-1} W_" + sub + " + b_" + sub + ") = \\tanh(" + texPlain(r.value("pre." + sub)) + ") = " + texPlain(r.value(key)),
                explanation, key);
    }
}
