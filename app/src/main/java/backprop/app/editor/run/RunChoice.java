package backprop.app.editor.run;

/**
 * What the run panel asks for: a built-in data set, an optimiser, a learning rate and a number of
 * epochs. The network file's other training fields (batch size, L2, momentum, clipping) and its
 * seed are kept as the file gives them.
 *
 * @param dataset   one of the engine's {@code Datasets.NAMES}
 * @param optimizer one of {@code TrainConfig.OPTIMIZERS}
 * @param rate      η, positive
 * @param epochs    passes over the data, at least 1
 */
public record RunChoice(String dataset, String optimizer, double rate, int epochs) {}
