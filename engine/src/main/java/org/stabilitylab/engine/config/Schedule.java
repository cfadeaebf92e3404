package org.stabilitylab.engine.config;

/** Learning-rate shape after the linear warmup of train.warmup steps (every schedule warms up). */
public enum Schedule implements Choice {
    CONSTANT("constant"),
    INVERSE_SQRT("inverse-sqrt"),
    LINEAR("linear"),
    COSINE("cosine");

    private final String id;

    Schedule(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
