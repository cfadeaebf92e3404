package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** y = x W^T + b, with W stored [out, in] so adjacent projections form one larger matrix. */
final class Linear {
    final Param weight;
    final Param bias;
    private INDArray input;

    Linear(ParamStore store, String name, int in, int out) {
        this(store, name, in, out, 1);
    }

    /** {@code blocks} independent projections of size out/blocks fused into one matrix (Q, K, V). */
    Linear(ParamStore store, String name, int in, int out, int blocks) {
        weight = store.add(name + ".weight", Param.Kind.WEIGHT, out, in);
        weight.fanIn = in;
        weight.fanOut = out / blocks;
        bias = store.add(name + ".bias", Param.Kind.BIAS, out);
    }

    INDArray forward(INDArray x) {
        input = x;
        return apply(x, weight.value, bias.value);
    }

    static INDArray apply(INDArray x, INDArray w, INDArray b) {
        INDArray y = Nd4j.gemm(x, w, false, true);
        return y.addiRowVector(b);
    }

    /** Accumulates dW and db into the gradient views; returns dx. */
    INDArray backward(INDArray dy) {
        Nd4j.gemm(dy, input, weight.grad, true, false, 1.0, 1.0);
        bias.grad.addi(dy.sum(0));
        return Nd4j.gemm(dy, weight.value, false, false);
    }
}
