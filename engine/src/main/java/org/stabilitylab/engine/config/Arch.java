package org.stabilitylab.engine.config;

/** Model architecture: the paper's encoder-decoder, or a single causal stack. */
public enum Arch implements Choice {
    ENCODER_DECODER("encoder-decoder"),
    DECODER_ONLY("decoder-only");

    private final String id;

    Arch(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
