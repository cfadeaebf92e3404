package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.factory.Nd4j;

/** Inverted dropout with the run's own random stream, so concurrent runs stay reproducible. */
final class Dropout {
    private final double rate;
    private INDArray mask;
    private boolean fused;          // the last forward ran the fused kernel
    private long seed;              // fused path: the mask is recomputed from these in backward
    private long first;

    Dropout(double rate) {
        this.rate = rate;
    }

    /** x holds {@code batch} items (rows of a shard or of the whole batch). */
    INDArray forward(INDArray x, boolean train, Noise noise, int batch) {
        if (!train || rate == 0) {
            mask = null;
            fused = false;
            return x;
        }
        if (Fused.usable(x)) {
            mask = null;
            INDArray y = Fused.like(x);
            seed = noise.nextSiteSeed();
            first = noise.firstElement(x, batch);
            Fused.dropout(x, y, rate, seed, first);
            fused = true;
            return y;
        }
        fused = false;
        mask = Nd4j.createUninitialized(x.dataType(), x.shape());
        Nd4j.getExecutioner().exec(new BernoulliDistribution(mask, 1 - rate), noise.rng);
        mask.muli(1 / (1 - rate));
        return x.mul(mask);
    }

    INDArray backward(INDArray dy) {
        if (fused) {
            INDArray dx = Fused.like(dy);
            Fused.dropoutBackward(dy, dx, rate, seed, first);
            return dx;
        }
        return mask == null ? dy : dy.mul(mask);
    }
}
