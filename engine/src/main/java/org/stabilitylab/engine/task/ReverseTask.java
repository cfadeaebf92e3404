package org.stabilitylab.engine.task;

/** Target = source backwards: attention has to look at the mirrored position. */
final class ReverseTask extends SymbolTask {
    ReverseTask(int vocab, int length) {
        super(vocab, length);
    }

    @Override
    int[] target(int[] source) {
        int n = source.length;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = source[n - 1 - i];
        }
        return out;
    }
}
