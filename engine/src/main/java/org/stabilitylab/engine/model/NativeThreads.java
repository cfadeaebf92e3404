package org.stabilitylab.engine.model;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Pins ND4J to one native thread per run unless STABILITY_LAB_THREADS says otherwise. Why: at toy
 * sizes per-op overhead dominates and measured 1-thread ops were about twice as fast as 2 threads
 * (stack-notes); parallelism comes from running independent runs side by side instead.
 */
public final class NativeThreads {
    private static boolean configured;

    private NativeThreads() {
    }

    /**
     * Call first in main(), before any ND4J class loads: turns off JavaCPP's physical-memory check,
     * which reads /proc on every native allocation (measured ~4% of a step at d_model 64); memory is
     * bounded by the step workspace and the Java heap instead. Also applies STABILITY_LAB_BLAS
     * ({@link BlasLibrary}), which JavaCPP reads when it first loads.
     */
    public static void beforeNd4jLoads() {
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        BlasLibrary.prepare(System.getenv(BlasLibrary.ENV), System.err);
    }

    /**
     * Loads the native libraries and sets the thread counts, once per process. Call it before any
     * other thread may load native libraries (the app: before JavaFX starts): ND4J's start-up and
     * the thread settings look symbols up in a way that deadlocks against a concurrent dlopen.
     */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        configured = true;
        int threads = 1;
        String env = System.getenv("STABILITY_LAB_THREADS");
        if (env != null && env.matches("\\d+")) {
            threads = Math.max(1, Integer.parseInt(env));
        }
        Parallel.threads(threads);
        Nd4j.getExecutioner(); // loads the backend; NativeOpsHolder must not be touched before it
        // With the CPU fast path the engine splits its own work (Parallel) and keeps ND4J's OpenMP
        // pool and OpenBLAS single-threaded: their workers spin after each call and, on a machine
        // with as many cores as threads, starve the engine's own parts (2 threads measured slower
        // than 1 that way). Without the fast path ND4J and OpenBLAS get the threads themselves.
        setNativeThreads(Blas.available() ? 1 : threads);
    }

    /**
     * Call first on every thread the engine starts that runs ND4J ops or BLAS calls. Why: OpenMP keeps
     * its thread count per calling thread, so a new thread starts at the machine's core count, and the
     * OpenMP build of OpenBLAS resets its global thread count to the caller's on every call: one such
     * thread turned every BLAS call parallel, whose spinning workers made 2 threads slower than 1.
     * The app trains on background threads, so the learner pins whichever thread calls it.
     */
    static void pinThisThread() {
        if (!PINNED.get()) {
            PINNED.set(Boolean.TRUE);
            if (Blas.available()) {
                // no symbol lookups here (see Blas.setThreads): this runs while the app's UI loads libraries
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
                Blas.setThreads(1);
            }
        }
    }

    /** Daemon threads that pin their native thread counts before anything else runs on them. */
    static java.util.concurrent.ThreadFactory pinnedDaemons(String name) {
        return r -> {
            Thread t = new Thread(() -> {
                pinThisThread();
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static final ThreadLocal<Boolean> PINNED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private static void setNativeThreads(int n) {
        try {
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
            Nd4j.factory().blas().setMaxThreads(n); // the direct calls' library (JavaCPP looks it up)
        } catch (RuntimeException | LinkageError e) {
            // a backend without these controls (e.g. CUDA) keeps its own defaults
        }
    }
}
