/**
 * The five RATER dimensions of SERVQUAL (Parasuraman, Zeithaml & Berry 1988): their names and
 * order, the 22-item map of the 1988 instrument, and the importance weights shared by
 * {@link servqual} and {@link raterIndex}.
 * @internal
 * @module
 */
import * as z from "zod/mini";

/**
 * The five SERVQUAL (RATER) dimensions.
 * @category Satisfaction
 */
export type RaterDimension =
  | "tangibles"
  | "reliability"
  | "responsiveness"
  | "assurance"
  | "empathy";

/** The RATER dimensions in the 1988 item order. @internal */
export const RATER_DIMENSIONS: readonly RaterDimension[] = [
  "tangibles",
  "reliability",
  "responsiveness",
  "assurance",
  "empathy",
];

/**
 * A number per RATER dimension.
 * @category Satisfaction
 */
export interface RaterValues {
  /** Tangibles: physical facilities, equipment, appearance of personnel. */
  readonly tangibles: number;
  /** Reliability: ability to perform the promised service dependably and accurately. */
  readonly reliability: number;
  /** Responsiveness: willingness to help customers and provide prompt service. */
  readonly responsiveness: number;
  /** Assurance: knowledge and courtesy of employees, ability to inspire trust and confidence. */
  readonly assurance: number;
  /** Empathy: caring, individualised attention. */
  readonly empathy: number;
}

/**
 * The item ids belonging to each RATER dimension.
 * @category Satisfaction
 */
export interface RaterItemMap {
  /** Item ids of the tangibles dimension. */
  readonly tangibles: readonly number[];
  /** Item ids of the reliability dimension. */
  readonly reliability: readonly number[];
  /** Item ids of the responsiveness dimension. */
  readonly responsiveness: readonly number[];
  /** Item ids of the assurance dimension. */
  readonly assurance: readonly number[];
  /** Item ids of the empathy dimension. */
  readonly empathy: readonly number[];
}

/** The 1988 22-item map (4/5/4/4/5). @internal */
export const DEFAULT_ITEM_MAP: RaterItemMap = {
  tangibles: [1, 2, 3, 4],
  reliability: [5, 6, 7, 8, 9],
  responsiveness: [10, 11, 12, 13],
  assurance: [14, 15, 16, 17],
  empathy: [18, 19, 20, 21, 22],
};

const nonNegative = z.number().check(z.nonnegative());

/** zod schema for RATER weights: non-negative, positive sum. @internal */
export const raterWeightsSchema = z
  .strictObject({
    tangibles: nonNegative,
    reliability: nonNegative,
    responsiveness: nonNegative,
    assurance: nonNegative,
    empathy: nonNegative,
  })
  .check(
    z.refine((w) => w.tangibles + w.reliability + w.responsiveness + w.assurance + w.empathy > 0, {
      error: "Expected weights summing to a positive number",
      params: { code: "too_small" },
    }),
  ) satisfies z.ZodMiniType<unknown, RaterValues>;

/** Weights normalised to sum 1 (equal when absent). @internal */
export function normaliseWeights(weights: RaterValues | undefined): RaterValues {
  if (weights === undefined) {
    return { tangibles: 0.2, reliability: 0.2, responsiveness: 0.2, assurance: 0.2, empathy: 0.2 };
  }
  const total = RATER_DIMENSIONS.reduce((s, d) => s + weights[d], 0);
  return {
    tangibles: weights.tangibles / total,
    reliability: weights.reliability / total,
    responsiveness: weights.responsiveness / total,
    assurance: weights.assurance / total,
    empathy: weights.empathy / total,
  };
}
