package org.stabilitylab.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One named parameter tensor: a view into the model's flat parameter and gradient buffers. */
final class Param {
    /** What a parameter is, which decides how it is initialised and whether the probes perturb it. */
    enum Kind {
        WEIGHT, EMBEDDING, BIAS, GAIN, OMEGA, POSITION;

        /** science.md section 3: only weight matrices move; biases, gains and omega stay. */
        boolean perturbed() {
            return this == WEIGHT || this == EMBEDDING || this == POSITION;
        }
    }

    final String name;
    final Kind kind;
    final long[] shape;
    final long offset;
    final long length;
    INDArray value;
    INDArray grad;
    /** Xavier fan-in and fan-out of one projection block (a fused [3d, d] matrix holds three). */
    int fanIn;
    int fanOut;

    Param(String name, Kind kind, long offset, long... shape) {
        this.name = name;
        this.kind = kind;
        this.shape = shape;
        this.offset = offset;
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        this.length = n;
    }
}
