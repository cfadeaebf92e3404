package org.stabilitylab.engine.model;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Row-wise kernels (layer norm, masked softmax and their backward passes) written as single Java
 * loops over the arrays' native memory, for float arrays on the CPU backend. Why: as ND4J ops each
 * is 4 to 13 separate native calls with ~20 us fixed cost and a memory pass apiece; one fused loop
 * measured 4.5x faster for layer norm at d_model 64 and 2x at 256. Double precision (the gradient
 * checks) and other backends keep the ND4J ops; tests hold the two paths equal.
 */
final class Fused {
    private Fused() {
    }

    /** True when the fused kernels may run on this array. */
    static boolean usable(INDArray x) {
        return x.dataType() == DataType.FLOAT && Blas.usable(x);
    }

    /** The elements of a small contiguous float array (a gain, a bias, a scale) as a heap array. */
    private static float[] heapCopy(INDArray v) {
        float[] a = new float[(int) v.length()];
        floats(v).get(0, a);
        return a;
    }

    /** A buffer over exactly the elements of a contiguous c-order float array. */
    static FloatBuffer floats(INDArray a) {
        FloatPointer p = new FloatPointer(new Blas.Mat(a).base);
        return p.limit(p.position() + a.length()).asBuffer();
    }

    /**
     * Layer norm forward: writes y = gain * xhat + bias and xhat = (x - mean) * rstd for each row of
     * x [rows, d]; returns rstd per row.
     */
    static float[] layerNorm(INDArray x, INDArray gain, INDArray bias, INDArray y, INDArray xhat, double eps) {
        int rows = (int) x.rows();
        int d = (int) x.columns();
        FloatBuffer in = floats(x);
        FloatBuffer out = floats(y);
        FloatBuffer xh = floats(xhat);
        float[] g = heapCopy(gain);
        float[] b = heapCopy(bias);
        float[] rstd = new float[rows];
        Parallel.forRange(rows, 4L * d, (part, from, to) -> {
            // rows are copied to heap arrays: plain-array loops vectorise, buffer loops do not (2x)
            float[] row = new float[d];
            float[] h = new float[d];
            float[] yRow = new float[d];
            for (int r = from; r < to; r++) {
                int o = r * d;
                in.get(o, row, 0, d);
                float mean = sum(row, row, d, false) / d;
                for (int j = 0; j < d; j++) {
                    h[j] = row[j] - mean;
                }
                float q = (float) (1.0 / Math.sqrt(sum(h, h, d, true) / d + eps));
                rstd[r] = q;
                for (int j = 0; j < d; j++) {
                    h[j] *= q;
                    yRow[j] = h[j] * g[j] + b[j];
                }
                xh.put(o, h, 0, d);
                out.put(o, yRow, 0, d);
            }
        });
        return rstd;
    }

    /**
     * Layer norm backward: dx = rstd * (g - mean(g) - xhat * mean(g * xhat)) with g = dy * gain;
     * adds the gain and bias gradients (column sums of dy * xhat and dy) into their views.
     */
    static void layerNormBackward(INDArray dy, INDArray xhat, float[] rstd, INDArray gain,
                                  INDArray gainGrad, INDArray biasGrad, INDArray dx) {
        int rows = (int) dy.rows();
        int d = (int) dy.columns();
        FloatBuffer gy = floats(dy);
        FloatBuffer xh = floats(xhat);
        FloatBuffer out = floats(dx);
        float[] g = heapCopy(gain);
        int parts = Parallel.parts(rows, 6L * d);
        float[][] dGain = new float[parts][d]; // per part, summed below: parts never share a row
        float[][] dBias = new float[parts][d];
        Parallel.forRange(rows, 6L * d, (part, from, to) -> {
            float[] dyRow = new float[d];
            float[] h = new float[d];
            float[] gRow = new float[d];
            float[] dg = dGain[part];
            float[] db = dBias[part];
            for (int r = from; r < to; r++) {
                int o = r * d;
                gy.get(o, dyRow, 0, d);
                xh.get(o, h, 0, d);
                for (int j = 0; j < d; j++) {
                    dg[j] += dyRow[j] * h[j];
                    db[j] += dyRow[j];
                    gRow[j] = dyRow[j] * g[j];
                }
                float meanG = sum(gRow, gRow, d, false) / d;
                float meanGx = sum(gRow, h, d, true) / d;
                float q = rstd[r];
                for (int j = 0; j < d; j++) {
                    dyRow[j] = q * (gRow[j] - meanG - h[j] * meanGx);
                }
                out.put(o, dyRow, 0, d);
            }
        });
        for (int p = 0; p < parts; p++) {
            addInto(gainGrad, dGain[p]);
            addInto(biasGrad, dBias[p]);
        }
    }

    /** sum of a[j] (or of a[j] * b[j]) for j < n. */
    private static float sum(float[] a, float[] b, int n, boolean products) {
        return sum(a, 0, b, 0, n, products);
    }

    /**
     * sum of a[ao + j] (or of a[ao + j] * b[bo + j]) for j < n with eight partial sums. Why eight: a
     * float add takes 3 cycles and two can start per cycle, so fewer chains leave the adders idle
     * (the JIT does not reorder a float sum itself).
     */
    private static float sum(float[] a, int ao, float[] b, int bo, int n, boolean products) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int j = 0;
        if (products) {
            for (; j + 7 < n; j += 8) {
                s0 += a[ao + j] * b[bo + j];
                s1 += a[ao + j + 1] * b[bo + j + 1];
                s2 += a[ao + j + 2] * b[bo + j + 2];
                s3 += a[ao + j + 3] * b[bo + j + 3];
                s4 += a[ao + j + 4] * b[bo + j + 4];
                s5 += a[ao + j + 5] * b[bo + j + 5];
                s6 += a[ao + j + 6] * b[bo + j + 6];
                s7 += a[ao + j + 7] * b[bo + j + 7];
            }
            for (; j < n; j++) {
                s0 += a[ao + j] * b[bo + j];
            }
        } else {
            for (; j + 7 < n; j += 8) {
                s0 += a[ao + j];
                s1 += a[ao + j + 1];
                s2 += a[ao + j + 2];
                s3 += a[ao + j + 3];
                s4 += a[ao + j + 4];
                s5 += a[ao + j + 5];
                s6 += a[ao + j + 6];
                s7 += a[ao + j + 7];
            }
            for (; j < n; j++) {
                s0 += a[ao + j];
            }
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static void addInto(INDArray target, float[] add) {
        FloatBuffer t = floats(target);
        for (int j = 0; j < add.length; j++) {
            t.put(j, t.get(j) + add[j]);
        }
    }

    /**
     * Softmax over each row of scores [rows, cols] in place. With {@code causal}, row r is query
     * position r % queries and keys after it get probability 0 (what a -inf mask gives). Rows are
     * copied in chunks of many rows, and the whole chunk is shifted by its largest entry rather than
     * each row by its own: softmax does not change under a shift, so one long loop the JIT vectorises
     * does the shift and the exponentials for every row (see {@link #expInPlace}); per row only the
     * mask, the sum and the scaling remain (the per-row max and shift were ~40% of the softmax at 32
     * columns). A row far below the chunk's largest entry would lose its values to underflow: its
     * sum comes out tiny (or 0, or NaN for non-finite scores) and that row is redone with its own max.
     */
    static void softmaxRows(INDArray scores, int queries, boolean causal) {
        int rows = (int) scores.rows();
        int cols = (int) scores.columns();
        FloatBuffer s = floats(scores);
        Parallel.forRange(rows, 8L * cols, (part, from, to) -> {
            boolean wide = cols > CHUNK;
            float[] a = wide ? new float[cols] : chunk(0);
            float[] tmp = wide ? new float[cols] : chunk(1);
            int perChunk = Math.max(1, CHUNK / cols);
            for (int r0 = from; r0 < to; r0 += perChunk) {
                int nr = Math.min(perChunk, to - r0);
                int len = nr * cols;
                s.get(r0 * cols, a, 0, len);
                if (causal) {
                    for (int i = 0, o = 0; i < nr; i++, o += cols) {
                        int valid = Math.min(cols, (r0 + i) % queries + 1);
                        java.util.Arrays.fill(a, o + valid, o + cols, Float.NEGATIVE_INFINITY);
                    }
                }
                expInPlace(a, tmp, len, max(a, 0, len));
                for (int i = 0, o = 0; i < nr; i++, o += cols) {
                    int valid = causal ? Math.min(cols, (r0 + i) % queries + 1) : cols;
                    float z = sum(a, o, a, o, valid, false);
                    if (!(z >= 0x1p-40f)) {
                        // the row's max lies more than ~27 below the chunk's (or a score is not finite)
                        softmaxRow(s, r0 + i, cols, valid, a, o);
                        continue;
                    }
                    float inv = 1 / z;
                    for (int j = o; j < o + valid; j++) {
                        a[j] *= inv;
                    }
                }
                s.put(r0 * cols, a, 0, len);
            }
        });
    }

    /** Softmax of one row shifted by its own max, read again from s, into a[o .. o + cols - 1]. */
    private static void softmaxRow(FloatBuffer s, int row, int cols, int valid, float[] a, int o) {
        float[] e = new float[valid];
        s.get(row * cols, e, 0, valid);
        expInPlace(e, new float[valid], valid, max(e, 0, valid));
        float inv = 1 / sum(e, 0, e, 0, valid, false);
        for (int j = 0; j < valid; j++) {
            a[o + j] = e[j] * inv;
        }
        java.util.Arrays.fill(a, o + valid, o + cols, 0f);
    }

    /**
     * The largest of a[o .. o + n - 1] (n >= 1), NaN entries skipped (their exp is NaN, so a NaN
     * row still comes out NaN). Four chains of plain compares: Math.max is a longer dependent
     * sequence per element (it orders -0 and NaN) and was a third of the softmax's time.
     */
    private static float max(float[] a, int o, int n) {
        float m0 = a[o];
        float m1 = m0;
        float m2 = m0;
        float m3 = m0;
        int j = 1;
        for (; j + 3 < n; j += 4) {
            m0 = a[o + j] > m0 ? a[o + j] : m0;
            m1 = a[o + j + 1] > m1 ? a[o + j + 1] : m1;
            m2 = a[o + j + 2] > m2 ? a[o + j + 2] : m2;
            m3 = a[o + j + 3] > m3 ? a[o + j + 3] : m3;
        }
        for (; j < n; j++) {
            m0 = a[o + j] > m0 ? a[o + j] : m0;
        }
        m0 = m1 > m0 ? m1 : m0;
        m2 = m3 > m2 ? m3 : m2;
        return m2 > m0 ? m2 : m0;
    }

    /**
     * x[j] = e^x[j] for j < n, for x <= 0 in float, within 3e-7 relative of Math.exp; x below -88
     * (under the smallest normal float) gives 0, NaN stays NaN. e^x = 2^r e^f with r = round(x log2 e)
     * and e^f, |f| <= ln2/2, by a degree-7 Taylor polynomial. Why two loops: the first is float
     * arithmetic only (the rounding is the 1.5 * 2^23 trick) and the JIT vectorises it; the exponent
     * bits of 2^r need an int conversion that stays scalar, so it gets a short loop of its own.
     * Measured ~10 ns per element as one scalar loop with Math.rint, ~3.5 ns this way.
     */
    static void expInPlace(float[] x, float[] tmp, int n) {
        expInPlace(x, tmp, n, 0f);
    }

    /** x[j] = e^(x[j] - shift) for j < n, as {@link #expInPlace(float[], float[], int)} for x[j] - shift. */
    static void expInPlace(float[] x, float[] tmp, int n, float shift) {
        for (int j = 0; j < n; j++) {
            float v = Math.max(x[j] - shift, -88f);
            float r = (v * 1.4426950408889634f + 12582912f) - 12582912f; // in [-127, 0]
            // v - r ln2 with ln2 split in two (Cody-Waite), so large |v| keeps its low bits
            float f = (v - r * 0.693145751953125f) - r * 1.428606765330187e-6f;
            tmp[j] = r;
            x[j] = 1f + f * (1f + f * (0.5f + f * (1f / 6 + f * (1f / 24 + f * (1f / 120 + f * (1f / 720 + f * (1f / 5040)))))));
        }
        for (int j = 0; j < n; j++) {
            x[j] *= Float.intBitsToFloat(((int) tmp[j] + 127) << 23); // r = -127 gives the bits of 0
        }
    }

    /** Softmax backward in place: dP becomes dS = P * (dP - sum_j dP_j P_j) per row. */
    static void softmaxBackward(INDArray dProbs, INDArray probs) {
        int rows = (int) probs.rows();
        int cols = (int) probs.columns();
        FloatBuffer dp = floats(dProbs);
        FloatBuffer p = floats(probs);
        Parallel.forRange(rows, 4L * cols, (part, from, to) -> {
            float[] g = new float[cols];
            float[] pr = new float[cols];
            for (int r = from; r < to; r++) {
                int o = r * cols;
                dp.get(o, g, 0, cols);
                p.get(o, pr, 0, cols);
                float dot = sum(g, pr, cols, true);
                for (int j = 0; j < cols; j++) {
                    g[j] = pr[j] * (g[j] - dot);
                }
                dp.put(o, g, 0, cols);
            }
        });
    }

    /**
     * Adam over the flat parameter vector in one pass: m, v updated in place, then
     * p -= stepSize * m / (sqrt(v) + epsHat); stepSize and epsHat carry the bias corrections.
     * (As ND4J ops this was eight passes over every parameter, ~4% of a step at d_model 256.)
     */
    static void adam(INDArray params, INDArray grads, INDArray m, INDArray v,
                     double beta1, double beta2, double stepSize, double epsHat) {
        FloatBuffer p = floats(params);
        FloatBuffer g = floats(grads);
        FloatBuffer mb = floats(m);
        FloatBuffer vb = floats(v);
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float a1 = (float) (1 - beta1);
        float a2 = (float) (1 - beta2);
        float step = (float) stepSize;
        float e = (float) epsHat;
        int n = (int) params.length();
        int chunks = (n + CHUNK - 1) / CHUNK;
        Parallel.forRange(chunks, 8L * CHUNK, (part, from, to) -> {
            float[] pc = chunk(0);
            float[] gc = chunk(1);
            float[] mc = chunk(2);
            float[] vc = chunk(3);
            for (int base = from * CHUNK; base < Math.min(n, to * CHUNK); base += CHUNK) {
                int len = Math.min(CHUNK, n - base);
                p.get(base, pc, 0, len);
                g.get(base, gc, 0, len);
                mb.get(base, mc, 0, len);
                vb.get(base, vc, 0, len);
                for (int i = 0; i < len; i++) {
                    float gi = gc[i];
                    float mi = b1 * mc[i] + a1 * gi;
                    float vi = b2 * vc[i] + a2 * gi * gi;
                    mc[i] = mi;
                    vc[i] = vi;
                    pc[i] -= step * mi / ((float) Math.sqrt(vi) + e);
                }
                p.put(base, pc, 0, len);
                mb.put(base, mc, 0, len);
                vb.put(base, vc, 0, len);
            }
        });
    }

    /** Elements per heap copy in the chunked kernels (a multiple of 64, 16 KB: stays in L1). */
    private static final int CHUNK = 4096;
    private static final ThreadLocal<float[][]> CHUNKS = ThreadLocal.withInitial(() -> new float[4][CHUNK]);

    /**
     * This thread's heap copy number {@code slot} (0-3) of CHUNK floats. Why not a fresh array per
     * call: a few hundred calls a step made megabytes of garbage per step, and the young generation
     * that absorbs it counts towards the process's resident memory.
     */
    private static float[] chunk(int slot) {
        return CHUNKS.get()[slot];
    }

    /**
     * Inverted dropout into y: each element kept with probability 1 - rate (and scaled by 1/(1-rate))
     * or zeroed. Element e is kept when the top 16 bits of hash(seed, first + e) fall below the
     * threshold: a counter-based stream, so a batch split into shards (see {@link Learner}) draws
     * exactly the masks the whole batch would, whatever the thread count, and the backward pass
     * recomputes the mask instead of storing it. Why a 32-bit hash in a loop of its own: int
     * multiplies and shifts vectorise, the 64-bit mix did not (the bits cost ~2 ns per element, now
     * ~0.2). Branch-free: a data-dependent branch per element measured 3-5x slower.
     */
    static void dropout(INDArray x, INDArray y, double rate, long seed, long first) {
        applyDropout(x, y, rate, seed, first);
    }

    /** dx = dy * mask / (1 - rate), the mask recomputed from the forward pass's seed and first element. */
    static void dropoutBackward(INDArray dy, INDArray dx, double rate, long seed, long first) {
        applyDropout(dy, dx, rate, seed, first);
    }

    private static void applyDropout(INDArray x, INDArray y, double rate, long seed, long first) {
        int n = (int) x.length();
        FloatBuffer in = floats(x);
        FloatBuffer out = floats(y);
        float scale = (float) (1 / (1 - rate));
        int threshold = (int) Math.round((1 - rate) * (1 << 16));
        int key = (int) (seed ^ (seed >>> 32));
        int chunks = (n + CHUNK - 1) / CHUNK;
        Parallel.forRange(chunks, 2L * CHUNK, (part, from, to) -> {
            float[] a = chunk(0);
            int[] h = HASHES.get();
            for (int base = from * CHUNK; base < Math.min(n, to * CHUNK); base += CHUNK) {
                int m = Math.min(CHUNK, n - base);
                in.get(base, a, 0, m);
                int g = (int) (first + base); // the element counter wraps after 2^32 elements
                for (int i = 0; i < m; i++) {
                    // a Weyl step, then MurmurHash3's 32-bit finaliser
                    int v = key + (g + LANE[i]) * 0x9E3779B9;
                    v ^= v >>> 16;
                    v *= 0x85EBCA6B;
                    v ^= v >>> 13;
                    v *= 0xC2B2AE35;
                    h[i] = v ^ (v >>> 16);
                }
                for (int i = 0; i < m; i++) {
                    a[i] *= (((h[i] >>> 16) - threshold) >>> 31) * scale; // 1 * scale when kept, else 0
                }
                out.put(base, a, 0, m);
            }
        });
    }

    /** 0, 1, 2, ...: the loop index as an array, which the JIT vectorises where the index itself it does not. */
    private static final int[] LANE = java.util.stream.IntStream.range(0, CHUNK).toArray();
    private static final ThreadLocal<int[]> HASHES = ThreadLocal.withInitial(() -> new int[CHUNK]);

    /** A 64-bit finaliser (xor-shift-multiply rounds) that turns a counter into uniform bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * ReLU backward in place: the gradient passes where the forward output is positive. Branch-free:
     * half the units are active at random, so a branch here mispredicts half the time (measured 6x);
     * and float-only, so the JIT vectorises it (a bit mask through floatToRawIntBits stays scalar:
     * 0.59 vs 0.15 ns per element on L1-resident data). An inf gradient at a dead unit turns into NaN
     * here rather than 0; the step is skipped for a non-finite gradient norm either way.
     */
    static void reluBackward(INDArray grad, INDArray output) {
        int n = (int) grad.length();
        FloatBuffer g = floats(grad);
        FloatBuffer y = floats(output);
        int chunks = (n + CHUNK - 1) / CHUNK;
        Parallel.forRange(chunks, 2L * CHUNK, (part, from, to) -> {
            float[] a = chunk(0);
            float[] b = chunk(1);
            for (int base = from * CHUNK; base < Math.min(n, to * CHUNK); base += CHUNK) {
                int m = Math.min(CHUNK, n - base);
                g.get(base, a, 0, m);
                y.get(base, b, 0, m);
                for (int i = 0; i < m; i++) {
                    // 1 for any positive output (even the smallest subnormal times 2^200 reaches 1), 0 for 0
                    a[i] *= Math.min(b[i] * 0x1p100f * 0x1p100f, 1f);
                }
                g.put(base, a, 0, m);
            }
        });
    }

    /**
     * values[i] -= eps * s_i * mask[i] with independent random signs s_i = +-1 (64 per random long),
     * seeded so a run's probes are reproducible.
     */
    static void subtractRandomSigns(INDArray values, INDArray mask, double eps, long seed) {
        int n = (int) values.length();
        FloatBuffer v = floats(values);
        FloatBuffer m = floats(mask);
        float[] a = chunk(0);
        float[] b = chunk(1);
        float[] step = {(float) eps, (float) -eps}; // bit 0: subtract eps, bit 1: add it
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int base = 0; base < n; base += CHUNK) {
            int len = Math.min(CHUNK, n - base);
            v.get(base, a, 0, len);
            m.get(base, b, 0, len);
            for (int w = 0; w * 64 < len; w++) {
                long bits = random.nextLong();
                int end = Math.min(64, len - w * 64);
                for (int k = 0; k < end; k++) {
                    int i = w * 64 + k;
                    a[i] -= step[(int) (bits >>> k) & 1] * b[i];
                }
            }
            v.put(base, a, 0, len);
        }
    }

    /**
     * Label-smoothed cross-entropy of logits [rows, V] in one pass over heap copies of the rows:
     * q = (1 - ls) onehot(target) + ls / V, loss = -sum_rows weight * sum_j q_j log p_j / denominator.
     * Writes d loss / d logits = weight * (p - q) / denominator into grad and returns {loss, plain
     * cross-entropy -log p_target (same weights and denominator), rows whose arg max is the target}.
     * Why: as ND4J ops this was some fifteen native calls, each with its own buffers, per forward.
     */
    static double[] smoothedCrossEntropy(INDArray logits, int[] target, float[] weight, double ls, double denominator,
                                         INDArray grad) {
        int rows = (int) logits.rows();
        int v = (int) logits.columns();
        FloatBuffer in = floats(logits);
        FloatBuffer out = floats(grad);
        boolean wide = v > CHUNK;
        float[] x = wide ? new float[v] : chunk(0);
        float[] e = wide ? new float[v] : chunk(1);
        float[] tmp = wide ? new float[v] : chunk(2);
        float smooth = (float) (ls / v);
        double loss = 0;
        double ce = 0;
        long correct = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * v;
            in.get(o, x, 0, v);
            if (weight[r] == 0f) {
                java.util.Arrays.fill(e, 0, v, 0f);
                out.put(o, e, 0, v);
                continue;
            }
            int arg = 0;
            for (int j = 1; j < v; j++) {
                arg = x[j] > x[arg] ? j : arg;
            }
            float max = x[arg];
            for (int j = 0; j < v; j++) {
                e[j] = x[j] - max;
            }
            expInPlace(e, tmp, v);
            double z = 0;
            double sumShifted = 0;
            for (int j = 0; j < v; j++) {
                z += e[j];
                sumShifted += x[j] - max;
            }
            double logZ = Math.log(z);
            int y = target[r];
            double logpY = (x[y] - max) - logZ;
            // -sum_j q_j log p_j with sum_j log p_j = sumShifted - V log z
            loss -= weight[r] * ((1 - ls) * logpY + smooth * (sumShifted - v * logZ));
            ce -= weight[r] * logpY;
            correct += arg == y ? 1 : 0;
            float scale = (float) (weight[r] / denominator);
            float inv = (float) (1 / z);
            for (int j = 0; j < v; j++) {
                e[j] = (e[j] * inv - smooth) * scale;
            }
            e[y] -= (float) ((1 - ls) * scale);
            out.put(o, e, 0, v);
        }
        return new double[] {loss / denominator, ce / denominator, correct};
    }

    /** out = x * omega + f for x, f, out [rows, d] and the per-channel scale omega (d elements): Admin's sum. */
    static void scaleAdd(INDArray x, INDArray omega, INDArray f, INDArray out) {
        int rows = (int) x.rows();
        int d = (int) x.columns();
        FloatBuffer xs = floats(x);
        FloatBuffer fs = floats(f);
        FloatBuffer os = floats(out);
        float[] w = heapCopy(omega);
        Parallel.forRange(rows, 2L * d, (part, from, to) -> {
            float[] a = new float[d];
            float[] b = new float[d];
            for (int r = from; r < to; r++) {
                xs.get(r * d, a, 0, d);
                fs.get(r * d, b, 0, d);
                for (int j = 0; j < d; j++) {
                    a[j] = a[j] * w[j] + b[j];
                }
                os.put(r * d, a, 0, d);
            }
        });
    }

    /**
     * Backward of {@link #scaleAdd} for the shortcut and the scale: dx = dSum * omega, and
     * omegaGrad += column sums of dSum * x (the gradient that reaches f is dSum itself).
     */
    static void scaleAddBackward(INDArray dSum, INDArray x, INDArray omega, INDArray omegaGrad, INDArray dx) {
        int rows = (int) dSum.rows();
        int d = (int) dSum.columns();
        FloatBuffer gs = floats(dSum);
        FloatBuffer xs = floats(x);
        FloatBuffer out = floats(dx);
        float[] w = heapCopy(omega);
        int parts = Parallel.parts(rows, 3L * d);
        float[][] dOmega = new float[parts][d]; // per part, summed below: parts never share a row
        Parallel.forRange(rows, 3L * d, (part, from, to) -> {
            float[] g = new float[d];
            float[] a = new float[d];
            float[] acc = dOmega[part];
            for (int r = from; r < to; r++) {
                gs.get(r * d, g, 0, d);
                xs.get(r * d, a, 0, d);
                for (int j = 0; j < d; j++) {
                    acc[j] += g[j] * a[j];
                    a[j] = g[j] * w[j];
                }
                out.put(r * d, a, 0, d);
            }
        });
        for (float[] acc : dOmega) {
            addInto(omegaGrad, acc);
        }
    }

    /**
     * Population variance of every element, in two passes (mean, then centred squares) with float
     * partial sums per chunk and double totals. Why: the probes take it of every sublayer's branch
     * and sum; as ND4J ops (mean, x * x, mean) it was ~7% of a probed step.
     */
    static double variance(INDArray x) {
        int n = (int) x.length();
        FloatBuffer in = floats(x);
        float[] a = chunk(0);
        double total = 0;
        for (int base = 0; base < n; base += CHUNK) {
            int m = Math.min(CHUNK, n - base);
            in.get(base, a, 0, m);
            total += sum(a, 0, a, 0, m, false);
        }
        float mean = (float) (total / n);
        double squares = 0;
        for (int base = 0; base < n; base += CHUNK) {
            int m = Math.min(CHUNK, n - base);
            in.get(base, a, 0, m);
            for (int j = 0; j < m; j++) {
                a[j] -= mean;
            }
            squares += sum(a, 0, a, 0, m, true);
        }
        return squares / n;
    }

    /** Every row of y [rows, cols] becomes a copy of the vector v (cols elements). */
    static void fillRows(INDArray y, INDArray v) {
        int rows = (int) y.rows();
        int cols = (int) y.columns();
        if (v.length() != cols) {
            throw new IllegalArgumentException("row vector of " + v.length() + " for " + cols + " columns");
        }
        FloatBuffer out = floats(y);
        // a block of repeated rows, written with a few large copies instead of one per row
        int perBlock = Math.max(1, Math.min(rows, CHUNK / cols));
        float[] block = cols > CHUNK ? new float[cols] : chunk(0);
        floats(v).get(0, block, 0, cols);
        for (int r = 1; r < perBlock; r++) {
            System.arraycopy(block, 0, block, r * cols, cols);
        }
        for (int r = 0; r < rows; r += perBlock) {
            int n = Math.min(perBlock, rows - r);
            out.put(r * cols, block, 0, n * cols);
        }
    }

    /** An uninitialised array like x (same type and shape), in the current workspace if any. */
    static INDArray like(INDArray x) {
        return Nd4j.createUninitialized(x.dataType(), x.shape());
    }
}
