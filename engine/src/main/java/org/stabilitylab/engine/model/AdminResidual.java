package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Admin: x_i = LN(x_{i-1} * omega_i + f_i(x_{i-1})), Post-LN with a trainable per-channel shortcut
 * scale omega_i. While an {@link AdminProfile} is attached, combine first sets omega_i from the
 * profile's running value (science.md section 2) and records the variances it used.
 */
final class AdminResidual implements Residual {
    private final LayerNorm norm;
    final Param omega;
    private INDArray shortcut;
    private INDArray sum;
    AdminProfile profile;

    AdminResidual(LayerNorm norm, Param omega) {
        this.norm = norm;
        this.omega = omega;
    }

    @Override
    public INDArray branchInput(INDArray x) {
        return x;
    }

    @Override
    public INDArray combine(INDArray x, INDArray f) {
        if (profile != null) {
            profile.assignNext(omega.value, x, f);
        }
        shortcut = x;
        if (Fused.usable(x)) {
            sum = Fused.like(x);
            Fused.scaleAdd(x, omega.value, f, sum);
        } else {
            sum = x.mulRowVector(omega.value).addi(f);
        }
        return norm.forward(sum);
    }

    @Override
    public INDArray[] backwardCombine(INDArray dy) {
        INDArray dSum = norm.backward(dy);
        if (Fused.usable(dSum)) {
            INDArray dShortcut = Fused.like(dSum);
            Fused.scaleAddBackward(dSum, shortcut, omega.value, omega.grad, dShortcut);
            return new INDArray[] {dShortcut, dSum};
        }
        omega.grad.addi(dSum.mul(shortcut).sum(0));
        return new INDArray[] {dSum.mulRowVector(omega.value), dSum};
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
