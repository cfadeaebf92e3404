package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * C-order reshape with an explicit long[]: INDArray.reshape('c', long...) can silently resolve to
 * reshape(long...) and treat 'c' as a dimension of size 99.
 */
final class Shapes {
    private Shapes() {
    }

    static INDArray reshape(INDArray x, long... shape) {
        return x.reshape('c', shape);
    }
}
