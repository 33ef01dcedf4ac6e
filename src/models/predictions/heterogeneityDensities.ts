import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import { parseInput } from "../../core/validate.js";
import { upperGammaRegularized } from "../../math/chiSquare.js";
import { regularizedIncompleteBeta } from "../../math/incompleteBeta.js";
import { lnBeta, lnGamma } from "../../math/special.js";
import {
  isBetaGeometricBetaBinomial,
  parseBgbbModel,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type { BgBbModel } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseModel } from "../types.js";
import { parsePurchaseModel } from "./modelArguments.js";

/**
 * One point of a mixing density: the value of the latent rate or probability and its density.
 * @category Models
 */
export interface DensityPoint {
  /** The value of the latent quantity (a rate per unit, or a probability). */
  readonly value: number;
  /** The probability density at `value` (finite, ≥ 0). */
  readonly density: number;
}

/**
 * One mixing distribution of a model: which latent quantity, its law, moments and density grid.
 * @category Models
 */
export interface MixingDensity {
  /**
   * The latent quantity: `"lambda"` (purchase rate per model unit), `"mu"` (drop-out rate per
   * model unit), `"p"` (BG/NBD: drop-out probability after each repeat purchase; BG/BB: purchase
   * probability per opportunity) or `"theta"` (BG/BB: drop-out probability per opportunity).
   */
  readonly parameter: "lambda" | "mu" | "p" | "theta";
  /** `"gamma"` (shape, rate) or `"beta"` (two shapes). */
  readonly distribution: "gamma" | "beta";
  /** The distribution's parameters in the model's names, e.g. `[r, alpha]` or `[a, b]`. */
  readonly shapes: readonly [number, number];
  /** Mean of the distribution (gamma: shape/rate; beta: a/(a+b)). */
  readonly mean: number;
  /** Variance of the distribution (gamma: shape/rate²; beta: ab/((a+b)²(a+b+1))). */
  readonly variance: number;
  /** The density on an evenly spaced grid from the lower to the upper quantile, both included. */
  readonly points: readonly DensityPoint[];
}

/**
 * What {@link heterogeneityDensities} returns: the two mixing distributions of the model.
 * @category Models
 */
export interface HeterogeneityDensities {
  /** Heterogeneity in purchasing: λ ~ Gamma(r, α) (BG/NBD, MBG/NBD, Pareto/NBD); BG/BB p ~ Beta(α, β). */
  readonly purchase: MixingDensity;
  /** Heterogeneity in drop-out: p ~ Beta(a, b) (BG/NBD, MBG/NBD), μ ~ Gamma(s, β), BG/BB θ ~ Beta(γ, δ). */
  readonly dropout: MixingDensity;
}

/**
 * Options of {@link heterogeneityDensities}.
 * @category Models
 */
export interface HeterogeneityDensityOptions {
  /** Grid points per distribution, an integer from 2 to 10,000 (default 200). */
  readonly points?: number;
  /** Lower end of the grid as a quantile of each distribution, in (0, 0.5) (default 0.001). */
  readonly lowerQuantile?: number;
  /** Upper end of the grid as a quantile of each distribution, in (0.5, 1) (default 0.999). */
  readonly upperQuantile?: number;
}

const optionsSchema = z.strictObject({
  points: z.exactOptional(z.int().check(z.minimum(2), z.maximum(10_000))),
  lowerQuantile: z.exactOptional(z.number().check(z.positive(), z.lt(0.5))),
  upperQuantile: z.exactOptional(z.number().check(z.gt(0.5), z.lt(1))),
}) satisfies z.ZodMiniType<unknown, HeterogeneityDensityOptions>;

interface Law {
  readonly distribution: "gamma" | "beta";
  readonly shapes: readonly [number, number];
  readonly mean: number;
  readonly variance: number;
  readonly cdf: (x: number) => number;
  readonly logDensity: (x: number) => number;
  /** Upper end of the support (1 for the beta; +∞ for the gamma). */
  readonly top: number;
}

function gammaLaw(shape: number, rate: number): Law {
  return {
    distribution: "gamma",
    shapes: [shape, rate],
    mean: shape / rate,
    variance: shape / (rate * rate),
    cdf: (x) => 1 - upperGammaRegularized(shape, rate * x),
    logDensity: (x) =>
      shape * Math.log(rate) + (shape - 1) * Math.log(x) - rate * x - lnGamma(shape),
    top: Number.POSITIVE_INFINITY,
  };
}

function betaLaw(a: number, b: number): Law {
  const s = a + b;
  return {
    distribution: "beta",
    shapes: [a, b],
    mean: a / s,
    variance: (a / s) * (b / s) * (1 / (s + 1)),
    cdf: (x) => regularizedIncompleteBeta(x, a, b),
    logDensity: (x) => (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lnBeta(a, b),
    top: 1,
  };
}

/** The q-quantile of `law` by bisection on its CDF (200 halvings: to float64 resolution). */
function quantile(law: Law, q: number): number {
  let lo = 0;
  let hi = law.top;
  if (!Number.isFinite(hi)) {
    hi = Math.max(law.mean, Number.MIN_VALUE);
    while (law.cdf(hi) < q && hi < Number.MAX_VALUE / 2) hi *= 2;
  }
  for (let i = 0; i < 2000 && lo < hi; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    if (law.cdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

function mixing(
  parameter: MixingDensity["parameter"],
  law: Law,
  points: number,
  lower: number,
  upper: number,
): MixingDensity {
  const from = quantile(law, lower);
  const to = quantile(law, upper);
  const grid: DensityPoint[] = [];
  for (let i = 0; i < points; i++) {
    const value = i === points - 1 ? to : from + ((to - from) * i) / (points - 1);
    const density = Math.exp(law.logDensity(value));
    grid.push({ value, density: Number.isFinite(density) ? density : 0 });
  }
  const { distribution, shapes, mean, variance } = law;
  return { parameter, distribution, shapes, mean, variance, points: grid };
}

/**
 * The model's heterogeneity as data: the density of each mixing distribution on a grid, with its
 * mean and variance, ready to plot (BTYD `…PlotTransactionRateHeterogeneity`,
 * `…PlotDropoutRateHeterogeneity`; lifetimes `plot_transaction_rate_heterogeneity`).
 *
 * BG/NBD and MBG/NBD: λ ~ Gamma(r, α), density `α^r λ^{r−1} e^{−αλ}/Γ(r)` (purchases per model
 * unit), and p ~ Beta(a, b), density `p^{a−1}(1−p)^{b−1}/B(a, b)` (drop-out probability after a
 * purchase). Pareto/NBD: λ ~ Gamma(r, α) and μ ~ Gamma(s, β) (drop-outs per model unit). BG/BB:
 * p ~ Beta(α, β) (purchase probability per opportunity) and θ ~ Beta(γ, δ) (drop-out probability
 * per opportunity). The grid runs evenly from the `lowerQuantile` to the `upperQuantile` of each
 * distribution (found by bisection on the CDF), so a J-shaped density with shape below 1 starts
 * just above 0 instead of at its pole. (Only when a quantile rounds to the pole itself — 0 for a
 * shape below about 0.003, or 1 for a beta's second shape that small — does a grid end sit on it;
 * its density, infinite, is reported as 0.)
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model
 * @param options - `{ points?, lowerQuantile?, upperQuantile? }` (defaults 200, 0.001, 0.999)
 * @returns `{ purchase, dropout }`, each a {@link MixingDensity} with `points.length` grid rows
 * @throws {InvalidInputError} on an invalid model (`model.kind`, `model.params.r`, `model.unit`,
 *   …), a distribution beyond float64 (a rate so small that the variance overflows: `model.params`,
 *   code `"unsupported"`) or options (`options.points` not an integer from 2 to 10,000, a quantile out of range,
 *   an unknown key)
 * @example
 * ```ts
 * import { heterogeneityDensities } from "customer-value";
 * const model = {
 *   kind: "pareto-nbd", params: { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 },
 *   logLikelihood: -9595, iterations: 30, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const { purchase, dropout } = heterogeneityDensities(model, { points: 3 });
 * purchase.parameter; // => "lambda"
 * purchase.mean; // => 0.051984877127
 * dropout.variance; // => 0.004479072817
 * purchase.points.length; // => 3
 * ```
 * @category Models
 * @see Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science 24(2);
 *   Schmittlein, Morrison & Colombo (1987), Management Science 33(1); Fader, Hardie & Shang (2010),
 *   Marketing Science 29(6); BTYD (Dziurzynski et al.) `pnbd.PlotTransactionRateHeterogeneity`.
 */
export function heterogeneityDensities(
  model: PurchaseModel | BgBbModel,
  options: HeterogeneityDensityOptions = {},
): HeterogeneityDensities {
  const fn = "heterogeneityDensities";
  let laws: [MixingDensity["parameter"], Law, MixingDensity["parameter"], Law];
  if (isBetaGeometricBetaBinomial(model)) {
    const q = parseBgbbModel(fn, model).params;
    laws = ["p", betaLaw(q.alpha, q.beta), "theta", betaLaw(q.gamma, q.delta)];
  } else {
    const parsed = parsePurchaseModel(fn, model);
    const { r, alpha } = parsed.params;
    laws =
      parsed.kind === "pareto-nbd"
        ? ["lambda", gammaLaw(r, alpha), "mu", gammaLaw(parsed.params.s, parsed.params.beta)]
        : ["lambda", gammaLaw(r, alpha), "p", betaLaw(parsed.params.a, parsed.params.b)];
  }
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const n = opts.points ?? 200;
  const lower = opts.lowerQuantile ?? 0.001;
  const upper = opts.upperQuantile ?? 0.999;
  const out = {
    purchase: mixing(laws[0], laws[1], n, lower, upper),
    dropout: mixing(laws[2], laws[3], n, lower, upper),
  };
  for (const d of [out.purchase, out.dropout]) {
    const numbers = [d.mean, d.variance, ...d.points.map((p) => p.value)];
    if (!numbers.every(Number.isFinite)) {
      throw invalidInput(
        fn,
        ["model", "params"],
        `The ${d.distribution} distribution of ${d.parameter} with parameters ${d.shapes.join(", ")} lies beyond float64 (its mean, variance or quantiles overflow)`,
        "unsupported",
      );
    }
  }
  return out;
}
