"""Check packaging/blas_shim.c through numpy before the bundle ships it in place of OpenBLAS.

    LD_PRELOAD=BUILT_SHIM python packaging/check_blas.py BUILT_SHIM

Preloading puts the shim's symbols ahead of OpenBLAS's, so numpy's matmul, dot, vdot and
inner run on it; each result is compared with numpy's einsum, which uses no BLAS. The cases
cover every routine and every way numpy calls them: all four float types, row- and
column-major operands, transposed and conjugated views, leading dimensions wider than the
matrix, vectors with strides, A @ A.T (syrk), zero-sized and one-element shapes. Exits 1 and
names the case on a mismatch, 2 if numpy is not using the shim.
"""

import ctypes
import itertools
import sys

import numpy as np

TYPES = (np.float32, np.float64, np.complex64, np.complex128)
SHAPES = ((1, 1, 1), (3, 1, 4), (1, 5, 1), (7, 300, 5), (64, 33, 17), (0, 3, 2), (2, 0, 3))


def _using_shim(path: str) -> bool:
    """Whether numpy's sgemm symbol resolves to the shim (first in the global scope)."""
    name = "scipy_cblas_sgemm64_"
    try:
        first = ctypes.cast(getattr(ctypes.CDLL(None), name), ctypes.c_void_p).value
        ours = ctypes.cast(getattr(ctypes.CDLL(path), name), ctypes.c_void_p).value
    except (OSError, AttributeError):
        return False
    return first == ours


def _random(rng: np.random.Generator, shape: tuple[int, ...], dtype: type) -> np.ndarray:
    out = rng.standard_normal(shape)
    if np.issubdtype(dtype, np.complexfloating):
        out = out + 1j * rng.standard_normal(shape)
    return out.astype(dtype)


def _layouts(matrix: np.ndarray) -> dict[str, np.ndarray]:
    """The same values laid out the ways numpy hands them to BLAS."""
    rows, cols = matrix.shape
    wide = np.zeros((rows, cols + 3), matrix.dtype)
    wide[:, :cols] = matrix
    tall = np.zeros((rows + 2, cols), matrix.dtype, order="F")
    tall[:rows] = matrix
    return {
        "C": np.ascontiguousarray(matrix),
        "F": np.asfortranarray(matrix),
        "T-view": np.ascontiguousarray(matrix.T).T,
        "wide-lda": wide[:, :cols],
        "tall-ldf": tall[:rows],
    }


def _close(got: np.ndarray, want: np.ndarray, dtype: type, k: int) -> bool:
    eps = np.finfo(dtype).eps
    scale = max(1.0, float(np.abs(want).max(initial=0.0)))
    return bool(np.allclose(got, want, rtol=0, atol=eps * scale * 8 * max(k, 1)))


def _cases(rng: np.random.Generator):
    """(name, computed through BLAS, reference by einsum, dtype, inner length)."""
    for dtype, (m, k, n) in itertools.product(TYPES, SHAPES):
        t = dtype.__name__
        a, b = _random(rng, (m, k), dtype), _random(rng, (k, n), dtype)
        want = np.einsum("ik,kj->ij", a, b)
        for (la, xa), (lb, xb) in itertools.product(_layouts(a).items(), _layouts(b).items()):
            yield f"{t} {m}x{k}@{k}x{n} {la}/{lb}", xa @ xb, want, dtype, k
        for la, xa in _layouts(a).items():
            v = _random(rng, (k * 2,), dtype)[::2]  # a strided vector
            yield f"{t} gemv {la}", xa @ v, np.einsum("ik,k->i", a, v), dtype, k
            w = _random(rng, (m,), dtype)
            yield f"{t} gemv^T {la}", w @ xa, np.einsum("i,ik->k", w, a), dtype, m
            yield f"{t} syrk {la}", xa @ xa.T, np.einsum("ik,jk->ij", a, a), dtype, k
            yield f"{t} syrk^T {la}", xa.T @ xa, np.einsum("ki,kj->ij", a, a), dtype, m
            h = np.einsum("ki,kj->ij", a.conj(), a)
            yield f"{t} conj {la}", np.conj(xa.T) @ xa, h, dtype, m
        x, y = _random(rng, (k * 3,), dtype), _random(rng, (k * 3,), dtype)
        for step in (1, 3, -1, -2):
            xs, ys = x[::step][:k], y[::step][:k]
            yield f"{t} dot step {step}", np.dot(xs, ys), np.einsum("i,i", xs, ys), dtype, k
            yield (
                f"{t} vdot step {step}",
                np.vdot(xs, ys),
                np.einsum("i,i", xs.conj(), ys),
                dtype,
                k,
            )
        s = np.asarray(_random(rng, (), dtype))
        yield f"{t} scalar*vector", np.dot(s, x), s * x, dtype, 1
        yield f"{t} scalar*matrix", np.dot(a, s), a * s, dtype, 1


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not _using_shim(argv[0]):
        sys.stderr.write("check_blas: numpy is not using the shim; run with LD_PRELOAD=SHIM\n")
        return 2
    rng = np.random.default_rng(20240611)
    count = 0
    for name, got, want, dtype, k in _cases(rng):
        count += 1
        if got.shape != want.shape or not _close(got, want, dtype, k):
            sys.stderr.write(f"check_blas: {name} differs from einsum\n{got}\n{want}\n")
            return 1
    sys.stdout.write(f"check_blas: {count} products agree with einsum\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
