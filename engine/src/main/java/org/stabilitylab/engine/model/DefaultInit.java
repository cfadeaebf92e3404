package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.ops.random.impl.UniformDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The "default" initialisation: Xavier-uniform projections (per Q/K/V block), N(0, 1/d) token
 * embeddings (unit variance after the sqrt(d) scale), N(0, 1/2) learned positions (the variance of
 * sinusoids), zero biases, unit layer-norm gains and omega = 1.
 */
final class DefaultInit {
    private DefaultInit() {
    }

    static void apply(Transformer model) {
        Random rng = model.rng;
        int d = model.spec.dModel();
        for (Param p : model.store.params()) {
            switch (p.kind) {
                case WEIGHT -> {
                    double bound = Math.sqrt(6.0 / (p.fanIn + p.fanOut));
                    fill(p, new UniformDistribution(fresh(p), -bound, bound), rng);
                }
                case EMBEDDING -> fill(p, new GaussianDistribution(fresh(p), 0.0, 1.0 / Math.sqrt(d)), rng);
                case POSITION -> fill(p, new GaussianDistribution(fresh(p), 0.0, Math.sqrt(0.5)), rng);
                case BIAS -> p.value.assign(0);
                case GAIN, OMEGA -> p.value.assign(1);
            }
        }
    }

    private static INDArray fresh(Param p) {
        return Nd4j.createUninitialized(p.value.dataType(), p.shape);
    }

    /** Random ops fill a fresh array, then it is copied into the parameter's view of the flat buffer. */
    private static void fill(Param p, org.nd4j.linalg.api.ops.RandomOp op, Random rng) {
        p.value.assign(Nd4j.getExecutioner().exec(op, rng));
    }
}
