package org.stabilitylab.engine.probe;

import java.util.List;
import java.util.function.Consumer;
import org.stabilitylab.engine.config.Experiment;

/** Output change at initialisation versus depth (science.md section 3): build, profile, perturb, measure. */
public final class Amplify {
    private Amplify() {
    }

    /**
     * Measures each depth in {@code depths} with seeds base.seed() .. base.seed()+seeds-1, setting both
     * stacks' depth to the depth. Calls {@code onPoint} after each point (progress); stops early, returning
     * what it has, when the calling thread is interrupted.
     */
    public static List<AmplifyPoint> measure(Experiment base, List<Integer> depths, int seeds,
                                             Consumer<AmplifyPoint> onPoint) {
        throw new UnsupportedOperationException("amplify lands with the model");
    }
}
