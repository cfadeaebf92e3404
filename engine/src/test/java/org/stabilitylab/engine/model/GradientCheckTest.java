package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.stabilitylab.engine.config.Arch;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.config.ModelSpec;
import org.stabilitylab.engine.config.Norm;
import org.stabilitylab.engine.config.Positions;
import org.stabilitylab.engine.task.Batch;

/** The hand-written backward pass agrees with central finite differences, in double precision. */
class GradientCheckTest {
    private static final int VOCAB = 5;
    private static final int LENGTH = 4;

    static Stream<Arguments> variants() {
        List<Arguments> list = new ArrayList<>();
        for (Arch arch : Arch.values()) {
            list.add(Arguments.of(arch, Norm.POST, Init.DEFAULT, Positions.SINUSOIDAL));
            list.add(Arguments.of(arch, Norm.PRE, Init.DEFAULT, Positions.LEARNED));
            list.add(Arguments.of(arch, Norm.POST, Init.ADMIN, Positions.LEARNED));
            list.add(Arguments.of(arch, Norm.NONE, Init.DEFAULT, Positions.SINUSOIDAL));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("variants")
    void analyticGradientMatchesFiniteDifferences(Arch arch, Norm norm, Init init, Positions positions) {
        ModelSpec spec = new ModelSpec(arch, 2, 2, 8, 2, 12, 0.0, norm, init, positions);
        Transformer model = new Transformer(spec, VOCAB, LENGTH, LENGTH, DataType.DOUBLE, 7);
        Batch batch = batch(3, new SplittableRandom(3));
        if (init == Init.ADMIN) {
            AdminInit.apply(model, batch);
        } else {
            DefaultInit.apply(model);
        }
        // move every parameter off its tidy initial value so gains, biases and omega are tested in general position
        model.store.values().addi(org.nd4j.linalg.factory.Nd4j.rand(DataType.DOUBLE, model.store.size()).subi(0.5).muli(0.2));

        double ls = 0.1;
        model.store.grads().assign(0);
        model.forward(batch, true, false, ls);
        model.backward();
        double[] analytic = model.store.grads().toDoubleVector();

        EnumSet<Param.Kind> seen = EnumSet.noneOf(Param.Kind.class);
        SplittableRandom pick = new SplittableRandom(11);
        double h = 1e-6;
        int checked = 0;
        for (Param p : model.store.params()) {
            seen.add(p.kind);
            for (int k = 0; k < 2; k++) {
                long i = p.offset + pick.nextLong(p.length);
                double original = model.store.values().getDouble(i);
                model.store.values().putScalar(i, original + h);
                double plus = model.forward(batch, true, false, ls).loss();
                model.store.values().putScalar(i, original - h);
                double minus = model.forward(batch, true, false, ls).loss();
                model.store.values().putScalar(i, original);
                double numeric = (plus - minus) / (2 * h);
                double a = analytic[(int) i];
                double scale = Math.max(1e-3, Math.abs(a) + Math.abs(numeric));
                // 1e-4 leaves room for a ReLU kink crossed by the +-h step; a wrong backward is off by O(1)
                assertTrue(Math.abs(a - numeric) / scale < 1e-4,
                        () -> p.name + "[" + (i - p.offset) + "]: analytic " + a + " vs numeric " + numeric);
                checked++;
            }
        }
        assertTrue(seen.contains(Param.Kind.WEIGHT) && seen.contains(Param.Kind.EMBEDDING)
                && seen.contains(Param.Kind.BIAS), "parameter kinds covered: " + seen);
        if (norm != Norm.NONE) {
            assertTrue(seen.contains(Param.Kind.GAIN));
        }
        if (init == Init.ADMIN) {
            assertTrue(seen.contains(Param.Kind.OMEGA));
        }
        if (positions == Positions.LEARNED) {
            assertTrue(seen.contains(Param.Kind.POSITION));
        }
        assertEquals(model.store.params().size() * 2, checked);
    }

    static Batch batch(int size, SplittableRandom rng) {
        int[][] src = new int[size][LENGTH];
        int[][] tgt = new int[size][LENGTH];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < LENGTH; t++) {
                src[b][t] = 1 + rng.nextInt(VOCAB);
                tgt[b][LENGTH - 1 - t] = src[b][t];
            }
        }
        return new Batch(src, tgt);
    }
}
