import * as z from "zod/mini";
import { invalidInput } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import {
  bgbbPurchaseCountProbabilityFor,
  checkBgbbUnit,
  isBetaGeometricBetaBinomial,
  opportunities,
  parseBgbbModel,
} from "../betaGeometricBetaBinomial/betaGeometricBetaBinomialPredictions.js";
import type { BgBbModel } from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import type { PurchaseModel } from "../types.js";
import {
  bgbbIntervalCount,
  bgNbdIntervalCount,
  paretoNbdIntervalCount,
} from "./intervalPurchaseCount.js";
import { purchaseKernel } from "./kernels.js";
import {
  allChecked,
  finiteResult,
  modelUnitsPer,
  parsePurchaseModel,
  unitOptionsShape,
} from "./modelArguments.js";

/**
 * Largest purchase count `n` {@link purchaseCountProbability} accepts. The Pareto/NBD closed form
 * (Fader & Hardie 2005) is a sum of n + 1 terms, each a ₂F₁; its integral form, O(1) in n, loses up
 * to 4 significant digits when t/α ≫ n (checked against mpmath), so the sum is kept and n bounded:
 * 10⁵ costs about 25 ms.
 * @internal
 */
export const MAX_PURCHASE_COUNT = 100_000;

/**
 * Work budget of a Pareto/NBD purchase-count probability: `n·(1 + r + s)` at most this. The closed
 * form is a sum of n + 1 ₂F₁ terms whose cost grows with the shapes r and s (docs/numerics.md):
 * measured on the 2-core machine, n = 10⁵ with s = 100 takes about 0.9 s and n = 10⁴ with
 * r = s = 10⁴ about 3.3 s, while every call within the budget stays under about 0.5 s. Fitted
 * shapes are small (CDNOW: r 0.55, s 0.61), so for them the bound on n alone applies.
 * @internal
 */
export const PARETO_COUNT_BUDGET = 5e6;

/**
 * Probability P(X(t) = n) that a newly acquired customer makes exactly n = `purchases` repeat
 * purchases in their first t = `horizon` time units — or, with `from`, in the window
 * (`from`, `from` + `horizon`].
 *
 * BG/NBD: `B(a,b+n)/B(a,b)·NB(n; r, α, t) + 1[n>0]·B(a+1,b+n−1)/B(a,b)·I_{t/(α+t)}(n, r)`, where NB is
 * the negative-binomial probability and the bracket `1 − Σ_{j<n} NB(j)` of the paper is evaluated as
 * the regularised incomplete beta I (no cancellation in the tail). MBG/NBD: the analogous expression
 * with b+n+1. Pareto/NBD: Fader & Hardie's closed form.
 *
 * With `from` = t₁ > 0 the window is (t₁, t₁ + `horizon`] — the count of a customer acquired at 0
 * in a later window, P(X(t₁, t₁+τ) = n) (BTYD `pnbd.pmf.General`, `bgbb.pmf.General`,
 * `bgnbd.pmf.General`): the customer must be alive at t₁, which for the Pareto/NBD and the BG/BB
 * only shifts the drop-out distribution (β → β + t₁, δ → δ + n₁) and for the BG/NBD couples λ and p
 * (a one-dimensional integral over p, evaluated by Gauss–Legendre quadrature; see
 * `intervalPurchaseCount.ts`). BTYD's `bgnbd.pmf.General` ignores its `t.start` (it returns the
 * t₁ = 0 value for the window's length), and its `pnbd.pmf.General` puts t.end where the window
 * length belongs (its values sum to more than 1 for t.start > 0); this function does neither.
 *
 * @param model - a fitted BG/NBD, MBG/NBD, Pareto/NBD or BG/BB model (BG/BB: `horizon` counts
 *   whole opportunities in the model's own unit; Fader, Hardie & Shang 2010, eq. 8)
 * @param options - `{ purchases, horizon, from?, unit?, unitConversion? }`: the number n of repeat
 *   purchases (an integer from 0 to 100,000), the window's length (≥ 0) and its start as time since
 *   acquisition (≥ 0, default 0), in `unit`s (default the model's unit; BG/BB: whole opportunities)
 * @returns the probability, in [0, 1]
 * @throws {InvalidInputError} on an invalid model (`model.params.r`, `model.unit`, …) or options:
 *   `options.purchases` not an integer or above 100,000; for the Pareto/NBD, n·(1 + r + s) above
 *   5·10⁶ (`options.purchases`, code `"unsupported"`); a `unit` incompatible with the model's
 *   without `unitConversion` (`options.unit`, `"unit_mismatch"`); for the BG/BB, `horizon` above
 *   10⁶ opportunities or a parameter above 10⁶ (`model.params.<name>`); or a result not finite in
 *   float64 (`options.horizon`, or `options.from` for a later window); `options.from` negative
 *   (BG/BB: not a whole number of opportunities)
 * @example
 * ```ts
 * import { purchaseCountProbability } from "customer-value";
 * const model = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * purchaseCountProbability(model, { purchases: 0, horizon: 39 }); // => 0.574307283405
 * purchaseCountProbability(model, { purchases: 0, from: 39, horizon: 39 }); // => 0.754250659039
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way.
 *   Marketing Science 24(2), 275–284 (eq. 8).
 */
export function purchaseCountProbability(
  model: PurchaseModel | BgBbModel,
  options: PurchaseCountOptions,
): number {
  const fn = "purchaseCountProbability";
  if (isBetaGeometricBetaBinomial(model)) {
    const opts = parseInput(fn, bgbbOptionsSchema, options, ["options"]);
    if (opts.from === undefined || opts.from === 0) {
      return bgbbPurchaseCountProbabilityFor(fn, model, opts.purchases, opts.horizon, opts.unit);
    }
    return bgbbIntervalFor(fn, model, opts.purchases, opts.from, opts.horizon, opts.unit);
  }
  const parsed = parsePurchaseModel(fn, model);
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const n = opts.purchases;
  if (parsed.kind === "pareto-nbd") {
    const { r, s } = parsed.params;
    const work = n * (1 + r + s);
    if (work > PARETO_COUNT_BUDGET) {
      throw invalidInput(
        fn,
        ["options", "purchases"],
        `For this Pareto/NBD model (r = ${r}, s = ${s}) purchases is at most ${Math.floor(PARETO_COUNT_BUDGET / (1 + r + s))}: the closed form's cost grows with n·(1 + r + s), bounded by ${PARETO_COUNT_BUDGET}`,
        "unsupported",
        n,
      );
    }
  }
  const perUnit = modelUnitsPer(fn, parsed.unit, opts.unit, opts.unitConversion);
  const span = opts.horizon * perUnit;
  const start = (opts.from ?? 0) * perUnit;
  if (span === 0) return n === 0 ? 1 : 0;
  if (start === 0) {
    const kernel = purchaseKernel(parsed, fn);
    return finiteResult(fn, kernel.purchaseCountProbability(n, span), ["options", "horizon"]);
  }
  const value =
    parsed.kind === "pareto-nbd"
      ? paretoNbdIntervalCount(parsed.params, n, start, span)
      : bgNbdIntervalCount(parsed.params, parsed.kind === "bg-nbd" ? 0 : 1, n, start, span);
  return finiteResult(fn, value, ["options", "from"]);
}

/**
 * Options of {@link purchaseCountProbability}: the count and the span are named, never two bare
 * numbers in a row.
 * @category Models
 */
export interface PurchaseCountOptions {
  /** The number n of repeat purchases, an integer from 0 to 100,000. */
  readonly purchases: number;
  /** Length of the window, ≥ 0, in `unit`s (BG/BB: whole opportunities). */
  readonly horizon: number;
  /**
   * Start of the window, as time since acquisition (t₁ ≥ 0, in `unit`s; BG/BB: whole
   * opportunities); default 0. The window is (from, from + horizon].
   */
  readonly from?: number;
  /** The time unit of `horizon`; default the model's `unit` (the BG/BB takes its own unit only). */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
}

const purchasesSchema = z.int().check(z.nonnegative(), z.maximum(MAX_PURCHASE_COUNT));

const optionsSchema = z.strictObject({
  purchases: purchasesSchema,
  horizon: z.number().check(z.nonnegative()),
  from: z.exactOptional(z.number().check(z.nonnegative(), z.lte(Number.MAX_VALUE))),
  ...unitOptionsShape,
}) satisfies z.ZodMiniType<unknown, PurchaseCountOptions>;

const bgbbOptionsSchema = z.strictObject({
  purchases: purchasesSchema,
  horizon: z.unknown(),
  from: z.exactOptional(z.unknown()),
  ...unitOptionsShape,
});

/** BG/BB over (n₁, n₁ + n*]: `from` and `horizon` in whole opportunities of the model's unit. */
function bgbbIntervalFor(
  fn: string,
  model: BgBbModel,
  count: number,
  from: unknown,
  horizon: unknown,
  unit: TimeUnit | undefined,
): number {
  const parsed = parseBgbbModel(fn, model);
  checkBgbbUnit(fn, parsed, unit);
  const [n1, span] = allChecked(
    fn,
    () => opportunities(fn, from, ["options", "from"], 0),
    () => opportunities(fn, horizon, ["options", "horizon"], 0),
  );
  return finiteResult(fn, bgbbIntervalCount(parsed.params, count, n1, span), ["options", "from"]);
}
