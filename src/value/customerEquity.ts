import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import {
  type Decimal,
  Money,
  type MoneyInput,
  moneySchema,
  nonNegativeMoneySchema,
  sumMoney,
  ZERO,
} from "../core/money.js";
import { boundedArray, parseInput } from "../core/validate.js";
import {
  countSchema,
  discountRateSchema,
  divergenceMessage,
  horizonSchema,
  rate,
  ratesAreValid,
  retentionRateSchema,
  seriesDenominator,
} from "./series.js";

/**
 * A segment of current customers and prospects, valued with the Blattberg–Deighton model.
 * @category Value
 */
export interface EquitySegment {
  /** Name of the segment, echoed in the result. */
  readonly name: string;
  /** Current customers in the segment (already acquired: acquisition cost is sunk). */
  readonly customers: number;
  /** Prospects the firm will try to acquire now. Default 0. */
  readonly prospects?: number;
  /** Margin per customer per period, before retention spending. */
  readonly margin: MoneyInput;
  /** Retention rate per period, in [0, 1]. */
  readonly retentionRate: number;
  /** Retention spending per customer per period (`R` in Blattberg & Deighton). Default 0. */
  readonly retentionCost?: MoneyInput;
  /** Share of prospects acquired, in [0, 1] (`a`). Required when `prospects` > 0. */
  readonly acquisitionRate?: number;
  /** Acquisition spending per prospect (`A`, spent on every prospect, acquired or not). Default 0. */
  readonly acquisitionCost?: MoneyInput;
}

/**
 * A cohort of customers acquired at a given period, valued as in Gupta, Lehmann & Stuart (2004).
 * @category Value
 */
export interface EquityCohort {
  /** Name of the cohort, echoed in the result. */
  readonly name: string;
  /** When the cohort is (or will be) acquired, in whole periods from now (0 = now). */
  readonly period: number;
  /** Number of customers acquired in the cohort. */
  readonly customers: number;
  /** Margin per customer per period, before retention spending. */
  readonly margin: MoneyInput;
  /** Retention rate per period, in [0, 1]. */
  readonly retentionRate: number;
  /** Retention spending per customer per period. Default 0. */
  readonly retentionCost?: MoneyInput;
  /** Acquisition cost per acquired customer, paid at the cohort's period. Default 0. */
  readonly acquisitionCost?: MoneyInput;
}

/**
 * Input of {@link customerEquity}. Rates, margins, costs and the horizon share one period.
 * @category Value
 */
export interface CustomerEquityInput {
  /** Segments of current customers and prospects (Blattberg–Deighton). */
  readonly segments?: readonly EquitySegment[];
  /** Acquisition cohorts, past (period 0, already acquired) or future (Gupta–Lehmann–Stuart). */
  readonly cohorts?: readonly EquityCohort[];
  /** Discount rate per period, greater than −1. */
  readonly discountRate: number;
  /**
   * Number of future periods counted, a whole number from 0 to 10,000 (cash flows at times 0..horizon). Omit
   * for an infinite horizon, which needs `1 + discountRate − retentionRate > 0` everywhere.
   */
  readonly horizon?: number;
}

/**
 * Value of one segment in {@link CustomerEquityResult}.
 * @category Value
 */
export interface SegmentEquity {
  /** The segment's name. */
  readonly name: string;
  /** Remaining value of one current customer: `(m·r − R) / (1 + d − r)` for an infinite horizon. */
  readonly valuePerCustomer: Decimal;
  /** `customers × valuePerCustomer`. */
  readonly currentValue: Decimal;
  /** Blattberg–Deighton equity of one prospect: `a·(m + valuePerCustomer) − A`. */
  readonly valuePerProspect: Decimal;
  /** `prospects × valuePerProspect`. */
  readonly prospectValue: Decimal;
  /** `currentValue + prospectValue`. */
  readonly equity: Decimal;
}

/**
 * Value of one cohort in {@link CustomerEquityResult}.
 * @category Value
 */
export interface CohortEquity {
  /** The cohort's name. */
  readonly name: string;
  /** Lifetime value of one customer at acquisition, first margin included, acquisition cost not. */
  readonly lifetimeValuePerCustomer: Decimal;
  /** Present value today of the cohort: `customers · (lifetimeValue − acquisitionCost) / (1+d)^period`. */
  readonly equity: Decimal;
}

/**
 * Result of {@link customerEquity}.
 * @category Value
 */
export interface CustomerEquityResult {
  /** Total customer equity: the sum over segments and cohorts. */
  readonly equity: Decimal;
  /** Value of the current customers of all segments. */
  readonly currentValue: Decimal;
  /** Value of the prospects of all segments plus all cohorts. */
  readonly futureValue: Decimal;
  /** One entry per segment, in input order. */
  readonly segments: readonly SegmentEquity[];
  /** One entry per cohort, in input order. */
  readonly cohorts: readonly CohortEquity[];
}

const FN = "customerEquity";

const segmentSchema = z.strictObject({
  name: z.string(),
  customers: countSchema,
  prospects: countSchema.exactOptional(),
  margin: moneySchema,
  retentionRate: retentionRateSchema,
  retentionCost: nonNegativeMoneySchema.exactOptional(),
  acquisitionRate: z.number().min(0).max(1).exactOptional(),
  acquisitionCost: nonNegativeMoneySchema.exactOptional(),
});

const cohortSchema = z.strictObject({
  name: z.string(),
  period: horizonSchema,
  customers: countSchema,
  margin: moneySchema,
  retentionRate: retentionRateSchema,
  retentionCost: nonNegativeMoneySchema.exactOptional(),
  acquisitionCost: nonNegativeMoneySchema.exactOptional(),
});

const inputSchema = z
  .strictObject({
    segments: boundedArray(z.array(segmentSchema).readonly()).exactOptional(),
    cohorts: boundedArray(z.array(cohortSchema).readonly()).exactOptional(),
    discountRate: discountRateSchema,
    horizon: horizonSchema.exactOptional(),
  })
  .superRefine((input, context) => {
    if ((input.segments?.length ?? 0) + (input.cohorts?.length ?? 0) === 0) {
      context.addIssue({
        code: "custom",
        path: ["segments"],
        message: "Give at least one segment or cohort",
      });
    }
    input.segments?.forEach((segment, i) => {
      if ((segment.prospects ?? 0) > 0 && segment.acquisitionRate === undefined) {
        context.addIssue({
          code: "custom",
          path: ["segments", i, "acquisitionRate"],
          message:
            "A segment with prospects needs an acquisitionRate (the share acquired, in [0, 1])",
        });
      }
    });
    if (input.horizon !== undefined) return;
    const check = (group: "segments" | "cohorts", i: number, retentionRate: number) => {
      if (!ratesAreValid(retentionRate, input.discountRate)) return;
      if (!seriesDenominator(retentionRate, input.discountRate, 0).gt(0)) {
        context.addIssue({
          code: "custom",
          path: [group, i, "retentionRate"],
          message: divergenceMessage(retentionRate, input.discountRate),
        });
      }
    };
    input.segments?.forEach((s, i) => {
      check("segments", i, s.retentionRate);
    });
    input.cohorts?.forEach((c, i) => {
      check("cohorts", i, c.retentionRate);
    });
  }) satisfies z.ZodType<unknown, CustomerEquityInput>;

/**
 * Present value at time `start` of the retained stream after acquisition:
 * `Σ_{t=1..n} (m·r − R)·r^(t−1) / (1+d)^t`, with n = `periods` (or ∞ when undefined).
 */
function retainedValue(
  margin: Decimal,
  retentionRate: number,
  retentionCost: Decimal,
  discountRate: number,
  periods: number | undefined,
): Decimal {
  const r = rate(retentionRate);
  const perPeriod = margin.times(r).minus(retentionCost);
  if (periods === undefined) {
    return perPeriod.div(seriesDenominator(retentionRate, discountRate, 0));
  }
  const onePlusD = rate(discountRate).plus(1);
  let total = ZERO;
  let rPow: Decimal = new Money(1);
  let dPow: Decimal = onePlusD;
  for (let t = 1; t <= periods; t++) {
    total = total.plus(perPeriod.times(rPow).div(dPow));
    rPow = rPow.times(r);
    dPow = dPow.times(onePlusD);
  }
  return total;
}

/**
 * Customer equity: the discounted value of the current customers plus the prospects and future
 * cohorts the firm will acquire (Rust, Lemon & Zeithaml 2004; Blattberg & Deighton 1996).
 *
 * **Segments** use the Blattberg–Deighton model, with margin `m`, retention rate `r`, retention
 * spending `R` per customer per period, acquisition rate `a`, acquisition spending `A` per prospect
 * and discount rate `d`, all **per period**. A retained customer earns `m·r − R` expected per
 * period (the firm spends `R` on everyone it tries to keep). One current customer is worth its
 * remaining life `(m·r − R)/(1+d−r)` (the current period's margin is already booked, so it is not
 * counted twice); one prospect is worth `a·[m + (m·r − R)/(1+d−r)] − A`, the Blattberg–Deighton
 * `a·m − A + a·(m − R/r)·r′/(1−r′)` with `r′ = r/(1+d)`.
 *
 * **Cohorts** follow Gupta, Lehmann & Stuart (2004): `n_k` customers acquired `k` periods from now
 * at cost `c_k` each are worth `n_k·(m + (m·r − R)/(1+d−r) − c_k)/(1+d)^k` today, i.e. the
 * first-payment-now lifetime value at acquisition, net of acquisition cost, discounted back.
 *
 * With a `horizon` of `H` periods only cash flows at times 0..H count (cohorts after `H` add
 * nothing). Money is exact (decimals; divisions at 34 significant digits).
 *
 * Conventions and alternatives: current customers exclude the current period's margin (it is
 * already booked; count it yourself if your books have not), while prospects and cohorts include
 * the margin of their acquisition period, as in Blattberg & Deighton and Gupta, Lehmann & Stuart.
 * Rust, Lemon & Zeithaml (2004) estimate equity from survey-based drivers and brand-switching
 * matrices instead; this function takes the rates as given.
 *
 * @param input - segments and/or cohorts, the discount rate per period and an optional horizon
 * @returns the equity, its current and future parts, and one entry per segment and cohort
 * @throws {@link InvalidInputError} with the path of the bad field: no segment or cohort, a rate
 *   outside its range, a negative count or cost, prospects without an acquisition rate, a
 *   negative, fractional or over-10,000 horizon or cohort period, or an infinite horizon whose series
 *   diverges (`1 + d − r ≤ 0`, at `segments[i].retentionRate` / `cohorts[i].retentionRate`).
 * @example
 * ```ts
 * import { customerEquity } from "customer-value";
 * // Blattberg–Deighton: a = 0.3, A = 50, m = 100, R = 20, r = 0.6, d = 0.1 per year
 * const result = customerEquity({
 *   discountRate: 0.1,
 *   segments: [{
 *     name: "smb", customers: 1000, prospects: 10000, margin: 100, retentionRate: 0.6,
 *     retentionCost: 20, acquisitionRate: 0.3, acquisitionCost: 50,
 *   }],
 * });
 * result.segments[0]?.valuePerProspect.toFixed(2); // => "4.00"
 * result.segments[0]?.valuePerCustomer.toFixed(2); // => "80.00"
 * result.equity.toFixed(2); // => "120000.00"
 * ```
 * @category Value
 * @see Blattberg, R. C. & Deighton, J. (1996). Manage marketing by the customer equity test. Harvard Business Review, 74(4), 136–144.
 * @see Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004). Valuing customers. Journal of Marketing Research, 41(1), 7–18.
 * @see Rust, R. T., Lemon, K. N. & Zeithaml, V. A. (2004). Return on marketing: using customer equity to focus marketing strategy. Journal of Marketing, 68(1), 109–127.
 */
export function customerEquity(input: CustomerEquityInput): CustomerEquityResult {
  const parsed = parseInput(FN, inputSchema, input);
  const d = parsed.discountRate;
  const horizon = parsed.horizon;
  const segments: SegmentEquity[] = (parsed.segments ?? []).map((s) => {
    const retentionCost = s.retentionCost ?? ZERO;
    const valuePerCustomer = retainedValue(s.margin, s.retentionRate, retentionCost, d, horizon);
    const acquisitionRate = rate(s.acquisitionRate ?? 0);
    const valuePerProspect = acquisitionRate
      .times(s.margin.plus(valuePerCustomer))
      .minus(s.acquisitionCost ?? ZERO);
    const currentValue = valuePerCustomer.times(rate(s.customers));
    const prospectValue = valuePerProspect.times(rate(s.prospects ?? 0));
    return {
      name: s.name,
      valuePerCustomer,
      currentValue,
      valuePerProspect,
      prospectValue,
      equity: currentValue.plus(prospectValue),
    };
  });
  const onePlusD = rate(d).plus(1);
  const cohorts: CohortEquity[] = (parsed.cohorts ?? []).map((c, i) => {
    if (horizon !== undefined && c.period > horizon) {
      return { name: c.name, lifetimeValuePerCustomer: ZERO, equity: ZERO };
    }
    const remaining = horizon === undefined ? undefined : horizon - c.period;
    const lifetimeValuePerCustomer = c.margin.plus(
      retainedValue(c.margin, c.retentionRate, c.retentionCost ?? ZERO, d, remaining),
    );
    const equity = lifetimeValuePerCustomer
      .minus(c.acquisitionCost ?? ZERO)
      .times(rate(c.customers))
      .div(onePlusD.pow(c.period));
    if (!equity.isFinite()) {
      throw invalidInput(FN, ["cohorts", i, "period"], "The cohort's discounting overflowed");
    }
    return { name: c.name, lifetimeValuePerCustomer, equity };
  });
  const currentValue = sumMoney(segments.map((s) => s.currentValue));
  const futureValue = sumMoney([
    ...segments.map((s) => s.prospectValue),
    ...cohorts.map((c) => c.equity),
  ]);
  return {
    equity: currentValue.plus(futureValue),
    currentValue,
    futureValue,
    segments,
    cohorts,
  };
}
