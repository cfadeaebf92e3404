package org.stabilitylab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.stabilitylab.engine.config.Arch;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.config.ModelSpec;
import org.stabilitylab.engine.config.Norm;
import org.stabilitylab.engine.config.Positions;
import org.stabilitylab.engine.run.SublayerInfo;
import org.stabilitylab.engine.task.Batch;

/**
 * The Transformer: embeddings, an optional encoder stack, a decoder stack and the output projection,
 * with a hand-written backward pass. Encoder-decoder models read the source with the encoder and
 * predict the target after a begin symbol; decoder-only models read "source, separator, target" as
 * one causal sequence and are scored on the target part only.
 */
final class Transformer {
    static final int BEGIN = 0;

    final ModelSpec spec;
    final int vocab;
    final int sourceLength;
    final int targetLength;
    final DataType dtype;
    final Random rng;
    final Noise noise;
    final ParamStore store;
    final Embedding sourceEmbedding;
    final Embedding targetEmbedding;
    final Stack encoder;
    final Stack decoder;
    final Linear output;
    private final Dropout sourceDropout;
    private final Dropout targetDropout;

    private int batch;
    private INDArray encoderOut;
    private INDArray decoderOut;
    private INDArray lossGrad;

    /** The result of one forward pass over a batch. */
    record Forward(double loss, double crossEntropy, long correct, long counted) {
    }

    Transformer(ModelSpec spec, int dataVocab, int sourceLength, int targetLength, DataType dtype, long seed) {
        this(spec, dataVocab, sourceLength, targetLength, dtype, seed, null);
    }

    /** With {@code sharedValues}: a replica that uses that model's parameters and has gradients of its own. */
    private Transformer(ModelSpec spec, int dataVocab, int sourceLength, int targetLength, DataType dtype, long seed,
                        ParamStore sharedValues) {
        this.spec = spec;
        this.vocab = dataVocab + 1;
        this.sourceLength = sourceLength;
        this.targetLength = targetLength;
        this.dtype = dtype;
        this.rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        this.noise = new Noise(rng);
        this.store = new ParamStore(dtype, sharedValues);
        int d = spec.dModel();
        boolean learned = spec.positions() == Positions.LEARNED;
        if (spec.arch() == Arch.ENCODER_DECODER) {
            sourceEmbedding = new Embedding(store, "encoder.embed", vocab, d, sourceLength, learned);
            encoder = new Stack("encoder");
            for (int i = 0; i < spec.encoderLayers(); i++) {
                int layer = i;
                addSublayer(encoder, () -> new Attention(store, name(encoder, layer, "self"), d, spec.heads(), false, false));
                addSublayer(encoder, () -> new FeedForward(store, name(encoder, layer, "ffn"), d, spec.ffn()));
            }
            finish(encoder);
            targetEmbedding = new Embedding(store, "decoder.embed", vocab, d, targetLength, learned);
        } else {
            sourceEmbedding = null;
            encoder = null;
            targetEmbedding = new Embedding(store, "decoder.embed", vocab, d, sourceLength + targetLength, learned);
        }
        decoder = new Stack("decoder");
        for (int i = 0; i < spec.decoderLayers(); i++) {
            int layer = i;
            addSublayer(decoder, () -> new Attention(store, name(decoder, layer, "self"), d, spec.heads(), false, true));
            if (encoder != null) {
                addSublayer(decoder, () -> new Attention(store, name(decoder, layer, "cross"), d, spec.heads(), true, false));
            }
            addSublayer(decoder, () -> new FeedForward(store, name(decoder, layer, "ffn"), d, spec.ffn()));
        }
        finish(decoder);
        output = new Linear(store, "output", d, vocab);
        sourceDropout = new Dropout(spec.dropout());
        targetDropout = new Dropout(spec.dropout());
        store.allocate();
    }

    /**
     * A model that shares this one's parameters (also as they change) but has its own gradients and
     * activations, to train on a shard of the batch on another thread. Its random generator is never
     * drawn from in training: the step seed comes from this model (see {@link #forward(Batch, boolean,
     * boolean, double, long, long, int)}).
     */
    Transformer replica() {
        return new Transformer(spec, vocab - 1, sourceLength, targetLength, dtype, 0, store);
    }

    private static String name(Stack stack, int layer, String part) {
        return stack.name + "." + layer + "." + part;
    }

    /** Creates branch and residual back to back so the sublayer's parameters form one contiguous slice. */
    private void addSublayer(Stack stack, Supplier<Branch> branchFactory) {
        long start = store.size();
        Branch branch = branchFactory.get();
        Residual residual = residual(stack.name + "." + stack.sublayers.size());
        Sublayer s = new Sublayer(stack.name, stack.sublayers.size() + 1, branch, residual, spec.dropout(), start);
        s.paramLength = store.size() - start;
        stack.sublayers.add(s);
    }

    /** The residual strategy for this model's placement and initialisation. */
    private Residual residual(String name) {
        int d = spec.dModel();
        return switch (spec.norm()) {
            case POST -> spec.init() == Init.ADMIN
                    ? new AdminResidual(new LayerNorm(store, name + ".norm", d), store.add(name + ".omega", Param.Kind.OMEGA, d))
                    : new PostLnResidual(new LayerNorm(store, name + ".norm", d));
            case PRE -> new PreLnResidual(new LayerNorm(store, name + ".norm", d));
            case NONE -> new PlainResidual();
        };
    }

    private void finish(Stack stack) {
        if (spec.norm() == Norm.PRE) {
            stack.finalNorm = new LayerNorm(store, stack.name + ".finalNorm", spec.dModel());
        }
    }

    List<SublayerInfo> sublayers() {
        List<SublayerInfo> list = new ArrayList<>();
        for (Stack stack : stacks()) {
            for (Sublayer s : stack.sublayers) {
                list.add(new SublayerInfo(s.stack, s.index, s.branch.kind()));
            }
        }
        return list;
    }

    List<Stack> stacks() {
        return encoder == null ? List.of(decoder) : List.of(encoder, decoder);
    }

    /** Forward pass; in training mode it keeps what backward needs. Label smoothing applies to {@code loss}. */
    Forward forward(Batch b, boolean train, boolean collect, double labelSmoothing) {
        return forward(b, train, collect, labelSmoothing, train ? rng.nextLong() : 0, 0, b.size());
    }

    /**
     * Forward pass over items [firstItem, firstItem + b.size()) of a batch of {@code wholeBatch} items,
     * with dropout masks from {@code stepSeed}. The loss and its gradient are normalised by the whole
     * batch's scored tokens, so the shards' losses and gradients add up to the whole batch's.
     */
    Forward forward(Batch b, boolean train, boolean collect, double labelSmoothing, long stepSeed, long firstItem,
                    int wholeBatch) {
        batch = b.size();
        noise.begin(stepSeed, firstItem);
        int[][] decoderInput = decoderInput(b);
        if (encoder != null) {
            INDArray x = sourceDropout.forward(sourceEmbedding.forward(b.source()), train, noise, batch);
            encoderOut = encoder.forward(x, null, batch, train, noise, collect);
        }
        INDArray y = targetDropout.forward(targetEmbedding.forward(decoderInput), train, noise, batch);
        decoderOut = decoder.forward(y, encoderOut, batch, train, noise, collect);
        INDArray logits = output.forward(decoderOut);
        return loss(logits, b, labelSmoothing, wholeBatch);
    }

    /** Backward from the loss of the last forward; accumulates into the gradient buffer. */
    void backward() {
        INDArray dy = decoder.backward(output.backward(lossGrad));
        targetEmbedding.backward(targetDropout.backward(dy));
        if (encoder != null) {
            INDArray dMemory = decoder.memoryGrad();
            if (dMemory != null) {
                sourceEmbedding.backward(sourceDropout.backward(encoder.backward(dMemory)));
            }
        }
    }

    /** F(x, W) of science.md section 3 in evaluation mode: the encoder output, or the decoder's for decoder-only. */
    INDArray stackOutput(Batch b) {
        batch = b.size();
        if (encoder != null) {
            return encoder.forward(sourceEmbedding.forward(b.source()), null, batch, false, noise, false);
        }
        return decoder.forward(targetEmbedding.forward(decoderInput(b)), null, batch, false, noise, false);
    }

    /**
     * The probed stack's output after each of its layers, in evaluation mode: element d-1 is F(x, W) of
     * the depth-d model made of this model's first d layers. Only for stacks without cross-attention
     * (the encoder, or a decoder-only model's decoder).
     */
    List<INDArray> stackOutputByLayer(Batch b) {
        batch = b.size();
        if (encoder != null) {
            return encoder.forwardByLayer(sourceEmbedding.forward(b.source()), batch, noise, 2);
        }
        return decoder.forwardByLayer(targetEmbedding.forward(decoderInput(b)), batch, noise, 2);
    }

    /** The stack output of the last full forward (same as {@link #stackOutput} after an eval forward). */
    INDArray lastStackOutput() {
        return encoder != null ? encoderOut : decoderOut;
    }

    /** The decoder stack's output of the last full forward. */
    INDArray lastDecoderOutput() {
        return decoderOut;
    }

    private int[][] decoderInput(Batch b) {
        int[][] in = new int[b.size()][];
        for (int i = 0; i < b.size(); i++) {
            int[] src = b.source()[i];
            int[] tgt = b.target()[i];
            if (encoder != null) {
                in[i] = new int[tgt.length];
                in[i][0] = BEGIN;
                System.arraycopy(tgt, 0, in[i], 1, tgt.length - 1);
            } else {
                in[i] = new int[src.length + tgt.length];
                System.arraycopy(src, 0, in[i], 0, src.length);
                in[i][src.length] = BEGIN;
                System.arraycopy(tgt, 0, in[i], src.length + 1, tgt.length - 1);
            }
        }
        return in;
    }

    /**
     * Smoothed cross-entropy over the target positions: q = (1 - ls) onehot + ls / V, loss = -sum q log p,
     * averaged over the scored tokens of the whole batch (every item scores the same number of
     * tokens); d loss / d logits = (p - q) / count.
     */
    private Forward loss(INDArray logits, Batch b, double ls, int wholeBatch) {
        int rows = (int) logits.rows();
        int time = rows / batch;
        int offset = encoder != null ? 0 : sourceLength; // decoder-only: score only the target part
        int[] target = new int[rows];
        float[] weight = new float[rows];
        long counted = 0;
        for (int i = 0; i < batch; i++) {
            for (int t = offset; t < time; t++) {
                int row = i * time + t;
                target[row] = b.target()[i][t - offset];
                weight[row] = 1f;
                counted++;
            }
        }
        double denominator = (double) counted / batch * wholeBatch;
        if (Fused.usable(logits) && logits.ordering() == 'c') {
            lossGrad = Fused.like(logits);
            double[] r = Fused.smoothedCrossEntropy(logits, target, weight, ls, denominator, lossGrad);
            return new Forward(r[0], r[1], (long) r[2], counted);
        }
        float[] q = new float[rows * vocab]; // the smoothed target distribution of each scored row
        for (int row = 0; row < rows; row++) {
            if (weight[row] > 0) {
                java.util.Arrays.fill(q, row * vocab, (row + 1) * vocab, (float) (ls / vocab));
                q[row * vocab + target[row]] += (float) (1 - ls);
            }
        }
        INDArray w = Nd4j.create(weight, new long[] {rows, 1}, 'c').castTo(dtype);
        INDArray qa = Nd4j.create(q, new long[] {rows, vocab}, 'c').castTo(dtype);
        INDArray shifted = logits.subColumnVector(logits.max(true, 1));
        INDArray expd = Transforms.exp(shifted, true);
        INDArray sumExp = expd.sum(true, 1);
        INDArray logp = shifted.subiColumnVector(Transforms.log(sumExp, true));
        INDArray probs = expd.diviColumnVector(sumExp);
        double loss = -qa.mul(logp).mulColumnVector(w).sumNumber().doubleValue() / denominator;
        long[] argmax = logits.argMax(1).toLongVector();
        long correct = 0;
        for (int row = 0; row < rows; row++) {
            if (weight[row] > 0 && argmax[row] == target[row]) {
                correct++;
            }
        }
        // plain cross-entropy (no smoothing) for validation: -log p of the true token
        INDArray truth = OneHot.rows(new int[][] {target}, vocab, dtype);
        double ce = -truth.muli(logp).mulColumnVector(w).sumNumber().doubleValue() / denominator;
        lossGrad = probs.subi(qa).muliColumnVector(w).divi(denominator);
        return new Forward(loss, ce, correct, counted);
    }

    long parameterCount() {
        return store.size();
    }
}
