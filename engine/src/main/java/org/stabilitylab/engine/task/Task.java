package org.stabilitylab.engine.task;

import java.util.SplittableRandom;

/** A synthetic sequence-to-sequence task: draws batches from a seeded random stream. */
public interface Task {
    /** Number of data symbols; token ids run 1..vocab. */
    int vocab();

    int sourceLength();

    int targetLength();

    /** Draws {@code size} fresh pairs from {@code rng}; the same rng state gives the same batch. */
    Batch sample(int size, SplittableRandom rng);
}
