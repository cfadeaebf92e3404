/* The engine's GEMM shapes through one OpenBLAS library, single-threaded: which library (nd4j's
 * bundled one or the system's, as PyTorch links it) is faster on exactly the products a training
 * step makes. Why a C loop: inside the JVM the comparison would need the two libraries loaded side
 * by side, and a step mixes every shape; here each shape is timed alone, hot in cache.
 *
 *   gcc -O2 bench/blas_shapes.c -o /tmp/blas_shapes -ldl
 *   /tmp/blas_shapes LIBRARY.so        (bench/run.sh does not run this; see BENCHMARKS.md)
 *
 * Shapes, row-major as the engine calls them: the Linear products at d_model 256 (2048 rows =
 * batch 32 x seq 64; forward y = x W^T, weight gradient dW += dy^T x, input gradient dx = dy W),
 * and the per-head attention products (QK^T, PV, dV = P^T dC, dP = dC V^T) at d_model 64 (32
 * positions, 16 per head) and 256 (64 positions, 32 per head), read in place from a fused
 * [rows, 3d] projection. Prints the median GFLOP/s over 15 timed repeats per shape. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int, float,
                         float *, int);
enum { ROW = 101, N = 111, T = 112, REPEATS = 15 };

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static float *filled(long n) {
    float *p = malloc(sizeof(float) * n);
    for (long i = 0; i < n; i++) p[i] = (float) ((i * 7919) % 1000) / 1000.0f - 0.5f;
    return p;
}

static sgemm_fn gemm;

/* median seconds of REPEATS runs of one Linear product (after 3 untimed ones) */
static double linear(int kind, int rows, int in, int out, float *x, float *w, float *y) {
    double t[REPEATS];
    for (int r = -3; r < REPEATS; r++) {
        double t0 = now();
        if (kind == 0) gemm(ROW, N, T, rows, out, in, 1, x, in, w, in, 0, y, out);      /* y = x W^T */
        else if (kind == 1) gemm(ROW, T, N, out, in, rows, 1, y, out, x, in, 1, w, in); /* dW += dy^T x */
        else gemm(ROW, N, N, rows, in, out, 1, y, out, w, in, 0, x, in);               /* dx = dy W */
        if (r >= 0) t[r] = now() - t0;
    }
    qsort(t, REPEATS, sizeof(double), by_value);
    return t[REPEATS / 2];
}

/* median seconds per call of one per-head product over batch 32 x heads */
static double heads(int kind, int len, int dh, int nh, float *qkv, float *s, float *c) {
    int d = dh * nh, batch = 32;
    double t[REPEATS];
    for (int r = -3; r < REPEATS; r++) {
        double t0 = now();
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < nh; h++) {
                float *q = qkv + (long) b * len * 3 * d + h * dh, *k = q + d, *v = q + 2 * d;
                float *sc = s + ((long) b * nh + h) * len * len, *cx = c + (long) b * len * d + h * dh;
                if (kind == 0) gemm(ROW, N, T, len, len, dh, 0.25f, q, 3 * d, k, 3 * d, 0, sc, len);
                else if (kind == 1) gemm(ROW, N, N, len, dh, len, 1, sc, len, v, 3 * d, 0, cx, d);
                else if (kind == 2) gemm(ROW, T, N, len, dh, len, 1, sc, len, cx, d, 0, v, 3 * d);
                else gemm(ROW, N, T, len, len, dh, 1, cx, d, v, 3 * d, 0, sc, len);
            }
        }
        if (r >= 0) t[r] = (now() - t0) / (batch * nh);
    }
    qsort(t, REPEATS, sizeof(double), by_value);
    return t[REPEATS / 2];
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s libopenblas.so\n", argv[0]);
        return 2;
    }
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib || !(gemm = (sgemm_fn) dlsym(lib, "cblas_sgemm"))) {
        fprintf(stderr, "cannot use %s: %s\n", argv[1], dlerror());
        return 1;
    }
    void (*threads)(int) = (void (*)(int)) dlsym(lib, "openblas_set_num_threads");
    if (threads) threads(1);
    char *(*config)(void) = (char *(*)(void)) dlsym(lib, "openblas_get_config");
    printf("library %s\n%s\n", argv[1], config ? config() : "(no openblas_get_config)");

    int rows = 2048, shapes[][2] = {{256, 768}, {256, 256}, {256, 1024}, {1024, 256}};
    float *x = filled((long) rows * 1024), *w = filled(1024L * 1024), *y = filled((long) rows * 1024);
    const char *names[] = {"forward y = x W^T", "weight grad dW += dy^T x", "input grad dx = dy W"};
    for (int s = 0; s < 4; s++) {
        for (int kind = 0; kind < 3; kind++) {
            int in = shapes[s][0], out = shapes[s][1];
            double sec = linear(kind, rows, in, out, x, w, y);
            printf("linear [%d,%d]x[%d,%d]  %-25s %6.1f GFLOP/s\n", rows, in, in, out, names[kind],
                   2.0 * rows * in * out / sec / 1e9);
        }
    }
    int cfg[][3] = {{32, 16, 4}, {64, 32, 8}};
    const char *hnames[] = {"S = Q K^T", "C = P V", "dV = P^T dC", "dP = dC V^T"};
    for (int g = 0; g < 2; g++) {
        int len = cfg[g][0], dh = cfg[g][1], nh = cfg[g][2], d = dh * nh;
        float *qkv = filled(32L * len * 3 * d), *s = filled(32L * nh * len * len), *c = filled(32L * len * d);
        for (int kind = 0; kind < 4; kind++) {
            double sec = heads(kind, len, dh, nh, qkv, s, c);
            printf("head  T=%-3d d_head=%-3d %-27s %6.2f us/call %6.1f GFLOP/s\n", len, dh, hnames[kind],
                   sec * 1e6, 2.0 * len * len * dh / sec / 1e9);
        }
        free(qkv), free(s), free(c);
    }
    return 0;
}
