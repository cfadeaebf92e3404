package org.stabilitylab.engine.run;

/** Names one residual sublayer of the built model: stack, 1-based index in that stack, and kind. */
public record SublayerInfo(String stack, int sublayer, String kind) {
}
