package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The function f of a residual sublayer: attention or feed-forward, with its own backward pass. */
interface Branch {
    /**
     * Forward on rows [batch*time, d] ordered batch-major; {@code memory} is the encoder output for
     * cross-attention, else null.
     */
    INDArray forward(INDArray x, INDArray memory, int batch);

    /** Accumulates parameter gradients and returns d/dx; cross-attention also keeps d/dmemory. */
    INDArray backward(INDArray dy);

    /** d/dmemory from the last backward (cross-attention only), else null. */
    default INDArray memoryGrad() {
        return null;
    }

    /** "self-attn", "cross-attn" or "ffn", as written in layers.csv. */
    String kind();
}
