package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

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

    private static INDArray apply(INDArray x, INDArray w, INDArray b) {
        if (Fused.usable(x) && x.rank() == 2 && x.ordering() == 'c') {
            // the bias goes in as the gemm's C with beta = 1: one ND4J broadcast op (and its
            // per-call shape buffers) fewer per projection, and no extra pass over y
            INDArray y = org.nd4j.linalg.factory.Nd4j.createUninitialized(x.dataType(), x.rows(), w.rows());
            Fused.fillRows(y, b);
            return Blas.mm(x, false, w, true, 1, 1, y);
        }
        INDArray y = Blas.mm(x, false, w, true);
        return y.addiRowVector(b);
    }

    /** Accumulates dW and db into the gradient views; returns dx. */
    INDArray backward(INDArray dy) {
        Blas.mm(dy, true, input, false, 1.0, 1.0, weight.grad);
        Blas.addColumnSums(dy, 1.0, bias.grad);
        return Blas.mm(dy, false, weight.value, false);
    }
}
