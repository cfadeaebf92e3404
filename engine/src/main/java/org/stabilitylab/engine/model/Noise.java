package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;

/**
 * Where one model's dropout masks come from during a training forward pass. Each dropout site gets
 * its own seed from the step's seed and the site's position in the pass, and each mask element is
 * addressed by its index in the whole batch: a shard of the batch (see {@link Learner}) draws the
 * masks the full batch would, so a run does not depend on how many threads trained it.
 */
final class Noise {
    /** The model's ND4J generator: the step seeds, and the masks of the ND4J-ops path (double, other backends). */
    final Random rng;
    private long stepSeed;
    private int site;
    private long firstItem;

    Noise(Random rng) {
        this.rng = rng;
    }

    /** Starts a training pass over items [firstItem, firstItem + shard size) of a batch. */
    void begin(long stepSeed, long firstItem) {
        this.stepSeed = stepSeed;
        this.site = 0;
        this.firstItem = firstItem;
    }

    /** The seed of the next dropout site of this pass. */
    long nextSiteSeed() {
        return Fused.mix(stepSeed ^ Fused.mix(++site));
    }

    /** Index in the whole batch of the first element of x, whose rows hold {@code batch} items. */
    long firstElement(INDArray x, int batch) {
        return firstItem * (x.length() / batch);
    }
}
