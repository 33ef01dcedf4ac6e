/**
 * The SERVQUAL gaps (Parasuraman, Zeithaml & Berry 1988; zone of tolerance 1994): the item gap
 * `Q = P̄ − Ē`, the dimension gap (mean of its items' gaps), the adequacy and superiority gaps
 * `MSA = P − A`, `MSS = P − D`, and where perceived service sits in the zone of tolerance.
 * @internal
 * @module
 */
import type { RaterDimension, RaterValues } from "./rater.js";

/**
 * Where perceived service sits relative to the zone of tolerance [adequate, desired].
 * @category Satisfaction
 */
export type ToleranceZone = "below" | "within" | "above";

/**
 * The zone-of-tolerance reading of an item or a dimension (three-column format).
 * @category Satisfaction
 */
export interface ToleranceReading {
  /** Mean adequate service level A. */
  readonly adequate: number;
  /** Mean desired service level D. */
  readonly desired: number;
  /** Measure of service adequacy, MSA = P − A (negative: below the minimum acceptable). */
  readonly adequacyGap: number;
  /** Measure of service superiority, MSS = P − D (positive: above the desired level). */
  readonly superiorityGap: number;
  /** `"below"` when P < A, `"above"` when P > D, otherwise `"within"`. */
  readonly zone: ToleranceZone;
  /** True when D < A (an inverted zone: a data or wording problem to check). */
  readonly invertedZone: boolean;
}

/**
 * Gap scores of one SERVQUAL item.
 * @category Satisfaction
 */
export interface ServqualItemResult {
  /** The item id. */
  readonly item: number;
  /** The dimension the item belongs to. */
  readonly dimension: RaterDimension;
  /** Number of answers to the item. */
  readonly responseCount: number;
  /** Mean expectation E (after reverse scoring). */
  readonly expectation: number;
  /** Mean perception P (after reverse scoring). */
  readonly perception: number;
  /** Gap score Q = P − E (negative: service falls short of expectations). */
  readonly gap: number;
  /** Zone-of-tolerance reading, present when adequate and desired levels were answered. */
  readonly tolerance?: ToleranceReading;
}

/**
 * Gap scores of one RATER dimension.
 * @category Satisfaction
 */
export interface ServqualDimensionResult {
  /** The dimension. */
  readonly dimension: RaterDimension;
  /** Number of its items that were answered. */
  readonly itemCount: number;
  /** Mean of its items' mean expectations. */
  readonly expectation: number;
  /** Mean of its items' mean perceptions. */
  readonly perception: number;
  /** Dimension gap: mean of its items' gaps P − E. */
  readonly gap: number;
  /** The dimension's normalised weight (sum over dimensions 1). */
  readonly weight: number;
  /** Zone-of-tolerance reading from the item means, present in the three-column format. */
  readonly tolerance?: ToleranceReading;
}

/** The sums of one item's answers (after reverse scoring). @internal */
export interface ItemTotals {
  /** Number of answers. */
  n: number;
  /** Sum of expectations E. */
  e: number;
  /** Sum of perceptions P. */
  p: number;
  /** Sum of adequate levels A (three-column format). */
  a: number;
  /** Sum of desired levels D (three-column format). */
  d: number;
}

/**
 * The gap of one item: mean expectation Ē, mean perception P̄, `Q = P̄ − Ē`, and with the
 * three-column format its zone-of-tolerance reading from the mean A and D.
 * @internal
 */
export function itemGap(
  item: number,
  dimension: RaterDimension,
  totals: ItemTotals,
  threeColumn: boolean,
): ServqualItemResult {
  const expectation = totals.e / totals.n;
  const perception = totals.p / totals.n;
  const base = {
    item,
    dimension,
    responseCount: totals.n,
    expectation,
    perception,
    gap: perception - expectation,
  };
  return threeColumn
    ? { ...base, tolerance: tolerance(perception, totals.a / totals.n, totals.d / totals.n) }
    : base;
}

/**
 * The gap of one dimension from its answered items (each item weighs the same): the means of
 * their Ē, P̄ and Q, and with the three-column format the zone of tolerance from the means of
 * their A and D. `own` is not empty.
 * @internal
 */
export function dimensionGap(
  dimension: RaterDimension,
  own: readonly ServqualItemResult[],
  weights: RaterValues,
  threeColumn: boolean,
): ServqualDimensionResult {
  const mean = (f: (it: ServqualItemResult) => number) =>
    own.reduce((s, it) => s + f(it), 0) / own.length;
  const perception = mean((it) => it.perception);
  const base = {
    dimension,
    itemCount: own.length,
    expectation: mean((it) => it.expectation),
    perception,
    gap: mean((it) => it.gap),
    weight: weights[dimension],
  };
  return threeColumn
    ? {
        ...base,
        tolerance: tolerance(
          perception,
          mean((it) => it.tolerance?.adequate ?? 0),
          mean((it) => it.tolerance?.desired ?? 0),
        ),
      }
    : base;
}

/**
 * The zone-of-tolerance reading of a perception against adequate (A) and desired (D) levels.
 * @internal
 */
export function tolerance(perception: number, adequate: number, desired: number): ToleranceReading {
  return {
    adequate,
    desired,
    adequacyGap: perception - adequate,
    superiorityGap: perception - desired,
    zone: perception < adequate ? "below" : perception > desired ? "above" : "within",
    invertedZone: desired < adequate,
  };
}
