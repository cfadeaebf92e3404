package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.stabilitylab.engine.config.Arch;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.config.ModelSpec;
import org.stabilitylab.engine.config.Norm;
import org.stabilitylab.engine.config.Positions;
import org.stabilitylab.engine.task.Batch;

/** The decoder is causal: changing a later token never changes an earlier position's output. */
class CausalMaskTest {
    private static final int D = 8;

    @ParameterizedTest
    @EnumSource(Arch.class)
    void changingAFutureTokenLeavesEarlierOutputsUntouched(Arch arch) {
        ModelSpec spec = new ModelSpec(arch, 2, 2, D, 2, 16, 0.0, Norm.PRE, Init.DEFAULT, Positions.SINUSOIDAL);
        Transformer model = new Transformer(spec, 6, 5, 5, DataType.DOUBLE, 3);
        DefaultInit.apply(model);
        int[][] src = {{1, 2, 3, 4, 5}};
        int[][] tgt = {{5, 4, 3, 2, 1}};
        int[][] changedTgt = {{5, 4, 6, 2, 1}}; // target index 2 feeds decoder input position 3
        double[] before = decoderRows(model, new Batch(src, tgt));
        double[] after = decoderRows(model, new Batch(src, changedTgt));
        int firstChangedPosition = (arch == Arch.DECODER_ONLY ? 5 : 0) + 3;
        int unchanged = firstChangedPosition * D;
        assertArrayEquals(Arrays.copyOf(before, unchanged), Arrays.copyOf(after, unchanged), 0.0,
                "outputs before the changed position must be identical");
        assertFalse(Arrays.equals(Arrays.copyOfRange(before, unchanged, unchanged + D),
                Arrays.copyOfRange(after, unchanged, unchanged + D)), "the changed position itself must change");
    }

    private static double[] decoderRows(Transformer model, Batch batch) {
        model.forward(batch, false, false, 0.0);
        return model.lastDecoderOutput().dup().data().asDouble();
    }
}
