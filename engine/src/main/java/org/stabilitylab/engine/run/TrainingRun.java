package org.stabilitylab.engine.run;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.stabilitylab.engine.config.Experiment;

/**
 * One training run with its own worker thread: start, pause, resume, single-step and stop between
 * optimiser steps. Listeners get immutable snapshots on the worker thread. This is the engine's
 * public entry point for training; the app, the CLI, sweeps and tests all drive it the same way.
 */
public final class TrainingRun {
    private final Experiment experiment;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private RunStatus status = RunStatus.CREATED;
    private boolean pauseRequested;
    private boolean stopRequested;
    private int stepsGranted; // single steps allowed while paused
    private Thread worker;
    private RunSummary summary;

    public TrainingRun(Experiment experiment) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
    }

    public Experiment experiment() {
        return experiment;
    }

    public void addListener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    /** Starts the worker thread; the run begins in RUNNING, or PAUSED when {@code paused} is true. */
    public void start(boolean paused) {
        synchronized (lock) {
            if (worker != null) {
                throw new IllegalStateException("run already started");
            }
            pauseRequested = paused;
            worker = new Thread(this::runOnWorker, "train-" + experiment.name());
            worker.setDaemon(true);
            worker.start();
        }
    }

    public void start() {
        start(false);
    }

    /** Runs to completion on the calling thread and returns the summary (CLI, sweeps, tests). */
    public RunSummary runBlocking() {
        synchronized (lock) {
            if (worker != null) {
                throw new IllegalStateException("run already started");
            }
            worker = Thread.currentThread();
        }
        runOnWorker();
        return summary;
    }

    public void pause() {
        synchronized (lock) {
            pauseRequested = true;
            lock.notifyAll();
        }
    }

    public void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** While paused: performs exactly one more optimiser step, then stays paused. */
    public void stepOnce() {
        synchronized (lock) {
            pauseRequested = true;
            stepsGranted++;
            lock.notifyAll();
        }
    }

    /** Asks the run to stop after the current step; it ends as STOPPED with a valid summary. */
    public void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    public RunStatus status() {
        synchronized (lock) {
            return status;
        }
    }

    /** Waits for the worker to finish and returns the summary. */
    public RunSummary await() throws InterruptedException {
        Thread t;
        synchronized (lock) {
            t = worker;
        }
        if (t != null && t != Thread.currentThread()) {
            t.join();
        }
        synchronized (lock) {
            return summary;
        }
    }

    /** The final summary, or null while the run has not ended. */
    public RunSummary summary() {
        synchronized (lock) {
            return summary;
        }
    }

    private void runOnWorker() {
        Trainer trainer = new Trainer(experiment);
        RunSummary result;
        try {
            RunInfo info = trainer.prepare();
            setStatus(pausedNow() ? RunStatus.PAUSED : RunStatus.RUNNING);
            listeners.forEach(l -> l.onStart(info));
            while (!trainer.finished()) {
                if (!awaitPermissionToStep()) {
                    break;
                }
                StepMetrics m = trainer.step();
                listeners.forEach(l -> l.onStep(m));
            }
            result = trainer.summary(stopRequested() && !trainer.finished() ? RunStatus.STOPPED : null, "");
        } catch (RuntimeException | Error e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            result = trainer.summary(RunStatus.FAILED, why);
        } finally {
            trainer.close();
        }
        synchronized (lock) {
            summary = result;
        }
        setStatus(result.status());
        RunSummary done = result;
        listeners.forEach(l -> l.onFinish(done));
    }

    private boolean pausedNow() {
        synchronized (lock) {
            return pauseRequested;
        }
    }

    private boolean stopRequested() {
        synchronized (lock) {
            return stopRequested;
        }
    }

    /** Blocks while paused; returns false when a stop was requested. */
    private boolean awaitPermissionToStep() {
        boolean announcePause = false;
        boolean announceRun = false;
        synchronized (lock) {
            while (!stopRequested && pauseRequested && stepsGranted == 0) {
                if (status != RunStatus.PAUSED) {
                    status = RunStatus.PAUSED;
                    announcePause = true;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
            if (!announcePause) {
                if (stopRequested) {
                    return false;
                }
                if (stepsGranted > 0) {
                    stepsGranted--;
                } else if (status != RunStatus.RUNNING) {
                    status = RunStatus.RUNNING;
                    announceRun = true;
                }
            }
        }
        if (announcePause) {
            listeners.forEach(l -> l.onStatus(RunStatus.PAUSED));
            return awaitPermissionToStep();
        }
        if (announceRun) {
            listeners.forEach(l -> l.onStatus(RunStatus.RUNNING));
        }
        return true;
    }

    private void setStatus(RunStatus s) {
        synchronized (lock) {
            status = s;
        }
        listeners.forEach(l -> l.onStatus(s));
    }
}
