/**
 * The arithmetic shared by the deterministic value functions: the geometric retention series in
 * exact decimals (finite, period by period, and the infinite closed form) and the divergence
 * check. Their validation lives in schemas.ts.
 * @internal
 * @module
 */
import { type Decimal, Money, ZERO } from "../core/money.js";

/**
 * When each period's margin is counted and discounted. See {@link retentionLifetimeValue}.
 * @category Value
 */
export type LifetimeValueTiming = "first-payment-now" | "end-of-period" | "start-of-period";

/** Converts a validated float rate to an exact decimal through its shortest decimal form. @internal */
export function rate(value: number): Decimal {
  return new Money(value);
}

/**
 * One row of the schedule of a finite-horizon value calculation: one period's cash flow.
 * @category Value
 */
export interface ValueScheduleRow {
  /** The 1-based period index: 1 for the first period counted. */
  readonly period: number;
  /** When the period's cash flow is booked, in periods from now (0 = today, undiscounted). */
  readonly time: number;
  /** Margin (net cash flow) of a customer who is still a customer in this period. */
  readonly margin: Decimal;
  /** Probability that the customer is still a customer when this margin is earned, in [0, 1]. */
  readonly survival: number;
  /**
   * Discount factor `1 / (1 + discountRate)^time` applied to this period's cash flow (34
   * significant digits; a `Decimal` because a negative discount rate can make it exceed the
   * float range over a long horizon).
   */
  readonly discountFactor: Decimal;
  /** Expected margin: `margin × survival` (exact decimal). */
  readonly expectedMargin: Decimal;
  /** Present value of the expected margin: `expectedMargin × discountFactor` (34 significant digits). */
  readonly presentValue: Decimal;
}

/** Exponents of the survival and discount factors of period k (1-based) under a timing. @internal */
export function exponents(timing: LifetimeValueTiming, k: number): { s: number; e: number } {
  switch (timing) {
    case "first-payment-now":
      return { s: k - 1, e: k - 1 };
    case "end-of-period":
      return { s: k, e: k };
    case "start-of-period":
      return { s: k - 1, e: k };
  }
}

/** Inputs of the retention series, already parsed. @internal */
export interface SeriesInput {
  readonly margin: Decimal;
  readonly retentionRate: number;
  readonly discountRate: number;
  readonly growthRate: number;
  readonly timing: LifetimeValueTiming;
}

/**
 * The finite retention series, period by period, in exact decimals (34 significant digits for the
 * divisions). Powers are built by repeated multiplication, so they stay exact while they fit.
 * @internal
 */
export function finiteSeries(
  input: SeriesInput,
  horizon: number,
): { rows: ValueScheduleRow[]; total: Decimal } {
  const r = rate(input.retentionRate);
  const onePlusD = rate(input.discountRate).plus(1);
  const onePlusG = rate(input.growthRate).plus(1);
  const rows: ValueScheduleRow[] = [];
  let total = ZERO;
  let margin = input.margin;
  let rPow: Decimal = new Money(1);
  let dPow: Decimal = new Money(1);
  let sPrev = 0;
  let ePrev = 0;
  for (let k = 1; k <= horizon; k++) {
    const { s, e } = exponents(input.timing, k);
    if (k > 1) margin = margin.times(onePlusG);
    while (sPrev < s) {
      rPow = rPow.times(r);
      sPrev++;
    }
    while (ePrev < e) {
      dPow = dPow.times(onePlusD);
      ePrev++;
    }
    const expectedMargin = margin.times(rPow);
    const presentValue = expectedMargin.div(dPow);
    total = total.plus(presentValue);
    rows.push({
      period: k,
      time: e,
      margin,
      survival: rPow.toNumber(),
      discountFactor: new Money(1).div(dPow),
      expectedMargin,
      presentValue,
    });
  }
  return { rows, total };
}

/** `1 + d − r(1 + g)`, the denominator of every infinite-horizon form. @internal */
export function seriesDenominator(
  retentionRate: number,
  discountRate: number,
  growthRate: number,
): Decimal {
  return rate(discountRate)
    .plus(1)
    .minus(rate(retentionRate).times(rate(growthRate).plus(1)));
}

/** The numerator factor of the infinite-horizon form for a timing: `1 + d`, `r` or `1`. @internal */
export function timingFactor(
  timing: LifetimeValueTiming,
  retentionRate: number,
  discountRate: number,
): Decimal {
  switch (timing) {
    case "first-payment-now":
      return rate(discountRate).plus(1);
    case "end-of-period":
      return rate(retentionRate);
    case "start-of-period":
      return new Money(1);
  }
}

/**
 * The closed-form infinite-horizon value `m · A / (1 + d − r(1 + g))`; the caller has checked
 * that the denominator is positive.
 * @internal
 */
export function infiniteSeries(input: SeriesInput): Decimal {
  const denominator = seriesDenominator(input.retentionRate, input.discountRate, input.growthRate);
  return input.margin
    .times(timingFactor(input.timing, input.retentionRate, input.discountRate))
    .div(denominator);
}

/** The message for a diverging infinite series. @internal */
export function divergenceMessage(
  retentionRate: number,
  discountRate: number,
  growthRate?: number,
): string {
  const growth = growthRate === undefined ? "" : ` × (1 + growthRate)`;
  const numbers =
    growthRate === undefined
      ? `1 + ${discountRate} − ${retentionRate}`
      : `1 + ${discountRate} − ${retentionRate} × (1 + ${growthRate})`;
  return (
    `The series diverges: an infinite horizon needs 1 + discountRate − retentionRate${growth} > 0, ` +
    `but ${numbers} ≤ 0. Give a finite horizon, or check that all rates are per the same period`
  );
}

/**
 * Whether a retention rate and a discount rate passed their own checks, so that a refinement
 * combining them (the divergence check) is meaningful. @internal
 */
export function ratesAreValid(
  retentionRate: unknown,
  discountRate: unknown,
  growthRate?: unknown,
): boolean {
  return (
    typeof retentionRate === "number" &&
    retentionRate >= 0 &&
    retentionRate <= 1 &&
    typeof discountRate === "number" &&
    Number.isFinite(discountRate) &&
    discountRate >= 0 &&
    (growthRate === undefined ||
      (typeof growthRate === "number" && Number.isFinite(growthRate) && growthRate > -1))
  );
}

/**
 * Present value at time `start` of the retained stream after acquisition:
 * `Σ_{t=1..n} (m·r − R)·r^(t−1) / (1+d)^t`, with n = `periods` (or ∞ when undefined: the
 * closed form `(m·r − R) / (1 + d − r)`, the caller has checked that it converges). Blattberg &
 * Deighton (1996) for segments; Gupta, Lehmann & Stuart (2004) after a cohort's acquisition.
 * @internal
 */
export function retainedValue(
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
