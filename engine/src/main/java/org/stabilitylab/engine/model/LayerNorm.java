package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * LN(x) = gain * (x - mean) / sqrt(var + eps) + bias over each row (one token's d_model features).
 * Written with elementary ops on purpose: ND4J's fused layer_norm_bp measured ~10 ms per call here,
 * about ten times the dozen small ops below.
 */
final class LayerNorm {
    static final double EPS = 1e-5;
    final Param gain;
    final Param bias;
    private INDArray xhat;
    private INDArray rstd;

    LayerNorm(ParamStore store, String name, int d) {
        gain = store.add(name + ".gain", Param.Kind.GAIN, d);
        bias = store.add(name + ".bias", Param.Kind.BIAS, d);
    }

    INDArray forward(INDArray x) {
        INDArray centred = x.subColumnVector(x.mean(true, 1));
        INDArray var = centred.mul(centred).mean(true, 1);
        rstd = Transforms.pow(var.addi(EPS), -0.5, false);
        xhat = centred.muliColumnVector(rstd);
        return xhat.mulRowVector(gain.value).addiRowVector(bias.value);
    }

    /** dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) with g = dy * gain. */
    INDArray backward(INDArray dy) {
        gain.grad.addi(dy.mul(xhat).sum(0));
        bias.grad.addi(dy.sum(0));
        INDArray g = dy.mulRowVector(gain.value);
        INDArray meanG = g.mean(true, 1);
        INDArray meanGx = g.mul(xhat).mean(true, 1);
        return g.subiColumnVector(meanG).subi(xhat.mulColumnVector(meanGx)).muliColumnVector(rstd);
    }
}
