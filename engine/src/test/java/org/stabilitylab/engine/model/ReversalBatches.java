package org.stabilitylab.engine.model;

import java.util.SplittableRandom;
import org.stabilitylab.engine.task.Batch;

/** Small reversal batches (6 symbols from 1..7) for the model-level tests. */
final class ReversalBatches {
    private ReversalBatches() {
    }

    static Batch of(int size, SplittableRandom rng) {
        int[][] src = new int[size][6];
        int[][] tgt = new int[size][6];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < 6; t++) {
                src[b][t] = 1 + rng.nextInt(7);
                tgt[b][5 - t] = src[b][t];
            }
        }
        return new Batch(src, tgt);
    }
}
