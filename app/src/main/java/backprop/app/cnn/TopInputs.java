package backprop.app.cnn;

import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.layers.conv.TopActivations;
import java.util.List;

/**
 * The held-out digits that excite one conv1 filter most, as the engine ranked them: for each, the
 * strongest unit of the filter's map, its value, and the input pixels under that unit's window.
 *
 * @param step    the update the network had made when they were ranked
 * @param filter  the filter (channel of conv1), from 0
 * @param scanned how many held-out digits were run through the network
 * @param hits    largest first; {@code sample} counts among the held-out digits, from 0
 * @param windows the receptive field of each hit's unit, in input pixels
 */
record TopInputs(long step, int filter, int scanned, List<TopActivations.Hit> hits, List<ConvArithmetic.Region> windows) {}
