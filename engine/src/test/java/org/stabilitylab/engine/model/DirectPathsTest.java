package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stabilitylab.engine.config.Arch;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.config.ModelSpec;
import org.stabilitylab.engine.config.Norm;
import org.stabilitylab.engine.config.Positions;
import org.stabilitylab.engine.task.Batch;

/**
 * A whole float model gives the same loss and the same gradient for every parameter with the CPU
 * fast path (direct BLAS, fused layer norm and softmax) as with ND4J's own ops, which the
 * finite-difference check verifies in double. Covers every placement and both architectures.
 */
class DirectPathsTest {
    @AfterEach
    void restore() {
        Blas.enabled = true;
        Parallel.threads(1);
        Parallel.minWorkPerPart = 1 << 15;
    }

    @ParameterizedTest(name = "{0} {1} {2} threads {3}")
    @CsvSource({
        "ENCODER_DECODER, POST, DEFAULT, 1", "ENCODER_DECODER, PRE, DEFAULT, 1", "ENCODER_DECODER, POST, ADMIN, 1",
        "ENCODER_DECODER, NONE, DEFAULT, 1", "DECODER_ONLY, POST, DEFAULT, 1", "DECODER_ONLY, PRE, DEFAULT, 1",
        "DECODER_ONLY, POST, ADMIN, 1", "ENCODER_DECODER, POST, DEFAULT, 3", "DECODER_ONLY, PRE, DEFAULT, 3"})
    void fastPathMatchesNd4jOps(Arch arch, Norm norm, Init init, int threads) {
        // with 3 threads every Java loop and the per-head BLAS loop split into uneven parts
        Parallel.threads(threads);
        Parallel.minWorkPerPart = 1;
        ModelSpec spec = new ModelSpec(arch, 2, 2, 16, 4, 32, 0.0, norm, init, Positions.LEARNED);
        Transformer model = new Transformer(spec, 7, 6, 6, DataType.FLOAT, 3);
        Batch batch = ReversalBatches.of(5, new SplittableRandom(9));
        if (init == Init.ADMIN) {
            AdminInit.apply(model, batch);
        } else {
            DefaultInit.apply(model);
        }
        Nd4j.getRandom().setSeed(4);
        model.store.values().addi(Nd4j.rand(DataType.FLOAT, model.store.size()).subi(0.5).muli(0.2));

        Blas.enabled = false;
        double lossNd4j = lossAndGrads(model);
        INDArray gradNd4j = model.store.grads().dup();
        Blas.enabled = true;
        double lossFast = lossAndGrads(model);
        INDArray gradFast = model.store.grads().dup();

        assertTrue(Math.abs(lossNd4j - lossFast) < 1e-5 * Math.abs(lossNd4j), lossNd4j + " vs " + lossFast);
        double size = gradNd4j.amaxNumber().doubleValue();
        assertTrue(size > 1e-3, "gradients are not trivially zero");
        for (Param p : model.store.params()) {
            INDArray a = ParamStore.slice(gradNd4j, p.offset, p.length);
            INDArray b = ParamStore.slice(gradFast, p.offset, p.length);
            double diff = a.sub(b).amaxNumber().doubleValue();
            assertTrue(diff <= 2e-5 * Math.max(size, 1), p.name + " gradient differs by " + diff);
        }
    }

    /**
     * Inside a step workspace (how the Learner runs every step) the fast path reads and writes arrays
     * that live at offsets inside the workspace's buffer: same loss and gradients as outside it.
     */
    @org.junit.jupiter.api.Test
    void stepWorkspaceGivesTheSameGradients() {
        ModelSpec spec = new ModelSpec(Arch.ENCODER_DECODER, 3, 3, 16, 4, 32, 0.0, Norm.PRE, Init.DEFAULT,
                Positions.LEARNED);
        Transformer model = new Transformer(spec, 7, 6, 6, DataType.FLOAT, 3);
        DefaultInit.apply(model);
        double plain = lossAndGrads(model);
        INDArray expected = model.store.grads().dup();
        var conf = org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration.builder().initialSize(0)
                .policyAllocation(org.nd4j.linalg.api.memory.enums.AllocationPolicy.OVERALLOCATE)
                .policyLearning(org.nd4j.linalg.api.memory.enums.LearningPolicy.FIRST_LOOP)
                .policySpill(org.nd4j.linalg.api.memory.enums.SpillPolicy.REALLOCATE).build();
        for (int step = 0; step < 3; step++) { // the first loop learns the size, later ones reuse it
            try (var ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "test-step")) {
                double scoped = lossAndGrads(model);
                assertTrue(Math.abs(plain - scoped) < 1e-6 * Math.abs(plain), plain + " vs " + scoped);
            }
            double diff = expected.sub(model.store.grads()).amaxNumber().doubleValue();
            assertTrue(diff < 1e-6 * Math.max(1, expected.amaxNumber().doubleValue()), "gradients differ by " + diff);
        }
    }

    @ParameterizedTest(name = "threads {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void fusedAdamMatchesNd4jOps(int threads) {
        Parallel.threads(threads);
        Parallel.minWorkPerPart = 1;
        INDArray[] result = new INDArray[2];
        for (int pass = 0; pass < 2; pass++) {
            Blas.enabled = pass == 1;
            ParamStore store = new ParamStore(DataType.FLOAT);
            store.add("w", Param.Kind.WEIGHT, 50, 41);
            store.allocate();
            Nd4j.getRandom().setSeed(8);
            store.values().assign(Nd4j.randn(DataType.FLOAT, store.size()));
            Optimizer.Adam adam = new Optimizer.Adam(store, 0.9, 0.98, 1e-8);
            for (int step = 0; step < 5; step++) {
                store.grads().assign(Nd4j.randn(DataType.FLOAT, store.size()).muli(step == 2 ? 1e-6 : 1.0));
                adam.step(store.values(), store.grads(), 1e-3);
            }
            result[pass] = store.values().dup();
        }
        double moved = result[0].distance1(result[1]);
        assertTrue(result[0].equalsWithEps(result[1], 1e-6), "fused Adam differs, L1 distance " + moved);
    }

    /** The fused loss reports the same validation figures (plain cross-entropy, correct tokens) as the ND4J ops. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(Arch.class)
    void fusedLossReportsTheSameMetrics(Arch arch) {
        ModelSpec spec = new ModelSpec(arch, 2, 2, 16, 4, 32, 0.0, Norm.PRE, Init.DEFAULT, Positions.LEARNED);
        Transformer model = new Transformer(spec, 7, 6, 6, DataType.FLOAT, 3);
        DefaultInit.apply(model);
        Batch batch = ReversalBatches.of(40, new SplittableRandom(2));
        Transformer.Forward[] f = new Transformer.Forward[2];
        for (int pass = 0; pass < 2; pass++) {
            Blas.enabled = pass == 1;
            f[pass] = model.forward(batch, false, false, 0.1);
        }
        assertTrue(Math.abs(f[0].loss() - f[1].loss()) < 1e-5 * f[0].loss(), f[0] + " vs " + f[1]);
        assertTrue(Math.abs(f[0].crossEntropy() - f[1].crossEntropy()) < 1e-5 * f[0].crossEntropy(), f[0] + " vs " + f[1]);
        org.junit.jupiter.api.Assertions.assertEquals(f[0].correct(), f[1].correct());
        org.junit.jupiter.api.Assertions.assertEquals(f[0].counted(), f[1].counted());
        assertTrue(f[0].correct() > 0 && f[0].correct() < f[0].counted(), "a random model gets some tokens right: " + f[0]);
    }

    private static double lossAndGrads(Transformer model) {
        Batch batch = ReversalBatches.of(5, new SplittableRandom(9));
        model.store.grads().assign(0);
        double loss = model.forward(batch, true, false, 0.1).loss();
        model.backward();
        return loss;
    }
    @org.junit.jupiter.api.Test
    void directAddsAndNormAgreeWithNd4j() {
        Nd4j.getRandom().setSeed(8);
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = Nd4j.rand(type, 37, 11).subi(0.5);
            INDArray f = Nd4j.rand(type, 37, 11).subi(0.5);
            INDArray want = x.add(f);
            INDArray got = Blas.sum(x, f);
            assertTrue(got != x && want.equalsWithEps(got, 1e-6), type + " sum");
            INDArray y = x.dup();
            Blas.addInto(y, f);
            assertTrue(want.equalsWithEps(y, 1e-6), type + " addInto");
            // a view that starts inside its buffer, as the per-sublayer gradient slices do
            INDArray flat = Nd4j.rand(type, 1000);
            INDArray slice = ParamStore.slice(flat, 123, 456);
            double norm = slice.norm2Number().doubleValue();
            assertTrue(Math.abs(Blas.norm2(slice) - norm) < 1e-6 * norm, type + " norm of a slice");
        }
        // a row vector added to every row is a broadcast: left to ND4J
        INDArray m = Nd4j.ones(DataType.FLOAT, 3, 4);
        Blas.addInto(m, Nd4j.ones(DataType.FLOAT, 1, 4));
        assertTrue(m.equalsWithEps(Nd4j.ones(DataType.FLOAT, 3, 4).muli(2), 0), "broadcast add");
        // large gradients: 100 x 1e18 (squares near the float limit), then past it like ND4J's norm
        INDArray big = Nd4j.ones(DataType.FLOAT, 1, 100).muli(1e18f);
        assertTrue(Math.abs(Blas.norm2(big) / 1e19 - 1) < 1e-6, "norm " + Blas.norm2(big));
        assertTrue(Double.isInfinite(Blas.norm2(big.muli(100))), "a diverged gradient reads infinite");
    }
}
