package org.stabilitylab.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** An encoder or decoder: its sublayers in forward order, plus the final layer norm Pre-LN needs. */
final class Stack {
    final String name;
    final List<Sublayer> sublayers = new ArrayList<>();
    LayerNorm finalNorm;
    private INDArray memoryGrad;

    Stack(String name) {
        this.name = name;
    }

    INDArray forward(INDArray x, INDArray memory, int batch, boolean train, Noise noise, boolean collect) {
        for (Sublayer s : sublayers) {
            x = s.forward(x, memory, batch, train, noise, collect);
        }
        return finalNorm == null ? x : finalNorm.forward(x);
    }

    /**
     * Evaluation-mode forward that also returns the stack output as it would be after each layer
     * (every {@code sublayersPerLayer} sublayers, through the final norm when there is one). Why: a
     * model's first d layers are a depth-d model, so one deep forward measures every shallower depth.
     */
    List<INDArray> forwardByLayer(INDArray x, int batch, Noise noise, int sublayersPerLayer) {
        List<INDArray> outputs = new ArrayList<>();
        for (int i = 0; i < sublayers.size(); i++) {
            x = sublayers.get(i).forward(x, null, batch, false, noise, false);
            if ((i + 1) % sublayersPerLayer == 0) {
                outputs.add(finalNorm == null ? x : finalNorm.forward(x));
            }
        }
        return outputs;
    }

    /** Returns d/dinput; d/dmemory (summed over every cross-attention) is then in {@link #memoryGrad()}. */
    INDArray backward(INDArray dy) {
        INDArray d = finalNorm == null ? dy : finalNorm.backward(dy);
        memoryGrad = null;
        for (int i = sublayers.size() - 1; i >= 0; i--) {
            Sublayer s = sublayers.get(i);
            d = s.backward(d);
            INDArray dm = s.branch.memoryGrad();
            if (dm != null) {
                memoryGrad = memoryGrad == null ? dm : Blas.addInto(memoryGrad, dm);
            }
        }
        return d;
    }

    INDArray memoryGrad() {
        return memoryGrad;
    }

    /** Attaches (or, with null, detaches) Admin's profiling walk to every Admin sublayer in order. */
    void attachProfile(AdminProfile profile) {
        for (Sublayer s : sublayers) {
            if (s.residual instanceof AdminResidual admin) {
                admin.profile = profile;
            }
        }
    }
}
