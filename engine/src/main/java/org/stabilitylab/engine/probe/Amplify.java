package org.stabilitylab.engine.probe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.stabilitylab.engine.config.Arch;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.ModelSpec;
import org.stabilitylab.engine.config.Sweep;
import org.stabilitylab.engine.model.Learner;
import org.stabilitylab.engine.task.Batch;
import org.stabilitylab.engine.task.Task;
import org.stabilitylab.engine.task.Tasks;

/**
 * Output change at initialisation versus depth (science.md section 3, finding 1): for each depth and
 * seed, build the model, initialise it (profiling Admin), perturb every weight matrix entry by +-eps and
 * measure the change of the stack output. No training, so it is fast.
 */
public final class Amplify {
    private Amplify() {
    }

    /**
     * Measures each depth in {@code depths} with seeds base.seed() .. base.seed()+seeds-1. Per seed it
     * builds one model as deep as the deepest depth and reads the output change after every layer:
     * the first d layers of that model are a depth-d model (Admin's profiling walk is sequential, so
     * their omegas are the same too), which makes the depths of one seed a paired comparison.
     * Encoder-decoder models probe the encoder (with a one-layer decoder, needed only by profiling);
     * decoder-only models probe the decoder. Calls {@code onPoint} for each point as it is measured
     * (progress) and returns the points ordered by depth, then seed; stops early, returning what it
     * has, when the calling thread is interrupted.
     */
    public static List<AmplifyPoint> measure(Experiment base, List<Integer> depths, int seeds,
                                             Consumer<AmplifyPoint> onPoint) {
        List<AmplifyPoint> points = new ArrayList<>();
        if (depths.isEmpty()) {
            return points;
        }
        int deepest = depths.stream().mapToInt(Integer::intValue).max().orElseThrow();
        Task task = Tasks.create(base.task());
        for (int k = 0; k < seeds && !Thread.currentThread().isInterrupted(); k++) {
            long seed = base.seed() + k;
            Experiment e = at(base, deepest, seed);
            SplittableRandom rng = new SplittableRandom(seed);
            Batch profiling = task.sample(e.train().batch(), rng);
            Batch probe = task.sample(16, rng);
            double[] byLayer;
            try (Learner learner = new Learner(e, task.vocab(), task.sourceLength(), task.targetLength(), profiling,
                    false)) {
                byLayer = learner.outputChangeByLayer(probe, e.probe().eps());
            }
            for (int depth : depths) {
                AmplifyPoint p = new AmplifyPoint(depth, seed, e.model().norm().id(), e.model().init().id(),
                        byLayer[depth - 1]);
                points.add(p);
                onPoint.accept(p);
            }
        }
        points.sort(Comparator.comparingInt(AmplifyPoint::depth).thenComparingLong(AmplifyPoint::seed));
        return points;
    }

    private static Experiment at(Experiment base, int depth, long seed) {
        ModelSpec m = base.model();
        boolean encDec = m.arch() == Arch.ENCODER_DECODER;
        ModelSpec sized = new ModelSpec(m.arch(), encDec ? depth : 0, encDec ? Math.min(depth, 1) : depth, m.dModel(),
                m.heads(), m.ffn(), m.dropout(), m.norm(), m.init(), m.positions());
        return new Experiment(base.schema(), base.name(), base.description(), base.lesson(), seed, base.task(), sized,
                base.train(), base.probe(), Sweep.NONE);
    }
}
