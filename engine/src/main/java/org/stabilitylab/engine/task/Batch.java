package org.stabilitylab.engine.task;

/**
 * A batch of source/target pairs. Tokens are 1..vocab; 0 is reserved for the begin/separator
 * symbol the model prepends, so models use {@code vocab + 1} embedding rows.
 *
 * @param source [batch][sourceLength]
 * @param target [batch][targetLength], the tokens the model must produce
 */
public record Batch(int[][] source, int[][] target) {
    public int size() {
        return source.length;
    }
}
