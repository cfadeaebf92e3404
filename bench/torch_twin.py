#!/usr/bin/python3
"""PyTorch twin of the Stability Lab engine's Transformer, for side-by-side speed figures.

Same model as engine/src/main/java/org/stabilitylab/engine/model (read Transformer, Attention,
FeedForward, LayerNorm, Embedding, the residual classes, Learner and Optimizer):

  * token embedding scaled by sqrt(d) + sinusoidal positions, dropout on the embeddings;
  * self-attention with one fused [3d, d] QKV projection (+ bias), heads as one batched matmul,
    softmax(QK^T / sqrt(dh) + causal mask) V, output projection (+ bias); no dropout on the
    attention probabilities (the engine has none);
  * cross-attention: q [d, d] from the decoder, fused kv [2d, d] from the encoder memory;
  * FFN d -> ffn -> d with ReLU;
  * dropout on every branch output, residual per placement:
      post:  LN(x + f(x))     pre: x + f(LN(x)), final LN per stack     admin: LN(x * omega + f(x));
  * output projection d -> vocab with bias over every decoder position, label-smoothed
    cross-entropy (q = (1 - ls) onehot + ls / V) on the target positions only;
  * Adam (0.9, 0.98), eps 1e-8, no weight decay; the global gradient norm every step (the engine
    reports it every step).

Decoder-only: one causal sequence "source, separator, target[:-1]" of length 2 * length, loss on
the target half.  Encoder-decoder: encoder over the source (length), decoder over
[BOS, target[:-1]] (length).

Speed only: tokens are random, the learning rate is constant. The timed region of a step is what
the engine's bench times (Learner.trainStep without probes): zero grads, forward, loss, backward,
gradient norm, optimiser step.  Batches are made before the clock starts.

Prints one parseable line:
  TWIN median_ms=... p10_ms=... p90_ms=... steps_timed=... warmup=... params=... flops_per_step=...
       threads=... torch=... arch=... layers=... d=... heads=... ffn=... length=... batch=... norm=...
"""
import argparse
import math
import os
import statistics
import sys
import time


def flops_per_step(arch, layers, d, ffn, length, batch, vocab):
    """Matmul FLOPs of one training step: 3x the forward matmuls (backward = dX + dW = 2x forward).

    Forward counts 2*M*K*N per [M,K]x[K,N] product: every Linear (QKV / q / kv / out / fc1 / fc2 /
    output projection) and the attention score (QK^T) and context (PV) products over the full
    T x T square (the engine computes the masked half too).  Embedding lookups, layer norms,
    softmax, dropout, the loss and Adam are not counted."""
    def self_attn(rows, t):
        return 2 * rows * d * 3 * d + 2 * rows * d * d + 2 * 2 * batch * t * t * d

    def cross_attn(rows_q, rows_k, tq, tk):
        return (2 * rows_q * d * d + 2 * rows_k * d * 2 * d + 2 * rows_q * d * d
                + 2 * 2 * batch * tq * tk * d)

    def ffn_f(rows):
        return 2 * rows * d * ffn * 2

    if arch == "decoder-only":
        t = 2 * length
        rows = batch * t
        fwd = layers * (self_attn(rows, t) + ffn_f(rows)) + 2 * rows * d * vocab
    else:
        t = length
        rows = batch * t
        enc = layers * (self_attn(rows, t) + ffn_f(rows))
        dec = layers * (self_attn(rows, t) + cross_attn(rows, rows, t, t) + ffn_f(rows))
        fwd = enc + dec + 2 * rows * d * vocab
    return 3 * fwd


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--arch", choices=["decoder-only", "encoder-decoder"], default="decoder-only")
    p.add_argument("--layers", type=int, default=6, help="layers per stack (encoder and decoder)")
    p.add_argument("--d-model", type=int, default=64)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--ffn", type=int, default=256)
    p.add_argument("--length", type=int, default=16,
                   help="task.length: source = target length (decoder-only sequence is 2x this)")
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--vocab", type=int, default=17, help="output classes = task.vocab + 1 (begin symbol)")
    p.add_argument("--norm", choices=["post", "pre", "admin"], default="post")
    p.add_argument("--dropout", type=float, default=0.1)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--warmup", type=int, default=-1,
                   help="steps not timed; default steps/5 like the engine's bench")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--flops-only", action="store_true", help="print the FLOP count and exit")
    a = p.parse_args()

    fl = flops_per_step(a.arch, a.layers, a.d_model, a.ffn, a.length, a.batch, a.vocab)
    if a.flops_only:
        print("FLOPS flops_per_step=%d" % fl)
        return

    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(a.seed)
    d, H = a.d_model, a.heads
    dh = d // H

    class SelfAttention(nn.Module):
        def __init__(self, causal):
            super().__init__()
            self.qkv = nn.Linear(d, 3 * d)
            self.out = nn.Linear(d, d)
            self.causal = causal

        def forward(self, x, memory, mask):
            B, T, _ = x.shape
            q, k, v = self.qkv(x).view(B, T, 3, H, dh).permute(2, 0, 3, 1, 4)
            s = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(dh))
            if self.causal:
                s = s + mask
            ctx = torch.matmul(torch.softmax(s, dim=-1), v)
            return self.out(ctx.transpose(1, 2).reshape(B, T, d))

    class CrossAttention(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d)
            self.kv = nn.Linear(d, 2 * d)
            self.out = nn.Linear(d, d)

        def forward(self, x, memory, mask):
            B, T, _ = x.shape
            S = memory.shape[1]
            q = self.q(x).view(B, T, H, dh).transpose(1, 2)
            k, v = self.kv(memory).view(B, S, 2, H, dh).permute(2, 0, 3, 1, 4)
            s = torch.matmul(q, k.transpose(-1, -2)) * (1.0 / math.sqrt(dh))
            ctx = torch.matmul(torch.softmax(s, dim=-1), v)
            return self.out(ctx.transpose(1, 2).reshape(B, T, d))

    class FeedForward(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc1 = nn.Linear(d, a.ffn)
            self.fc2 = nn.Linear(a.ffn, d)

        def forward(self, x, memory, mask):
            return self.fc2(F.relu(self.fc1(x)))

    class Sublayer(nn.Module):
        def __init__(self, branch):
            super().__init__()
            self.branch = branch
            self.norm = nn.LayerNorm(d, eps=1e-5)
            self.drop = nn.Dropout(a.dropout)
            if a.norm == "admin":
                self.omega = nn.Parameter(torch.ones(d))

        def forward(self, x, memory, mask):
            if a.norm == "pre":
                return x + self.drop(self.branch(self.norm(x), memory, mask))
            f = self.drop(self.branch(x, memory, mask))
            if a.norm == "admin":
                return self.norm(x * self.omega + f)
            return self.norm(x + f)

    class Stack(nn.Module):
        def __init__(self, decoder, cross):
            super().__init__()
            subs = []
            for _ in range(a.layers):
                subs.append(Sublayer(SelfAttention(causal=decoder)))
                if cross:
                    subs.append(Sublayer(CrossAttention()))
                subs.append(Sublayer(FeedForward()))
            self.subs = nn.ModuleList(subs)
            self.final = nn.LayerNorm(d, eps=1e-5) if a.norm == "pre" else None

        def forward(self, x, memory, mask):
            for s in self.subs:
                x = s(x, memory, mask)
            return self.final(x) if self.final is not None else x

    def sinusoid(T):
        pos = torch.arange(T, dtype=torch.float64).unsqueeze(1)
        k = torch.arange(0, d, 2, dtype=torch.float64)
        ang = pos / torch.pow(10000.0, k / d)
        pe = torch.zeros(T, d, dtype=torch.float64)
        pe[:, 0::2] = torch.sin(ang)
        pe[:, 1::2] = torch.cos(ang)[:, : d // 2]
        return pe.float()

    class Embed(nn.Module):
        def __init__(self, T):
            super().__init__()
            self.tokens = nn.Embedding(a.vocab, d)
            self.register_buffer("pe", sinusoid(T))
            self.drop = nn.Dropout(a.dropout)
            self.scale = math.sqrt(d)

        def forward(self, tok):
            return self.drop(self.tokens(tok) * self.scale + self.pe[: tok.shape[1]])

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            enc_dec = a.arch == "encoder-decoder"
            T = a.length if enc_dec else 2 * a.length
            self.src_embed = Embed(a.length) if enc_dec else None
            self.encoder = Stack(decoder=False, cross=False) if enc_dec else None
            self.tgt_embed = Embed(T)
            self.decoder = Stack(decoder=True, cross=enc_dec)
            self.output = nn.Linear(d, a.vocab)
            self.register_buffer("mask", torch.triu(torch.full((T, T), -1e9), diagonal=1))

        def forward(self, src, dec_in):
            memory = None
            if self.encoder is not None:
                memory = self.encoder(self.src_embed(src), None, None)
            y = self.decoder(self.tgt_embed(dec_in), memory, self.mask)
            return self.output(y)

    model = Model()
    model.train()
    params = list(model.parameters())
    n_params = sum(x.numel() for x in params)
    opt = torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.98), eps=1e-8, weight_decay=0.0)

    L, B = a.length, a.batch
    g = torch.Generator().manual_seed(a.seed)
    batches = []
    for _ in range(min(a.steps, 8)):
        src = torch.randint(1, a.vocab, (B, L), generator=g)
        tgt = torch.randint(1, a.vocab, (B, L), generator=g)
        bos = torch.zeros(B, 1, dtype=torch.long)
        if a.arch == "encoder-decoder":
            dec_in = torch.cat([bos, tgt[:, :-1]], dim=1)
        else:
            dec_in = torch.cat([src, bos, tgt[:, :-1]], dim=1)
        batches.append((src, dec_in, tgt))
    offset = 0 if a.arch == "encoder-decoder" else L

    times = []
    for step in range(a.steps):
        src, dec_in, tgt = batches[step % len(batches)]
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=False)
        logits = model(src, dec_in)
        loss = F.cross_entropy(logits[:, offset:].reshape(-1, a.vocab), tgt.reshape(-1),
                               label_smoothing=a.label_smoothing)
        loss.backward()
        grad_norm = torch.norm(torch.stack([x.grad.norm() for x in params]))
        opt.step()
        _ = loss.item(), grad_norm.item()
        times.append((time.perf_counter() - t0) * 1000.0)

    warm = a.warmup if a.warmup >= 0 else a.steps // 5
    timed = sorted(times[warm:]) or sorted(times)

    def pct(q):  # nearest rank, like the engine's bench
        r = math.ceil(q / 100.0 * len(timed))
        return timed[min(len(timed), max(1, r)) - 1]

    print("TWIN median_ms=%.3f p10_ms=%.3f p90_ms=%.3f steps_timed=%d warmup=%d params=%d flops_per_step=%d "
          "threads=%d torch=%s arch=%s layers=%d d=%d heads=%d ffn=%d length=%d batch=%d norm=%s"
          % (statistics.median(timed), pct(10), pct(90), len(timed), warm, n_params, fl,
             torch.get_num_threads(), torch.__version__, a.arch, a.layers, d, H, a.ffn, a.length, B, a.norm))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
