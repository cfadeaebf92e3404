package org.stabilitylab.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * All parameters in one flat buffer, and all gradients in another, each parameter a view.
 * Why: the optimiser, clipping, gradient norms and weight perturbations then take a handful of
 * native ops on one array instead of several per tensor (per-op overhead dominates at toy sizes).
 */
final class ParamStore {
    private final List<Param> params = new ArrayList<>();
    private final DataType dtype;
    private final ParamStore sharedValues;
    private long size;
    private INDArray values;
    private INDArray grads;
    private INDArray perturbMask;

    ParamStore(DataType dtype) {
        this(dtype, null);
    }

    /**
     * A store whose parameters are {@code sharedValues}' own (same registrations, same order) with
     * gradients of its own: a replica of the model that trains on a shard of the batch.
     */
    ParamStore(DataType dtype, ParamStore sharedValues) {
        this.dtype = dtype;
        this.sharedValues = sharedValues;
    }

    DataType dtype() {
        return dtype;
    }

    /** Registers a parameter; modules register in forward order so each sublayer's slice is contiguous. */
    Param add(String name, Param.Kind kind, long... shape) {
        if (values != null) {
            throw new IllegalStateException("parameters already allocated");
        }
        Param p = new Param(name, kind, size, shape);
        params.add(p);
        size += p.length;
        return p;
    }

    long size() {
        return size;
    }

    /** Allocates the flat buffers (outside any workspace) and points every parameter at its views. */
    void allocate() {
        if (sharedValues != null) {
            if (sharedValues.values == null || sharedValues.size != size) {
                throw new IllegalStateException("a replica must register exactly the parameters of its original");
            }
            values = sharedValues.values;
            perturbMask = sharedValues.perturbMask;
        } else {
            values = Nd4j.zeros(dtype, size);
            perturbMask = Nd4j.zeros(dtype, size);
        }
        grads = Nd4j.zeros(dtype, size);
        for (Param p : params) {
            p.value = Shapes.reshape(slice(values, p.offset, p.length), p.shape);
            p.grad = Shapes.reshape(slice(grads, p.offset, p.length), p.shape);
            if (sharedValues == null && p.kind.perturbed()) {
                slice(perturbMask, p.offset, p.length).assign(1);
            }
        }
    }

    static INDArray slice(INDArray flat, long offset, long length) {
        return flat.get(NDArrayIndex.interval(offset, offset + length));
    }

    List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    INDArray values() {
        return values;
    }

    INDArray grads() {
        return grads;
    }

    /** 1 where a weight entry is perturbed by the output-change probe, 0 elsewhere. */
    INDArray perturbMask() {
        return perturbMask;
    }
}
