package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.stabilitylab.engine.config.TrainSpec;

/** Adam or SGD with momentum, applied to the whole flat parameter vector in a few native ops. */
abstract class Optimizer {
    abstract void step(INDArray params, INDArray grads, double lr);

    static Optimizer create(TrainSpec spec, ParamStore store) {
        return switch (spec.optimizer()) {
            case ADAM -> new Adam(store, spec.beta1(), spec.beta2(), spec.eps());
            case SGD -> new Sgd(store, spec.momentum());
        };
    }

    /** Adam: m, v moving averages; p -= lr * sqrt(1 - b2^t) / (1 - b1^t) * m / (sqrt(v) + eps'). */
    static final class Adam extends Optimizer {
        private final double beta1;
        private final double beta2;
        private final double eps;
        private final INDArray m;
        private final INDArray v;
        private int t;

        Adam(ParamStore store, double beta1, double beta2, double eps) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.eps = eps;
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                m = Nd4j.zeros(store.dtype(), store.size());
                v = Nd4j.zeros(store.dtype(), store.size());
            }
        }

        @Override
        void step(INDArray params, INDArray grads, double lr) {
            t++;
            double c2 = Math.sqrt(1 - Math.pow(beta2, t));
            double stepSize = lr * c2 / (1 - Math.pow(beta1, t));
            if (Fused.usable(params)) {
                Fused.adam(params, grads, m, v, beta1, beta2, stepSize, eps * c2);
                return;
            }
            m.muli(beta1).addi(grads.mul(1 - beta1));
            v.muli(beta2).addi(grads.mul(grads).muli(1 - beta2));
            // eps is applied to the bias-corrected sqrt(v_hat), as in the usual formulation
            INDArray denominator = Transforms.sqrt(v, true).addi(eps * c2);
            params.subi(m.div(denominator).muli(stepSize));
        }
    }

    /** SGD with (heavy-ball) momentum: buf = mu * buf + g; p -= lr * buf. */
    static final class Sgd extends Optimizer {
        private final double momentum;
        private final INDArray buffer;

        Sgd(ParamStore store, double momentum) {
            this.momentum = momentum;
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                buffer = Nd4j.zeros(store.dtype(), store.size());
            }
        }

        @Override
        void step(INDArray params, INDArray grads, double lr) {
            buffer.muli(momentum).addi(grads);
            params.subi(buffer.mul(lr));
        }
    }
}
