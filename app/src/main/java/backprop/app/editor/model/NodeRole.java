package backprop.app.editor.model;

/** What a node on the editor's canvas stands for in the network file. */
public enum NodeRole {
    /** The network's {@code input} (its {@code shape}); one per network. */
    INPUT,
    /** One entry of {@code layers}, of a kind the engine registers. */
    LAYER,
    /** The network's output: the layer it reads is written last, and it carries the {@code loss}. */
    OUTPUT
}
