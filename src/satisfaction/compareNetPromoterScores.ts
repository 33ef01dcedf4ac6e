import * as z from "zod/mini";
import { IssueCollector, invalidInput } from "../core/errors.js";
import {
  type NetPromoterScoreResult,
  npsFromAnswers,
  parseNpsOptions,
} from "./netPromoterScore.js";
import { normalCdf, normalQuantile } from "./normal.js";
import {
  type NpsCategories,
  npsCategoriesSchema,
  npsScaleAndCategoriesCheck,
  STANDARD_NPS_CATEGORIES,
} from "./npsCategories.js";
import { type AnswerScale, answerScaleSchema, confidenceLevelSchema } from "./scale.js";
import { checkAnswers } from "./surveyRows.js";

/**
 * Options of {@link compareNetPromoterScores}.
 * @category Satisfaction
 */
export interface CompareNetPromoterScoresOptions {
  /**
   * Answer scale of both samples: `{ min: 0, max: 10 }` (default) or `{ min: 1, max: 10 }`; any
   * other scale needs `categories` (without them it is an error, code `invalid_value`).
   */
  readonly scale?: AnswerScale;
  /**
   * Custom category breaks of both samples, as in {@link netPromoterScore} (default
   * `{ detractorMax: 6, promoterMin: 9 }`).
   */
  readonly categories?: NpsCategories;
  /** Confidence level of the interval for the difference, strictly between 0 and 1 (default `0.95`). */
  readonly confidenceLevel?: number;
}

/**
 * Result of {@link compareNetPromoterScores}.
 * @category Satisfaction
 */
export interface NetPromoterScoreComparison {
  /** The first sample's NPS (as {@link netPromoterScore} returns it). */
  readonly first: NetPromoterScoreResult;
  /** The second sample's NPS. */
  readonly second: NetPromoterScoreResult;
  /** first.score − second.score, in points on −200..200. */
  readonly difference: number;
  /** Standard error of the difference: √(SE₁² + SE₂²) (independent samples). */
  readonly standardError: number;
  /** z statistic: difference / standardError. */
  readonly zStatistic: number;
  /** Two-sided p-value of the z test of "no difference", 2·(1 − Φ(|z|)). */
  readonly pValue: number;
  /** Wald interval for the difference: difference ± z·standardError, clipped to [−200, 200]. */
  readonly confidenceInterval: {
    /** Lower end, in points. */
    readonly lower: number;
    /** Upper end, in points. */
    readonly upper: number;
    /** Confidence level, e.g. `0.95`. */
    readonly level: number;
    /** Always `"wald"`. */
    readonly method: "wald";
  };
}

const optionsSchema = z
  .strictObject({
    scale: z.exactOptional(answerScaleSchema),
    categories: z.exactOptional(npsCategoriesSchema),
    confidenceLevel: z.exactOptional(confidenceLevelSchema),
  })
  .check(npsScaleAndCategoriesCheck) satisfies z.ZodMiniType<
  unknown,
  CompareNetPromoterScoresOptions
>;

/**
 * Tests whether two independent samples (two periods, two stores, two vendors) have different Net
 * Promoter Scores.
 *
 * **Formula.** With each sample's NPS and standard error from {@link netPromoterScore}
 * (SE = 100·√((p + d − (p − d)²)/n)), the difference `Δ = NPS₁ − NPS₂` has
 * `SE(Δ) = √(SE₁² + SE₂²)` because the samples are independent. `z = Δ / SE(Δ)`, the two-sided
 * p-value is `2·(1 − Φ(|z|))`, and the Wald interval is `Δ ± z_{(1+level)/2}·SE(Δ)`.
 *
 * **Conventions.** This is the large-sample z test on the multinomial variance (the test MeasuringU
 * describes for NPS); it needs roughly 30+ answers per sample. Alternatives are the adjusted-Wald
 * interval (Rocks 2016) or a bootstrap. Repeated measures on the same respondents are not
 * independent and need a paired analysis instead.
 *
 * Reference: Reichheld, F. F. (2003), "The One Number You Need to Grow", *Harvard Business
 * Review* 81(12). Rocks, B. (2016), "Interval Estimation for the 'Net Promoter Score'", *The
 * American Statistician* 70(4): 365–372.
 *
 * @param first - integer answers of the first sample (at least one)
 * @param second - integer answers of the second sample (at least one)
 * @param options - answer scale, category breaks (as in {@link netPromoterScore}) and confidence
 *   level
 * @returns both scores, their difference, its standard error, z, the p-value and an interval
 * @throws {@link InvalidInputError} listing every problem: an empty sample (path `first` or
 *   `second`, code `too_small`), answers that are not integers on the scale (`first[i]` or
 *   `second[i]`, codes as in {@link netPromoterScore}), a scale other than the two NPS scales
 *   without `categories` (`options.scale`, `invalid_value`), breaks off the scale or out of order
 *   (`options.categories.*`, as in {@link netPromoterScore}); or, alone, when both samples have zero variance (every
 *   answer of each sample in one bucket), where the z test is undefined (code `unsupported`)
 * @example
 * ```ts
 * import { compareNetPromoterScores } from "customer-value";
 * const q1 = [10, 10, 9, 9, 8, 7, 6, 3, 10, 9];
 * const q2 = [10, 8, 7, 6, 5, 3, 9, 7, 2, 8];
 * const test = compareNetPromoterScores(q1, q2);
 * test.difference; // => 60
 * test.pValue; // => 0.0833
 * ```
 * @category Satisfaction
 */
export function compareNetPromoterScores(
  first: readonly number[],
  second: readonly number[],
  options: CompareNetPromoterScoresOptions = {},
): NetPromoterScoreComparison {
  const fn = "compareNetPromoterScores";
  const issues = new IssueCollector();
  const { parsed, scale } = parseNpsOptions(fn, optionsSchema, options, issues);
  const firstValues = checkAnswers(["first"], first, scale, issues);
  const secondValues = checkAnswers(["second"], second, scale, issues);
  issues.throwIfAny(fn);
  // No issue: everything was read.
  const { confidenceLevel: level = 0.95, categories = STANDARD_NPS_CATEGORIES } =
    parsed as CompareNetPromoterScoresOptions;
  const a = npsFromAnswers(firstValues as Float64Array, level, "wald", categories);
  const b = npsFromAnswers(secondValues as Float64Array, level, "wald", categories);
  const difference = a.score - b.score;
  const standardError = Math.sqrt(a.standardError ** 2 + b.standardError ** 2);
  if (!(standardError > 0)) {
    throw invalidInput(
      fn,
      [],
      "Both samples have zero variance (each sample's answers all fall in one bucket); the z test is undefined",
      "unsupported",
    );
  }
  const zStatistic = difference / standardError;
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(zStatistic)));
  const z = normalQuantile(0.5 + level / 2);
  return {
    first: a,
    second: b,
    difference,
    standardError,
    zStatistic,
    pValue,
    confidenceInterval: {
      lower: Math.max(-200, difference - z * standardError),
      upper: Math.min(200, difference + z * standardError),
      level,
      method: "wald",
    },
  };
}
