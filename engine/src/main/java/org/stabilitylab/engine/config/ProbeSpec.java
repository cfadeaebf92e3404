package org.stabilitylab.engine.config;

/**
 * How often the per-layer and output-change probes run (every 0 = never) and the size of the
 * random weight perturbation (science.md section 3: eps 1e-4).
 */
public record ProbeSpec(int every, double eps) {
}
