/**
 * The engine of {@link customerLifetimeValue} (and of `churnRisk`, which takes the same arguments):
 * validation of the model pair and options, then the value of a million customers as float64
 * columns — discounted expected purchases per row (finite horizon: a sum over periods; infinite:
 * DERT), times the Gamma-Gamma expected spend.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { checkDiscountFloor, checkDiscountRate } from "../../core/discount.js";
import { collectRowIssues, invalidInput } from "../../core/errors.js";
import { MONEY_LIMIT } from "../../core/money.js";
import { checkArray, parseInput } from "../../core/validate.js";
import { checkRowUnits } from "../rowUnits.js";
import type { GammaGammaModel } from "../types.js";
import {
  checkSpendCustomer,
  gammaGammaExpectedSpend,
  hasFiniteSpend,
} from "./conditionalExpectedSpend.js";
import type { CustomerHistory } from "./customerLifetimeValue.js";
import { conditionalOverRows } from "./customerRows.js";
import { type PurchaseKernel, purchaseKernel } from "./kernels.js";
import {
  type LifetimeValueParsedOptions,
  lifetimeValueOptionsSchema,
} from "./lifetimeValueOptions.js";
import {
  allChecked,
  modelUnitsPer,
  parsePurchaseModel,
  parseSpendModel,
} from "./modelArguments.js";

const modelSchema = z.strictObject({ purchase: z.unknown(), spend: z.unknown() });

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
  const opts = parsedOptions ?? parseInput(fn, lifetimeValueOptionsSchema, options, ["options"]);
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
  checkRowUnits(fn, customers, purchase.unit);
  // Each row's fields read once: the values validated are the values used.
  const rows = readOnce(customers);
  const recorder = withAlive ? aliveRecorder(kernel.probabilityAlive, rows.length) : undefined;
  const value = discountedPurchases(
    fn,
    recorder === undefined ? kernel : { ...kernel, probabilityAlive: recorder.record },
    rows,
    opts.horizon,
    d,
    c,
  );
  let alive = recorder?.column;
  if (recorder !== undefined && recorder.recorded() !== rows.length) {
    // A kernel without the factorisation: evaluate P(alive) separately.
    const p = kernel.probabilityAlive;
    alive = conditionalOverRows(fn, rows, p, undefined, p);
  }
  timesExpectedSpend(fn, spend, rows, opts.profitMargin ?? 1, value);
  return { value, alive, customers: rows, kernel, modelUnitsPerUnit: c };
}

/**
 * P(alive) that writes each value it returns into `column`, in call order: the row pass evaluates
 * P(alive) once per row, in order, when the kernel factorises, and `churnRisk` keeps those values
 * instead of evaluating them a second time. `recorded()` says how many were written.
 */
function aliveRecorder(
  probabilityAlive: PurchaseKernel["probabilityAlive"],
  n: number,
): {
  readonly record: PurchaseKernel["probabilityAlive"];
  readonly column: Float64Array;
  readonly recorded: () => number;
} {
  const column = new Float64Array(n);
  let count = 0;
  return {
    record: (x, tx, T) => {
      const p = probabilityAlive(x, tx, T);
      column[count++] = p;
      return p;
    },
    column,
    recorded: () => count,
  };
}

/**
 * Multiplies each customer's discounted expected purchases, in place, by `margin`·E[M | x, z̄] (the
 * Gamma-Gamma expected spend), validating the spend fields of every row: a bad row is reported with
 * every other (up to 100); a value that is not finite in float64 is an error at `customers[i]`.
 */
function timesExpectedSpend(
  fn: string,
  spend: GammaGammaModel,
  rows: readonly unknown[],
  margin: number,
  value: Float64Array,
): void {
  const n = rows.length;
  const params = spend.params;
  for (let i = 0; i < n; i++) {
    const row = rows[i] as Record<string, unknown> | null | undefined;
    let x: number;
    let zbar: number;
    const frequency = row?.frequency;
    const m = row?.monetaryValue;
    if (
      spend.firstTransaction !== "include" &&
      typeof frequency === "number" &&
      frequency > 0 &&
      Number.isInteger(frequency) &&
      typeof m === "number" &&
      m >= 0 &&
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
    const v = margin * gammaGammaExpectedSpend(params, x, zbar) * value[i]!;
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
    const { frequency, recency, T, monetaryValue, totalSpend, customerId } = c as Record<
      string,
      unknown
    >;
    rows[i] = { frequency, recency, T, monetaryValue, totalSpend, customerId };
  }
  return rows as readonly CustomerHistory[];
}
