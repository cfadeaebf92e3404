package org.stabilitylab.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.GaussianDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.stabilitylab.engine.config.Experiment;
import org.stabilitylab.engine.config.Init;
import org.stabilitylab.engine.run.SublayerInfo;
import org.stabilitylab.engine.task.Batch;

/**
 * A model with its optimiser and probes behind a plain-Java API, so the trainer, amplify and tests
 * never see ND4J types. Each step runs inside one memory workspace: everything a step allocates is
 * reused by the next, and only parameters and optimiser state live outside it.
 */
public final class Learner implements AutoCloseable {
    private static final WorkspaceConfiguration STEP_WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private final Experiment experiment;
    private final Transformer model;
    private final Optimizer optimizer;
    private final Random probeRng;
    private final String workspaceId;
    private final Map<String, double[]> omega = new LinkedHashMap<>();
    private final Map<String, List<double[]>> profileRecords = new LinkedHashMap<>();

    /** What one optimiser step measured; per-sublayer arrays are in forward order and empty unless probed. */
    public record StepResult(double loss, double gradNorm, double computeMillis, double outputChange,
                             double updateChange, double[] varBranch, double[] varSum, double[] gradNorms) {
    }

    /** Validation loss (plain cross-entropy) and token accuracy. */
    public record Evaluation(double loss, double accuracy) {
    }

    /**
     * Builds and initialises the model of {@code experiment} for a task with {@code vocab} symbols.
     * Admin profiles its omegas on {@code profilingBatch}; other inits ignore it.
     */
    public Learner(Experiment experiment, int vocab, int sourceLength, int targetLength, Batch profilingBatch,
                   boolean doublePrecision) {
        NativeThreads.configure();
        this.experiment = experiment;
        DataType dtype = doublePrecision ? DataType.DOUBLE : DataType.FLOAT;
        this.model = new Transformer(experiment.model(), vocab, sourceLength, targetLength, dtype, experiment.seed());
        this.probeRng = Nd4j.getRandomFactory().getNewRandomInstance(experiment.seed() * 31 + 17);
        this.workspaceId = "step-" + System.identityHashCode(this);
        if (experiment.model().init() == Init.ADMIN) {
            AdminInit.apply(model, profilingBatch).forEach((stack, profile) -> {
                omega.put(stack, profile.omegas());
                profileRecords.put(stack, profile.entries().stream()
                        .map(e -> new double[] {e.omega(), e.varShortcut(), e.varBranch()}).toList());
            });
        } else {
            DefaultInit.apply(model);
        }
        this.optimizer = Optimizer.create(experiment.train(), model.store);
    }

    public List<SublayerInfo> sublayers() {
        return model.sublayers();
    }

    public long parameterCount() {
        return model.parameterCount();
    }

    /** Profiled Admin omegas per stack ("encoder", "decoder"); empty for other inits. */
    public Map<String, double[]> omega() {
        return Map.copyOf(omega);
    }

    /** Admin's profiling walk per stack: for each sublayer {omega_i, Var[x_{i-1} * omega_i], Var[f_i]}. */
    public Map<String, List<double[]>> profileRecords() {
        return Map.copyOf(profileRecords);
    }

    /**
     * One optimiser step on {@code batch} at learning rate {@code lr}. With a {@code probeBatch} it also
     * measures per-sublayer statistics, the output change under a random +-eps weight perturbation and
     * the output change caused by this very update (science.md section 3).
     */
    public StepResult trainStep(Batch batch, double lr, Batch probeBatch) {
        double clip = experiment.train().clip();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
            long start = System.nanoTime();
            model.store.grads().assign(0);
            double loss = model.forward(batch, true, false, experiment.train().labelSmoothing()).loss();
            model.backward();
            double gradNorm = model.store.grads().norm2Number().doubleValue();
            if (clip > 0 && gradNorm > clip) {
                model.store.grads().muli(clip / gradNorm);
            }
            long computeNanos = System.nanoTime() - start;
            if (probeBatch == null) {
                if (Double.isFinite(loss) && Double.isFinite(gradNorm)) {
                    long t = System.nanoTime();
                    optimizer.step(model.store.values(), model.store.grads(), lr);
                    computeNanos += System.nanoTime() - t;
                }
                return new StepResult(loss, gradNorm, computeNanos / 1e6, Double.NaN, Double.NaN,
                        new double[0], new double[0], new double[0]);
            }
            int n = model.sublayers().size();
            double[] gradNorms = new double[n];
            double[] varBranch = new double[n];
            double[] varSum = new double[n];
            int i = 0;
            for (Stack stack : model.stacks()) {
                for (Sublayer s : stack.sublayers) {
                    gradNorms[i++] = ParamStore.slice(model.store.grads(), s.paramOffset, s.paramLength)
                            .norm2Number().doubleValue();
                }
            }
            model.forward(probeBatch, false, true, 0.0);
            INDArray before = model.lastStackOutput();
            i = 0;
            for (Stack stack : model.stacks()) {
                for (Sublayer s : stack.sublayers) {
                    varBranch[i] = s.varBranch;
                    varSum[i++] = s.varSum;
                }
            }
            double outputChange = perturbedChange(probeBatch, before, experiment.probe().eps());
            double updateChange = Double.NaN;
            if (Double.isFinite(loss) && Double.isFinite(gradNorm)) {
                long t = System.nanoTime();
                optimizer.step(model.store.values(), model.store.grads(), lr);
                computeNanos += System.nanoTime() - t;
                updateChange = meanSquaredDifference(model.stackOutput(probeBatch), before);
            }
            return new StepResult(loss, gradNorm, computeNanos / 1e6, outputChange, updateChange, varBranch, varSum,
                    gradNorms);
        }
    }

    /** Output change at the current weights under a random +-eps perturbation of every weight matrix entry. */
    public double outputChange(Batch probeBatch, double eps) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
            INDArray before = model.stackOutput(probeBatch);
            return perturbedChange(probeBatch, before, eps);
        }
    }

    /**
     * Output change at the current weights for every depth at once: element d-1 is the change of the
     * output after layer d when every weight matrix entry moves by +-eps. One perturbation serves all
     * depths, so amplify builds one deep model per seed instead of one model per depth.
     */
    public double[] outputChangeByLayer(Batch probeBatch, double eps) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
            List<INDArray> before = model.stackOutputByLayer(probeBatch);
            INDArray values = model.store.values();
            INDArray backup = values.dup();
            perturb(values, eps);
            List<INDArray> after = model.stackOutputByLayer(probeBatch);
            values.assign(backup);
            double[] change = new double[before.size()];
            for (int d = 0; d < change.length; d++) {
                change[d] = meanSquaredDifference(after.get(d), before.get(d));
            }
            return change;
        }
    }

    /** delta = eps * sign(N(0, 1)) on every perturbed entry (weight matrices), 0 elsewhere. */
    /** values -= eps * random sign on every perturbed entry (mask 1), from the run's probe stream. */
    private void perturb(INDArray values, double eps) {
        if (Fused.usable(values)) {
            // a Gaussian draw over every parameter just for its sign was ~15% of a probed step
            Fused.subtractRandomSigns(values, model.store.perturbMask(), eps, probeRng.nextLong());
        } else {
            values.subi(perturbation(eps));
        }
    }

    private INDArray perturbation(double eps) {
        INDArray values = model.store.values();
        INDArray noise = Nd4j.getExecutioner().exec(
                new GaussianDistribution(Nd4j.createUninitialized(values.dataType(), values.length()), 0.0, 1.0),
                probeRng);
        return Transforms.sign(noise, false).muli(eps).muli(model.store.perturbMask());
    }

    /** Delta = mean over the output of (F(x, W + delta) - F(x, W))^2 with delta = -eps * sign(N(0, 1)) on weights. */
    private double perturbedChange(Batch probeBatch, INDArray before, double eps) {
        INDArray values = model.store.values();
        INDArray backup = values.dup();
        perturb(values, eps);
        double change = meanSquaredDifference(model.stackOutput(probeBatch), before);
        values.assign(backup);
        return change;
    }

    private static double meanSquaredDifference(INDArray a, INDArray b) {
        INDArray diff = a.sub(b);
        return diff.muli(diff).meanNumber().doubleValue();
    }

    /** Teacher-forced validation: plain cross-entropy and token accuracy over the batches, no dropout. */
    public Evaluation evaluate(List<Batch> batches) {
        double lossSum = 0;
        long correct = 0;
        long counted = 0;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
            for (Batch b : batches) {
                Transformer.Forward f = model.forward(b, false, false, 0.0);
                lossSum += f.crossEntropy() * f.counted();
                correct += f.correct();
                counted += f.counted();
            }
        }
        return new Evaluation(lossSum / counted, (double) correct / counted);
    }

    @Override
    public void close() {
        MemoryWorkspace ws = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(workspaceId);
        if (ws != null) {
            ws.destroyWorkspace(true);
        }
    }
}
