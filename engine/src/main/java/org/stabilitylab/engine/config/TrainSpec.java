package org.stabilitylab.engine.config;

/** Optimiser, schedule and batch settings; clip 0 means no clipping, warmup 0 means none. */
public record TrainSpec(OptimizerKind optimizer, double lr, double beta1, double beta2, double eps, double momentum,
                        int warmup, Schedule schedule, int steps, int batch, double labelSmoothing, double clip) {
}
