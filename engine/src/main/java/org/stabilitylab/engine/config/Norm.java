package org.stabilitylab.engine.config;

/** Where the layer norm sits relative to the residual connection (science.md section 1). */
public enum Norm implements Choice {
    POST("post"),
    PRE("pre"),
    NONE("none");

    private final String id;

    Norm(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
