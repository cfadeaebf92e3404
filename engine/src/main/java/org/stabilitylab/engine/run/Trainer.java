package org.stabilitylab.engine.run;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.stabilitylab.engine.EngineInfo;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.model.Learner;
import org.stabilitylab.engine.task.Batch;
import org.stabilitylab.engine.task.Task;
import org.stabilitylab.engine.task.Tasks;

/**
 * The training loop behind {@link TrainingRun}: draws batches, follows the schedule, runs probes every
 * probe.every steps, watches for divergence and keeps the summary. Knows nothing of the model's insides.
 */
final class Trainer implements AutoCloseable {
    /** Sequences in the fixed probe batch used for the output-change and per-layer probes. */
    static final int PROBE_SEQUENCES = 16;
    /** Validation set size in sequences, evaluated at every probe. */
    static final int VALIDATION_SEQUENCES = 128;

    private final Experiment experiment;
    private final Task task;
    private final SplittableRandom dataRng;
    private final DivergenceDetector divergence;
    private Learner learner;
    private List<Batch> validation;
    private Batch probeBatch;
    private List<SublayerInfo> sublayers;
    private int step;
    private boolean diverged;
    private double lastLoss = Double.NaN;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private double lastValLoss = Double.NaN;
    private double lastValAccuracy = Double.NaN;
    private double computeMillis;
    private long startNanos;

    Trainer(Experiment experiment) {
        this.experiment = experiment;
        this.task = Tasks.create(experiment.task());
        this.dataRng = new SplittableRandom(experiment.seed());
        this.divergence = new DivergenceDetector(experiment.train().steps());
    }

    RunInfo prepare() {
        startNanos = System.nanoTime();
        // separate streams: validation and probe data never depend on how long training ran
        SplittableRandom heldOut = new SplittableRandom(experiment.seed() ^ 0x5DEECE66DL);
        validation = new ArrayList<>();
        for (int left = VALIDATION_SEQUENCES; left > 0; left -= 64) {
            validation.add(task.sample(Math.min(64, left), heldOut));
        }
        probeBatch = task.sample(PROBE_SEQUENCES, heldOut);
        Batch profiling = task.sample(experiment.train().batch(), dataRng.split());
        learner = new Learner(experiment, task.vocab(), task.sourceLength(), task.targetLength(), profiling, false);
        sublayers = learner.sublayers();
        return new RunInfo(experiment, EngineInfo.backend(), EngineInfo.device(), learner.parameterCount(), sublayers,
                learner.omega());
    }

    boolean finished() {
        return diverged || step >= experiment.train().steps();
    }

    StepMetrics step() {
        step++;
        double lr = LearningRate.at(experiment.train(), step);
        Batch batch = task.sample(experiment.train().batch(), dataRng);
        int every = experiment.probe().every();
        boolean probe = every > 0 && (step == 1 || step % every == 0 || step == experiment.train().steps());
        Learner.StepResult r = learner.trainStep(batch, lr, probe ? probeBatch : null);
        computeMillis += r.computeMillis();
        lastLoss = r.loss();
        if (Double.isFinite(r.loss())) {
            bestLoss = Math.min(bestLoss, r.loss());
        }
        diverged = divergence.update(step, r.loss(), r.gradNorm());
        double tokens = (double) batch.size() * task.targetLength();
        List<LayerMetrics> layers = new ArrayList<>();
        double valLoss = Double.NaN;
        double valAccuracy = Double.NaN;
        if (probe) {
            for (int i = 0; i < sublayers.size(); i++) {
                SublayerInfo s = sublayers.get(i);
                double beta = Math.sqrt(r.varBranch()[i] / r.varSum()[i]);
                layers.add(new LayerMetrics(s.stack(), s.sublayer(), s.kind(), r.varBranch()[i], r.varSum()[i], beta,
                        r.gradNorms()[i]));
            }
        }
        int validateEvery = experiment.probe().validateEvery();
        boolean validate = step == experiment.train().steps() || (validateEvery > 0 && step % validateEvery == 0);
        if (validate && !diverged) {
            Learner.Evaluation e = learner.evaluate(validation);
            valLoss = e.loss();
            valAccuracy = e.accuracy();
            lastValLoss = valLoss;
            lastValAccuracy = valAccuracy;
        }
        return new StepMetrics(step, r.loss(), lr, r.gradNorm(), tokens / (r.computeMillis() / 1000.0),
                r.computeMillis(), r.updateChange(), r.outputChange(), valLoss, valAccuracy, layers);
    }

    /** The summary so far; {@code override} forces a final status (STOPPED, FAILED) with its reason. */
    RunSummary summary(RunStatus override, String reason) {
        RunStatus status;
        String why = reason;
        if (override != null) {
            status = override;
            if (why.isEmpty()) {
                why = override == RunStatus.STOPPED ? "stopped by the user at step " + step : "";
            }
        } else if (diverged) {
            status = RunStatus.DIVERGED;
            why = divergence.reason();
        } else {
            status = RunStatus.DONE;
        }
        if (learner != null && !diverged && step > 0 && Double.isNaN(lastValLoss) && status != RunStatus.FAILED) {
            Learner.Evaluation e = learner.evaluate(validation);
            lastValLoss = e.loss();
            lastValAccuracy = e.accuracy();
        }
        double wall = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
        return new RunSummary(status, lastLoss, Double.isInfinite(bestLoss) ? Double.NaN : bestLoss, lastValLoss,
                lastValAccuracy, diverged, divergence.divergedAt(), step, wall, step == 0 ? Double.NaN : computeMillis / step,
                why, learner == null ? java.util.Map.of() : learner.omega());
    }

    @Override
    public void close() {
        if (learner != null) {
            learner.close();
        }
    }
}
