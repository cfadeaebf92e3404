package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Pre-LN: x_i = x_{i-1} + f_i(LN(x_{i-1})); the stack adds a final layer norm on its output. */
final class PreLnResidual implements Residual {
    private final LayerNorm norm;
    private INDArray sum;

    PreLnResidual(LayerNorm norm) {
        this.norm = norm;
    }

    @Override
    public INDArray branchInput(INDArray x) {
        return norm.forward(x);
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
        return norm.backward(dInput);
    }

    @Override
    public INDArray sum() {
        return sum;
    }
}
