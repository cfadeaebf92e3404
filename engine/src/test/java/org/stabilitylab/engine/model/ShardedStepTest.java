package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.stabilitylab.engine.config.Arch;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.config.ModelSpec;
import org.stabilitylab.engine.config.Norm;
import org.stabilitylab.engine.config.Positions;
import org.stabilitylab.engine.config.Presets;
import org.stabilitylab.engine.task.Batch;
import org.stabilitylab.engine.task.Task;
import org.stabilitylab.engine.task.Tasks;

/**
 * A batch split into shards, each trained by a replica of the model, gives the loss and the
 * gradients of the whole batch (same dropout masks, loss normalised by the whole batch), so a run
 * with several threads trains the model a one-thread run would, up to float rounding.
 */
class ShardedStepTest {
    @AfterEach
    void restore() {
        Parallel.threads(1);
    }

    @Test
    void dropoutMasksDoNotDependOnHowTheBatchIsSplit() {
        // an odd row width: the shards start at odd (111) and even (148) element indices
        int width = 37;
        INDArray x = Nd4j.rand(DataType.FLOAT, 10, width).addi(0.5);
        INDArray whole = Fused.like(x);
        Fused.dropout(x, whole, 0.3, 99L, 0);
        float[] joined = new float[10 * width];
        int[] bounds = {0, 3, 4, 10};
        for (int p = 0; p + 1 < bounds.length; p++) {
            INDArray rows = x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(bounds[p], bounds[p + 1])).dup();
            INDArray out = Fused.like(rows);
            Fused.dropout(rows, out, 0.3, 99L, (long) bounds[p] * width);
            System.arraycopy(out.data().asFloat(), 0, joined, bounds[p] * width, (int) out.length());
        }
        assertArrayEquals(whole.data().asFloat(), joined);
        int zeros = 0;
        for (float v : joined) {
            zeros += v == 0 ? 1 : 0;
        }
        assertTrue(zeros > 60 && zeros < 170, "dropped " + zeros + " of 370 at rate 0.3");
    }

    @ParameterizedTest(name = "{0} {1} in {2} shards")
    @CsvSource({"DECODER_ONLY, POST, 2", "ENCODER_DECODER, PRE, 3", "ENCODER_DECODER, POST, 2"})
    void shardsAddUpToTheWholeBatch(Arch arch, Norm norm, int parts) {
        ModelSpec spec = new ModelSpec(arch, 2, 2, 16, 4, 32, 0.3, norm, Init.DEFAULT, Positions.LEARNED);
        Transformer model = new Transformer(spec, 7, 6, 6, DataType.FLOAT, 3);
        DefaultInit.apply(model);
        Batch batch = ReversalBatches.of(7, new SplittableRandom(5));
        long seed = 1234;

        model.store.grads().assign(0);
        double whole = model.forward(batch, true, false, 0.1, seed, 0, 7).loss();
        model.backward();
        INDArray expected = model.store.grads().dup();

        double sum = 0;
        INDArray summed = Nd4j.zeros(DataType.FLOAT, model.store.size());
        for (int k = 0; k < parts; k++) {
            Transformer shard = k == 0 ? model : model.replica();
            int from = 7 * k / parts;
            int to = 7 * (k + 1) / parts;
            Batch part = new Batch(Arrays.copyOfRange(batch.source(), from, to), Arrays.copyOfRange(batch.target(), from, to));
            shard.store.grads().assign(0);
            sum += shard.forward(part, true, false, 0.1, seed, from, 7).loss();
            shard.backward();
            summed.addi(shard.store.grads());
        }
        assertEquals(whole, sum, 1e-5 * whole);
        double scale = expected.amaxNumber().doubleValue();
        double diff = expected.sub(summed).amaxNumber().doubleValue();
        assertTrue(scale > 0 && diff < 1e-5 * scale, "gradients differ by " + diff + " (largest " + scale + ")");
    }

    @Test
    void aReplicaSeesItsOriginalsParametersChange() {
        ModelSpec spec = new ModelSpec(Arch.DECODER_ONLY, 0, 1, 8, 2, 16, 0.0, Norm.PRE, Init.DEFAULT, Positions.LEARNED);
        Transformer model = new Transformer(spec, 5, 4, 4, DataType.FLOAT, 1);
        Transformer replica = model.replica();
        model.store.values().assign(0.25);
        assertEquals(0.25, replica.store.values().getDouble(17), 0.0);
        assertEquals(0.25, replica.store.params().get(3).value.getDouble(0), 0.0);
        assertEquals(0.0, replica.store.grads().amaxNumber().doubleValue(), 0.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"decoder-only", "encoder-decoder"})
    void twoThreadsTrainTheModelOneThreadTrains(String arch) {
        NativeThreads.configure(); // first, so it cannot reset the thread count set below
        Experiment e = Presets.defaults();
        for (String[] kv : new String[][] {{"model.arch", arch}, {"model.decoderLayers", "2"},
                {"model.encoderLayers", arch.equals("decoder-only") ? "0" : "2"}, {"model.dModel", "32"},
                {"model.heads", "4"}, {"model.ffn", "64"}, {"model.dropout", "0.2"}, {"train.batch", "9"}}) {
            e = Presets.with(e, kv[0], kv[1]);
        }
        Task task = Tasks.create(e.task());
        double[][] losses = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            Parallel.threads(threads);
            Batch fixed = task.sample(9, new SplittableRandom(21)); // one batch, over and over: the loss must fall
            try (Learner learner = new Learner(e, task.vocab(), task.sourceLength(), task.targetLength(),
                    task.sample(8, new SplittableRandom(1)), false)) {
                assertEquals(threads, learner.shardCount());
                losses[threads - 1] = new double[8];
                for (int step = 0; step < 4; step++) {
                    Learner.StepResult r = learner.trainStep(fixed, 1e-2, null);
                    losses[threads - 1][2 * step] = r.loss();
                    losses[threads - 1][2 * step + 1] = r.gradNorm();
                }
            }
        }
        for (int i = 0; i < 8; i++) {
            // the later steps only match when every earlier update matched
            assertEquals(losses[0][i], losses[1][i], 1e-4 * Math.abs(losses[0][i]), "step " + i / 2 + (i % 2 == 0 ? " loss" : " gradient norm"));
        }
        assertTrue(losses[0][6] < losses[0][0], "the model learns: " + Arrays.toString(losses[0]));
    }
}
