package org.stabilitylab.engine.config;

/**
 * The Transformer's shape, layer-norm placement and initialisation.
 * Decoder-only models use {@code decoderLayers} as their depth and ignore {@code encoderLayers}.
 */
public record ModelSpec(Arch arch, int encoderLayers, int decoderLayers, int dModel, int heads, int ffn,
                        double dropout, Norm norm, Init init, Positions positions) {
}
