package org.stabilitylab.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** shards[0] is the model itself; shards[k] a replica run by shardThreads[k - 1]. */
    private final Transformer[] shards;
    private final ExecutorService[] shardThreads;
    private long workspaceBytes = -1;
    private int trainSteps;

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
        NativeThreads.pinThisThread();
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
        this.shards = new Transformer[shardCount(dtype, experiment.train().batch())];
        this.shardThreads = new ExecutorService[shards.length - 1];
        shards[0] = model;
        for (int k = 1; k < shards.length; k++) {
            shards[k] = model.replica();
            shardThreads[k - 1] = Executors.newSingleThreadExecutor(NativeThreads.pinnedDaemons("stability-lab-shard"));
        }
    }

    /**
     * With several threads (STABILITY_LAB_THREADS) a training step splits its batch into that many
     * shards, each trained by a replica of the model on its own thread, and adds up their gradients.
     * Why: at d_model 64 each op is too small to split well (2 threads bought ~1% that way), while
     * whole shards run side by side without a hand-off per op. Float on the CPU fast path only;
     * STABILITY_LAB_BATCH_SPLIT=off keeps the per-op split.
     */
    private static int shardCount(DataType dtype, int batch) {
        if (Parallel.threads() <= 1 || dtype != DataType.FLOAT || !Blas.available() || !Blas.enabled
                || "off".equals(System.getenv("STABILITY_LAB_BATCH_SPLIT"))) {
            return 1;
        }
        return Math.max(1, Math.min(Parallel.threads(), batch));
    }

    /** Shards per training step (1: the whole batch on the calling thread). */
    int shardCount() {
        return shards.length;
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
        NativeThreads.pinThisThread();
        try {
            return step(batch, lr, probeBatch);
        } finally {
            // the shards' workspaces learn their size during the first step, the others' in the second
            afterWorkspaceUse(++trainSteps <= 2);
        }
    }

    private StepResult step(Batch batch, double lr, Batch probeBatch) {
        double clip = experiment.train().clip();
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
            long start = System.nanoTime();
            double loss = lossAndGradients(batch, experiment.train().labelSmoothing());
            double gradNorm = Blas.norm2(model.store.grads());
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
                    gradNorms[i++] = Blas.norm2(ParamStore.slice(model.store.grads(), s.paramOffset, s.paramLength));
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

    /**
     * After a workspace closes: when it has just learned or changed its size, the arrays it allocated
     * one by one meanwhile are free but still resident, so the native heap is trimmed.
     */
    private void afterWorkspaceUse(boolean learning) {
        MemoryWorkspace ws = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(workspaceId);
        long bytes = ws == null ? -1 : ws.getCurrentSize();
        if (learning || bytes != workspaceBytes) {
            workspaceBytes = bytes;
            NativeMemory.trim();
        }
    }

    /** Forward and backward over the batch, split over the shards; the gradients end up in the model's buffer. */
    private double lossAndGradients(Batch batch, double labelSmoothing) {
        int n = batch.size();
        int parts = Math.min(shards.length, n);
        if (parts == 1) {
            model.store.grads().assign(0);
            double loss = model.forward(batch, true, false, labelSmoothing).loss();
            model.backward();
            return loss;
        }
        long stepSeed = model.rng.nextLong(); // what the unsplit forward would draw: same dropout masks
        List<Future<Double>> others = new java.util.ArrayList<>();
        for (int k = 1; k < parts; k++) {
            Transformer shard = shards[k];
            int from = n * k / parts;
            Batch part = slice(batch, from, n * (k + 1) / parts);
            others.add(shardThreads[k - 1].submit(() -> Parallel.asShard(() -> {
                try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
                    return shardLoss(shard, part, labelSmoothing, stepSeed, from, n);
                }
            })));
        }
        Batch first = slice(batch, 0, n / parts);
        double loss = Parallel.asShard(() -> shardLoss(model, first, labelSmoothing, stepSeed, 0, n));
        for (double shardLoss : Parallel.awaitAll(others)) {
            loss += shardLoss;
        }
        for (int k = 1; k < parts; k++) {
            Blas.addInto(model.store.grads(), shards[k].store.grads());
        }
        return loss;
    }

    private static double shardLoss(Transformer shard, Batch part, double labelSmoothing, long stepSeed, int firstItem,
                                    int wholeBatch) {
        shard.store.grads().assign(0);
        double loss = shard.forward(part, true, false, labelSmoothing, stepSeed, firstItem, wholeBatch).loss();
        shard.backward();
        return loss;
    }

    private static Batch slice(Batch b, int from, int to) {
        return new Batch(java.util.Arrays.copyOfRange(b.source(), from, to), java.util.Arrays.copyOfRange(b.target(), from, to));
    }

    /** Output change at the current weights under a random +-eps perturbation of every weight matrix entry. */
    public double outputChange(Batch probeBatch, double eps) {
        NativeThreads.pinThisThread();
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
        NativeThreads.pinThisThread();
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
        NativeThreads.pinThisThread();
        double lossSum = 0;
        long correct = 0;
        long counted = 0;
        for (Batch b : batches) {
            // one workspace cycle per batch: all batches in one cycle outgrew the training step's
            // workspace (measured +450 MB peak for the 12+12 encoder-decoder)
            try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(STEP_WORKSPACE, workspaceId)) {
                Transformer.Forward f = model.forward(b, false, false, 0.0);
                lossSum += f.crossEntropy() * f.counted();
                correct += f.correct();
                counted += f.counted();
            }
        }
        afterWorkspaceUse(false);
        return new Evaluation(lossSum / counted, (double) correct / counted);
    }

    @Override
    public void close() {
        destroyWorkspace();
        for (ExecutorService thread : shardThreads) {
            try {
                thread.submit(this::destroyWorkspace).get(); // workspaces belong to the thread that made them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // the shard thread's memory goes with the thread
            }
            thread.shutdown();
        }
    }

    private void destroyWorkspace() {
        MemoryWorkspace ws = Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread(workspaceId);
        if (ws != null) {
            ws.destroyWorkspace(true);
        }
    }
}
