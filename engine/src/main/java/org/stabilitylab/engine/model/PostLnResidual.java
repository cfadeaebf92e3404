package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Post-LN, the original Transformer: x_i = LN(x_{i-1} + f_i(x_{i-1})). */
final class PostLnResidual implements Residual {
    private final LayerNorm norm;
    private INDArray sum;

    PostLnResidual(LayerNorm norm) {
        this.norm = norm;
    }

    @Override
    public INDArray branchInput(INDArray x) {
        return x;
    }

    @Override
    public INDArray combine(INDArray x, INDArray f) {
        sum = Blas.sum(x, f);
        return norm.forward(sum);
    }

    @Override
    public INDArray[] backwardCombine(INDArray dy) {
        INDArray dSum = norm.backward(dy);
        return new INDArray[] {dSum, dSum};
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
