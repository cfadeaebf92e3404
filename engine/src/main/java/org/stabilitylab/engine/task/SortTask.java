package org.stabilitylab.engine.task;

import java.util.Arrays;

/** Target = source sorted ascending: each output depends on the whole input, not one position. */
final class SortTask extends SymbolTask {
    SortTask(int vocab, int length) {
        super(vocab, length);
    }

    @Override
    int[] target(int[] source) {
        int[] out = source.clone();
        Arrays.sort(out);
        return out;
    }
}
