package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** No layer norm at all: x_i = x_{i-1} + f_i(x_{i-1}) (norm "none"; the base of ReZero and T-Fixup). */
final class PlainResidual implements Residual {
    private INDArray sum;

    @Override
    public INDArray branchInput(INDArray x) {
        return x;
    }

    @Override
    public INDArray combine(INDArray x, INDArray f) {
        sum = Blas.sum(x, f);
        return sum;
    }

    @Override
    public INDArray[] backwardCombine(INDArray dy) {
        return new INDArray[] {dy, dy};
    }

    @Override
    public INDArray backwardBranchInput(INDArray dInput) {
        return dInput;
    }

    @Override
    public INDArray sum() {
        return sum;
    }
}
