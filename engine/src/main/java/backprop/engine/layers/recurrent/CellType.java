package backprop.engine.layers.recurrent;

import java.util.List;

/**
 * The three recurrent cells, each with its gate keys as network files name them and the
 * equations the views print (row vectors, as the files store them: x_t U + h_{t−1} W + b).
 * The GRU mixes as h_t = (1−z)∘h_{t−1} + z∘h̃_t; the decks disagree on which side z takes
 * (curriculum §7), so the views say which one this is.
 */
public enum CellType {
    RNN("rnn", "Vanilla RNN (tanh)", List.of("h"), List.of(),
            List.of("h_t = tanh(x_t U + h_{t−1} W + b)")),
    LSTM("lstm", "LSTM", List.of("i", "f", "o", "c"), List.of("i", "f", "o"),
            List.of("i_t = σ(x_t U_i + h_{t−1} W_i + b_i)",
                    "f_t = σ(x_t U_f + h_{t−1} W_f + b_f)",
                    "o_t = σ(x_t U_o + h_{t−1} W_o + b_o)",
                    "c̃_t = tanh(x_t U_c + h_{t−1} W_c + b_c)",
                    "c_t = f_t ∘ c_{t−1} + i_t ∘ c̃_t",
                    "h_t = o_t ∘ tanh(c_t)")),
    GRU("gru", "GRU", List.of("z", "r", "h"), List.of("z", "r"),
            List.of("z_t = σ(x_t U_z + h_{t−1} W_z + b_z)",
                    "r_t = σ(x_t U_r + h_{t−1} W_r + b_r)",
                    "h̃_t = tanh(x_t U_h + (r_t ∘ h_{t−1}) W_h + b_h)",
                    "h_t = (1 − z_t) ∘ h_{t−1} + z_t ∘ h̃_t"));

    private final String type;
    private final String displayName;
    private final List<String> blocks;
    private final List<String> gates;
    private final List<String> equations;

    CellType(String type, String displayName, List<String> blocks, List<String> gates, List<String> equations) {
        this.type = type;
        this.displayName = displayName;
        this.blocks = blocks;
        this.gates = gates;
        this.equations = equations;
    }

    /** The type name in network files. */
    public String type() { return type; }

    public String displayName() { return displayName; }

    /**
     * The weight blocks in packing order; each has its own U, W and b in a file (keys of the
     * "U", "W" and "b" objects). The RNN has one block, written without keys.
     */
    public List<String> blocks() { return blocks; }

    /** G: how many blocks of H columns the packed weights hold. */
    public int blockCount() { return blocks.size(); }

    /** The sigmoid gates a user may force (LSTM i, f, o; GRU z, r). */
    public List<String> gates() { return gates; }

    public List<String> equations() { return equations; }

    /** Whether the file writes U, W, b as objects keyed by block (LSTM, GRU) or plain (RNN). */
    public boolean keyed() { return this != RNN; }

    public static CellType byType(String type) {
        for (CellType c : values()) if (c.type.equals(type)) return c;
        return null;
    }
}
