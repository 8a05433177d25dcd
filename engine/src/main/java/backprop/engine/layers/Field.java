package backprop.engine.layers;

/**
 * One field a layer kind reads from a network file, described for people: the reader's
 * messages, the docs and a layer palette show the same list.
 *
 * @param name     the JSON key
 * @param type     what it holds, in words ("integer ≥ 1", "[inputs][units] numbers")
 * @param required whether a file must give it
 * @param meaning  one line on what it does
 */
public record Field(String name, String type, boolean required, String meaning) {}
