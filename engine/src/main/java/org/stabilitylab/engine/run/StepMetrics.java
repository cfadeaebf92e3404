package org.stabilitylab.engine.run;

import java.util.List;

/**
 * Everything measured at one optimiser step. Probe fields are NaN and {@code layers} empty on
 * steps where the probes did not run (see {@link #probed()}).
 *
 * @param step          1-based step number
 * @param loss          training loss of this step's batch
 * @param lr            learning rate used by this step
 * @param gradNorm      global L2 gradient norm before clipping
 * @param tokensPerSec  target tokens trained per second of this step
 * @param msPerStep     wall time of this step in milliseconds, probes excluded
 * @param updateChange  mean squared change of the probe batch's stack output caused by this step's update
 * @param outputChange  mean squared change of the same output under a random +-eps weight perturbation
 * @param valLoss       validation loss
 * @param valAccuracy   validation token accuracy in [0, 1]
 * @param layers        per-sublayer probes in forward order, encoder first
 */
public record StepMetrics(int step, double loss, double lr, double gradNorm, double tokensPerSec, double msPerStep,
                          double updateChange, double outputChange, double valLoss, double valAccuracy,
                          List<LayerMetrics> layers) {

    public StepMetrics {
        layers = List.copyOf(layers);
    }

    public boolean probed() {
        return !layers.isEmpty();
    }
}
