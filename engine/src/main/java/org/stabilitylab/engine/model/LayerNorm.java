package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * LN(x) = gain * (x - mean) / sqrt(var + eps) + bias over each row (one token's d_model features).
 * Float arrays on the CPU run one fused Java loop per pass ({@link Fused}); otherwise elementary
 * ND4J ops, on purpose: ND4J's own layer_norm_bp measured ~10 ms per call here, about ten times the
 * dozen small ops below.
 */
final class LayerNorm {
    static final double EPS = 1e-5;
    final Param gain;
    final Param bias;
    private INDArray xhat;
    private INDArray rstd;
    private float[] fusedRstd; // set when the forward ran the fused float kernel

    LayerNorm(ParamStore store, String name, int d) {
        gain = store.add(name + ".gain", Param.Kind.GAIN, d);
        bias = store.add(name + ".bias", Param.Kind.BIAS, d);
    }

    INDArray forward(INDArray x) {
        if (Fused.usable(x) && x.rank() == 2) {
            INDArray y = Fused.like(x);
            xhat = Fused.like(x);
            fusedRstd = Fused.layerNorm(x, gain.value, bias.value, y, xhat, EPS);
            return y;
        }
        fusedRstd = null;
        INDArray centred = x.subColumnVector(x.mean(true, 1));
        INDArray var = centred.mul(centred).mean(true, 1);
        rstd = Transforms.pow(var.addi(EPS), -0.5, false);
        xhat = centred.muliColumnVector(rstd);
        return xhat.mulRowVector(gain.value).addiRowVector(bias.value);
    }

    /** dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) with g = dy * gain. */
    INDArray backward(INDArray dy) {
        if (fusedRstd != null) {
            INDArray dx = Fused.like(dy);
            Fused.layerNormBackward(dy, xhat, fusedRstd, gain.value, gain.grad, bias.grad, dx);
            return dx;
        }
        gain.grad.addi(dy.mul(xhat).sum(0));
        bias.grad.addi(dy.sum(0));
        INDArray g = dy.mulRowVector(gain.value);
        INDArray meanG = g.mean(true, 1);
        INDArray meanGx = g.mul(xhat).mean(true, 1);
        return g.subiColumnVector(meanG).subi(xhat.mulColumnVector(meanGx)).muliColumnVector(rstd);
    }
}
