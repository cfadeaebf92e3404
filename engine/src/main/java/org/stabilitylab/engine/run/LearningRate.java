package org.stabilitylab.engine.run;

import org.stabilitylab.engine.config.TrainSpec;

/** The learning rate at a step: linear warmup from 0 over train.warmup steps, then the schedule's shape. */
final class LearningRate {
    private LearningRate() {
    }

    static double at(TrainSpec train, int step) {
        int warmup = train.warmup();
        double peak = train.lr();
        if (warmup > 0 && step < warmup) {
            return peak * step / warmup;
        }
        double progress = train.steps() <= warmup ? 1.0 : (double) (step - warmup) / (train.steps() - warmup);
        return switch (train.schedule()) {
            case CONSTANT -> peak;
            // lr = peak * sqrt(warmup / step): continuous at the end of warmup, as in the original Transformer;
            // with warmup 0 it decays as peak / sqrt(step) from the first step (use "constant" for a flat rate)
            case INVERSE_SQRT -> peak * Math.sqrt((double) Math.max(warmup, 1) / step);
            case LINEAR -> peak * Math.max(0.0, 1.0 - progress);
            case COSINE -> peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1.0, progress)));
        };
    }
}
