package backprop.engine.layers.pool;

/** The two pooling layers: each takes its window's largest value, or its mean. */
public enum PoolType {
    MAX("maxpool", "Max pooling"),
    AVG("avgpool", "Average pooling");

    private final String type;
    private final String displayName;

    PoolType(String type, String displayName) {
        this.type = type;
        this.displayName = displayName;
    }

    /** The type name in network files. */
    public String type() { return type; }

    public String displayName() { return displayName; }
}
