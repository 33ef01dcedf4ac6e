import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { type Decimal, Money, type MoneyInput, moneySchema } from "../core/money.js";
import { parseInputCollecting } from "../core/validate.js";

/**
 * Plain counts of one period, the parameters of {@link satisfactionIndicators}. Every count is
 * optional except `customerCount`.
 * @category Satisfaction
 */
export interface SatisfactionCounts {
  /** Number of customers at the start of the period (the denominator of the customer rates), > 0. */
  readonly customerCount: number;
  /** How many of the `customerCount` customers bought again during the period. */
  readonly repurchasingCustomers?: number;
  /** How many of them complained at least once during the period. */
  readonly complainingCustomers?: number;
  /** How many of them referred someone during the period. */
  readonly referringCustomers?: number;
  /** How many of them said they were satisfied. */
  readonly satisfiedCustomers?: number;
  /** A price change and how many of the customers exposed to it were lost. */
  readonly priceChange?: {
    /** Relative price change, e.g. `0.05` for +5 % (non-zero). */
    readonly relativeChange: number;
    /** Customers exposed to the change (> 0). */
    readonly customersExposed: number;
    /** Exposed customers lost after the change. */
    readonly customersLost: number;
  };
  /** Number of transactions in the period (> 0 when `revenue` is given). */
  readonly transactions?: number;
  /** Total amount bought in those transactions. */
  readonly revenue?: MoneyInput;
}

/**
 * Result of {@link satisfactionIndicators}: each rate is present when its counts were given.
 * @category Satisfaction
 */
export interface SatisfactionIndicators {
  /** repurchasingCustomers / customerCount, a fraction. */
  readonly repurchaseRate?: number;
  /** complainingCustomers / customerCount, a fraction. */
  readonly complaintRate?: number;
  /** referringCustomers / customerCount, a fraction. */
  readonly referralRate?: number;
  /** satisfiedCustomers / customerCount, a fraction (the "customer satisfaction rate"). */
  readonly satisfactionRate?: number;
  /** customersLost / customersExposed after the price change, a fraction. */
  readonly priceChangeLossRate?: number;
  /** Share of exposed customers lost per 1 % of price change: lossRate / (100·|relativeChange|). */
  readonly priceSensitivity?: number;
  /** revenue / transactions, exact. */
  readonly meanPurchasePerTransaction?: Decimal;
}

const count = z.int().check(z.nonnegative());

const countsSchema = z.strictObject({
  customerCount: z.int().check(z.positive()),
  repurchasingCustomers: z.exactOptional(count),
  complainingCustomers: z.exactOptional(count),
  referringCustomers: z.exactOptional(count),
  satisfiedCustomers: z.exactOptional(count),
  priceChange: z.exactOptional(
    z.strictObject({
      relativeChange: z.number().check(
        z.refine((x) => x !== 0, {
          error: "Expected a non-zero price change",
          params: { code: "invalid_value" },
        }),
      ),
      customersExposed: z.int().check(z.positive()),
      customersLost: count,
    }),
  ),
  transactions: z.exactOptional(count),
  revenue: z.exactOptional(moneySchema),
}) satisfies z.ZodMiniType<unknown, SatisfactionCounts>;

/**
 * The shares of the customer base: repurchasing, complaining, referring and satisfied customers
 * divided by `customerCount`, for the counts given; a count above `customerCount` is recorded
 * (code `inconsistent`).
 */
function customerRates(counts: SatisfactionCounts, issues: IssueCollector): SatisfactionIndicators {
  const rates: {
    repurchaseRate?: number;
    complaintRate?: number;
    referralRate?: number;
    satisfactionRate?: number;
  } = {};
  const rate = (
    key:
      | "repurchasingCustomers"
      | "complainingCustomers"
      | "referringCustomers"
      | "satisfiedCustomers",
  ): number | undefined => {
    const value = counts[key];
    if (value === undefined) return undefined;
    if (value > counts.customerCount) {
      issues.add(
        ["parameters", key],
        `${key} (${value}) exceeds customerCount (${counts.customerCount})`,
        "inconsistent",
        value,
      );
    }
    return value / counts.customerCount;
  };
  const repurchase = rate("repurchasingCustomers");
  if (repurchase !== undefined) rates.repurchaseRate = repurchase;
  const complaint = rate("complainingCustomers");
  if (complaint !== undefined) rates.complaintRate = complaint;
  const referral = rate("referringCustomers");
  if (referral !== undefined) rates.referralRate = referral;
  const satisfied = rate("satisfiedCustomers");
  if (satisfied !== undefined) rates.satisfactionRate = satisfied;
  return rates;
}

/**
 * The practitioner satisfaction indicators as rates from plain counts: repurchase, complaint,
 * referral and satisfaction rates, price sensitivity, and mean purchase per transaction.
 *
 * **Formulas** (all customer rates over the customers at the start of the period):
 * repurchase rate = repurchasing / customers; complaint rate = complaining customers / customers;
 * referral rate = referring / customers; satisfaction rate = satisfied / customers;
 * price-change loss rate = lost / exposed, and price sensitivity = that rate per 1 % of price
 * change, `lossRate / (100·|relativeChange|)`; mean purchase per transaction = revenue /
 * transactions (exact decimal).
 *
 * **Conventions.** None of these has a canonical formula. Alternatives: complaints per
 * transaction instead of complaining customers per customer; repurchase over customers active at
 * the end rather than the start; price sensitivity as an elasticity of demand rather than of the
 * customer count. Rates are fractions in [0, 1]; multiply by 100 for percentages. Each rate is
 * returned only when its counts are given.
 *
 * Reference: Kotler, P. & Keller, K. L. (2016), *Marketing Management*, 15th ed., Pearson, ch. 5
 * (measuring satisfaction); Fornell, C. (1992), "A National Customer Satisfaction Barometer: The
 * Swedish Experience", *Journal of Marketing* 56(1): 6–21.
 *
 * @param parameters - the period's counts (only `customerCount` is required)
 * @returns the rates that the given counts determine
 * @throws {@link InvalidInputError} listing every problem: a count is missing, negative or not an
 *   integer (path `parameters.<key>`, code `required` / `too_small` / `not_integer`), a
 *   numerator exceeds its denominator (e.g. `parameters.repurchasingCustomers`, `inconsistent`),
 *   `revenue` comes without a positive `transactions` (`parameters.transactions`, `required` /
 *   `too_small`), or the price change is zero (`parameters.priceChange.relativeChange`,
 *   `invalid_value`) or too small (e.g. `5e-324`) for a finite sensitivity (`unsupported`)
 * @example
 * ```ts
 * import { satisfactionIndicators } from "customer-value";
 * const rates = satisfactionIndicators({
 *   customerCount: 1000,
 *   repurchasingCustomers: 620,
 *   complainingCustomers: 45,
 *   priceChange: { relativeChange: 0.05, customersExposed: 1000, customersLost: 30 },
 *   transactions: 4,
 *   revenue: "100.10",
 * });
 * rates.repurchaseRate; // => 0.62
 * rates.priceSensitivity; // => 0.006
 * rates.meanPurchasePerTransaction?.toString(); // => "25.025"
 * ```
 * @category Satisfaction
 */
export function satisfactionIndicators(parameters: SatisfactionCounts): SatisfactionIndicators {
  const fn = "satisfactionIndicators";
  const issues = new IssueCollector();
  const c = parseInputCollecting(fn, countsSchema, parameters, ["parameters"], issues);
  issues.throwIfAny(fn);
  const counts = c as SatisfactionCounts;
  const rates: {
    -readonly [K in keyof SatisfactionIndicators]: SatisfactionIndicators[K];
  } = customerRates(counts, issues);
  if (counts.priceChange !== undefined) {
    const { customersExposed, customersLost, relativeChange } = counts.priceChange;
    const path = ["parameters", "priceChange"];
    if (customersLost > customersExposed) {
      issues.add(
        [...path, "customersLost"],
        `customersLost (${customersLost}) exceeds customersExposed (${customersExposed})`,
        "inconsistent",
        customersLost,
      );
    }
    const loss = customersLost / customersExposed;
    rates.priceChangeLossRate = loss;
    const sensitivity = loss / (100 * Math.abs(relativeChange));
    if (!Number.isFinite(sensitivity)) {
      issues.add(
        [...path, "relativeChange"],
        `A price change of ${relativeChange} is too small to measure a sensitivity`,
        "unsupported",
        relativeChange,
      );
    }
    rates.priceSensitivity = sensitivity;
  }
  if (counts.revenue !== undefined) {
    if (counts.transactions === undefined || counts.transactions === 0) {
      issues.add(
        ["parameters", "transactions"],
        "Give a positive number of transactions with revenue",
        counts.transactions === undefined ? "required" : "too_small",
        counts.transactions,
      );
    } else {
      rates.meanPurchasePerTransaction = new Money(counts.revenue).dividedBy(counts.transactions);
    }
  }
  issues.throwIfAny(fn);
  return rates;
}
