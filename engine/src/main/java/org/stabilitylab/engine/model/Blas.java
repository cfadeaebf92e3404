package org.stabilitylab.engine.model;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Direct calls into OpenBLAS (the copy nd4j-native bundles, or the machine's, see {@link BlasLibrary})
 * for every matrix product, first of all the many small per-head products of attention. Why: ND4J's batched rank-4 matmul runs naive loops (~3 GFLOP/s) and needs
 * the heads copied out first; a loop of cblas gemm calls with leading dimensions reads each head in
 * place from the fused projection and writes gradients straight back into it (measured 0.3 ms vs
 * 1.4 ms per product at d_model 64). Only on the CPU backend; elsewhere the ND4J path is used.
 */
final class Blas {
    private static final int ROW_MAJOR = 101;
    private static final int NO_TRANS = 111;
    private static final int TRANS = 112;
    private static final boolean AVAILABLE = probe();
    /**
     * OpenBLAS's openblas_set_num_threads in the library the direct calls use, looked up once. Why
     * not JavaCPP's blas_set_num_threads per call: it looks the symbol up every time with
     * dl_iterate_phdr and dlsym nested inside it, which deadlocks against another thread's dlopen
     * (JavaFX loads native libraries lazily on its render thread; seen as a start-up hang in ~2 of
     * 43 launches). Null when the library has no such function.
     */
    private static final openblas_nolapack.SetNumThreads SET_THREADS = threadSetter();
    /** Tests switch this off to compare the direct path against ND4J's own ops. */
    static volatile boolean enabled = true;

    private Blas() {
    }

    private static boolean probe() {
        if ("off".equals(System.getenv("STABILITY_LAB_DIRECT_BLAS"))) {
            return false;
        }
        try {
            if (!Nd4j.getEnvironment().isCPU()) {
                return false;
            }
            Loader.load(openblas_nolapack.class); // the bundled OpenBLAS, or the one BlasLibrary chose
            return true;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static openblas_nolapack.SetNumThreads threadSetter() {
        if (!AVAILABLE) {
            return null;
        }
        Pointer p = Loader.addressof("openblas_set_num_threads"); // resolves in the direct calls' library
        // put(), not the cast constructor: the native object holds the function, it is not the function
        return p == null || p.isNull() ? null : new ThreadSetter().put(p);
    }

    /** JavaCPP's callable wrapper for an int -> void C function (its no-argument constructor is protected). */
    private static final class ThreadSetter extends openblas_nolapack.SetNumThreads {
        ThreadSetter() {
            super();
        }
    }

    /**
     * Sets the thread count of the library the direct calls use (for the calling thread, in OpenMP
     * builds) without any symbol lookup, so it is safe while other threads load libraries.
     */
    static void setThreads(int n) {
        if (SET_THREADS != null) {
            SET_THREADS.call(n);
        }
    }

    /** True when the direct path exists at all (CPU backend, OpenBLAS loaded, not switched off). */
    static boolean available() {
        return AVAILABLE;
    }

    /** True when the direct path may be used for arrays of this type. */
    static boolean usable(INDArray x) {
        DataType t = x.dataType();
        return enabled && AVAILABLE && (t == DataType.FLOAT || t == DataType.DOUBLE);
    }

    /**
     * A row-major matrix inside a contiguous array: element (r, c) is at offset + r * ld + c.
     * The pointer is created once per array and repositioned per call.
     */
    static final class Mat {
        final Pointer base;
        private final boolean dbl;

        Mat(INDArray array) {
            // a vector with unit stride is contiguous whatever its order (1-D views come out as 'f')
            if ((array.ordering() != 'c' && !array.isVector()) || array.elementWiseStride() != 1) {
                throw new IllegalArgumentException("direct BLAS needs contiguous c-order arrays");
            }
            dbl = array.dataType() == DataType.DOUBLE;
            // a view's buffer pointer already points at the buffer's own offset (nd4j 1.0.0-M2.1);
            // only an offset beyond it (a view of a view) is added here
            Pointer p = array.data().addressPointer();
            long extra = array.offset() - array.data().offset();
            if (extra < 0 || extra + array.length() > array.data().length()) {
                throw new IllegalStateException("array lies outside its buffer");
            }
            base = dbl ? new DoublePointer(p).position(extra) : new FloatPointer(p).position(extra);
        }
    }

    /**
     * C[cOff..] = alpha * op(A[aOff..]) * op(B[bOff..]) + beta * C, op = transpose when asked;
     * op(A) is m x k, op(B) is k x n, C is m x n; all row-major with the given leading dimensions.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     Mat a, long aOff, int lda, Mat b, long bOff, int ldb, double beta, Mat c, long cOff, int ldc) {
        int ta = transA ? TRANS : NO_TRANS;
        int tb = transB ? TRANS : NO_TRANS;
        Cursors cur = CURSORS.get();
        if (c.dbl) {
            openblas_nolapack.cblas_dgemm(ROW_MAJOR, ta, tb, m, n, k, alpha,
                    (DoublePointer) cur.at(0, a, aOff), lda, (DoublePointer) cur.at(1, b, bOff), ldb,
                    beta, (DoublePointer) cur.at(2, c, cOff), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(ROW_MAJOR, ta, tb, m, n, k, (float) alpha,
                    (FloatPointer) cur.at(0, a, aOff), lda, (FloatPointer) cur.at(1, b, bOff), ldb,
                    (float) beta, (FloatPointer) cur.at(2, c, cOff), ldc);
        }
    }

    private static final ThreadLocal<Cursors> CURSORS = ThreadLocal.withInitial(Cursors::new);

    /**
     * Per thread, one movable pointer per gemm operand, re-made only when the matrix changes. Why: a
     * fresh pointer object per operand per call was a third of a step's Java garbage (attention makes
     * thousands of calls on the same few matrices), and that garbage is resident memory.
     */
    private static final class Cursors {
        private static final int WAYS = 4; // a backward loop alternates between two or three matrices per operand
        private final Mat[][] owner = new Mat[3][WAYS];
        private final Pointer[][] pointer = new Pointer[3][WAYS];
        private final int[] next = new int[3];

        Pointer at(int operand, Mat m, long offset) {
            Mat[] owners = owner[operand];
            int way = 0;
            while (way < WAYS && owners[way] != m) {
                way++;
            }
            if (way == WAYS) {
                way = next[operand];
                next[operand] = (way + 1) % WAYS;
                owners[way] = m;
                pointer[operand][way] = m.dbl ? new DoublePointer(m.base) : new FloatPointer(m.base);
            }
            return pointer[operand][way].position(m.base.position() + offset);
        }
    }

    /**
     * c = alpha * op(a) op(b) + beta * c for 2-D arrays; direct when possible, else ND4J's gemm.
     * Why direct: for the engine's shapes nd4j's matmul op costs 1.1-2.5x the BLAS call it wraps
     * (measured [1024,64]x[64,192]: 0.93 vs 0.37 ms; [2048,256]x[256,1024]: 18.7 vs 13.3 ms).
     */
    static INDArray mm(INDArray a, boolean transA, INDArray b, boolean transB, double alpha, double beta, INDArray c) {
        if (!usable(c) || !plain(a) || !plain(b) || !plain(c)) {
            return Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
        }
        int m = (int) (transA ? a.columns() : a.rows());
        int k = (int) (transA ? a.rows() : a.columns());
        int n = (int) (transB ? b.rows() : b.columns());
        if (c.rows() != m || c.columns() != n || (transB ? b.columns() : b.rows()) != k) {
            throw new IllegalArgumentException("gemm shapes do not match");
        }
        Mat ma = new Mat(a);
        Mat mb = new Mat(b);
        Mat mc = new Mat(c);
        int lda = (int) a.columns();
        int ldb = (int) b.columns();
        // with several threads, split the rows of c: row i of op(A) starts at i*lda (or at column i
        // when A is transposed); OpenBLAS itself runs single-threaded (see NativeThreads)
        Parallel.forRange(m, 2L * n * k, (part, from, to) -> gemm(transA, transB, to - from, n, k, alpha,
                ma, transA ? from : (long) from * lda, lda, mb, 0, ldb, beta, mc, (long) from * n, n));
        return c;
    }

    /** op(a) op(b) into a new array (uninitialised before the call, so beta = 0). */
    static INDArray mm(INDArray a, boolean transA, INDArray b, boolean transB) {
        long m = transA ? a.columns() : a.rows();
        long n = transB ? b.rows() : b.columns();
        if (!usable(a) || !plain(a) || !plain(b)) {
            return Nd4j.gemm(a, b, transA, transB);
        }
        return mm(a, transA, b, transB, 1, 0, Nd4j.createUninitialized(a.dataType(), m, n));
    }

    /** y += alpha * (column sums of the 2-D array a), e.g. a bias gradient; one gemv against a ones vector. */
    static void addColumnSums(INDArray a, double alpha, INDArray y) {
        if (!usable(a) || !plain(a) || y.ordering() != 'c' || y.elementWiseStride() != 1 || y.length() != a.columns()) {
            y.addi(a.sum(0).reshape(y.shape()).muli(alpha));
            return;
        }
        int m = (int) a.rows();
        int n = (int) a.columns();
        Mat ma = new Mat(a);
        Mat mo = new Mat(ones(a.dataType(), m));
        Mat my = new Mat(y);
        if (ma.dbl) {
            openblas_nolapack.cblas_dgemv(ROW_MAJOR, TRANS, m, n, alpha, (DoublePointer) ma.base, n,
                    (DoublePointer) mo.base, 1, 1.0, (DoublePointer) my.base, 1);
        } else {
            openblas_nolapack.cblas_sgemv(ROW_MAJOR, TRANS, m, n, (float) alpha, (FloatPointer) ma.base, n,
                    (FloatPointer) mo.base, 1, 1f, (FloatPointer) my.base, 1);
        }
    }

    /**
     * y += x for two contiguous arrays of one shape and type, as one axpy call; ND4J's addi
     * otherwise. Why: ND4J's pairwise add went through its custom-op machinery at ~1.2 ns per element
     * for the residual sums (~3% of a d_model 64 step); the BLAS call streams at memory speed.
     */
    static INDArray addInto(INDArray y, INDArray x) {
        if (!flatPair(y, x)) {
            return y.addi(x);
        }
        int n = (int) x.length();
        Mat mx = new Mat(x);
        Mat my = new Mat(y);
        if (mx.dbl) {
            openblas_nolapack.cblas_daxpy(n, 1.0, (DoublePointer) mx.base, 1, (DoublePointer) my.base, 1);
        } else {
            openblas_nolapack.cblas_saxpy(n, 1f, (FloatPointer) mx.base, 1, (FloatPointer) my.base, 1);
        }
        return y;
    }

    /** x + f into a new array: a copy and an axpy (see {@link #addInto}); ND4J's add otherwise. */
    static INDArray sum(INDArray x, INDArray f) {
        if (!flatPair(x, f)) {
            return x.add(f);
        }
        INDArray out = Nd4j.createUninitialized(x.dataType(), x.shape());
        int n = (int) x.length();
        Mat mx = new Mat(x);
        Mat mo = new Mat(out);
        if (mx.dbl) {
            openblas_nolapack.cblas_dcopy(n, (DoublePointer) mx.base, 1, (DoublePointer) mo.base, 1);
        } else {
            openblas_nolapack.cblas_scopy(n, (FloatPointer) mx.base, 1, (FloatPointer) mo.base, 1);
        }
        return addInto(out, f);
    }

    /**
     * The Euclidean norm of all elements of a contiguous array (one dot product); ND4J's norm2
     * otherwise. Float arrays are accumulated in double (dsdot); each square is still a float, so as
     * with ND4J's norm2 an element above ~1.8e19 makes the norm infinite (a diverged step).
     */
    static double norm2(INDArray x) {
        if (!usable(x) || !flat(x)) {
            return x.norm2Number().doubleValue();
        }
        int n = (int) x.length();
        Mat m = new Mat(x);
        double squares = m.dbl
                ? openblas_nolapack.cblas_ddot(n, (DoublePointer) m.base, 1, (DoublePointer) m.base, 1)
                : openblas_nolapack.cblas_dsdot(n, (FloatPointer) m.base, 1, (FloatPointer) m.base, 1);
        return Math.sqrt(squares);
    }

    private static boolean flat(INDArray x) {
        return (x.ordering() == 'c' || x.isVector()) && x.elementWiseStride() == 1 && !x.isEmpty()
                && x.length() < Integer.MAX_VALUE;
    }

    private static boolean flatPair(INDArray y, INDArray x) {
        return usable(y) && flat(y) && flat(x) && x.dataType() == y.dataType()
                && java.util.Arrays.equals(x.shape(), y.shape());
    }

    private static final java.util.Map<DataType, INDArray> ONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static INDArray ones(DataType type, int length) {
        INDArray o = ONES.get(type);
        if (o == null || o.length() < length) {
            try (var ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                o = Nd4j.ones(type, Math.max(length, 4096));
            }
            ONES.put(type, o);
        }
        return o;
    }

    private static boolean plain(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && x.elementWiseStride() == 1 && !x.isEmpty();
    }

}
