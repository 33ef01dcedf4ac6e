import * as z from "zod/mini";
import { IssueCollector, invalidInput } from "../core/errors.js";
import { type Decimal, type MoneyInput, sumMoney, ZERO } from "../core/money.js";
import { boundedArray, parseInputCollecting } from "../core/validate.js";
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
  periodCountSchema,
  retentionRateSchema,
} from "./schemas.js";
import {
  divergenceMessage,
  rate,
  ratesAreValid,
  retainedValue,
  seriesDenominator,
} from "./series.js";

/**
 * A segment of current customers and prospects, valued with the Blattberg–Deighton model.
 * @category Value
 */
export interface EquitySegment {
  /** Name of the segment, echoed in the result. */
  readonly name: string;
  /** How many current customers the segment has (already acquired: acquisition cost is sunk), ≥ 0. */
  readonly customerCount: number;
  /** How many prospects the firm will try to acquire now, ≥ 0. Default 0. */
  readonly prospectCount?: number;
  /** Margin: money one customer contributes per period, before retention spending. */
  readonly margin: MoneyInput;
  /** Retention rate per period, in [0, 1]. */
  readonly retentionRate: number;
  /** Retention spending per customer per period (`R` in Blattberg & Deighton). Default 0. */
  readonly retentionCost?: MoneyInput;
  /** Share of prospects acquired, in [0, 1] (`a`). Required when `prospectCount` > 0. */
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
  /**
   * How many whole periods from now the cohort is (or will be) acquired: 0 = now, 1 = in one
   * period; at most 10,000. (A count of periods, not a period index.)
   */
  readonly periodsUntilAcquisition: number;
  /** How many customers the cohort acquires, ≥ 0. */
  readonly customerCount: number;
  /** Margin: money one customer contributes per period, before retention spending. */
  readonly margin: MoneyInput;
  /** Retention rate per period, in [0, 1]. */
  readonly retentionRate: number;
  /** Retention spending per customer per period. Default 0. */
  readonly retentionCost?: MoneyInput;
  /** Acquisition cost per acquired customer, paid at the cohort's period. Default 0. */
  readonly acquisitionCost?: MoneyInput;
}

/**
 * The groups valued by {@link customerEquity}: segments of current customers and prospects,
 * acquisition cohorts, or both (at least one group in all).
 * @category Value
 */
export interface EquityGroups {
  /** Segments of current customers and prospects (Blattberg–Deighton). */
  readonly segments?: readonly EquitySegment[];
  /** Acquisition cohorts, past (acquired now) or future (Gupta–Lehmann–Stuart). */
  readonly cohorts?: readonly EquityCohort[];
}

/**
 * Options of {@link customerEquity}. Rates, margins, costs and the horizon share one period.
 * @category Value
 */
export interface CustomerEquityOptions {
  /**
   * Compound discount rate per period, a fraction ≥ 0 (0.1 = 10 %). 1 or more is an error
   * (`implausible_rate`) unless `allowLargeDiscountRate` is `true`.
   */
  readonly discountRate: number;
  /** Set to `true` to accept a discount rate of 1 (100 %) or more per period. Default `false`. */
  readonly allowLargeDiscountRate?: boolean;
  /**
   * How many future periods are counted (cash flows at times 0..horizon): a **whole** number in
   * (0, 10,000], or `"infinite"` (the default), which needs `1 + discountRate − retentionRate > 0`
   * for every group.
   */
  readonly horizon?: number | "infinite";
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
  /** `customerCount × valuePerCustomer`. */
  readonly currentValue: Decimal;
  /** Blattberg–Deighton equity of one prospect: `a·(m + valuePerCustomer) − A`. */
  readonly valuePerProspect: Decimal;
  /** `prospectCount × valuePerProspect`. */
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
  /**
   * Present value today of the cohort:
   * `customerCount · (lifetimeValue − acquisitionCost) / (1+d)^periodsUntilAcquisition`.
   */
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
  customerCount: countSchema,
  prospectCount: z.exactOptional(countSchema),
  margin: amountSchema,
  retentionRate: retentionRateSchema,
  retentionCost: z.exactOptional(nonNegativeAmountSchema),
  acquisitionRate: z.exactOptional(z.number().check(z.minimum(0), z.maximum(1))),
  acquisitionCost: z.exactOptional(nonNegativeAmountSchema),
});

const cohortSchema = z.strictObject({
  name: z.string(),
  periodsUntilAcquisition: periodCountSchema,
  customerCount: countSchema,
  margin: amountSchema,
  retentionRate: retentionRateSchema,
  retentionCost: z.exactOptional(nonNegativeAmountSchema),
  acquisitionCost: z.exactOptional(nonNegativeAmountSchema),
});

const groupsSchema = z
  .strictObject({
    segments: z.exactOptional(boundedArray(z.readonly(z.array(segmentSchema)))),
    cohorts: z.exactOptional(boundedArray(z.readonly(z.array(cohortSchema)))),
  })
  .check(
    z.superRefine((groups, context) => {
      const segments = Array.isArray(groups.segments) ? groups.segments : [];
      const cohorts = Array.isArray(groups.cohorts) ? groups.cohorts : [];
      if (segments.length + cohorts.length === 0) {
        addCodedIssue(context, [], "Give at least one segment or cohort", "too_small", groups);
      }
      segments.forEach((segment, i) => {
        if (
          typeof segment === "object" &&
          segment !== null &&
          typeof segment.prospectCount === "number" &&
          segment.prospectCount > 0 &&
          segment.acquisitionRate === undefined
        ) {
          addCodedIssue(
            context,
            ["segments", i, "acquisitionRate"],
            "A segment with prospects needs an acquisitionRate (the share acquired, in [0, 1])",
            "required",
            undefined,
          );
        }
      });
    }, ALWAYS),
  ) satisfies z.ZodMiniType<unknown, EquityGroups>;

const optionsSchema = z
  .strictObject({
    ...discountRateShape,
    horizon: z.exactOptional(horizonSchema),
  })
  .check(
    z.superRefine((options, context) => {
      addDiscountRateIssues(context, options);
    }, ALWAYS),
  ) satisfies z.ZodMiniType<unknown, CustomerEquityOptions>;

/** The parsed input of {@link customerEquity}. */
type ParsedEquityInput = z.output<typeof groupsSchema> & z.output<typeof optionsSchema>;

/**
 * Records every group whose infinite retention series diverges (`1 + d − r ≤ 0`) at its
 * `retentionRate` (code `inconsistent`).
 */
function reportDivergentGroups(parsed: ParsedEquityInput, d: number, issues: IssueCollector): void {
  const check = (group: "segments" | "cohorts", i: number, retentionRate: number) => {
    if (ratesAreValid(retentionRate, d) && !seriesDenominator(retentionRate, d, 0).gt(0)) {
      issues.add(
        ["groups", group, i, "retentionRate"],
        divergenceMessage(retentionRate, d),
        "inconsistent",
        retentionRate,
      );
    }
  };
  parsed.segments?.forEach((g, i) => {
    check("segments", i, g.retentionRate);
  });
  parsed.cohorts?.forEach((g, i) => {
    check("cohorts", i, g.retentionRate);
  });
}

/**
 * One segment's equity (Blattberg & Deighton 1996): the retained value of a current customer,
 * the expected value of a prospect `a·(m + retained value) − acquisition cost`, both times their
 * counts.
 */
function segmentEquity(
  s: z.output<typeof segmentSchema>,
  d: number,
  horizon: number | undefined,
): SegmentEquity {
  const retentionCost = s.retentionCost ?? ZERO;
  const valuePerCustomer = retainedValue(s.margin, s.retentionRate, retentionCost, d, horizon);
  const acquisitionRate = rate(s.acquisitionRate ?? 0);
  const valuePerProspect = acquisitionRate
    .times(s.margin.plus(valuePerCustomer))
    .minus(s.acquisitionCost ?? ZERO);
  const currentValue = valuePerCustomer.times(rate(s.customerCount));
  const prospectValue = valuePerProspect.times(rate(s.prospectCount ?? 0));
  return {
    name: s.name,
    valuePerCustomer,
    currentValue,
    valuePerProspect,
    prospectValue,
    equity: currentValue.plus(prospectValue),
  };
}

/**
 * One cohort's equity (Gupta, Lehmann & Stuart 2004): the lifetime value of a customer acquired
 * `k` periods from now, less its acquisition cost, times the cohort size, discounted by
 * `(1 + d)^k`; 0 when the cohort arrives after the horizon.
 */
function cohortEquity(
  c: z.output<typeof cohortSchema>,
  i: number,
  d: number,
  horizon: number | undefined,
): CohortEquity {
  const k = c.periodsUntilAcquisition;
  if (horizon !== undefined && k > horizon) {
    return { name: c.name, lifetimeValuePerCustomer: ZERO, equity: ZERO };
  }
  const remaining = horizon === undefined ? undefined : horizon - k;
  const lifetimeValuePerCustomer = c.margin.plus(
    retainedValue(c.margin, c.retentionRate, c.retentionCost ?? ZERO, d, remaining),
  );
  const equity = lifetimeValuePerCustomer
    .minus(c.acquisitionCost ?? ZERO)
    .times(rate(c.customerCount))
    .div(rate(d).plus(1).pow(k));
  if (!equity.isFinite()) {
    throw invalidInput(
      FN,
      ["groups", "cohorts", i, "periodsUntilAcquisition"],
      "The cohort's discounting overflowed",
      "unsupported",
      k,
    );
  }
  return { name: c.name, lifetimeValuePerCustomer, equity };
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
 * (`k` = `periodsUntilAcquisition`)
 * at cost `c_k` each are worth `n_k·(m + (m·r − R)/(1+d−r) − c_k)/(1+d)^k` today, i.e. the
 * first-payment-now lifetime value at acquisition, net of acquisition cost, discounted back.
 *
 * With a `horizon` of `H` periods only cash flows at times 0..H count (cohorts after `H` add
 * nothing); `horizon: "infinite"` (the default) uses the closed forms above. Money is exact
 * (decimals; divisions at 34 significant digits).
 *
 * Call shape: the groups (rows describing segments and cohorts) are the data, the discount rate
 * and horizon are the options: `customerEquity(groups, options)`, so no argument mixes the two.
 *
 * Conventions and alternatives: current customers exclude the current period's margin (it is
 * already booked; count it yourself if your books have not), while prospects and cohorts include
 * the margin of their acquisition period, as in Blattberg & Deighton and Gupta, Lehmann & Stuart.
 * Rust, Lemon & Zeithaml (2004) estimate equity from survey-based drivers and brand-switching
 * matrices instead; this function takes the rates as given.
 *
 * @param groups - segments and/or cohorts (at least one group)
 * @param options - the discount rate per period, the optional opt-in for a rate ≥ 1 and the horizon
 * @returns the equity, its current and future parts, and one entry per segment and cohort
 * @throws {@link InvalidInputError} listing every problem of both arguments at once, each with
 *   its path and code: no segment or cohort (`groups`, `too_small`), a bad field of a group
 *   (`groups.segments[i].<field>`, `groups.cohorts[i].<field>`: a rate outside its range, a
 *   negative count or cost, a fractional `periodsUntilAcquisition` (`not_integer`), an unknown
 *   key), prospects without an acquisition rate (`groups.segments[i].acquisitionRate`,
 *   `required`), a negative discount rate (`options.discountRate`, `too_small`) or one ≥ 1
 *   without `allowLargeDiscountRate` (`implausible_rate`), a horizon that is not `"infinite"` or
 *   a whole number in (0, 10,000] (`options.horizon`), or an infinite horizon whose series
 *   diverges (`1 + d − r ≤ 0`, code `inconsistent`, at `groups.segments[i].retentionRate` /
 *   `groups.cohorts[i].retentionRate`).
 * @example
 * ```ts
 * import { customerEquity } from "customer-value";
 * // Blattberg–Deighton: a = 0.3, A = 50, m = 100, R = 20, r = 0.6, d = 0.1 per year
 * const result = customerEquity(
 *   {
 *     segments: [{
 *       name: "smb", customerCount: 1000, prospectCount: 10000, margin: 100, retentionRate: 0.6,
 *       retentionCost: 20, acquisitionRate: 0.3, acquisitionCost: 50,
 *     }],
 *   },
 *   { discountRate: 0.1 },
 * );
 * result.segments[0]?.valuePerProspect.toFixed(2); // => "4.00"
 * result.segments[0]?.valuePerCustomer.toFixed(2); // => "80.00"
 * result.equity.toFixed(2); // => "120000.00"
 * ```
 * @category Value
 * @see Blattberg, R. C. & Deighton, J. (1996). Manage marketing by the customer equity test. Harvard Business Review, 74(4), 136–144.
 * @see Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004). Valuing customers. Journal of Marketing Research, 41(1), 7–18.
 * @see Rust, R. T., Lemon, K. N. & Zeithaml, V. A. (2004). Return on marketing: using customer equity to focus marketing strategy. Journal of Marketing, 68(1), 109–127.
 */
export function customerEquity(
  groups: EquityGroups,
  options: CustomerEquityOptions,
): CustomerEquityResult {
  const issues = new IssueCollector();
  const parsedGroups = parseInputCollecting(FN, groupsSchema, groups, ["groups"], issues);
  const parsedOptions = parseInputCollecting(FN, optionsSchema, options, ["options"], issues);
  issues.throwIfAny(FN);
  // Both parsed (throwIfAny threw otherwise).
  const parsed = { ...parsedGroups!, ...parsedOptions! };
  const d = parsed.discountRate;
  const horizon = finiteHorizon(parsed.horizon);
  if (horizon === undefined) {
    reportDivergentGroups(parsed, d, issues);
    issues.throwIfAny(FN);
  }
  const segments = (parsed.segments ?? []).map((s) => segmentEquity(s, d, horizon));
  const cohorts = (parsed.cohorts ?? []).map((c, i) => cohortEquity(c, i, d, horizon));
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
