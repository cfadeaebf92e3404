package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a sublayer joins its shortcut and its branch f (science.md section 1). Post-LN, Pre-LN, Admin
 * and plain residuals differ only here, so the model has one code path for every placement.
 */
interface Residual {
    /** What the branch f sees, given the sublayer input x (x itself, or LN(x) for Pre-LN). */
    INDArray branchInput(INDArray x);

    /** x_i from x_{i-1} and the branch output f. */
    INDArray combine(INDArray x, INDArray f);

    /** Backward of combine: returns {d/dx through the shortcut, d/df}. */
    INDArray[] backwardCombine(INDArray dy);

    /** Backward of branchInput: d/dx through the branch input. */
    INDArray backwardBranchInput(INDArray dInput);

    /** b_i of the last combine: the sum entering the layer norm, or the residual stream x_i without one. */
    INDArray sum();
}
