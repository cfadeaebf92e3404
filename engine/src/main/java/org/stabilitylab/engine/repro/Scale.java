package org.stabilitylab.engine.repro;

/**
 * How much of each finding to run: FULL is what the shipped presets define (minutes per finding),
 * QUICK a reduced version for CI (fewer seeds, steps and depths) that still shows every effect it can.
 */
public enum Scale {
    FULL,
    QUICK;

    /** {@code full} in FULL, {@code quick} in QUICK. */
    public int pick(int full, int quick) {
        return this == FULL ? full : quick;
    }
}
