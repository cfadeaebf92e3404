package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Position-wise feed-forward branch: W2 relu(W1 x + b1) + b2. */
final class FeedForward implements Branch {
    final Linear in;
    final Linear out;
    private INDArray hidden;

    FeedForward(ParamStore store, String name, int d, int ffn) {
        in = new Linear(store, name + ".fc1", d, ffn);
        out = new Linear(store, name + ".fc2", ffn, d);
    }

    @Override
    public INDArray forward(INDArray x, INDArray memory, int batch) {
        hidden = Transforms.relu(in.forward(x), false);
        return out.forward(hidden);
    }

    @Override
    public INDArray backward(INDArray dy) {
        INDArray dHidden = out.backward(dy);
        if (Fused.usable(dHidden) && dHidden.ordering() == 'c') {
            Fused.reluBackward(dHidden, hidden);
        } else {
            dHidden.muli(hidden.gt(0).castTo(dHidden.dataType()));
        }
        return in.backward(dHidden);
    }

    @Override
    public String kind() {
        return "ffn";
    }
}
