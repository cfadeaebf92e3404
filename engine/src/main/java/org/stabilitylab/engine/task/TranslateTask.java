package org.stabilitylab.engine.task;

import java.util.SplittableRandom;

/**
 * A toy language pair, standing in for the paper's machine translation so cross-attention has
 * real work: each source word has one fixed translation, and word order changes.
 * <p>
 * Rule: cut the source into blocks of 3 words (the last block may be shorter), reverse the words
 * inside each block, then translate each word through the dictionary. For example with blocks
 * [a b c][d e] the target is [T(c) T(b) T(a)][T(e) T(d)].
 * <p>
 * The dictionary is a permutation of 1..vocab shuffled by a generator seeded from the vocabulary
 * size alone, never from the run seed: the "language" is the same in every run, so runs with
 * different seeds learn the same task.
 */
final class TranslateTask extends SymbolTask {
    static final int BLOCK = 3;
    private static final long LANGUAGE_SEED = 0x7A5F_2020_4C49_55L;

    private final int[] dictionary; // dictionary[word] = translation; index 0 unused

    TranslateTask(int vocab, int length) {
        super(vocab, length);
        this.dictionary = dictionary(vocab);
    }

    /** The fixed translation of each word 1..vocab (index 0 is unused and holds 0). */
    static int[] dictionary(int vocab) {
        int[] map = new int[vocab + 1];
        for (int w = 1; w <= vocab; w++) {
            map[w] = w;
        }
        SplittableRandom rng = new SplittableRandom(LANGUAGE_SEED + vocab);
        for (int i = vocab; i > 1; i--) { // Fisher-Yates over positions 1..vocab
            int j = rng.nextInt(1, i + 1);
            int t = map[i];
            map[i] = map[j];
            map[j] = t;
        }
        return map;
    }

    @Override
    int[] target(int[] source) {
        int n = source.length;
        int[] out = new int[n];
        for (int start = 0; start < n; start += BLOCK) {
            int end = Math.min(start + BLOCK, n);
            for (int i = start; i < end; i++) {
                out[i] = dictionary[source[start + end - 1 - i]];
            }
        }
        return out;
    }
}
