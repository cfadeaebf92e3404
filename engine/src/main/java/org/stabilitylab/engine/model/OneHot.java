package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One-hot rows for token ids, batch-major ([batch*time, vocab]). */
final class OneHot {
    private OneHot() {
    }

    static INDArray rows(int[][] tokens, int vocab, DataType dtype) {
        int time = tokens[0].length;
        float[] data = new float[tokens.length * time * vocab];
        for (int b = 0; b < tokens.length; b++) {
            for (int t = 0; t < time; t++) {
                data[(b * time + t) * vocab + tokens[b][t]] = 1f;
            }
        }
        INDArray rows = Nd4j.create(data, new long[] {(long) tokens.length * time, vocab}, 'c');
        return dtype == DataType.FLOAT ? rows : rows.castTo(dtype);
    }
}
