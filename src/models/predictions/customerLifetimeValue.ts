import * as z from "zod/mini";
import { checkDiscountRate } from "../../core/discount.js";
import { collectRowIssues, invalidInput } from "../../core/errors.js";
import { type Decimal, MONEY_LIMIT } from "../../core/money.js";
import type { TimeUnit } from "../../core/time.js";
import type { UnitConversion } from "../../core/units.js";
import { checkArray, parseInput } from "../../core/validate.js";
import { cachedEstimate, createEstimateCache } from "../../internal/fast/fastMoney.js";
import { checkDiscountFloor } from "../discountRate.js";
import type { GammaGammaModel, PurchaseHistory, PurchaseModel, SpendHistory } from "../types.js";
import {
  checkSpendCustomer,
  gammaGammaExpectedSpend,
  hasFiniteSpend,
} from "./conditionalExpectedSpend.js";
import { conditionalOverRows } from "./customerRows.js";
import { type PurchaseKernel, purchaseKernel } from "./kernels.js";
import {
  allChecked,
  modelUnitsPer,
  parsePurchaseModel,
  parseSpendModel,
  unitOptionsShape,
} from "./modelArguments.js";

/**
 * A customer as {@link customerLifetimeValue} needs them: purchase history and mean repeat spend
 * (and, optionally, their id, which `churnRisk` copies to its result rows).
 * @category Models
 */
export interface CustomerHistory extends PurchaseHistory, SpendHistory {
  /** The customer's id (ignored by the value; `churnRisk` copies it to the customer's result row). */
  readonly customerId?: string;
}

/**
 * The model of a value prediction: a purchase model (how often, for how long) and the Gamma-Gamma
 * spend model (how much per purchase).
 * @category Models
 */
export interface ValueModel {
  /** Fitted BG/NBD, MBG/NBD or Pareto/NBD model (with its `unit`). */
  readonly purchase: PurchaseModel;
  /** Fitted Gamma-Gamma spend model. */
  readonly spend: GammaGammaModel;
}

/**
 * Options of {@link customerLifetimeValue}.
 * @category Models
 */
export interface LifetimeValueOptions {
  /**
   * Number of future periods of one `unit` (an integer from 1 to 10,000), or `"infinite"`. A
   * finite horizon costs one prediction per period and customer history; beyond 10,000 periods
   * (27 years of days) use `"infinite"`.
   */
  readonly horizon: number | "infinite";
  /**
   * Compound discount rate per `unit`, a fraction ≥ 0 (0.01 = 1 % a period): purchases of period
   * k are discounted by (1 + d)^−k. ≥ 1 only with `allowLargeDiscountRate`; with
   * `horizon: "infinite"` at least 10⁻⁶ per model period.
   */
  readonly discountRate: number;
  /** The time unit of `horizon` and `discountRate`; default the purchase model's `unit`. */
  readonly unit?: TimeUnit;
  /** `"calendar-average"` allows converting between days/weeks and months/quarters/years. */
  readonly unitConversion?: UnitConversion;
  /** The fraction of spend that is profit, in (0, 1] (default 1: revenue). */
  readonly profitMargin?: number;
  /** Accept a discount rate of 1 (100 %) or more per `unit`. */
  readonly allowLargeDiscountRate?: boolean;
}

/** Largest finite `horizon` of {@link customerLifetimeValue}, in periods. @internal */
export const MAX_LIFETIME_HORIZON = 10_000;

/** The `horizon` option of the lifetime values (finite: whole periods, 1 … 10,000). @internal */
export const lifetimeHorizonSchema = z.union([
  z.int().check(
    z.positive(),
    z.maximum(MAX_LIFETIME_HORIZON, {
      error: `A finite horizon is at most ${MAX_LIFETIME_HORIZON} periods (use "infinite" beyond)`,
    }),
  ),
  z.literal("infinite"),
]);

/** The options every lifetime value takes (churnRisk adds its own). @internal */
export const lifetimeValueOptionsShape = {
  horizon: lifetimeHorizonSchema,
  discountRate: z.number(),
  ...unitOptionsShape,
  profitMargin: z.exactOptional(z.number().check(z.positive(), z.maximum(1))),
  allowLargeDiscountRate: z.exactOptional(z.boolean()),
};

const optionsSchema = z.strictObject(lifetimeValueOptionsShape) satisfies z.ZodMiniType<
  unknown,
  LifetimeValueOptions
>;

/** The validated lifetime-value options. @internal */
export type LifetimeValueParsedOptions = z.output<typeof optionsSchema>;

const modelSchema = z.strictObject({ purchase: z.unknown(), spend: z.unknown() });

/**
 * Customer lifetime value from a purchase model and the Gamma-Gamma spend model: for each customer,
 * `profitMargin × E[M | x, z̄] × (discounted expected future purchases)`.
 *
 * Units and discounting (explicit, no hidden 30-day months): `horizon` and `discountRate` d are per
 * `unit`, by default the purchase model's unit. With c the model units per `unit` (7 for weeks on
 * a daily model; 365.2425/12/7 for months on a weekly model, with
 * `unitConversion: "calendar-average"`):
 * - Finite `horizon` H (whole periods): period k covers model time [(k−1)c, kc]; the purchases
 *   expected in it, `E[Y(kc)] − E[Y((k−1)c)]`, are discounted to today by `(1 + d)^{−k}`
 *   (end-of-period convention):
 *   `CLV = profitMargin·E[M]·Σ_{k=1}^{H} (E[Y(kc)] − E[Y((k−1)c)])/(1+d)^k`.
 * - `horizon: "infinite"`: continuous discounting at the equivalent rate δ = ln(1 + d)/c per model
 *   unit over an infinite horizon, `CLV = profitMargin·E[M]·DERT(δ)` (Fader, Hardie & Lee 2005,
 *   iso-value paper). The rate must be at least 10⁻⁶ per model period (0.037 % a year on daily
 *   data): as d → 0 the value grows without bound when the model's lifetime has no mean, and the
 *   DERT numerics slow down; use a finite horizon for undiscounted totals.
 * The alternatives — a mid-period convention, or lifetimes' fixed 30-day months with a monthly
 * rate — differ by at most a factor (1+d)^{1/2}; choose the unit and rate of your data instead.
 * Spend is assumed independent of the purchase process (the Gamma-Gamma assumption).
 *
 * Money: `monetaryValue` is converted to float64 once; each value is a float64 model estimate,
 * returned as a `Decimal` of its 15 significant digits (the decimal precision float64 guarantees;
 * not rounded to cents — that is the caller's choice).
 *
 * @param model - `{ purchase, spend }`: a fitted BG/NBD, MBG/NBD or Pareto/NBD model and a fitted
 *   Gamma-Gamma model
 * @param customers - `{ frequency, recency, T, monetaryValue }` per customer, times in the purchase
 *   model's unit (extra fields such as `customerId` are ignored)
 * @param options - `{ horizon, discountRate, unit?, unitConversion?, profitMargin?, allowLargeDiscountRate? }`
 * @returns one `Decimal` per customer, in input order
 * @throws {InvalidInputError} on invalid models (paths `model.purchase.params.r`,
 *   `model.purchase.unit`, `model.spend.params.p`, …), invalid customers (every bad row listed, up
 *   to 100, at `customers[i].<field>`) or options: a finite `horizon` above 10,000
 *   (`options.horizon`); a discount rate ≥ 1 without `allowLargeDiscountRate`
 *   (`options.discountRate`, code `"implausible_rate"`); an infinite horizon with a rate below 10⁻⁶
 *   (code `"too_small"`); a `unit` incompatible with the model's without `unitConversion`
 *   (`options.unit`, code `"unit_mismatch"`); a repeat buyer with p·frequency + q ≤ 1 under the
 *   spend model (infinite expected spend, `model.spend.params.q`); a value beyond float64's range
 *   (path `customers[i]`)
 * @example
 * ```ts
 * import { customerLifetimeValue } from "customer-value";
 * const purchase = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customerCount: 2357, unit: "week",
 * } as const;
 * const spend = {
 *   kind: "gamma-gamma", params: { p: 6.248802496074264, q: 3.744588460923312, v: 15.447748064932831 },
 *   logLikelihood: -4055.92, standardErrors: { p: 1.19, q: 0.29, v: 4.16 },
 *   iterations: 20, converged: true, customerCount: 946,
 * } as const;
 * const customers = [{ customerId: "ann", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }];
 * // 15 % a year as a compound weekly rate, infinite horizon
 * const weekly = { horizon: "infinite", discountRate: 1.15 ** (1 / 52) - 1 } as const;
 * customerLifetimeValue({ purchase, spend }, customers, weekly)[0]!.toFixed(2); // => "127.48"
 * // The next 12 months at 1 % a month, on the weekly model (a month is 365.2425/12 days)
 * const monthly = { horizon: 12, discountRate: 0.01, unit: "month", unitConversion: "calendar-average" } as const;
 * customerLifetimeValue({ purchase, spend }, customers, monthly)[0]!.toFixed(2); // => "36.30"
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
 *   customer base analysis. Journal of Marketing Research 42(4), 415–430.
 */
export function customerLifetimeValue(
  model: ValueModel,
  customers: readonly CustomerHistory[],
  options: LifetimeValueOptions,
): Decimal[] {
  const { value } = lifetimeValueColumns("customerLifetimeValue", model, customers, options, false);
  const n = value.length;
  const out: Decimal[] = new Array(n);
  const cache = createEstimateCache();
  for (let i = 0; i < n; i++) out[i] = cachedEstimate(cache, value[i]!);
  return out;
}

/**
 * {@link customerLifetimeValue} as float64 columns (same validation, same errors, same values),
 * reported under the name `fn` (`churnRisk` takes the same arguments, so the paths agree). With
 * `withAlive` it also returns P(alive) per customer, for `churnRisk`, which would otherwise
 * evaluate it a second time. `customers` are the rows as read: each field of each row is read once
 * (use those rather than reading the caller's rows again). `parsedOptions`, when given, are the
 * caller's already-validated options (then `options` is not read).
 * @internal
 */
export function lifetimeValueColumns(
  fn: string,
  model: unknown,
  customers: unknown,
  options: unknown,
  withAlive: boolean,
  parsedOptions?: LifetimeValueParsedOptions,
): {
  readonly value: Float64Array;
  readonly alive: Float64Array | undefined;
  readonly customers: readonly CustomerHistory[];
  readonly kernel: PurchaseKernel;
  readonly modelUnitsPerUnit: number;
} {
  const pair = parseInput(fn, modelSchema, model, ["model"]);
  const purchase = parsePurchaseModel(fn, pair.purchase, ["model", "purchase"]);
  const kernel = purchaseKernel(purchase, fn, ["model", "purchase"]);
  const spend = parseSpendModel(fn, pair.spend, ["model", "spend"]);
  const opts = parsedOptions ?? parseInput(fn, optionsSchema, options, ["options"]);
  // A wrong rate and a wrong unit are reported together.
  const [d, c] = allChecked<[number, number]>(
    fn,
    () =>
      checkDiscountRate(
        fn,
        opts.discountRate,
        ["options", "discountRate"],
        opts.allowLargeDiscountRate === true,
      ),
    () => modelUnitsPer(fn, purchase.unit, opts.unit, opts.unitConversion),
  );
  if (opts.horizon === "infinite") checkDiscountFloor(fn, d / c, ["options", "discountRate"]);
  checkArray(fn, customers, "an array of customers", ["customers"]);
  // Each row's fields read once: the values validated are the values used.
  const rows = readOnce(customers);
  const margin = opts.profitMargin ?? 1;
  const n = rows.length;
  let alive: Float64Array | undefined;
  let recorded = 0;
  let aliveOf = kernel.probabilityAlive;
  if (withAlive) {
    const column = new Float64Array(n);
    const probabilityAlive = kernel.probabilityAlive;
    // The row pass evaluates P(alive) once per row, in order, when the kernel factorises: keep it.
    aliveOf = (x, tx, T) => {
      const p = probabilityAlive(x, tx, T);
      column[recorded++] = p;
      return p;
    };
    alive = column;
  }
  const discounted = discountedPurchases(
    fn,
    { ...kernel, probabilityAlive: aliveOf },
    rows,
    opts.horizon,
    d,
    c,
  );
  if (alive !== undefined && recorded !== n) {
    // A kernel without the factorisation: evaluate P(alive) separately.
    const p = kernel.probabilityAlive;
    alive = conditionalOverRows(fn, rows, p, undefined, p);
  }
  const params = spend.params;
  const value = discounted; // overwritten in place: discounted purchases → value
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Record<string, unknown> | null | undefined;
    let x: number;
    let zbar: number;
    const frequency = row?.frequency;
    const m = row?.monetaryValue;
    if (
      typeof frequency === "number" &&
      frequency > 0 &&
      Number.isInteger(frequency) &&
      typeof m === "number" &&
      m > 0 &&
      m < MONEY_LIMIT &&
      hasFiniteSpend(params, frequency)
    ) {
      x = frequency;
      zbar = m;
    } else {
      try {
        ({ x, zbar } = checkSpendCustomer(fn, spend, row, i, ["customers"], ["model", "spend"]));
      } catch (error) {
        // Slow path: list every row whose spend is invalid (up to 100) in one error.
        collectRowIssues(fn, n, (j) => {
          checkSpendCustomer(fn, spend, rows[j], j, ["customers"], ["model", "spend"]);
        });
        throw error;
      }
    }
    const v = margin * gammaGammaExpectedSpend(params, x, zbar) * discounted[i]!;
    if (!Number.isFinite(v)) {
      // No NaN or infinity leaves the library (a spend near float64's limit, say).
      throw invalidInput(
        fn,
        ["customers", i],
        "This customer's lifetime value is not finite in float64 (check monetaryValue)",
        "unsupported",
      );
    }
    value[i] = v;
  }
  return { value, alive, customers: rows, kernel, modelUnitsPerUnit: c };
}

/** Discounted expected purchases per customer (see {@link customerLifetimeValue}). */
function discountedPurchases(
  fn: string,
  kernel: PurchaseKernel,
  customers: readonly unknown[],
  horizon: number | "infinite",
  d: number,
  c: number,
): Float64Array {
  let discounted: Float64Array;
  if (horizon === "infinite") {
    const delta = Math.log1p(d) / c;
    const ifAlive = kernel.dertIfAlive;
    discounted = conditionalOverRows(
      fn,
      customers,
      kernel.probabilityAlive,
      ifAlive === undefined ? undefined : (x, T) => ifAlive(x, T, delta),
      (x, tx, T) => kernel.dert(x, tx, T, delta),
    );
  } else {
    const H = horizon;
    // Period k ends at model time k·c and is discounted by (1 + d)^−k.
    const factors = new Float64Array(H + 1);
    const ends = new Float64Array(H + 1);
    for (let k = 1; k <= H; k++) {
      factors[k] = (1 + d) ** -k;
      ends[k] = k * c;
    }
    const sum = (expected: (t: number) => number): number => {
      let total = 0;
      let previous = 0;
      for (let k = 1; k <= H; k++) {
        const current = expected(ends[k]!);
        total += (current - previous) * factors[k]!;
        previous = current;
      }
      return total;
    };
    const ifAlive = kernel.expectedIfAlive;
    discounted = conditionalOverRows(
      fn,
      customers,
      kernel.probabilityAlive,
      ifAlive === undefined ? undefined : (x, T) => sum((t) => ifAlive(x, T, t)),
      (x, tx, T) => sum((t) => kernel.conditionalExpected(x, tx, T, t)),
    );
  }
  return discounted;
}

/**
 * A copy of `customers` in which every row is a new plain object holding the four fields a lifetime
 * value uses (and the `customerId` churnRisk copies), each read from the caller's row exactly once (a getter cannot give the validation one
 * value and the computation another). Rows that are not plain objects are passed on unchanged for
 * the validation to report. Written out field by field: one object shape, about as fast as reading
 * the rows (a loop over field names would be several times slower on a million rows).
 */
function readOnce(customers: readonly unknown[]): readonly CustomerHistory[] {
  const n = customers.length;
  const rows: unknown[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = customers[i];
    if (typeof c !== "object" || c === null || Array.isArray(c)) {
      rows[i] = c;
      continue;
    }
    const { frequency, recency, T, monetaryValue, customerId } = c as Record<string, unknown>;
    rows[i] = { frequency, recency, T, monetaryValue, customerId };
  }
  return rows as readonly CustomerHistory[];
}
