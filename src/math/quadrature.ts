/**
 * Gaussian quadrature rules, computed once by Newton iteration on the orthogonal polynomials and
 * cached (Press, Teukolsky, Vetterling & Flannery 2007, Numerical Recipes, 3rd ed., §4.6):
 * Gauss–Legendre on [−1, 1] (used for J_s) and Gauss–Laguerre for ∫₀^∞ e^{−y} f(y) dy (used for the
 * Pareto/NBD purchase-count tail).
 * @internal
 * @module
 */

/** Nodes and weights of a quadrature rule. @internal */
export interface QuadratureRule {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

const legendreCache = new Map<number, QuadratureRule>();
const laguerreCache = new Map<number, QuadratureRule>();

/** n-point Gauss–Legendre rule on [−1, 1]: ∫ f ≈ Σ wᵢ f(xᵢ), exact for polynomials of degree 2n − 1. @internal */
export function gaussLegendre(n: number): QuadratureRule {
  const cached = legendreCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.floor((n + 1) / 2);
  for (let i = 0; i < half; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      // P_n(x) by the three-term recurrence, P_n'(x) = n (x P_n − P_{n−1}) / (x² − 1)
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= n; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      if (n === 1) {
        p1 = x;
        p0 = 1;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    const w = 2 / ((1 - x * x) * derivative * derivative);
    nodes[i] = -x;
    nodes[n - 1 - i] = x;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  const rule = { nodes, weights };
  legendreCache.set(n, rule);
  return rule;
}

/** n-point Gauss–Laguerre rule: ∫₀^∞ e^{−y} f(y) dy ≈ Σ wᵢ f(yᵢ). @internal */
export function gaussLaguerre(n: number): QuadratureRule {
  const cached = laguerreCache.get(n);
  if (cached) return cached;
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  let z = 0;
  for (let i = 0; i < n; i++) {
    // Initial guesses (Numerical Recipes `gaulag`, α = 0), then Newton on L_n.
    if (i === 0) z = 3 / (1 + 2.4 * n);
    else if (i === 1) z += 15 / (1 + 2.5 * n);
    else {
      const ai = i - 1;
      z += ((1 + 2.55 * ai) / (1.9 * ai)) * (z - nodes[i - 2]!);
    }
    let derivative = 0;
    let previous = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1 - z) * p2 - (j - 1) * p3) / j;
      }
      derivative = (n * (p1 - p2)) / z;
      previous = p2;
      const step = p1 / derivative;
      z -= step;
      if (Math.abs(step) <= 1e-15 * Math.max(1, z)) break;
    }
    nodes[i] = z;
    // w = −1 / (n L_n'(z) L_{n−1}(z))
    weights[i] = -1 / (derivative * n * previous);
  }
  const rule = { nodes, weights };
  laguerreCache.set(n, rule);
  return rule;
}

/** Relative size of a neglected tail at which {@link modeTrapezoidMean} stops a direction. */
const TAIL_EPS = 1e-17;

/**
 * The mean Σ wⱼ fⱼ / Σ wⱼ of `value` under a positive unimodal weight, by the trapezoidal rule on
 * the nodes d = j·h (j ∈ ℤ) around the weight's mode d = 0, normalised by the same rule (so the
 * weight's normalising constant is never formed, and the mean of a constant is exact).
 *
 * The trapezoidal rule on ℝ converges geometrically for integrands analytic in a strip around the
 * real axis (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal rule", SIAM
 * Review 56(3), §5): the error is ≈ 2·e^{−2πd/h} for a strip of half-width d and, for a weight that
 * is Gaussian of width σ near its mode, ≈ 2·e^{−2π²σ²/h²}. Callers choose h from both (the strip
 * of their integrand and the weight's width), so that each term is below 10⁻¹⁶.
 *
 * Each direction stops when the rest of its tail, bounded by a geometric series with the last
 * ratio of successive terms, is below 10⁻¹⁷ of both running sums. `logWeight(d)` is the logarithm
 * of the weight relative to its value at the mode (≤ 0, decreasing away from 0); `value` must be
 * finite and ≥ 0. When `logNormaliser` (ln ∫ e^{logWeight(d)} dd) is given, the rule divides by it
 * instead of by its own sum of weights, and only the weighted values' tails must converge. Returns
 * `NaN` when more than `maxNodes` nodes would be needed.
 * @internal
 */
export function modeTrapezoidMean(
  logWeight: (d: number) => number,
  value: (d: number) => number,
  h: number,
  maxNodes: number,
  logNormaliser?: number,
): number {
  // With the weight's integral known, only the weighted sum must converge (its tail may be much
  // lighter than the weight's own, e.g. a Gamma(r) weight with r → 0 times a value that vanishes).
  const known = logNormaliser !== undefined;
  let sumW = 1;
  let sumWV = value(0);
  let nodes = 1;
  for (let dir = -1; dir <= 1; dir += 2) {
    let prevW = 1;
    let prevWV = sumWV;
    for (let j = 1; ; j++) {
      if (++nodes > maxNodes) return Number.NaN;
      const d = dir * j * h;
      const w = Math.exp(logWeight(d));
      if (w === 0) break;
      const wv = w * value(d);
      sumW += w;
      sumWV += wv;
      const rhoW = w / prevW;
      const rhoWV = prevWV > 0 ? wv / prevWV : 0;
      if (
        (known || (rhoW < 1 && w <= TAIL_EPS * (1 - rhoW) * sumW)) &&
        rhoWV < 1 &&
        wv <= TAIL_EPS * (1 - rhoWV) * sumWV
      ) {
        break;
      }
      prevW = w;
      prevWV = wv;
    }
  }
  return known ? h * sumWV * Math.exp(-logNormaliser) : sumWV / sumW;
}
