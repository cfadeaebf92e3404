package org.stabilitylab.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The fused kernels checked against a reference of their own: the float exp and the softmax, and
 * dropout: keeps about 1 - rate of the elements, scales them by 1/(1-rate),
 * repeats itself for the same seed, and its backward applies exactly the forward's mask.
 */
class FusedKernelsTest {
    @Test
    void randomSignPerturbationMovesOnlyMaskedEntriesByEps() {
        int n = 10_000;
        INDArray values = Nd4j.rand(DataType.FLOAT, n);
        INDArray before = values.dup();
        INDArray mask = Nd4j.zeros(DataType.FLOAT, n);
        mask.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1000, 9000)).assign(1);
        Fused.subtractRandomSigns(values, mask, 1e-2, 7L);
        float[] d = values.sub(before).data().asFloat();
        int plus = 0;
        for (int i = 0; i < n; i++) {
            if (i < 1000 || i >= 9000) {
                assertEquals(0f, d[i], "unmasked entry " + i + " moved");
            } else {
                assertEquals(1e-2, Math.abs(d[i]), 1e-6, "entry " + i);
                plus += d[i] > 0 ? 1 : 0;
            }
        }
        // 8,000 fair signs: the count of + has standard deviation 45
        assertTrue(Math.abs(plus - 4000) < 250, "positive moves " + plus);
        INDArray again = before.dup();
        Fused.subtractRandomSigns(again, mask, 1e-2, 7L);
        assertEquals(values, again, "same seed, same perturbation");
    }

    @Test
    void floatExpIsCloseToMathExp() {
        int n = 63_600;
        float[] x = new float[n + 4];
        for (int i = 0; i < n; i++) {
            x[i] = -0.00137f * i; // 0 .. -87.1
        }
        x[n] = -100f;
        x[n + 1] = Float.NEGATIVE_INFINITY;
        x[n + 2] = Float.NaN;
        x[n + 3] = -88.5f;
        float[] in = x.clone();
        Fused.expInPlace(x, new float[x.length], x.length);
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double exact = Math.exp(in[i]);
            worst = Math.max(worst, Math.abs(x[i] - exact) / exact);
        }
        assertTrue(worst < 3e-7, "worst relative error " + worst);
        assertEquals(1f, x[0]);
        assertEquals(0f, x[n], "far below the smallest normal float");
        assertEquals(0f, x[n + 1]);
        assertTrue(Float.isNaN(x[n + 2]), "NaN must survive: the divergence metrics look for it");
        assertEquals(0f, x[n + 3]);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} rows x {1} cols, causal {2}, threads {3}")
    @org.junit.jupiter.params.provider.CsvSource({"370, 37, true, 1", "370, 37, false, 3", "4, 5000, false, 1",
        "640, 64, true, 3"})
    void softmaxRowsMatchesADoubleReference(int rows, int cols, boolean causal, int threads) {
        // 37 columns: chunks of 110 rows, which do not line up with the 37 query positions
        Parallel.threads(threads);
        Parallel.minWorkPerPart = 1;
        try {
            Nd4j.getRandom().setSeed(3);
            INDArray scores = Nd4j.rand(DataType.FLOAT, rows, cols).subi(0.5).muli(40);
            float[] in = scores.data().asFloat();
            Fused.softmaxRows(scores, cols, causal);
            assertSoftmaxOfEachRow(in, scores.data().asFloat(), rows, cols, causal);
        } finally {
            Parallel.threads(1);
            Parallel.minWorkPerPart = 1 << 15;
        }
    }

    @Test
    void softmaxRowsFarBelowTheirNeighboursKeepTheirPrecision() {
        // rows of one chunk shifted by +300, 0 and -300: shifting the whole chunk by its largest entry
        // would underflow two rows in three to 0/0, so those must be redone with their own max
        int rows = 300;
        int cols = 32;
        Nd4j.getRandom().setSeed(4);
        INDArray scores = Nd4j.rand(DataType.FLOAT, rows, cols).subi(0.5).muli(40);
        for (int r = 0; r < rows; r++) {
            scores.getRow(r).addi(r % 3 == 0 ? 300 : r % 3 == 1 ? -300 : 0);
        }
        float[] in = scores.data().asFloat();
        for (boolean causal : new boolean[] {false, true}) {
            INDArray s = Nd4j.create(in, new long[] {rows, cols}, 'c');
            Fused.softmaxRows(s, cols, causal);
            assertSoftmaxOfEachRow(in, s.data().asFloat(), rows, cols, causal);
        }
    }

    /** out holds the softmax of each row of in (row r masked after column r % cols when causal). */
    private static void assertSoftmaxOfEachRow(float[] in, float[] out, int rows, int cols, boolean causal) {
        for (int r = 0; r < rows; r++) {
            int valid = causal ? r % cols + 1 : cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < valid; j++) {
                max = Math.max(max, in[r * cols + j]);
            }
            double z = 0;
            for (int j = 0; j < valid; j++) {
                z += Math.exp(in[r * cols + j] - max);
            }
            for (int j = 0; j < cols; j++) {
                double want = j < valid ? Math.exp(in[r * cols + j] - max) / z : 0;
                assertEquals(want, out[r * cols + j], 2e-6 * want + 1e-9, "row " + r + " col " + j);
            }
        }
    }

    @Test
    void reluBackwardPassesTheGradientExactlyWhereTheOutputIsPositive() {
        // 10,007 elements: two full chunks and a partial one; outputs as a forward ReLU makes them
        Nd4j.getRandom().setSeed(11);
        INDArray out = Transforms.relu(Nd4j.randn(DataType.FLOAT, 1, 10_007), false);
        out.putScalar(0, Float.MIN_VALUE);   // the smallest positive float still counts as active
        out.putScalar(1, Float.MAX_VALUE);
        out.putScalar(2, -0.0f);
        INDArray grad = Nd4j.randn(DataType.FLOAT, 1, 10_007).muli(1e30);
        float[] g = grad.data().asFloat();
        float[] y = out.data().asFloat();
        Fused.reluBackward(grad, out);
        float[] got = grad.data().asFloat();
        int active = 0;
        for (int i = 0; i < g.length; i++) {
            float want = y[i] > 0 ? g[i] : 0f;
            assertEquals(want, got[i], 0f, "element " + i);
            active += y[i] > 0 ? 1 : 0;
        }
        assertTrue(active > 4000 && active < 6000, "about half the units active: " + active);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} x {1}")
    @org.junit.jupiter.params.provider.CsvSource({"300, 67", "3, 5000", "1, 16"})
    void fillRowsCopiesTheVectorIntoEveryRow(int rows, int cols) {
        INDArray v = Nd4j.rand(DataType.FLOAT, 1, cols);
        INDArray y = Nd4j.rand(DataType.FLOAT, rows, cols);
        Fused.fillRows(y, v);
        assertEquals(v.repmat(rows, 1), y);
    }

    @Test
    void varianceMatchesADoubleReferenceEvenFarFromZero() {
        // 10,007 elements (two full chunks and a partial one), mean 1000: E[x^2] - E[x]^2 in float
        // would lose every digit here, the two-pass form keeps them
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 10_007).muli(3).addi(1000);
        double[] v = x.data().asDouble();
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double want = java.util.Arrays.stream(v).map(e -> (e - mean) * (e - mean)).sum() / v.length;
        assertEquals(want, Fused.variance(x), 1e-4 * want);
        assertEquals(want, Stats.variance(x), 1e-4 * want);
    }

    @Test
    void keepsTheRightShareScaledAndReproducibly() {
        double rate = 0.1;
        INDArray x = Nd4j.rand(DataType.FLOAT, 300, 67).addi(0.5); // strictly positive, odd row length
        INDArray y = Fused.like(x);
        Fused.dropout(x, y, rate, 42L, 0);

        float[] xs = x.data().asFloat();
        float[] ys = y.data().asFloat();
        int kept = 0;
        for (int i = 0; i < xs.length; i++) {
            if (ys[i] != 0) {
                kept++;
                assertEquals(xs[i] / (1 - rate), ys[i], 1e-5 * Math.abs(ys[i]));
            }
        }
        double share = kept / (double) xs.length;
        // 20,100 Bernoulli(0.9) draws: the standard deviation of the share is 0.0021
        assertTrue(Math.abs(share - 0.9) < 0.01, "kept share " + share);
        int bothDropped = 0;
        for (int i = 0; i + 1 < ys.length; i++) {
            bothDropped += ys[i] == 0 && ys[i + 1] == 0 ? 1 : 0;
        }
        // neighbours drawn independently: 20,099 pairs, both dropped with p = 0.01 (201 +- 14)
        assertTrue(Math.abs(bothDropped - 201) < 60, "neighbouring pairs both dropped: " + bothDropped);

        INDArray again = Fused.like(x);
        Fused.dropout(x, again, rate, 42L, 0);
        assertArrayEquals(ys, again.data().asFloat(), "same seed, same mask");
        INDArray other = Fused.like(x);
        Fused.dropout(x, other, rate, 43L, 0);
        assertTrue(!java.util.Arrays.equals(ys, other.data().asFloat()), "another seed, another mask");

        INDArray dy = Nd4j.ones(DataType.FLOAT, 300, 67);
        INDArray dx = Fused.like(dy);
        Fused.dropoutBackward(dy, dx, rate, 42L, 0);
        float[] dxs = dx.data().asFloat();
        for (int i = 0; i < xs.length; i++) {
            // d y_i / d x_i is 1/(1-rate) where kept and 0 where dropped
            assertEquals(ys[i] / xs[i], dxs[i], 1e-5, "element " + i);
        }
    }
}
