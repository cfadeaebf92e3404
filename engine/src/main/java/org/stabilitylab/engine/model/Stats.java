package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Whole-tensor statistics used by the probes and Admin's profiling. */
final class Stats {
    private Stats() {
    }

    /** Population variance over every element (batch x time x d_model). */
    static double variance(INDArray x) {
        if (Fused.usable(x) && x.ordering() == 'c' && x.elementWiseStride() == 1) {
            return Fused.variance(x);
        }
        double mean = x.meanNumber().doubleValue();
        double meanSq = x.mul(x).meanNumber().doubleValue();
        return Math.max(0.0, meanSq - mean * mean);
    }
}
