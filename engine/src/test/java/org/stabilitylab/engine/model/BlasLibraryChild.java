package org.stabilitylab.engine.model;

import java.util.SplittableRandom;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The process {@link BlasLibraryTest} starts with STABILITY_LAB_BLAS set: starts the engine the way
 * its main methods do, makes one float product through the direct BLAS path and prints what a test
 * can check (the library described, the direct library's thread count, the product's largest error
 * against a product computed in double here).
 */
public final class BlasLibraryChild {
    private BlasLibraryChild() {
    }

    public static void main(String[] args) {
        NativeThreads.beforeNd4jLoads();
        NativeThreads.configure();
        int m = 37;
        int k = 53;
        int n = 29;
        SplittableRandom rnd = new SplittableRandom(7);
        float[] a = new float[m * k];
        float[] b = new float[k * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextDouble(-1, 1);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) rnd.nextDouble(-1, 1);
        }
        INDArray x = Nd4j.create(a, new long[] {m, k}, DataType.FLOAT);
        INDArray y = Nd4j.create(b, new long[] {k, n}, DataType.FLOAT);
        INDArray c = Nd4j.zeros(DataType.FLOAT, m, n);
        Blas.mm(x, false, y, false, 1, 0, c);
        double worst = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[i * k + p] * b[p * n + j];
                }
                worst = Math.max(worst, Math.abs(s - c.getDouble(i, j)));
            }
        }
        System.out.println("BLAS " + BlasLibrary.describe());
        System.out.println("THREADS " + directLibraryThreads());
        System.out.println("ERROR " + worst);
    }

    /**
     * openblas_get_num_threads() of the direct calls' library, asked the library itself (JavaCPP's
     * blas_get_num_threads only returns what was last set through it). Called through JavaCPP's
     * int(int) function wrapper: the extra argument is ignored under the x86-64 and AArch64 C ABIs.
     */
    static int directLibraryThreads() {
        Pointer f = Loader.addressof("openblas_get_num_threads");
        if (f == null || f.isNull()) {
            throw new IllegalStateException("no openblas_get_num_threads");
        }
        return new IntFunction().put(f).call(0);
    }

    private static final class IntFunction extends org.bytedeco.openblas.global.openblas_nolapack.MklSetNumThreadsLocal {
        IntFunction() {
            super();
        }
    }
}
