/**
 * Unconstrained minimisation by BFGS with a Wolfe line search (Nocedal & Wright 2006, Numerical
 * Optimization, algorithms 6.1, 3.5 and 3.6), and the numerical Hessian used for standard errors
 * (`docs/numerics.md`, "Optimiser"). Models optimise over log-parameters, so every problem here is
 * unconstrained.
 * @internal
 * @module
 */

/**
 * An objective: returns f(x) and writes ∇f(x) into `gradient`. A non-finite value means "outside
 * the domain" and makes the line search shorten its step.
 */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

/** Options of {@link minimizeBfgs}. */
export interface MinimizeOptions {
  /** Most BFGS iterations (default 200). */
  readonly maxIterations?: number;
  /** Converged when max |∂f/∂x_j| ≤ this (default 1e-6). */
  readonly gradientTolerance?: number;
  /** …or when the relative change of f in one step is below this (default 1e-12) and the gradient is small. */
  readonly functionTolerance?: number;
  /**
   * Most evaluations of the objective, line searches included (default 25 per iteration allowed).
   * Bounds the work of one minimisation to `maxEvaluations ×` the cost of one evaluation.
   */
  readonly maxEvaluations?: number;
}

/**
 * Why {@link minimizeBfgs} stopped: `"gradient"` and `"stalled-near-stationary"` are convergence;
 * `"line-search"` (no step decreases f, which also happens at the floating-point floor of a very
 * large objective), `"iterations"` and `"evaluations"` are not, and `"start"` means the objective is
 * not finite at the starting point.
 */
export type StopReason =
  | "gradient"
  | "stalled-near-stationary"
  | "line-search"
  | "iterations"
  | "evaluations"
  | "start";

/** Result of {@link minimizeBfgs}. */
export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Why the iteration stopped, in words. */
  readonly reason: string;
  /** Why the iteration stopped, as a code. */
  readonly stop: StopReason;
  /** Evaluations of the objective used. */
  readonly evaluations: number;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** Minimises `objective` from `start` by BFGS. Never throws; reports `converged`. */
export function minimizeBfgs(
  objective: Objective,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 200;
  const gtol = options.gradientTolerance ?? 1e-6;
  const ftol = options.functionTolerance ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 25 * maxIterations;
  let evaluations = 0;
  // Every evaluation counts against the budget; past it, the objective reads as "outside the
  // domain", which ends the line search, and the loop below reports "evaluations".
  const counted: Objective = (point, gradient) => {
    if (evaluations >= maxEvaluations) return Number.POSITIVE_INFINITY;
    evaluations++;
    return objective(point, gradient);
  };
  const done = (
    x: Float64Array,
    f: number,
    g: Float64Array,
    iterations: number,
    stop: StopReason,
  ): MinimizeResult => ({
    x,
    value: f,
    gradient: g,
    iterations,
    converged: stop === "gradient" || stop === "stalled-near-stationary",
    reason: REASONS[stop],
    stop,
    evaluations,
  });

  let x = Float64Array.from(start);
  let g = new Float64Array(n);
  let f = counted(x, g);
  if (!Number.isFinite(f) || !g.every(Number.isFinite)) return done(x, f, g, 0, "start");
  // Inverse Hessian approximation, row-major.
  const H = new Float64Array(n * n);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
  let scaled = false;
  const p = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);

  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (maxAbs(g) <= gtol) return done(x, f, g, iteration - 1, "gradient");
    const slope = searchDirection(H, g, p);
    const step = wolfeLineSearch(counted, x, f, p, slope, xNew, gNew);
    if (step === undefined) {
      if (evaluations >= maxEvaluations) return done(x, f, g, iteration, "evaluations");
      const stalled = maxAbs(g) <= gtol * 1e3;
      return done(x, f, g, iteration, stalled ? "stalled-near-stationary" : "line-search");
    }
    const fNew = step;
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const relativeChange = Math.abs(f - fNew) / Math.max(1, Math.abs(fNew));
    x = Float64Array.from(xNew);
    g = Float64Array.from(gNew);
    f = fNew;
    if (maxAbs(g) <= gtol) return done(x, f, g, iteration, "gradient");
    if (relativeChange < ftol && maxAbs(g) <= gtol * 1e3) {
      return done(x, f, g, iteration, "stalled-near-stationary");
    }
    scaled = updateInverseHessian(H, s, y, Hy, scaled);
  }
  return done(x, f, g, maxIterations, "iterations");
}

/**
 * The BFGS search direction p = −H·g into `p`, returning the slope pᵀg; when it is not a descent
 * direction, H is reset to the identity and p to steepest descent.
 */
function searchDirection(H: Float64Array, g: Float64Array, p: Float64Array): number {
  const n = g.length;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v -= H[i * n + j]! * g[j]!;
    p[i] = v;
  }
  let slope = dot(p, g);
  if (!(slope < 0)) {
    H.fill(0);
    for (let i = 0; i < n; i++) {
      H[i * n + i] = 1;
      p[i] = -g[i]!;
    }
    slope = dot(p, g);
  }
  return slope;
}

/**
 * The BFGS update of the inverse Hessian approximation H (Nocedal & Wright 2006, eq. 6.17) from the
 * step s and the gradient change y, skipped when sᵀy ≤ 10⁻³⁰⁰; before the first update H is scaled
 * by sᵀy/yᵀy (eq. 6.20). `Hy` is scratch of length n. Returns whether H has been scaled.
 */
function updateInverseHessian(
  H: Float64Array,
  s: Float64Array,
  y: Float64Array,
  Hy: Float64Array,
  scaled: boolean,
): boolean {
  const n = s.length;
  const sy = dot(s, y);
  if (!(sy > 1e-300)) return scaled;
  if (!scaled) {
    const scale = sy / dot(y, y);
    for (let i = 0; i < n * n; i++) H[i] = H[i]! * scale;
  }
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!;
    Hy[i] = v;
  }
  const yHy = dot(y, Hy);
  const rho = 1 / sy;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] =
        H[i * n + j]! -
        rho * (Hy[i]! * s[j]! + s[i]! * Hy[j]!) +
        (rho * rho * yHy + rho) * s[i]! * s[j]!;
    }
  }
  return true;
}

const REASONS: Readonly<Record<StopReason, string>> = {
  gradient: "gradient below tolerance",
  "stalled-near-stationary": "no further decrease at a near-stationary point",
  "line-search": "the line search found no step that decreases the objective",
  iterations: "the iteration limit was reached",
  evaluations: "the evaluation budget was used up",
  start: "the objective is not finite at the starting point",
};

/**
 * Finds a step along `p` that satisfies the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9). Writes the
 * accepted point and its gradient into `xOut`/`gOut` and returns f there, or `undefined` on failure.
 */
function wolfeLineSearch(
  objective: Objective,
  x: Float64Array,
  f0: number,
  p: Float64Array,
  slope0: number,
  xOut: Float64Array,
  gOut: Float64Array,
): number | undefined {
  const c1 = 1e-4;
  const c2 = 0.9;
  const n = x.length;
  const trial = new Float64Array(n);
  const gTrial = new Float64Array(n);
  const evaluate = (alpha: number): { f: number; slope: number } => {
    for (let i = 0; i < n; i++) trial[i] = x[i]! + alpha * p[i]!;
    const f = objective(trial, gTrial);
    if (!Number.isFinite(f) || !gTrial.every(Number.isFinite))
      return { f: Number.POSITIVE_INFINITY, slope: Number.NaN };
    return { f, slope: dot(gTrial, p) };
  };
  const accept = (f: number): number => {
    xOut.set(trial);
    gOut.set(gTrial);
    return f;
  };
  // Keep the first trial step modest in log-parameter space.
  const pMax = maxAbs(p);
  let alpha = pMax > 5 ? 5 / pMax : 1;
  let alphaPrev = 0;
  let fPrev = f0;
  let slopePrev = slope0;
  for (let k = 0; k < 60; k++) {
    const { f, slope } = evaluate(alpha);
    if (!Number.isFinite(f)) {
      alpha = alphaPrev + (alpha - alphaPrev) * 0.25;
      if (alpha - alphaPrev < 1e-16) return undefined;
      continue;
    }
    if (f > f0 + c1 * alpha * slope0 || (k > 0 && f >= fPrev)) {
      return zoom(alphaPrev, alpha, fPrev, f, slopePrev);
    }
    if (Math.abs(slope) <= -c2 * slope0) return accept(f);
    if (slope >= 0) return zoom(alpha, alphaPrev, f, fPrev, slope);
    alphaPrev = alpha;
    fPrev = f;
    slopePrev = slope;
    alpha *= 2;
  }
  return undefined;

  function zoom(
    lo: number,
    hi: number,
    fLo: number,
    fHi: number,
    slopeLo: number,
  ): number | undefined {
    for (let k = 0; k < 60; k++) {
      // Quadratic interpolation from (lo, fLo, slopeLo) and (hi, fHi), safeguarded.
      const d = hi - lo;
      let alphaJ = Number.isFinite(fHi)
        ? lo - (slopeLo * d * d) / (2 * (fHi - fLo - slopeLo * d))
        : lo + 0.5 * d;
      const left = Math.min(lo, hi);
      const right = Math.max(lo, hi);
      const margin = 0.1 * (right - left);
      if (!(alphaJ > left + margin && alphaJ < right - margin)) alphaJ = 0.5 * (lo + hi);
      const { f, slope } = evaluate(alphaJ);
      if (!Number.isFinite(f) || f > f0 + c1 * alphaJ * slope0 || f >= fLo) {
        hi = alphaJ;
        fHi = f;
      } else {
        if (Math.abs(slope) <= -c2 * slope0) return accept(f);
        if (slope * (hi - lo) >= 0) {
          hi = lo;
          fHi = fLo;
        }
        lo = alphaJ;
        fLo = f;
        slopeLo = slope;
      }
      if (Math.abs(hi - lo) < 1e-14 * Math.max(1, Math.abs(lo))) break;
    }
    // Accept the best point found if it decreases f (sufficient decrease may be unreachable at
    // the floating-point floor near the optimum).
    if (lo > 0) {
      const { f } = evaluate(lo);
      if (f < f0) return accept(f);
    }
    return undefined;
  }
}

/**
 * Hessian of f at `x` by central differences of the analytic gradient (step `h` in each
 * coordinate), symmetrised. Row-major n×n; all NaN when f is not finite at a neighbour.
 */
export function hessianFromGradient(
  objective: Objective,
  x: ArrayLike<number>,
  h = 1e-5,
): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const point = Float64Array.from(x);
  const gPlus = new Float64Array(n);
  const gMinus = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const xj = point[j]!;
    point[j] = xj + h;
    const fPlus = objective(point, gPlus);
    point[j] = xj - h;
    const fMinus = objective(point, gMinus);
    point[j] = xj;
    // A neighbour outside the domain leaves no gradient to difference: the Hessian is undefined
    // there (NaN, which no Cholesky factorisation accepts).
    if (!Number.isFinite(fPlus) || !Number.isFinite(fMinus)) {
      H.fill(Number.NaN);
      return H;
    }
    for (let i = 0; i < n; i++) H[i * n + j] = (gPlus[i]! - gMinus[i]!) / (2 * h);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const v = 0.5 * (H[i * n + j]! + H[j * n + i]!);
      H[i * n + j] = v;
      H[j * n + i] = v;
    }
  }
  return H;
}

/** Inverse of a small symmetric positive-definite matrix (Gauss–Jordan, partial pivoting); `undefined` if singular. */
export function invertMatrix(matrix: ArrayLike<number>, n: number): Float64Array | undefined {
  const a = Float64Array.from(matrix);
  const inv = new Float64Array(n * n);
  for (let i = 0; i < n; i++) inv[i * n + i] = 1;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(a[r * n + col]!) > Math.abs(a[pivot * n + col]!)) pivot = r;
    const pv = a[pivot * n + col]!;
    if (!Number.isFinite(pv) || Math.abs(pv) < 1e-300) return undefined;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) {
        [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k]!, a[col * n + k]!];
        [inv[col * n + k], inv[pivot * n + k]] = [inv[pivot * n + k]!, inv[col * n + k]!];
      }
    }
    for (let k = 0; k < n; k++) {
      a[col * n + k] = a[col * n + k]! / pv;
      inv[col * n + k] = inv[col * n + k]! / pv;
    }
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r * n + col]!;
      if (factor === 0) continue;
      for (let k = 0; k < n; k++) {
        a[r * n + k] = a[r * n + k]! - factor * a[col * n + k]!;
        inv[r * n + k] = inv[r * n + k]! - factor * inv[col * n + k]!;
      }
    }
  }
  return inv;
}

/**
 * Cholesky factor of a symmetric n×n matrix (row-major): the lower-triangular L with A = L·Lᵀ, or
 * `undefined` when A is not positive definite (a pivot that is not a positive finite number).
 */
export function cholesky(matrix: ArrayLike<number>, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = matrix[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    if (!(d > 0 && d < Number.POSITIVE_INFINITY)) return undefined;
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let v = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) v -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = v / ljj;
    }
  }
  return L;
}

/** Solves L·Lᵀ·x = b for x, given the factor of {@link cholesky}. */
export function choleskySolve(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = b[i]!;
    for (let k = 0; k < i; k++) v -= L[i * n + k]! * y[k]!;
    y[i] = v / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let v = y[i]!;
    for (let k = i + 1; k < n; k++) v -= L[k * n + i]! * x[k]!;
    x[i] = v / L[i * n + i]!;
  }
  return x;
}
