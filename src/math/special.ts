/**
 * Special functions in float64: Stirling's series for ln Γ with an upward shift (DLMF 5.11.1), the
 * asymptotic series for ψ and ψ₁ after the recurrence (DLMF 5.11.2, 5.15.8); accuracy in
 * `docs/numerics.md` ("Special functions").
 * @internal
 * @module
 */

const HALF_LN_2PI = 0.9189385332046727;
// B_{2k} / (2k (2k - 1)), k = 1..8
const STIRLING = [
  1 / 12,
  -1 / 360,
  1 / 1260,
  -1 / 1680,
  1 / 1188,
  -691 / 360360,
  1 / 156,
  -3617 / 122400,
] as const;

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let shift = 0;
  if (x < 15) {
    // ln Γ(x) = ln Γ(x + m) − ln(x (x+1) … (x+m−1)); flush the product before it overflows.
    let product = 1;
    while (x < 15) {
      product *= x;
      if (product > 1e290 || product < 1e-290) {
        shift += Math.log(product);
        product = 1;
      }
      x += 1;
    }
    shift += Math.log(product);
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  let series = 0;
  let power = inv;
  for (const c of STIRLING) {
    series += c * power;
    power *= inv2;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + series - shift;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). Never forms B itself (it underflows). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** Digamma ψ(x) = d/dx ln Γ(x), x > 0. */
export function digamma(x: number): number {
  let result = 0;
  while (x < 10) {
    result -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  return (
    result +
    Math.log(x) -
    0.5 / x -
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 / 132))))
  );
}

/** Trigamma ψ₁(x) = d/dx ψ(x), x > 0. */
export function trigamma(x: number): number {
  let result = 0;
  while (x < 10) {
    result += 1 / (x * x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    result +
    inv +
    0.5 * inv2 +
    inv * inv2 * (1 / 6 - inv2 * (1 / 30 - inv2 * (1 / 42 - inv2 * (1 / 30 - (5 / 66) * inv2))))
  );
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Σ e^{u_i} without overflow (log-sum-exp). */
export function logSumExp(values: readonly number[]): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/** 1 / (1 + e^u), evaluated without overflow. */
export function logistic(u: number): number {
  if (u < 0) return 1 / (1 + Math.exp(u));
  const e = Math.exp(-u);
  return e / (1 + e);
}

/** ln Γ(r + n) − ln Γ(r) for integer n ≥ 0: the exact sum Σ_{j<n} ln(r + j) for small n. */
export function lnPochhammer(r: number, n: number): number {
  if (n <= 32) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.log(r + j);
    return s;
  }
  return lnGamma(r + n) - lnGamma(r);
}
