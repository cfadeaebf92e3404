package org.stabilitylab.engine.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits the engine's own Java loops (fused kernels, the per-head BLAS calls) over the thread count
 * a run was given (STABILITY_LAB_THREADS), the way ND4J and OpenBLAS split theirs. With the default
 * of one thread everything runs on the caller and nothing is started.
 */
final class Parallel {
    /** Below this much work per part a split costs more than it saves (a hand-off is ~10-20 us). */
    static volatile long minWorkPerPart = 1 << 15; // tests set 1 to split even toy shapes
    private static volatile int threads = 1;
    private static ExecutorService pool;
    /** Set on a thread that trains one shard of a batch: the threads are already in use, so no splitting. */
    private static final ThreadLocal<Boolean> SHARD = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private Parallel() {
    }

    static synchronized void threads(int n) {
        threads = Math.max(1, n);
        if (threads > 1 && pool == null) {
            pool = Executors.newCachedThreadPool(NativeThreads.pinnedDaemons("stability-lab-kernel"));
        }
    }

    static int threads() {
        return threads;
    }

    /** A loop body over [from, to) with the index of the part (0 = the caller's). */
    interface Range {
        void run(int part, int from, int to);
    }

    /** Number of parts {@link #forRange} will use for n items of the given work each. */
    static int parts(int n, long workPerItem) {
        int t = threads;
        if (t <= 1 || n < 2 || SHARD.get()) {
            return 1;
        }
        long work = n * Math.max(1, workPerItem);
        return (int) Math.max(1, Math.min(Math.min(t, n), work / minWorkPerPart));
    }

    /** Runs body over [0, n) in parts(n, workPerItem) contiguous parts and waits for all of them. */
    static void forRange(int n, long workPerItem, Range body) {
        int parts = parts(n, workPerItem);
        if (parts == 1) {
            body.run(0, 0, n);
            return;
        }
        java.util.List<Future<?>> others = new java.util.ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int part = p;
            others.add(pool.submit(() -> body.run(part, bound(n, parts, part), bound(n, parts, part + 1))));
        }
        body.run(0, 0, bound(n, parts, 1));
        awaitAll(others);
    }

    /**
     * Waits for every task, even when interrupted (they write into arrays the caller reads next, so
     * returning early would let the caller read half-written results), then re-raises the first
     * failure and restores the interrupt flag. Returns the results in order.
     */
    static <T> java.util.List<T> awaitAll(java.util.List<? extends Future<? extends T>> tasks) {
        java.util.List<T> results = new java.util.ArrayList<>(tasks.size());
        boolean interrupted = false;
        RuntimeException failure = null;
        for (Future<? extends T> f : tasks) {
            while (true) {
                try {
                    results.add(f.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (failure == null) {
                        failure = cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    /** Runs task on this thread with splitting off (the caller already runs one of several shards). */
    static <T> T asShard(java.util.function.Supplier<T> task) {
        boolean was = SHARD.get();
        SHARD.set(Boolean.TRUE);
        try {
            return task.get();
        } finally {
            SHARD.set(was);
        }
    }

    private static int bound(int n, int parts, int part) {
        return (int) ((long) n * part / parts);
    }
}
