package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * x_0 = sqrt(d) * E[token] + position. The lookup is a one-hot matmul: with toy vocabularies it is
 * cheap, and its backward adds the gradients of repeated tokens correctly.
 */
final class Embedding {
    final Param table;
    final Param learnedPositions; // null when sinusoidal
    private final int d;
    private final int vocab;
    private final double scale;
    private INDArray sinusoid;
    private INDArray oneHot;
    private int batch;
    private int time;

    Embedding(ParamStore store, String name, int vocab, int d, int maxLen, boolean learned) {
        this.d = d;
        this.vocab = vocab;
        this.scale = Math.sqrt(d);
        table = store.add(name + ".tokens", Param.Kind.EMBEDDING, vocab, d);
        learnedPositions = learned ? store.add(name + ".positions", Param.Kind.POSITION, maxLen, d) : null;
        if (!learned) {
            sinusoid = sinusoidTable(maxLen, d).castTo(store.dtype());
        }
    }

    /** PE(t, 2k) = sin(t / 10000^(2k/d)), PE(t, 2k+1) = cos(t / 10000^(2k/d)). */
    private static INDArray sinusoidTable(int maxLen, int d) {
        double[] pe = new double[maxLen * d];
        for (int t = 0; t < maxLen; t++) {
            for (int k = 0; k < d; k += 2) {
                double angle = t / Math.pow(10000, (double) k / d);
                pe[t * d + k] = Math.sin(angle);
                if (k + 1 < d) {
                    pe[t * d + k + 1] = Math.cos(angle);
                }
            }
        }
        return Nd4j.create(pe, new long[] {maxLen, d}, DataType.DOUBLE);
    }

    INDArray forward(int[][] tokens) {
        batch = tokens.length;
        time = tokens[0].length;
        DataType dtype = table.value.dataType();
        oneHot = OneHot.rows(tokens, vocab, dtype);
        INDArray x = Blas.mm(oneHot, false, table.value, false).muli(scale);
        INDArray pos = positions(dtype).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, time),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        Shapes.reshape(x, batch, time * (long) d).addiRowVector(Shapes.reshape(pos, time * (long) d));
        return x;
    }

    private INDArray positions(DataType dtype) {
        if (learnedPositions != null) {
            return learnedPositions.value;
        }
        return sinusoid;
    }

    void backward(INDArray dx) {
        Blas.mm(oneHot, true, dx, false, scale, 1.0, table.grad);
        if (learnedPositions != null) {
            INDArray perPosition = Shapes.reshape(Shapes.reshape(dx, batch, time * (long) d).sum(0), time, d);
            learnedPositions.grad.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, time),
                    org.nd4j.linalg.indexing.NDArrayIndex.all()).addi(perPosition);
        }
    }
}
