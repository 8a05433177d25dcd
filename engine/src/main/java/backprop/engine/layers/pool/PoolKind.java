package backprop.engine.layers.pool;

import backprop.engine.gradcheck.GradCheck;
import backprop.engine.layers.Field;
import backprop.engine.layers.LayerKind;
import backprop.engine.layers.conv.Conv2dKind;
import backprop.engine.layers.conv.ConvArithmetic;
import backprop.engine.nn.Layer;
import backprop.engine.spec.Limits;
import backprop.engine.spec.NetworkSpec.Common;
import backprop.engine.spec.SpecException;
import backprop.engine.spec.SpecFields;
import backprop.engine.tensor.Shapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;

/** The maxpool and avgpool kinds (one instance each): window size and stride, checked against the image. */
public final class PoolKind implements LayerKind<PoolSpec> {
    /** The window side a file that gives none gets: halves height and width. */
    public static final int DEFAULT_SIZE = 2;

    private final PoolType pool;

    public PoolKind(PoolType pool) { this.pool = pool; }

    @Override public String type() { return pool.type(); }
    @Override public String displayName() { return pool.displayName(); }
    @Override public Class<PoolSpec> specClass() { return PoolSpec.class; }
    @Override public boolean readsImages() { return true; }
    @Override public boolean readsVectors() { return false; }

    @Override
    public List<Field> fields() {
        return List.of(
                new Field("size", "integer ≥ 1", false, "the side of the square window (default " + DEFAULT_SIZE + ")"),
                new Field("stride", "integer ≥ 1", false, "how far the window moves per output (default: the size)"));
    }

    @Override
    public PoolSpec read(JsonNode n, String p, Common common, int[] inputSizes, SpecFields f) {
        throw new UnsupportedOperationException(pool.type() + " needs the shape of its input: readShaped");
    }

    @Override
    public PoolSpec readShaped(JsonNode n, String p, Common common, int[][] inputShapes, SpecFields f) throws SpecException {
        int[] in = inputShapes[0];
        int size = n.has("size") ? f.limited(n, p, "size", false, 1, Limits.IMAGE_SIDE) : DEFAULT_SIZE;
        int stride = n.has("stride") ? f.limited(n, p, "stride", false, 1, Limits.IMAGE_SIDE) : size;
        Conv2dKind.fits(in, new ConvArithmetic.Window(size, stride, 0), "window", p, f);
        return new PoolSpec(pool, common, size, stride, in);
    }

    @Override public int outputSize(PoolSpec s, int[] inputSizes) { return Math.toIntExact(Shapes.product(s.outputShape())); }

    @Override public int[] outputShape(PoolSpec s, int[][] inputShapes) { return s.outputShape(); }

    @Override
    public void write(PoolSpec s, ObjectNode o) {
        o.put("size", s.size());
        o.put("stride", s.stride());
    }

    @Override
    public Layer build(PoolSpec s, String name, int[] inputSizes, Random seeded) {
        return new Pool2d(name, pool, s.inputShape(), s.size(), s.stride());
    }

    @Override
    public List<GradCheck.Result> gradChecks(Random r) { return PoolChecks.checks(pool, r); }
}
