package org.stabilitylab.engine.task;

import java.util.SplittableRandom;

/**
 * Shared shape of the synthetic tasks: a source of uniform random symbols 1..vocab and a target
 * of the same length computed from it by a fixed rule, so the tasks differ only in that rule.
 */
abstract class SymbolTask implements Task {
    private final int vocab;
    private final int length;

    SymbolTask(int vocab, int length) {
        if (vocab < 1 || length < 1) {
            throw new IllegalArgumentException("vocab and length must be positive: " + vocab + ", " + length);
        }
        this.vocab = vocab;
        this.length = length;
    }

    /** The task's rule: the target for one source sequence. */
    abstract int[] target(int[] source);

    @Override
    public final int vocab() {
        return vocab;
    }

    @Override
    public final int sourceLength() {
        return length;
    }

    @Override
    public final int targetLength() {
        return length;
    }

    @Override
    public final Batch sample(int size, SplittableRandom rng) {
        int[][] source = new int[size][];
        int[][] target = new int[size][];
        for (int b = 0; b < size; b++) {
            int[] s = new int[length];
            for (int t = 0; t < length; t++) {
                s[t] = rng.nextInt(1, vocab + 1);
            }
            source[b] = s;
            target[b] = target(s);
        }
        return new Batch(source, target);
    }
}
