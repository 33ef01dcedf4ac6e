/**
 * ₂F₁(1, b; c; z) by Gauss's continued fraction (modified Lentz), the only hypergeometric function
 * the discrete models need (sBG DEL/DERL, BG/BB DERT; shared reference "models.md" §7.2).
 *
 * Private to the discrete models until the general `hyp2f1` of `src/math/` is available; then this
 * file is replaced by a call to it.
 * @internal
 * @module
 */

/**
 * ₂F₁(1, b; c; z) for `c > b > 0` and `0 ≤ z < 1`:
 * `1/(1 − k₁z/(1 − k₂z/(1 − …)))` with `k_{2j+1} = (b+j)(c−1+j)/((c−1+2j)(c+2j))` and
 * `k_{2j} = j(c−1−b+j)/((c+2j−2)(c+2j−1))`. About 53 steps at z = 0.909, 170 at z = 0.99.
 * @internal
 */
export function hyp2f1UnitFirst(b: number, c: number, z: number): number {
  if (z === 0) return 1;
  const tiny = 1e-300;
  let f = 1;
  let C = 1;
  let D = 0;
  for (let m = 1; m <= 100_000; m++) {
    let k: number;
    if (m % 2 === 1) {
      const j = (m - 1) / 2;
      k = ((b + j) * (c - 1 + j)) / ((c - 1 + 2 * j) * (c + 2 * j));
    } else {
      const j = m / 2;
      k = (j * (c - 1 - b + j)) / ((c + 2 * j - 2) * (c + 2 * j - 1));
    }
    const a = -k * z;
    D = 1 + a * D;
    if (D === 0) D = tiny;
    D = 1 / D;
    C = 1 + a / C;
    if (C === 0) C = tiny;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / f;
}
