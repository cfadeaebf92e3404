package org.stabilitylab.engine.task;

/** Target = source: the easiest task, solvable by attending to the same position. */
final class CopyTask extends SymbolTask {
    CopyTask(int vocab, int length) {
        super(vocab, length);
    }

    @Override
    int[] target(int[] source) {
        return source.clone();
    }
}
