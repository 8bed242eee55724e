/* A small CBLAS for numpy in the Oqyrman bundle, in place of OpenBLAS.
 *
 * numpy's wheel links its core against scipy-openblas (libscipy_openblas64_-*.so, 25 MB of
 * kernels for every x86 generation, plus libgfortran and libquadmath: 28.5 MB, a sixth of
 * the bundle). Oqyrman's numpy work is small: slovnet's Russian NER multiplies a few hundred
 * tokens by its layers' weights, and our own CRF decoder does no matrix products. build.sh
 * compiles this file into a library of the same name, exporting what numpy's modules import:
 *
 * - the CBLAS routines numpy._core calls for matmul, dot, vdot and inner (gemm, gemv, syrk,
 *   dot, dotu/dotc, axpy, for float, double, complex float and complex double), written as
 *   plain loops the compiler vectorises (numpy's own non-BLAS matmul is the same idea);
 * - the Fortran BLAS copy routines numpy.linalg uses to lay out its operands;
 * - the LAPACK routines numpy.linalg calls (solve, inv, det, eig, svd, lstsq, qr, cholesky):
 *   numpy imports numpy.linalg eagerly, so the symbols must exist, but nothing in Oqyrman,
 *   navec or slovnet calls them. They stop the program with a message naming the routine
 *   rather than return a wrong answer. Calling numpy.linalg from the bundle needs OpenBLAS
 *   back (drop this library from build.sh).
 *
 * packaging/check_blas.py checks every routine through numpy against numpy's einsum (which
 * uses no BLAS) before the bundle is built. Integers are 64-bit (ILP64), as in scipy-openblas.
 */
#include <complex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define EXPORT __attribute__((visibility("default")))
/* The hot loops also get an AVX2+FMA version, picked at load time on CPUs that have it (a
 * third faster on slovnet's layers); other CPUs run the baseline x86-64 (SSE2) one, which
 * build.sh checks too by compiling it alone (-DBLAS_SHIM_BASELINE). */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(BLAS_SHIM_BASELINE)
#define HOT __attribute__((target_clones("default", "arch=x86-64-v3")))
#else
#define HOT
#endif

typedef int64_t blasint;
typedef float complex cfloat;
typedef double complex cdouble;

enum { ROW_MAJOR = 101, COL_MAJOR = 102 };
enum { NO_TRANS = 111, TRANS = 112, CONJ_TRANS = 113, CONJ_NO_TRANS = 114 };
enum { UPPER = 121, LOWER = 122 };

/* First element a BLAS vector of n elements with increment inc starts from. */
#define START(n, inc) ((inc) >= 0 ? 0 : (1 - (n)) * (inc))
#define ID(x) (x)

/* Column-major kernels, one set per type. P: prefix, T: type, CJ: conjugation (ID for
 * real types). Row-major calls are turned into column-major ones by the entry points. */
#define KERNELS(P, T, CJ)                                                                      \
    HOT static T P##dot_strided(blasint n, const T *x, blasint incx, const T *y,              \
                                blasint incy, int conj) {                                      \
        T s = 0;                                                                               \
        x += START(n, incx);                                                                   \
        y += START(n, incy);                                                                   \
        if (incx == 1 && incy == 1) {                                                      \
            if (conj) {                                                                        \
                _Pragma("omp simd reduction(+ : s)") for (blasint i = 0; i < n; i++) s +=      \
                    CJ(x[i]) * y[i];                                                           \
            } else {                                                                           \
                _Pragma("omp simd reduction(+ : s)") for (blasint i = 0; i < n; i++) s +=      \
                    x[i] * y[i];                                                               \
            }                                                                                  \
            return s;                                                                          \
        }                                                                                      \
        for (blasint i = 0; i < n; i++) s += (conj ? CJ(x[i * incx]) : x[i * incx]) * y[i * incy]; \
        return s;                                                                              \
    }                                                                                          \
                                                                                               \
    static void P##scale(blasint n, T beta, T *y, blasint incy) {                              \
        y += START(n, incy);                                                                   \
        for (blasint i = 0; i < n; i++) y[i * incy] = beta == 0 ? 0 : beta * y[i * incy];      \
    }                                                                                          \
                                                                                               \
    /* C (m x n) = alpha op(A) op(B) + beta C, column-major. */                                \
    HOT static void P##gemm_col(int ta, int tb, blasint m, blasint n, blasint k, T alpha,      \
                                const T *a, blasint lda, const T *b, blasint ldb, T beta,      \
                                T *c, blasint ldc) {                                           \
        for (blasint j = 0; j < n; j++) {                                                      \
            T *cj = c + j * ldc;                                                               \
            if (beta != 1) P##scale(m, beta, cj, 1);                                           \
            if (alpha == 0) continue;                                                          \
            if (ta == NO_TRANS) { /* C[:, j] += A[:, l] * (alpha op(B)[l, j]) */               \
                for (blasint l = 0; l < k; l++) {                                              \
                    T blj = tb == NO_TRANS ? b[l + j * ldb]                                    \
                          : tb == TRANS    ? b[j + l * ldb]                                    \
                                           : CJ(b[j + l * ldb]);                               \
                    T t = alpha * blj;                                                         \
                    const T *al = a + l * lda;                                                 \
                    _Pragma("omp simd") for (blasint i = 0; i < m; i++) cj[i] += t * al[i];    \
                }                                                                              \
            } else { /* C[i, j] += alpha (row i of op(A)) . (column j of op(B)) */             \
                int conj = ta == CONJ_TRANS;                                                   \
                for (blasint i = 0; i < m; i++) {                                              \
                    const T *ai = a + i * lda;                                                 \
                    T s;                                                                       \
                    if (tb == NO_TRANS) {                                                      \
                        s = P##dot_strided(k, ai, 1, b + j * ldb, 1, conj);                    \
                    } else {                                                                   \
                        s = 0;                                                                 \
                        for (blasint l = 0; l < k; l++) {                                      \
                            T bl = tb == TRANS ? b[j + l * ldb] : CJ(b[j + l * ldb]);          \
                            s += (conj ? CJ(ai[l]) : ai[l]) * bl;                              \
                        }                                                                      \
                    }                                                                          \
                    cj[i] += alpha * s;                                                        \
                }                                                                              \
            }                                                                                  \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    /* y = alpha op(A) x + beta y, A m x n column-major; op may be CONJ_NO_TRANS. */           \
    static void P##gemv_col(int trans, blasint m, blasint n, T alpha, const T *a, blasint lda, \
                            const T *x, blasint incx, T beta, T *y, blasint incy) {            \
        int plain = trans == NO_TRANS || trans == CONJ_NO_TRANS;                               \
        blasint leny = plain ? m : n, lenx = plain ? n : m;                                    \
        if (beta != 1) P##scale(leny, beta, y, incy);                                          \
        if (alpha == 0) return;                                                                \
        y += START(leny, incy);                                                                \
        if (plain) {                                                                           \
            const T *xs = x + START(lenx, incx);                                               \
            for (blasint j = 0; j < n; j++) {                                                  \
                T t = alpha * xs[j * incx];                                                    \
                const T *aj = a + j * lda;                                                     \
                if (trans == CONJ_NO_TRANS) {                                                  \
                    for (blasint i = 0; i < m; i++) y[i * incy] += t * CJ(aj[i]);              \
                } else if (incy == 1) {                                                        \
                    _Pragma("omp simd") for (blasint i = 0; i < m; i++) y[i] += t * aj[i];     \
                } else {                                                                       \
                    for (blasint i = 0; i < m; i++) y[i * incy] += t * aj[i];                  \
                }                                                                              \
            }                                                                                  \
        } else {                                                                               \
            for (blasint j = 0; j < n; j++) {                                                  \
                T s = P##dot_strided(m, a + j * lda, 1, x, incx, trans == CONJ_TRANS);         \
                y[j * incy] += alpha * s;                                                      \
            }                                                                                  \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    /* The uplo triangle of C (n x n) = alpha op(A) op(A)^T + beta C, column-major. */         \
    static void P##syrk_col(int uplo, int trans, blasint n, blasint k, T alpha, const T *a,    \
                            blasint lda, T beta, T *c, blasint ldc) {                          \
        for (blasint j = 0; j < n; j++) {                                                      \
            blasint lo = uplo == UPPER ? 0 : j, hi = uplo == UPPER ? j + 1 : n;                \
            for (blasint i = lo; i < hi; i++) {                                                \
                T s = 0;                                                                       \
                if (alpha != 0) {                                                              \
                    if (trans == NO_TRANS) {                                                   \
                        for (blasint l = 0; l < k; l++) s += a[i + l * lda] * a[j + l * lda];  \
                    } else {                                                                   \
                        s = P##dot_strided(k, a + i * lda, 1, a + j * lda, 1, 0);              \
                    }                                                                          \
                }                                                                              \
                T *cij = c + i + j * ldc;                                                      \
                *cij = alpha * s + (beta == 0 ? 0 : beta * *cij);                              \
            }                                                                                  \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void P##gemm(int order, int ta, int tb, blasint m, blasint n, blasint k, T alpha,   \
                        const T *a, blasint lda, const T *b, blasint ldb, T beta, T *c,        \
                        blasint ldc) {                                                         \
        if (order == ROW_MAJOR) /* C^T = op(B)^T op(A)^T */                                    \
            P##gemm_col(tb, ta, n, m, k, alpha, b, ldb, a, lda, beta, c, ldc);                 \
        else                                                                                   \
            P##gemm_col(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);                 \
    }                                                                                          \
                                                                                               \
    static void P##gemv(int order, int trans, blasint m, blasint n, T alpha, const T *a,       \
                        blasint lda, const T *x, blasint incx, T beta, T *y, blasint incy) {   \
        if (order == ROW_MAJOR) { /* a row-major A is a column-major A^T */                    \
            int flipped = trans == NO_TRANS     ? TRANS                                        \
                        : trans == TRANS        ? NO_TRANS                                     \
                        : trans == CONJ_TRANS   ? CONJ_NO_TRANS                                \
                                                : CONJ_TRANS;                                  \
            P##gemv_col(flipped, n, m, alpha, a, lda, x, incx, beta, y, incy);                 \
        } else {                                                                               \
            P##gemv_col(trans, m, n, alpha, a, lda, x, incx, beta, y, incy);                   \
        }                                                                                      \
    }                                                                                          \
                                                                                               \
    static void P##syrk(int order, int uplo, int trans, blasint n, blasint k, T alpha,         \
                        const T *a, blasint lda, T beta, T *c, blasint ldc) {                  \
        if (order == ROW_MAJOR) {                                                              \
            uplo = uplo == UPPER ? LOWER : UPPER;                                              \
            trans = trans == NO_TRANS ? TRANS : NO_TRANS;                                      \
        }                                                                                      \
        P##syrk_col(uplo, trans, n, k, alpha, a, lda, beta, c, ldc);                           \
    }                                                                                          \
                                                                                               \
    static void P##axpy(blasint n, T alpha, const T *x, blasint incx, T *y, blasint incy) {    \
        x += START(n, incx);                                                                   \
        y += START(n, incy);                                                                   \
        for (blasint i = 0; i < n; i++) y[i * incy] += alpha * x[i * incx];                    \
    }                                                                                          \
                                                                                               \
    EXPORT void scipy_##P##copy_64_(const blasint *n, const T *x, const blasint *incx, T *y,   \
                                    const blasint *incy) {                                     \
        const T *xs = x + START(*n, *incx);                                                    \
        T *ys = y + START(*n, *incy);                                                          \
        for (blasint i = 0; i < *n; i++) ys[i * *incy] = xs[i * *incx];                        \
    }

static inline cfloat conj_c(cfloat x) { return conjf(x); }
static inline cdouble conj_z(cdouble x) { return conj(x); }

KERNELS(s, float, ID)
KERNELS(d, double, ID)
KERNELS(c, cfloat, conj_c)
KERNELS(z, cdouble, conj_z)

/* The exported CBLAS names: real types take scalars by value, complex ones by pointer. */
#define REAL_API(P, T)                                                                         \
    EXPORT void scipy_cblas_##P##gemm64_(int order, int ta, int tb, blasint m, blasint n,      \
                                         blasint k, T alpha, const T *a, blasint lda,          \
                                         const T *b, blasint ldb, T beta, T *c, blasint ldc) { \
        P##gemm(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);                  \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##gemv64_(int order, int trans, blasint m, blasint n, T alpha,  \
                                         const T *a, blasint lda, const T *x, blasint incx,    \
                                         T beta, T *y, blasint incy) {                         \
        P##gemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);                    \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##syrk64_(int order, int uplo, int trans, blasint n, blasint k, \
                                         T alpha, const T *a, blasint lda, T beta, T *c,       \
                                         blasint ldc) {                                        \
        P##syrk(order, uplo, trans, n, k, alpha, a, lda, beta, c, ldc);                        \
    }                                                                                          \
    EXPORT T scipy_cblas_##P##dot64_(blasint n, const T *x, blasint incx, const T *y,          \
                                     blasint incy) {                                           \
        return P##dot_strided(n, x, incx, y, incy, 0);                                         \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##axpy64_(blasint n, T alpha, const T *x, blasint incx, T *y,   \
                                         blasint incy) {                                       \
        P##axpy(n, alpha, x, incx, y, incy);                                                   \
    }

#define COMPLEX_API(P, T)                                                                      \
    EXPORT void scipy_cblas_##P##gemm64_(int order, int ta, int tb, blasint m, blasint n,      \
                                         blasint k, const void *alpha, const void *a,          \
                                         blasint lda, const void *b, blasint ldb,              \
                                         const void *beta, void *c, blasint ldc) {             \
        P##gemm(order, ta, tb, m, n, k, *(const T *)alpha, a, lda, b, ldb, *(const T *)beta,   \
                c, ldc);                                                                       \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##gemv64_(int order, int trans, blasint m, blasint n,           \
                                         const void *alpha, const void *a, blasint lda,        \
                                         const void *x, blasint incx, const void *beta,        \
                                         void *y, blasint incy) {                              \
        P##gemv(order, trans, m, n, *(const T *)alpha, a, lda, x, incx, *(const T *)beta, y,   \
                incy);                                                                         \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##syrk64_(int order, int uplo, int trans, blasint n, blasint k, \
                                         const void *alpha, const void *a, blasint lda,        \
                                         const void *beta, void *c, blasint ldc) {             \
        P##syrk(order, uplo, trans, n, k, *(const T *)alpha, a, lda, *(const T *)beta, c,      \
                ldc);                                                                          \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##dotu_sub64_(blasint n, const void *x, blasint incx,           \
                                             const void *y, blasint incy, void *ret) {         \
        *(T *)ret = P##dot_strided(n, x, incx, y, incy, 0);                                    \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##dotc_sub64_(blasint n, const void *x, blasint incx,           \
                                             const void *y, blasint incy, void *ret) {         \
        *(T *)ret = P##dot_strided(n, x, incx, y, incy, 1);                                    \
    }                                                                                          \
    EXPORT void scipy_cblas_##P##axpy64_(blasint n, const void *alpha, const void *x,          \
                                         blasint incx, void *y, blasint incy) {                \
        P##axpy(n, *(const T *)alpha, x, incx, y, incy);                                       \
    }

REAL_API(s, float)
REAL_API(d, double)
COMPLEX_API(c, cfloat)
COMPLEX_API(z, cdouble)

/* LAPACK, for numpy.linalg only: see the header. */
static void missing(const char *routine) {
    fprintf(stderr,
            "oqyrman: numpy.linalg needs LAPACK (%s), which this bundle leaves out; "
            "see packaging/blas_shim.c\n",
            routine);
    abort();
}

#define MISSING(name) \
    EXPORT void scipy_##name##_64_(void) { missing(#name); }

MISSING(sgesv) MISSING(dgesv) MISSING(cgesv) MISSING(zgesv)
MISSING(sgetrf) MISSING(dgetrf) MISSING(cgetrf) MISSING(zgetrf)
MISSING(spotrf) MISSING(dpotrf) MISSING(cpotrf) MISSING(zpotrf)
MISSING(ssyevd) MISSING(dsyevd) MISSING(cheevd) MISSING(zheevd)
MISSING(sgeev) MISSING(dgeev) MISSING(zgeev)
MISSING(sgesdd) MISSING(dgesdd) MISSING(cgesdd) MISSING(zgesdd)
MISSING(sgelsd) MISSING(dgelsd) MISSING(cgelsd) MISSING(zgelsd)
MISSING(dgeqrf) MISSING(zgeqrf) MISSING(dorgqr) MISSING(zungqr)
