package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multi-head scaled dot-product attention, softmax(Q K^T / sqrt(d_head) + mask) V, then an output
 * projection. Self-attention projects Q, K, V with one fused [3d, d] matrix; cross-attention projects
 * the query from x and K, V from the encoder memory. On the CPU backend the per-head products are
 * direct BLAS calls on the projections in place (see {@link Blas}); elsewhere all heads run as
 * ND4J batched matmuls on copied-out heads.
 */
final class Attention implements Branch {
    private static final double MASKED = -1e9;
    private final boolean cross;
    private final boolean causal;
    private final int heads;
    private final int dHead;
    private final double scale;
    private final Linear qkv;   // self-attention
    private final Linear q;     // cross-attention
    private final Linear kv;    // cross-attention
    final Linear out;
    private int batch;
    private int tq;
    private int tk;
    private INDArray qh;
    private INDArray kh;
    private INDArray vh;
    private INDArray probs;
    private INDArray causalMask;
    private boolean direct;
    private INDArray qSrc;   // direct path: the projections the heads are read from in place
    private INDArray kvSrc;
    private int qLd;
    private int kvLd;
    private int kCol;
    private int vCol;
    private INDArray memoryGrad;

    Attention(ParamStore store, String name, int d, int heads, boolean cross, boolean causal) {
        this.cross = cross;
        this.causal = causal;
        this.heads = heads;
        this.dHead = d / heads;
        this.scale = 1.0 / Math.sqrt(dHead);
        if (cross) {
            q = new Linear(store, name + ".q", d, d);
            kv = new Linear(store, name + ".kv", d, 2 * d, 2);
            qkv = null;
        } else {
            qkv = new Linear(store, name + ".qkv", d, 3 * d, 3);
            q = null;
            kv = null;
        }
        out = new Linear(store, name + ".out", d, d);
    }

    @Override
    public INDArray forward(INDArray x, INDArray memory, int batchSize) {
        direct = Blas.usable(x);
        return direct ? forwardDirect(x, memory, batchSize) : forwardNd4j(x, memory, batchSize);
    }

    @Override
    public INDArray backward(INDArray dy) {
        return direct ? backwardDirect(dy) : backwardNd4j(dy);
    }

    /**
     * The per-head products as direct BLAS calls on the projections in place: head h of batch item b
     * is the [time, dHead] block at row b*time, column base + h*dHead of a [batch*time, width] matrix.
     */
    private INDArray forwardDirect(INDArray x, INDArray memory, int batchSize) {
        batch = batchSize;
        int d = heads * dHead;
        tq = (int) (x.rows() / batch);
        if (cross) {
            tk = (int) (memory.rows() / batch);
            qSrc = q.forward(x);
            kvSrc = kv.forward(memory);
            qLd = d;
            kvLd = 2 * d;
            kCol = 0;
        } else {
            tk = tq;
            qSrc = qkv.forward(x);
            kvSrc = qSrc;
            qLd = 3 * d;
            kvLd = 3 * d;
            kCol = d;
        }
        vCol = kCol + d;
        Blas.Mat qm = new Blas.Mat(qSrc);
        Blas.Mat kvm = qSrc == kvSrc ? qm : new Blas.Mat(kvSrc);
        INDArray scores = Nd4j.createUninitialized(x.dataType(), (long) batch * heads, (long) tq * tk);
        Blas.Mat sm = new Blas.Mat(scores);
        long work = (long) heads * tq * tk * dHead;
        Parallel.forRange(batch, work, (part, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int h = 0; h < heads; h++) {
                    Blas.gemm(false, true, tq, tk, dHead, scale, qm, qOffset(b, h), qLd,
                            kvm, kvOffset(b, h, kCol), kvLd, 0, sm, scoreOffset(b, h), tk);
                }
            }
        });
        INDArray rows = Shapes.reshape(scores, (long) batch * heads * tq, tk);
        if (Fused.usable(rows)) {
            Fused.softmaxRows(rows, tq, causal);
            probs = rows;
        } else {
            if (causal) {
                scores.addiRowVector(mask(x));
            }
            probs = Transforms.softmax(rows, false);
        }
        INDArray ctx = Nd4j.createUninitialized(x.dataType(), (long) batch * tq, d);
        Blas.Mat pm = new Blas.Mat(probs);
        Blas.Mat cm = new Blas.Mat(ctx);
        Parallel.forRange(batch, work, (part, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int h = 0; h < heads; h++) {
                    Blas.gemm(false, false, tq, dHead, tk, 1, pm, scoreOffset(b, h), tk,
                            kvm, kvOffset(b, h, vCol), kvLd, 0, cm, (long) b * tq * d + (long) h * dHead, d);
                }
            }
        });
        return out.forward(ctx);
    }

    private INDArray backwardDirect(INDArray dy) {
        int d = heads * dHead;
        INDArray dCtx = out.backward(dy); // [batch*tq, d]
        Blas.Mat dcm = new Blas.Mat(dCtx);
        Blas.Mat qm = new Blas.Mat(qSrc);
        Blas.Mat kvm = qSrc == kvSrc ? qm : new Blas.Mat(kvSrc);
        Blas.Mat pm = new Blas.Mat(probs);
        INDArray dProbs = Nd4j.createUninitialized(dy.dataType(), (long) batch * heads * tq, tk);
        Blas.Mat dpm = new Blas.Mat(dProbs);
        // gradients land directly in the layout of the projections they flow back into
        INDArray dQSrc = Nd4j.createUninitialized(dy.dataType(), qSrc.shape());
        INDArray dKvSrc = cross ? Nd4j.createUninitialized(dy.dataType(), kvSrc.shape()) : dQSrc;
        Blas.Mat dqm = new Blas.Mat(dQSrc);
        Blas.Mat dkvm = cross ? new Blas.Mat(dKvSrc) : dqm;
        long work = 2L * heads * tq * tk * dHead;
        Parallel.forRange(batch, work, (part, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int h = 0; h < heads; h++) {
                    long ctxOff = (long) b * tq * d + (long) h * dHead;
                    Blas.gemm(false, true, tq, tk, dHead, 1, dcm, ctxOff, d,
                            kvm, kvOffset(b, h, vCol), kvLd, 0, dpm, scoreOffset(b, h), tk);
                    Blas.gemm(true, false, tk, dHead, tq, 1, pm, scoreOffset(b, h), tk,
                            dcm, ctxOff, d, 0, dkvm, kvOffset(b, h, vCol), kvLd);
                }
            }
        });
        // softmax backward per row: dS = P * (dP - sum(dP * P)); the 1/sqrt(d_head) goes into the gemms
        if (Fused.usable(dProbs)) {
            Fused.softmaxBackward(dProbs, probs); // now dScores, in place
        } else {
            INDArray rowDot = dProbs.mul(probs).sum(true, 1);
            dProbs.subiColumnVector(rowDot).muli(probs);
        }
        Blas.Mat dsm = dpm;
        Parallel.forRange(batch, work, (part, from, to) -> {
            for (int b = from; b < to; b++) {
                for (int h = 0; h < heads; h++) {
                    Blas.gemm(false, false, tq, dHead, tk, scale, dsm, scoreOffset(b, h), tk,
                            kvm, kvOffset(b, h, kCol), kvLd, 0, dqm, qOffset(b, h), qLd);
                    Blas.gemm(true, false, tk, dHead, tq, scale, dsm, scoreOffset(b, h), tk,
                            qm, qOffset(b, h), qLd, 0, dkvm, kvOffset(b, h, kCol), kvLd);
                }
            }
        });
        if (cross) {
            memoryGrad = kv.backward(dKvSrc);
            return q.backward(dQSrc);
        }
        memoryGrad = null;
        return qkv.backward(dQSrc);
    }

    private long qOffset(int b, int h) {
        return (long) b * tq * qLd + (long) h * dHead;
    }

    private long kvOffset(int b, int h, int column) {
        return (long) b * tk * kvLd + column + (long) h * dHead;
    }

    private long scoreOffset(int b, int h) {
        return ((long) b * heads + h) * tq * tk;
    }

    private INDArray forwardNd4j(INDArray x, INDArray memory, int batchSize) {
        batch = batchSize;
        tq = (int) (x.rows() / batch);
        if (cross) {
            tk = (int) (memory.rows() / batch);
            qh = splitHeads(q.forward(x), 1, tq).slice(0).dup('c');
            INDArray kvh = splitHeads(kv.forward(memory), 2, tk);
            kh = kvh.slice(0).dup('c');
            vh = kvh.slice(1).dup('c');
        } else {
            tk = tq;
            INDArray all = splitHeads(qkv.forward(x), 3, tq);
            qh = all.slice(0).dup('c');
            kh = all.slice(1).dup('c');
            vh = all.slice(2).dup('c');
        }
        INDArray scores = Nd4j.matmul(qh, kh, null, false, true, false).muli(scale);
        INDArray flat = Shapes.reshape(scores, (long) batch * heads, (long) tq * tk);
        if (causal) {
            flat.addiRowVector(mask(x));
        }
        probs = Shapes.reshape(Transforms.softmax(Shapes.reshape(scores, (long) batch * heads * tq, tk), false),
                batch, heads, tq, tk);
        INDArray ctx = Nd4j.matmul(probs, vh, null, false, false, false);
        return out.forward(mergeHeads(ctx));
    }

    private INDArray backwardNd4j(INDArray dy) {
        INDArray dCtx = Shapes.reshape(out.backward(dy), batch, tq, heads, dHead).permute(0, 2, 1, 3).dup('c');
        INDArray dProbs = Nd4j.matmul(dCtx, vh, null, false, true, false);
        INDArray dV = Nd4j.matmul(probs, dCtx, null, true, false, false);
        // softmax backward per row: dS = P * (dP - sum(dP * P))
        INDArray p2 = Shapes.reshape(probs, (long) batch * heads * tq, tk);
        INDArray dp2 = Shapes.reshape(dProbs, (long) batch * heads * tq, tk);
        INDArray rowDot = dp2.mul(p2).sum(true, 1);
        INDArray dScores = Shapes.reshape(dp2.subiColumnVector(rowDot).muli(p2).muli(scale), batch, heads, tq, tk);
        INDArray dQ = Nd4j.matmul(dScores, kh, null, false, false, false);
        INDArray dK = Nd4j.matmul(dScores, qh, null, true, false, false);
        if (cross) {
            memoryGrad = kv.backward(joinHeads(tk, dK, dV));
            return q.backward(joinHeads(tq, dQ));
        }
        memoryGrad = null;
        return qkv.backward(joinHeads(tq, dQ, dK, dV));
    }

    @Override
    public INDArray memoryGrad() {
        return memoryGrad;
    }

    @Override
    public String kind() {
        return cross ? "cross-attn" : "self-attn";
    }

    /** [batch*time, parts*d] -> [parts, batch, heads, time, dHead] (a view). */
    private INDArray splitHeads(INDArray rows, int parts, int time) {
        return Shapes.reshape(rows, batch, time, parts, heads, dHead).permute(2, 0, 3, 1, 4);
    }

    /** Inverse of splitHeads for gradients: parts of [batch, heads, time, dHead] -> [batch*time, parts*d]. */
    private INDArray joinHeads(int time, INDArray... parts) {
        INDArray stacked = Nd4j.stack(0, parts); // [parts, batch, heads, time, dHead]
        return Shapes.reshape(stacked.permute(1, 3, 0, 2, 4).dup('c'), (long) batch * time, (long) parts.length * heads * dHead);
    }

    private INDArray mergeHeads(INDArray ctx) {
        return Shapes.reshape(ctx.permute(0, 2, 1, 3).dup('c'), (long) batch * tq, (long) heads * dHead);
    }

    /** Row of [tq*tk]: 0 where key position <= query position, a large negative number above. */
    private INDArray mask(INDArray like) {
        if (causalMask == null || causalMask.length() != (long) tq * tk || causalMask.dataType() != like.dataType()) {
            double[] m = new double[tq * tk];
            for (int i = 0; i < tq; i++) {
                for (int j = i + 1; j < tk; j++) {
                    m[i * tk + j] = MASKED;
                }
            }
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                causalMask = Nd4j.create(m, new long[] {(long) tq * tk}, like.dataType());
            }
        }
        return causalMask;
    }
}
