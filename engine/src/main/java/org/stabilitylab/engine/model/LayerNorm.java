package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LN(x) = gain * (x - mean) / std + bias over each row (one token's d_model features), using ND4J's
 * fused layer_norm and layer_norm_bp ops: one native call each way instead of a dozen small ones.
 */
final class LayerNorm {
    final Param gain;
    final Param bias;
    private INDArray input;

    LayerNorm(ParamStore store, String name, int d) {
        gain = store.add(name + ".gain", Param.Kind.GAIN, d);
        bias = store.add(name + ".bias", Param.Kind.BIAS, d);
    }

    INDArray forward(INDArray x) {
        input = x;
        INDArray y = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.custom.LayerNorm(x, gain.value, bias.value, y, true, 1));
        return y;
    }

    INDArray backward(INDArray dy) {
        INDArray dx = Nd4j.createUninitialized(dy.dataType(), dy.shape());
        INDArray dGain = Nd4j.createUninitialized(dy.dataType(), gain.shape);
        INDArray dBias = Nd4j.createUninitialized(dy.dataType(), bias.shape);
        Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.custom.LayerNormBp(input, gain.value, bias.value, dy,
                dx, dGain, dBias, true, 1));
        gain.grad.addi(dGain);
        bias.grad.addi(dBias);
        return dx;
    }
}
