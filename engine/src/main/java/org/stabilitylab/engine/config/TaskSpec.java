package org.stabilitylab.engine.config;

/** The synthetic task: its kind, how many data symbols, and the source length. */
public record TaskSpec(TaskKind kind, int vocab, int length) {
}
