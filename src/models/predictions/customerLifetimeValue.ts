import { z } from "zod";
import { invalidInput } from "../../core/errors.js";
import { cachedEstimate, createEstimateCache } from "../../core/fastMoney.js";
import { type Decimal, MONEY_LIMIT } from "../../core/money.js";
import { type TimeUnit, timeUnitSchema } from "../../core/time.js";
import { boundedArray, parseInput } from "../../core/validate.js";
import { checkDiscountFloor } from "../discountRate.js";
import type { GammaGammaModel, PurchaseHistory, PurchaseModel, SpendHistory } from "../types.js";
import {
  checkSpendCustomer,
  gammaGammaExpectedSpend,
  hasFiniteSpend,
} from "./conditionalExpectedSpend.js";
import {
  conditionalOverRows,
  type PurchaseKernel,
  parsePurchaseModel,
  parseSpendModel,
  purchaseKernel,
} from "./kernels.js";

/**
 * A customer as {@link customerLifetimeValue} needs them: purchase history and mean repeat spend.
 * @category Models
 */
export interface CustomerHistory extends PurchaseHistory, SpendHistory {}

/**
 * Input of {@link customerLifetimeValue}.
 * @category Models
 */
export interface CustomerLifetimeValueInput {
  /** Fitted purchase model (BG/NBD, MBG/NBD or Pareto/NBD), in time unit `unit`. */
  readonly purchaseModel: PurchaseModel;
  /** Fitted Gamma-Gamma spend model. */
  readonly spendModel: GammaGammaModel;
  /** The customers to value, `{ frequency, recency, T, monetaryValue }` (extra fields ignored). */
  readonly customers: readonly CustomerHistory[];
  /**
   * Number of future periods of length one `unit` (an integer from 1 to 10,000), or `"infinite"`.
   * A finite horizon costs one prediction per period and customer history; beyond 10,000 periods
   * (27 years of days) use `"infinite"`.
   */
  readonly horizon: number | "infinite";
  /**
   * Discount rate per `unit` (a fraction ≥ 0, e.g. 0.01 a week); compounded once per period. With
   * `horizon: "infinite"` at least 10⁻⁶ (see {@link customerLifetimeValue}).
   */
  readonly discountRate: number;
  /** The time unit the purchase model was fitted in; `horizon` and `discountRate` are per this unit. */
  readonly unit: TimeUnit;
  /** Profit margin applied to the expected spend, a fraction in (0, 1] (default 1: revenue). */
  readonly margin?: number;
}

/** Largest finite `horizon` of {@link customerLifetimeValue}, in periods. @internal */
export const MAX_LIFETIME_HORIZON = 10_000;

const inputSchema = z.strictObject({
  purchaseModel: z.unknown(),
  spendModel: z.unknown(),
  customers: boundedArray(z.array(z.unknown())),
  horizon: z.union([
    z
      .number()
      .int()
      .positive()
      .max(MAX_LIFETIME_HORIZON, {
        error: `A finite horizon is at most ${MAX_LIFETIME_HORIZON} periods (use "infinite" beyond)`,
      }),
    z.literal("infinite"),
  ]),
  discountRate: z.number().finite().nonnegative(),
  unit: timeUnitSchema,
  margin: z.number().finite().positive().max(1).exactOptional(),
});

/**
 * Customer lifetime value from a purchase model and the Gamma-Gamma spend model: for each customer,
 * `margin × E[M | x, z̄] × (discounted expected future purchases)`.
 *
 * Discounting convention (explicit, no hidden 30-day months): time is counted in `unit`s, the unit
 * the purchase model was fitted in; `discountRate` d is per `unit`.
 * - Finite `horizon` H (whole periods): purchases expected in period k, `E[Y(k)] − E[Y(k−1)]`, are
 *   discounted to today by `(1 + d)^{−k}` (end-of-period convention):
 *   `CLV = margin·E[M]·Σ_{k=1}^{H} (E[Y(k)] − E[Y(k−1)])/(1+d)^k`.
 * - `horizon: "infinite"`: continuous discounting at the equivalent rate δ = ln(1 + d) over an
 *   infinite horizon, `CLV = margin·E[M]·DERT(δ)` (Fader, Hardie & Lee 2005, iso-value paper). The
 *   rate must be at least 10⁻⁶ per `unit` (0.037 % a year on daily data): as d → 0 the value grows
 *   without bound when the model's lifetime has no mean, and the DERT numerics slow down (about
 *   1/√d continued-fraction steps); use a finite horizon for undiscounted totals.
 * The alternatives — a mid-period convention, or lifetimes' fixed 30-day months with a monthly
 * rate — differ by at most a factor (1+d)^{1/2}; choose the unit and rate of your data instead.
 * Spend is assumed independent of the purchase process (the Gamma-Gamma assumption).
 *
 * Money: `monetaryValue` is converted to float64 once; each value is a float64 model estimate,
 * returned as a `Decimal` of its 15 significant digits (the decimal precision float64 guarantees;
 * not rounded to cents — that is the caller's choice).
 *
 * @param input - `{ purchaseModel, spendModel, customers, horizon, discountRate, unit, margin? }`
 * @returns one `Decimal` per customer, in input order
 * @throws {InvalidInputError} on invalid models, customers, horizon, rate, unit or margin (paths
 *   start at the input's field, e.g. `customers[3].recency`); a finite `horizon` above 10,000
 *   (path `horizon`); an infinite horizon with a rate below 10⁻⁶ (path `discountRate`); a repeat
 *   buyer with p·frequency + q ≤ 1 under the spend model (infinite expected spend); a value beyond
 *   float64's range (path `customers[i]`)
 * @example
 * ```ts
 * import { customerLifetimeValue } from "customer-value";
 * const purchaseModel = {
 *   kind: "bg-nbd", params: { r: 0.2425929282798216, alpha: 4.413532265271803, a: 0.7928859664405851, b: 2.42575238262545 },
 *   logLikelihood: -9582.43, standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   iterations: 18, converged: true, customers: 2357,
 * } as const;
 * const spendModel = {
 *   kind: "gamma-gamma", params: { p: 6.248802496074264, q: 3.744588460923312, v: 15.447748064932831 },
 *   logLikelihood: -4055.92, standardErrors: { p: 1.19, q: 0.29, v: 4.16 },
 *   iterations: 20, converged: true, customers: 946,
 * } as const;
 * const [value] = customerLifetimeValue({
 *   purchaseModel, spendModel, unit: "week", horizon: "infinite", discountRate: 1.15 ** (1 / 52) - 1, // 15 % a year
 *   customers: [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" }],
 * });
 * value!.toFixed(2); // => "127.48"
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
 *   customer base analysis. Journal of Marketing Research 42(4), 415–430.
 */
export function customerLifetimeValue(input: CustomerLifetimeValueInput): Decimal[] {
  const { value } = lifetimeValueColumns(input, false);
  const n = value.length;
  const out: Decimal[] = new Array(n);
  const cache = createEstimateCache();
  for (let i = 0; i < n; i++) out[i] = cachedEstimate(cache, value[i]!);
  return out;
}

/**
 * {@link customerLifetimeValue} as float64 columns (same validation, same errors, same values),
 * with P(alive) per customer when `withAlive` (for `churnRisk`, which would otherwise evaluate it
 * a second time), and the customers as read: each field of each row is read once, into `customers`
 * (use those rather than reading the caller's rows again).
 * @internal
 */
export function lifetimeValueColumns(
  input: CustomerLifetimeValueInput,
  withAlive: boolean,
): {
  readonly value: Float64Array;
  readonly alive: Float64Array | undefined;
  readonly customers: readonly CustomerHistory[];
} {
  const fn = "customerLifetimeValue";
  const opts = parseInput(fn, inputSchema, input);
  const kernel = purchaseKernel(parsePurchaseModel(fn, opts.purchaseModel, ["purchaseModel"]), fn, [
    "purchaseModel",
  ]);
  const spend = parseSpendModel(fn, opts.spendModel, ["spendModel"]);
  // Each row's fields read once: the values validated are the values used.
  const customers = readOnce(opts.customers);
  const margin = opts.margin ?? 1;
  const d = opts.discountRate;
  if (opts.horizon === "infinite") checkDiscountFloor(fn, d, ["discountRate"]);
  const n = customers.length;
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
  let discounted: Float64Array;
  try {
    discounted = discountedPurchases(
      fn,
      { ...kernel, probabilityAlive: aliveOf },
      customers,
      opts.horizon,
      d,
    );
  } catch (error) {
    throw prefixed(error, "customers");
  }
  if (alive !== undefined && recorded !== n) {
    // A kernel without the factorisation: evaluate P(alive) separately.
    const p = kernel.probabilityAlive;
    alive = conditionalOverRows(fn, customers, p, undefined, p);
  }
  const params = spend.params;
  const value = discounted; // overwritten in place: discounted purchases → value
  for (let i = 0; i < n; i++) {
    const c = customers[i] as Record<string, unknown> | null | undefined;
    let x: number;
    let zbar: number;
    const frequency = c?.frequency;
    const m = c?.monetaryValue;
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
      const checked = checkSpendCustomer(fn, spend, c, i, ["customers"], ["spendModel"]);
      x = checked.x;
      zbar = checked.zbar;
    }
    const v = margin * gammaGammaExpectedSpend(params, x, zbar) * discounted[i]!;
    if (!Number.isFinite(v)) {
      // No NaN or infinity leaves the library (a spend near float64's limit, say).
      throw invalidInput(
        fn,
        ["customers", i],
        "This customer's lifetime value is not finite in float64 (check monetaryValue)",
      );
    }
    value[i] = v;
  }
  return { value, alive, customers };
}

/** Discounted expected purchases per customer (see {@link customerLifetimeValue}). */
function discountedPurchases(
  fn: string,
  kernel: PurchaseKernel,
  customers: readonly unknown[],
  horizon: number | "infinite",
  d: number,
): Float64Array {
  let discounted: Float64Array;
  if (horizon === "infinite") {
    const delta = Math.log1p(d);
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
    const factors = new Float64Array(H + 1);
    for (let k = 1; k <= H; k++) factors[k] = (1 + d) ** -k;
    const sum = (expected: (t: number) => number): number => {
      let total = 0;
      let previous = 0;
      for (let k = 1; k <= H; k++) {
        const current = expected(k);
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

function prefixed(error: unknown, field: string): unknown {
  if (error instanceof Error && error.name === "InvalidInputError") {
    const e = error as Error & {
      issues: readonly { path: readonly PropertyKey[]; message: string }[];
    };
    const issue = e.issues[0]!;
    return invalidInput(
      (error as Error & { functionName: string }).functionName,
      [field, ...issue.path],
      issue.message,
    );
  }
  return error;
}

/**
 * A copy of `customers` in which every row is a new plain object holding the four fields a lifetime
 * value uses, each read from the caller's row exactly once (a getter cannot give the validation one
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
    const { frequency, recency, T, monetaryValue } = c as Record<string, unknown>;
    rows[i] = { frequency, recency, T, monetaryValue };
  }
  return rows as readonly CustomerHistory[];
}
