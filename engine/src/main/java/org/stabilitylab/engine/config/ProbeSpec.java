package org.stabilitylab.engine.config;

/**
 * How often the per-layer and output-change probes run (every 0 = never), the size of the random
 * weight perturbation (science.md section 3: eps 1e-4), and how often the held-out validation set is
 * evaluated (validateEvery 0 = only at the end; it always runs at the last step). Validation has its
 * own period because it costs about 13 forward passes' worth per evaluation, most of a probe's price.
 */
public record ProbeSpec(int every, double eps, int validateEvery) {
    /** Default validation period in steps. */
    public static final int DEFAULT_VALIDATE_EVERY = 50;

    /** Probes with the default validation period. */
    public ProbeSpec(int every, double eps) {
        this(every, eps, DEFAULT_VALIDATE_EVERY);
    }
}
