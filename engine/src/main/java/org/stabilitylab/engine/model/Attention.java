package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Multi-head scaled dot-product attention, softmax(Q K^T / sqrt(d_head) + mask) V, then an output
 * projection. Self-attention projects Q, K, V with one fused [3d, d] matrix; cross-attention projects
 * the query from x and K, V from the encoder memory. All heads run as one batched matmul.
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
            flat.addiRowVector(mask());
        }
        probs = Shapes.reshape(Transforms.softmax(Shapes.reshape(scores, (long) batch * heads * tq, tk), false),
                batch, heads, tq, tk);
        INDArray ctx = Nd4j.matmul(probs, vh, null, false, false, false);
        return out.forward(mergeHeads(ctx));
    }

    @Override
    public INDArray backward(INDArray dy) {
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
    private INDArray mask() {
        if (causalMask == null || causalMask.length() != (long) tq * tk) {
            double[] m = new double[tq * tk];
            for (int i = 0; i < tq; i++) {
                for (int j = i + 1; j < tk; j++) {
                    m[i * tk + j] = MASKED;
                }
            }
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                causalMask = Nd4j.create(m, new long[] {(long) tq * tk}, qh.dataType());
            }
        }
        return causalMask;
    }
}
