import { collectRowIssues, invalidInput } from "../../core/errors.js";
import { type Decimal, MONEY_LIMIT } from "../../core/money.js";
import { checkArray, describeReceived } from "../../core/validate.js";
import { cachedEstimate, createEstimateCache } from "../../internal/fast/fastMoney.js";
import { logAddExp } from "../../math/special.js";
import { spendValue } from "../spendValidation.js";
import type { GammaGammaModel, GammaGammaParams, SpendHistory } from "../types.js";
import { parseSpendModel } from "./modelArguments.js";

/**
 * E[M | x, z̄] = p(v + x z̄)/(px + q − 1) in float64 (Fader, Hardie & Lee 2005, eq. 4); the
 * population mean p·v/(q−1) when x = 0. Callers have checked px + q > 1 (else the mean is
 * infinite). Evaluated directly when every intermediate is finite, else in logarithms (a spend of
 * 10³⁰⁸ has a finite expectation; `p·x` or `x·z̄` alone may overflow). Infinite only when the
 * expectation itself exceeds float64's range.
 * @internal
 */
export function gammaGammaExpectedSpend(q: GammaGammaParams, x: number, zbar: number): number {
  if (x === 0) return (q.p * q.v) / (q.q - 1);
  const direct = (q.p * (q.v + x * zbar)) / (q.p * x + q.q - 1);
  if (Number.isFinite(direct) && direct > 0) return direct;
  // ln p + ln(v + x z̄) − ln(px + q − 1), each sum formed without overflow
  const lnSpend = logAddExp(Math.log(q.v), Math.log(x) + Math.log(zbar));
  const lnPx = Math.log(q.p) + Math.log(x);
  const lnDenominator =
    q.q >= 1
      ? logAddExp(lnPx, Math.log(q.q - 1))
      : lnPx + Math.log1p(-Math.exp(Math.log(1 - q.q) - lnPx));
  return Math.exp(Math.log(q.p) + lnSpend - lnDenominator);
}

/**
 * Whether a repeat buyer's expected spend is finite: px + q > 1, the denominator of
 * E[M | x, z̄] = p(v + x·z̄)/(px + q − 1) (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie
 * 2013, "The Gamma-Gamma model of monetary value").
 * @internal
 */
export function hasFiniteSpend(q: GammaGammaParams, x: number): boolean {
  return q.p * x + q.q > 1;
}

/**
 * Expected value of a customer's future transactions under the Gamma-Gamma spend model, given
 * their x repeat purchases of mean value z̄.
 *
 * Formula: `E[M | x, z̄] = p(v + x z̄)/(px + q − 1) = w·pv/(q−1) + (1 − w)·z̄`, `w = (q−1)/(px+q−1)`:
 * a weighted average of the population mean `pv/(q−1)` and the customer's own mean, shrinking
 * more for customers with few purchases. It is defined at z̄ = 0 (a repeat buyer whose purchases
 * were free or refunded gets `pv/(px + q − 1)`). A customer without repeat purchases gets the
 * population mean (their `monetaryValue` is ignored).
 *
 * Convention: customers are read as the model was fitted (`model.firstTransaction`): x =
 * `frequency` repeat purchases of mean z̄ = `monetaryValue` (default), or, for a model fitted with
 * `firstTransaction: "include"` (CLVTools' `remove.first.transaction = FALSE`), x = `frequency + 1`
 * purchases of mean z̄ = `totalSpend / (frequency + 1)`.
 *
 * Money: `monetaryValue` is converted to float64 once at this boundary; each expectation is a
 * float64 model estimate, returned as a `Decimal` of its 15 significant digits (as
 * `customerLifetimeValue`; round it for display).
 *
 * @param model - a fitted Gamma-Gamma model (it has no time unit)
 * @param customers - `{ frequency, monetaryValue, totalSpend? }` per customer (`monetaryValue` ≥ 0,
 *   the mean of the **repeat** purchases; `totalSpend` ≥ 0 read only under `firstTransaction:
 *   "include"`; extra fields such as `customerId` are ignored)
 * @returns the expected value per transaction of each customer, in the money unit of the data,
 *   as a `Decimal[]` in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.p`, …) or invalid customers
 *   (every bad row listed, up to 100, at `customers[i].<field>`, e.g. a negative `monetaryValue`,
 *   `too_small`); for a customer with frequency 0
 *   when q ≤ 1, or a repeat buyer with p·frequency + q ≤ 1 (the expectation is then infinite; path
 *   `model.params.q`, code `"unsupported"`); or when the expectation exceeds float64's range,
 *   ≈ 1.8e308 (path `customers[i].monetaryValue`)
 * @example
 * ```ts
 * import { conditionalExpectedSpend } from "customer-value";
 * const spendModel = {
 *   kind: "gamma-gamma", params: { p: 6.248802496074264, q: 3.744588460923312, v: 15.447748064932831 },
 *   logLikelihood: -4055.92, standardErrors: { p: 1.19, q: 0.29, v: 4.16 },
 *   iterations: 20, converged: true, customerCount: 946,
 * } as const;
 * const spend = conditionalExpectedSpend(spendModel, [
 *   { customerId: "ann", frequency: 2, monetaryValue: "22.35" },
 *   { customerId: "bob", frequency: 0, monetaryValue: 0 },
 * ]);
 * spend[0]!.toNumber(); // => 24.6586161892
 * spend[1]!.toFixed(2); // => "35.17"
 * // A repeat buyer whose purchase was free: p·v/(p + q − 1)
 * conditionalExpectedSpend(spendModel, [{ frequency: 1, monetaryValue: 0 }])[0]!.toFixed(2); // => "10.73"
 * ```
 * @category Models
 * @see Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
 *   customer base analysis. Journal of Marketing Research 42(4), 415–430; Hardie (2013), note 025.
 */
export function conditionalExpectedSpend(
  model: GammaGammaModel,
  customers: readonly SpendHistory[],
): Decimal[] {
  const fn = "conditionalExpectedSpend";
  const parsed = parseSpendModel(fn, model);
  checkArray(fn, customers, "an array of customers", ["customers"]);
  const rows: readonly unknown[] = customers;
  const n = rows.length;
  const out: Decimal[] = new Array(n);
  const cache = createEstimateCache();
  for (let i = 0; i < n; i++) {
    let x: number;
    let zbar: number;
    try {
      ({ x, zbar } = checkSpendCustomer(fn, parsed, rows[i], i, ["customers"], ["model"]));
    } catch (error) {
      // Slow path: list every invalid row (up to 100) in one error.
      collectRowIssues(fn, n, (j) => {
        checkSpendCustomer(fn, parsed, rows[j], j, ["customers"], ["model"]);
      });
      throw error; // a row that changed between reads: its first error
    }
    const spend = gammaGammaExpectedSpend(parsed.params, x, zbar);
    if (!Number.isFinite(spend)) {
      throw invalidInput(
        fn,
        ["customers", i, "monetaryValue"],
        "The expected spend exceeds float64's range (about 1.8e308); rescale the money unit",
        "unsupported",
      );
    }
    out[i] = cachedEstimate(cache, spend);
  }
  return out;
}

/**
 * Validates a spend customer and reads the (x, z̄) the model's convention gives it: with
 * `model.firstTransaction` `"exclude"` (or absent) x = frequency and z̄ = monetaryValue ≥ 0 (read
 * when frequency ≥ 1); with `"include"` x = frequency + 1 and z̄ = totalSpend / x (totalSpend ≥ 0).
 * Checks the model's q when the population mean is needed, and p·x + q > 1.
 * @internal
 */
export function checkSpendCustomer(
  fn: string,
  model: GammaGammaModel,
  customer: unknown,
  index: number | undefined,
  prefix: readonly PropertyKey[] = [],
  modelPath: readonly PropertyKey[] = [],
): { x: number; zbar: number } {
  if (typeof customer === "object" && customer !== null) {
    // Fast path: a repeat buyer with a positive finite number amount.
    const c = customer as Record<string, unknown>;
    const x = c.frequency;
    const m = c.monetaryValue;
    if (typeof x === "number" && Number.isInteger(x) && model.firstTransaction !== "include") {
      if (
        x > 0 &&
        typeof m === "number" &&
        m >= 0 &&
        m < MONEY_LIMIT &&
        hasFiniteSpend(model.params, x)
      ) {
        return { x, zbar: m };
      }
      if (x === 0 && model.params.q > 1) return { x, zbar: 0 };
    }
  }
  const at = (key: string): PropertyKey[] =>
    index === undefined ? [...prefix, key] : [...prefix, index, key];
  if (typeof customer !== "object" || customer === null || Array.isArray(customer)) {
    throw invalidInput(
      fn,
      index === undefined ? [...prefix] : [...prefix, index],
      `Expected an object, received ${describeReceived(customer)}`,
      "invalid_type",
    );
  }
  const c = customer as Record<string, unknown>;
  const x = c.frequency;
  if (typeof x !== "number" || !Number.isInteger(x) || x < 0) {
    throw invalidInput(
      fn,
      at("frequency"),
      `Expected an integer ≥ 0, received ${describeReceived(x)}`,
      typeof x !== "number"
        ? x === undefined
          ? "required"
          : "invalid_type"
        : !Number.isInteger(x)
          ? "not_integer"
          : "too_small",
      x,
    );
  }
  if (model.firstTransaction === "include") {
    const total = spendValue(fn, c.totalSpend, at("totalSpend"));
    return { x: finiteSpendCount(fn, model, x + 1, modelPath), zbar: total / (x + 1) };
  }
  if (x === 0) {
    if (!(model.params.q > 1)) {
      throw invalidInput(
        fn,
        [...modelPath, "params", "q"],
        `q = ${model.params.q} ≤ 1: the population mean spend of customers without repeat purchases is infinite`,
        "unsupported",
        model.params.q,
      );
    }
    return { x, zbar: 0 };
  }
  return {
    x: finiteSpendCount(fn, model, x, modelPath),
    zbar: spendValue(fn, c.monetaryValue, at("monetaryValue")),
  };
}

/** `x`, after checking that p·x + q > 1 (else the expected spend is infinite: `unsupported` at the model's q). */
function finiteSpendCount(
  fn: string,
  model: GammaGammaModel,
  x: number,
  modelPath: readonly PropertyKey[],
): number {
  if (!hasFiniteSpend(model.params, x)) {
    throw invalidInput(
      fn,
      [...modelPath, "params", "q"],
      `p·x + q = ${model.params.p * x + model.params.q} ≤ 1 (x = ${x} purchases): this customer's expected spend is infinite under the model`,
      "unsupported",
      model.params.q,
    );
  }
  return x;
}
