/* Measured FP32 peak of one core: ten independent AVX2 FMA chains (enough to cover the FMA latency
 * on Zen/Intel cores), best of five 2e9-FMA runs. Why: inside a VM /proc/cpuinfo shows the base
 * clock, and OpenBLAS measured faster than "base clock x 32 FLOP/cycle" here, so that figure is not
 * a ceiling. bench/run.sh compiles this with gcc when present and uses the larger of the two. */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

int main(void) {
    __m256 acc[10];
    __m256 mul = _mm256_set1_ps(1.0000001f), add = _mm256_set1_ps(1e-7f);
    for (int i = 0; i < 10; i++) acc[i] = _mm256_set1_ps((float) i);
    const long iters = 200000000;
    double best = 0;
    for (int rep = 0; rep < 5; rep++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long k = 0; k < iters; k++) {
#pragma GCC unroll 10
            for (int i = 0; i < 10; i++) acc[i] = _mm256_fmadd_ps(acc[i], mul, add);
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double s = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
        double gflops = iters * 10.0 * 16 / s / 1e9; /* 8 lanes x (mul + add) per FMA */
        if (gflops > best) best = gflops;
    }
    float sink = 0, lane[8];
    for (int i = 0; i < 10; i++) { _mm256_storeu_ps(lane, acc[i]); sink += lane[0]; }
    if (sink == 1234.5f) printf("#"); /* keeps the chains live without touching the figure */
    printf("%.1f\n", best);
    return 0;
}
