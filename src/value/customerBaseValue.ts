import * as z from "zod/mini";
import { type Decimal, type MoneyInput, ZERO } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import {
  ALWAYS,
  addCodedIssue,
  addDiscountRateIssues,
  amountSchema,
  countSchema,
  discountRateShape,
  finiteHorizon,
  horizonSchema,
  nonNegativeAmountSchema,
  retentionRateSchema,
  timingSchema,
} from "./schemas.js";
import {
  divergenceMessage,
  finiteSeries,
  infiniteSeries,
  type LifetimeValueTiming,
  rate,
  ratesAreValid,
  seriesDenominator,
} from "./series.js";

/**
 * The five sources of customer-base value, as changes to the baseline. All default to 0.
 * @category Value
 */
export interface CustomerBaseLevers {
  /** Change of the retention rate, in fraction points (0.05 = from 0.80 to 0.85). */
  readonly retention?: number;
  /** How many additional customers are acquired now (a count ≥ 0), each costing `acquisitionCost`. */
  readonly acquisition?: number;
  /** Extra margin per customer per period from selling other products (cross-sell). */
  readonly crossSell?: MoneyInput;
  /** Extra margin per customer per period from selling more or better of the same (up-sell). */
  readonly upSell?: MoneyInput;
  /** Reduction of the cost to serve per customer per period (adds to the margin). */
  readonly costToServe?: MoneyInput;
}

/**
 * Parameters of {@link customerBaseValue}. Margin, rates and horizon share one period.
 * @category Value
 */
export interface CustomerBaseValueParameters {
  /** Current number of customers, a number ≥ 0. */
  readonly customerCount: number;
  /** Margin: money one customer contributes per period. */
  readonly margin: MoneyInput;
  /** Retention rate per period, in [0, 1]. */
  readonly retentionRate: number;
  /**
   * Compound discount rate per period, a fraction ≥ 0 (0.1 = 10 %). 1 or more is an error
   * (`implausible_rate`) unless `allowLargeDiscountRate` is `true`.
   */
  readonly discountRate: number;
  /** Set to `true` to accept a discount rate of 1 (100 %) or more per period. Default `false`. */
  readonly allowLargeDiscountRate?: boolean;
  /** Timing convention of the per-customer value (see {@link retentionLifetimeValue}). Default `"end-of-period"`. */
  readonly timing?: LifetimeValueTiming;
  /**
   * How many periods are counted: a **whole** number in (0, 10,000] (summed period by period),
   * or `"infinite"` (the default, the closed form).
   */
  readonly horizon?: number | "infinite";
  /** Cost of acquiring one new customer (used by the acquisition lever). Default 0. */
  readonly acquisitionCost?: MoneyInput;
  /** Improvements to value; each is also valued alone in `contributions`. */
  readonly levers?: CustomerBaseLevers;
}

/**
 * The value each lever adds alone, in {@link CustomerBaseValueResult}.
 * @category Value
 */
export interface CustomerBaseContributions {
  /** Value added by the retention change alone. */
  readonly retention: Decimal;
  /** Value added by the new customers alone (their lifetime value minus acquisition cost). */
  readonly acquisition: Decimal;
  /** Value added by cross-sell alone. */
  readonly crossSell: Decimal;
  /** Value added by up-sell alone. */
  readonly upSell: Decimal;
  /** Value added by the lower cost to serve alone. */
  readonly costToServe: Decimal;
}

/**
 * Result of {@link customerBaseValue}.
 * @category Value
 */
export interface CustomerBaseValueResult {
  /** Baseline value of one customer (no levers, no acquisition cost: it is sunk). */
  readonly valuePerCustomer: Decimal;
  /** Baseline value of the base: `customerCount × valuePerCustomer`. */
  readonly baseValue: Decimal;
  /** Value of the base with all levers applied together. */
  readonly valueWithLevers: Decimal;
  /** What each lever adds when applied alone. */
  readonly contributions: CustomerBaseContributions;
  /**
   * What the levers add together beyond the sum of their separate contributions (retention
   * multiplies margin and customers): `valueWithLevers = baseValue + Σ contributions + interaction`.
   */
  readonly interaction: Decimal;
  /** The timing convention used. */
  readonly convention: LifetimeValueTiming;
}

const FN = "customerBaseValue";

const leversSchema = z.strictObject({
  retention: z.exactOptional(z.number().check(z.minimum(-1), z.maximum(1))),
  acquisition: z.exactOptional(countSchema),
  crossSell: z.exactOptional(amountSchema),
  upSell: z.exactOptional(amountSchema),
  costToServe: z.exactOptional(amountSchema),
});

const parametersSchema = z
  .strictObject({
    customerCount: countSchema,
    margin: amountSchema,
    retentionRate: retentionRateSchema,
    ...discountRateShape,
    timing: z.exactOptional(timingSchema),
    horizon: z.exactOptional(horizonSchema),
    acquisitionCost: z.exactOptional(nonNegativeAmountSchema),
    levers: z.exactOptional(leversSchema),
  })
  .check(
    z.superRefine((input, context) => {
      if (!addDiscountRateIssues(context, input)) return;
      if (!ratesAreValid(input.retentionRate, input.discountRate)) return;
      const change = input.levers?.retention ?? 0;
      if (typeof change !== "number" || !(change >= -1 && change <= 1)) return;
      const improved = input.retentionRate + change;
      if (improved < 0 || improved > 1) {
        addCodedIssue(
          context,
          ["levers", "retention"],
          `retentionRate + levers.retention = ${improved} is outside [0, 1]`,
          "inconsistent",
          change,
        );
        return;
      }
      if (input.horizon !== undefined && input.horizon !== "infinite") return;
      if (!seriesDenominator(input.retentionRate, input.discountRate, 0).gt(0)) {
        addCodedIssue(
          context,
          ["retentionRate"],
          divergenceMessage(input.retentionRate, input.discountRate),
          "inconsistent",
          input.retentionRate,
        );
      } else if (!seriesDenominator(improved, input.discountRate, 0).gt(0)) {
        addCodedIssue(
          context,
          ["levers", "retention"],
          divergenceMessage(improved, input.discountRate),
          "inconsistent",
          change,
        );
      }
    }, ALWAYS),
  ) satisfies z.ZodMiniType<unknown, CustomerBaseValueParameters>;

/**
 * Value of the customer base as value per customer × number of customers, and what each of the
 * five value sources (retention, acquisition, cross-sell, up-sell, cost to serve) adds to it.
 *
 * `baseValue = N · CLV(m, r)` (N = `customerCount`), where `CLV` is {@link retentionLifetimeValue} with the chosen
 * timing and horizon and no acquisition cost (the current customers' cost is sunk). The levers
 * change the drivers: retention `r → r + Δr`, acquisition `N → N + ΔN` (each new customer costing
 * `AC`), and cross-sell, up-sell and cost to serve all add to the margin, `m → m + Δx + Δu + Δc`.
 * `valueWithLevers = (N + ΔN)·CLV(m + Δx + Δu + Δc, r + Δr) − ΔN·AC`. Each lever's contribution
 * is its value alone minus the baseline; the margin levers are exactly additive with each other,
 * retention interacts with all of them, and `interaction` holds that remainder so the table adds
 * up exactly. Rates and margins are **per period**, the same period for all. This is the
 * static-base special case of customer equity (Gupta, Lehmann & Stuart 2004); see
 * {@link customerEquity} for prospects and future cohorts.
 *
 * Convention: each lever is valued alone against the baseline (one at a time), with the joint
 * effect left in `interaction`. The alternative, sequential attribution (apply retention, then
 * acquisition, ...), hides the interaction inside whichever lever comes last and so depends on
 * the order.
 *
 * Call shape: one parameters object (`fn(parameters)`), like {@link retentionLifetimeValue}: the
 * base is described by named scalars (a count, a margin, rates), not by per-customer rows.
 *
 * @param parameters - the base, its per-period drivers, and the levers to value
 * @returns the baseline per customer and in total, the value with levers, and each lever's contribution
 * @throws {@link InvalidInputError} listing every bad field at once, each at
 *   `parameters.<field>` with its code: a rate or count outside its range (`too_small`,
 *   `too_big`), a discount rate ≥ 1 without `allowLargeDiscountRate` (`implausible_rate`), a
 *   horizon that is not `"infinite"` or a whole number in (0, 10,000] (`not_integer`, …), an
 *   amount that cannot be read (`invalid_money`), an unknown key (`unknown_key`),
 *   `retentionRate + levers.retention` outside [0, 1] (`inconsistent`, at
 *   `parameters.levers.retention`), or an infinite horizon whose series diverges
 *   (`inconsistent`, at `parameters.retentionRate`, or at `parameters.levers.retention` when the
 *   improvement does it).
 * @example
 * ```ts
 * import { customerBaseValue } from "customer-value";
 * const result = customerBaseValue({
 *   customerCount: 10000, margin: 100, retentionRate: 0.8, discountRate: 0.1,
 *   acquisitionCost: 150,
 *   levers: { retention: 0.05, acquisition: 500, crossSell: 5, upSell: 5, costToServe: 2 },
 * });
 * result.baseValue.toFixed(0); // => "2666667"
 * result.contributions.retention.toFixed(0); // => "733333"
 * result.contributions.crossSell.toFixed(0); // => "133333"
 * result.contributions.acquisition.toFixed(0); // => "58333"
 * ```
 * @category Value
 * @see Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004). Valuing customers. Journal of Marketing Research, 41(1), 7–18.
 * @see Gupta, S. & Lehmann, D. R. (2005). Managing Customers as Investments. Wharton School Publishing.
 */
export function customerBaseValue(
  parameters: CustomerBaseValueParameters,
): CustomerBaseValueResult {
  const parsed = parseInput(FN, parametersSchema, parameters, ["parameters"]);
  const horizon = finiteHorizon(parsed.horizon);
  const convention = parsed.timing ?? "end-of-period";
  const levers = parsed.levers ?? {};
  const clv = (margin: Decimal, retentionRate: number): Decimal => {
    const series = {
      margin,
      retentionRate,
      discountRate: parsed.discountRate,
      growthRate: 0,
      timing: convention,
    };
    return horizon === undefined ? infiniteSeries(series) : finiteSeries(series, horizon).total;
  };
  const acquisitionCost = parsed.acquisitionCost ?? ZERO;
  const value = (count: number, margin: Decimal, retentionRate: number, added: number): Decimal =>
    rate(count)
      .plus(rate(added))
      .times(clv(margin, retentionRate))
      .minus(acquisitionCost.times(rate(added)));

  const n = parsed.customerCount;
  const m = parsed.margin;
  const r = parsed.retentionRate;
  const dR = levers.retention ?? 0;
  const dN = levers.acquisition ?? 0;
  const crossSell = levers.crossSell ?? ZERO;
  const upSell = levers.upSell ?? ZERO;
  const costToServe = levers.costToServe ?? ZERO;

  const valuePerCustomer = clv(m, r);
  const baseValue = valuePerCustomer.times(rate(n));
  const improvedRetention = rate(r).plus(rate(dR)).toNumber();
  const contributions: CustomerBaseContributions = {
    retention: value(n, m, improvedRetention, 0).minus(baseValue),
    acquisition: value(n, m, r, dN).minus(baseValue),
    crossSell: value(n, m.plus(crossSell), r, 0).minus(baseValue),
    upSell: value(n, m.plus(upSell), r, 0).minus(baseValue),
    costToServe: value(n, m.plus(costToServe), r, 0).minus(baseValue),
  };
  const valueWithLevers = value(
    n,
    m.plus(crossSell).plus(upSell).plus(costToServe),
    improvedRetention,
    dN,
  );
  const interaction = valueWithLevers
    .minus(baseValue)
    .minus(contributions.retention)
    .minus(contributions.acquisition)
    .minus(contributions.crossSell)
    .minus(contributions.upSell)
    .minus(contributions.costToServe);
  return { valuePerCustomer, baseValue, valueWithLevers, contributions, interaction, convention };
}
