package org.stabilitylab.engine;

import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Versions and the compute backend actually in use, for run records, the status bar and --version. */
public final class EngineInfo {
    /** ND4J's jars carry no Implementation-Version; the build pins this one (parent pom, nd4j.version). */
    private static final String ND4J_VERSION = "1.0.0-M2.1";

    private EngineInfo() {
    }

    /** This build's version, from the jar manifest (or "dev" when running from classes). */
    public static String version() {
        String v = EngineInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private static volatile Properties environment;

    /**
     * ND4J's environment description, asked for once. Why once: ND4J answers the BLAS vendor part by
     * looking up OpenBLAS symbols in a way that can deadlock against another thread loading a native
     * library (see Blas.setThreads), and runs ask for it at every start.
     */
    private static Properties environment() {
        Properties e = environment;
        if (e == null) {
            synchronized (EngineInfo.class) {
                if (environment == null) {
                    environment = Nd4j.getExecutioner().getEnvironmentInformation();
                }
                e = environment;
            }
        }
        return e;
    }

    /** The ND4J backend in use, e.g. "nd4j-native (CPU, OPENBLAS)" or "nd4j-cuda". */
    public static String backend() {
        Properties env = environment();
        String kind = String.valueOf(env.getOrDefault("backend", "?"));
        String blas = String.valueOf(env.getOrDefault("blas.vendor", "?"));
        boolean cuda = "CUDA".equalsIgnoreCase(kind);
        return (cuda ? "nd4j-cuda" : "nd4j-native") + " " + ND4J_VERSION + " (" + kind + ", " + blas + ")";
    }

    /** The BLAS library behind the engine's own matrix products, e.g. "OpenBLAS 0.3.19 (bundled)". */
    public static String blas() {
        return org.stabilitylab.engine.model.BlasLibrary.describe();
    }

    /** The device that runs the maths: a GPU's name, or the CPU with its core count. */
    public static String device() {
        Properties env = environment();
        Object name = env.get("cuda.devicesInformation");
        if (name != null) {
            return "GPU " + name;
        }
        return "CPU x" + Runtime.getRuntime().availableProcessors();
    }

    public static String java() {
        return System.getProperty("java.version");
    }
}
