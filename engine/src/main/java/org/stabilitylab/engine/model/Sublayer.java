package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One residual sublayer: x_i = residual(x_{i-1}, dropout(f_i(branchInput))). */
final class Sublayer {
    final String stack;
    final int index;
    final Branch branch;
    final Residual residual;
    private final Dropout dropout;
    /** This sublayer's parameters form one contiguous slice of the flat buffers. */
    final long paramOffset;
    long paramLength;
    double varBranch = Double.NaN;
    double varSum = Double.NaN;

    Sublayer(String stack, int index, Branch branch, Residual residual, double dropoutRate, long paramOffset) {
        this.stack = stack;
        this.index = index;
        this.branch = branch;
        this.residual = residual;
        this.dropout = new Dropout(dropoutRate);
        this.paramOffset = paramOffset;
    }

    INDArray forward(INDArray x, INDArray memory, int batch, boolean train, Noise noise, boolean collect) {
        INDArray f = dropout.forward(branch.forward(residual.branchInput(x), memory, batch), train, noise, batch);
        INDArray y = residual.combine(x, f);
        if (collect) {
            varBranch = Stats.variance(f);
            varSum = Stats.variance(residual.sum());
        }
        return y;
    }

    INDArray backward(INDArray dy) {
        INDArray[] d = residual.backwardCombine(dy);
        INDArray dInput = branch.backward(dropout.backward(d[1]));
        // in place: branch and layer-norm backward passes always return fresh arrays
        return Blas.addInto(residual.backwardBranchInput(dInput), d[0]);
    }
}
