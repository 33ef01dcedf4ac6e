import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { normalQuantile } from "./normal.js";
import {
  type NpsCategories,
  npsCategoriesSchema,
  npsScaleAndCategoriesCheck,
  STANDARD_NPS_CATEGORIES,
} from "./npsCategories.js";
import {
  type AnswerScale,
  answerScaleSchema,
  confidenceLevelSchema,
  npsScaleSchema,
  parseOptionsAndScale,
} from "./scale.js";
import { checkAnswers } from "./surveyRows.js";

/**
 * Options of {@link netPromoterScore}.
 * @category Satisfaction
 */
export interface NetPromoterScoreOptions {
  /**
   * The answer scale of the "how likely are you to recommend" question: `{ min: 0, max: 10 }`
   * (Reichheld's and Bain's, default) or `{ min: 1, max: 10 }` (some survey tools). Buckets are
   * the same on both: detractors up to 6, passives 7–8, promoters 9–10. Any other scale needs
   * `categories` (without them it is an error, code `invalid_value`).
   */
  readonly scale?: AnswerScale;
  /**
   * Custom category breaks, for another scale or a stricter reading: answers up to
   * `detractorMax` are detractors, from `promoterMin` up promoters, in between passives. Default
   * `{ detractorMax: 6, promoterMin: 9 }` (Reichheld 2003). Both must lie on the scale, with
   * `detractorMax < promoterMin`.
   */
  readonly categories?: NpsCategories;
  /** Confidence level of the interval, strictly between 0 and 1 (default `0.95`). */
  readonly confidenceLevel?: number;
  /**
   * How the confidence interval is built: `"wald"` (default; score ± z·SE) or `"adjusted-wald"`
   * (Rocks 2016: add 3/4 to the promoter and detractor counts and 3 to n before applying the Wald
   * formula; better coverage for small samples).
   */
  readonly interval?: "wald" | "adjusted-wald";
}

/**
 * A confidence interval for a score, on the score's own scale.
 * @category Satisfaction
 */
export interface ScoreInterval {
  /** Lower end of the interval. */
  readonly lower: number;
  /** Upper end of the interval. */
  readonly upper: number;
  /** Confidence level, e.g. `0.95`. */
  readonly level: number;
  /**
   * How the interval was built: `"wald"` = estimate ± z·standard error, clipped to the score's
   * range; `"adjusted-wald"` = the same on counts adjusted as Rocks (2016) recommends for NPS.
   */
  readonly method: "wald" | "adjusted-wald";
}

/**
 * Result of {@link netPromoterScore}.
 * @category Satisfaction
 */
export interface NetPromoterScoreResult {
  /** Number of answers counted (the denominator). */
  readonly responseCount: number;
  /** Answers of 9 or 10 (of `categories.promoterMin` or more). */
  readonly promoters: number;
  /** Answers of 7 or 8 (strictly between the two breaks). */
  readonly passives: number;
  /** Answers of 6 or below (of `categories.detractorMax` or less). */
  readonly detractors: number;
  /** promoters / responses, a fraction in [0, 1]. */
  readonly promoterShare: number;
  /** passives / responses, a fraction in [0, 1]. */
  readonly passiveShare: number;
  /** detractors / responses, a fraction in [0, 1]. */
  readonly detractorShare: number;
  /** The Net Promoter Score, 100 × (promoterShare − detractorShare), in [−100, 100], unrounded. */
  readonly score: number;
  /** Standard error of `score` (same −100..100 units): 100·√((p + d − (p − d)²)/n). */
  readonly standardError: number;
  /** Confidence interval for the score (Wald by default), clipped to [−100, 100]. */
  readonly confidenceInterval: ScoreInterval;
}

const optionsSchema = z
  .strictObject({
    scale: z.exactOptional(answerScaleSchema),
    categories: z.exactOptional(npsCategoriesSchema),
    confidenceLevel: z.exactOptional(confidenceLevelSchema),
    interval: z.exactOptional(z.enum(["wald", "adjusted-wald"])),
  })
  .check(npsScaleAndCategoriesCheck) satisfies z.ZodMiniType<unknown, NetPromoterScoreOptions>;

/**
 * Net Promoter Score of the answers to "How likely is it that you would recommend us to a friend
 * or colleague?", with counts, shares, its standard error and a confidence interval.
 *
 * **Formula.** Answers 9–10 are promoters, 7–8 passives, 0–6 detractors (Reichheld 2003; fixed
 * in every source). With n answers, p = promoters/n and d = detractors/n,
 * `NPS = 100 · (p − d)`, on −100..100 (percentage points, the "%" dropped).
 *
 * **Custom categories.** A survey that asks the question on another scale, or reads it more
 * strictly, gives its own breaks: `{ scale: { min: 1, max: 5 }, categories: { detractorMax: 3,
 * promoterMin: 5 } }` makes 5 a promoter, 4 a passive and 1–3 detractors. The formula, standard
 * error and intervals are unchanged (they only use the three counts). Such a score is an NPS-style
 * index, not comparable with published 0–10 benchmarks.
 *
 * **Uncertainty.** Each answer is a score X ∈ {+1 (promoter), 0 (passive), −1 (detractor)} and
 * NPS = 100·mean(X). The answers are a multinomial sample, so Var(X) = p + d − (p − d)² and
 * `SE = 100 · √((p + d − (p − d)²) / n)` (the plug-in multinomial variance of a difference of two
 * shares of one sample). The default interval is the Wald interval `score ± z·SE`, z the normal
 * quantile for the confidence level, clipped to [−100, 100]: what most CX tools report. It is too
 * narrow for small samples and has zero width when every answer falls in one bucket. With
 * `interval: "adjusted-wald"` the Wald formula is applied to adjusted counts — promoters + 3/4,
 * detractors + 3/4, n + 3 — and centred on the adjusted score, the variant Rocks (2016) found to
 * have the best coverage (MeasuringU's recommendation too). For tiny one-sided samples it can
 * exclude the raw score (n = 1 promoter: [−48.5, 98.5]); `score` and `standardError` are always
 * the unadjusted ones.
 *
 * **Conventions.** The score is returned unrounded on −100..100; rounding is the caller's: tools
 * disagree (`[9, 9, 7, 7, 7, 3]` is 16.67 exactly, 17 by rounding the difference, 16 by rounding
 * each percentage first; −2.5 is −2 with `Math.round` and −3 rounding half away from zero). The
 * R package `NPS` returns −1..1 instead (divide by 100). Every answer counts in the denominator;
 * drop non-answers before calling (CustomerGauge counts "no score" in the denominator, most tools
 * do not). Answers must be integers on the scale: 8.5 is rejected, not bucketed.
 *
 * Reference: Reichheld, F. F. (2003), "The One Number You Need to Grow", *Harvard Business
 * Review* 81(12): 46–54. Rocks, B. (2016), "Interval Estimation for the 'Net Promoter Score'",
 * *The American Statistician* 70(4): 365–372.
 *
 * @param answers - integer answers on the scale (at least one)
 * @param options - answer scale, category breaks, confidence level and interval method
 * @returns counts, shares, the score in [−100, 100], its standard error and confidence interval
 * @throws {@link InvalidInputError} listing every problem: the answer set is empty (path
 *   `answers`, code `too_small`), an answer is not a number (`answers[i]`, `invalid_type`), not an
 *   integer (`not_integer`) or outside the scale (`too_small` / `too_big`), the scale is not one of
 *   the two NPS scales and no `categories` are given (`options.scale`, `invalid_value`), a break is
 *   off the scale (`options.categories.detractorMax`, `too_small`; `.promoterMin`, `too_big`) or
 *   `promoterMin ≤ detractorMax` (`options.categories.promoterMin`, `inconsistent`), or another
 *   option is invalid (`options.<key>`)
 * @example
 * ```ts
 * import { netPromoterScore } from "customer-value";
 * const nps = netPromoterScore([10, 9, 10, 4]);
 * nps.score; // => 50
 * nps.promoters; // => 3
 * nps.responseCount; // => 4
 * nps.standardError; // => 43.30
 * netPromoterScore([10, 9, 10, 4], { interval: "adjusted-wald" }).confidenceInterval.lower; // => -33.59
 * netPromoterScore([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).score; // => -45.4545
 * netPromoterScore([1, 10, 9], { scale: { min: 1, max: 10 } }).score; // => 33.33
 * // A 1–5 question: 5 promotes, 4 is passive, 1–3 detract.
 * const fivePoint = { scale: { min: 1, max: 5 }, categories: { detractorMax: 3, promoterMin: 5 } };
 * netPromoterScore([5, 5, 4, 3, 1], fivePoint).score; // => 0
 * ```
 * @category Satisfaction
 */
export function netPromoterScore(
  answers: readonly number[],
  options: NetPromoterScoreOptions = {},
): NetPromoterScoreResult {
  const fn = "netPromoterScore";
  const issues = new IssueCollector();
  const { parsed, scale } = parseNpsOptions(fn, optionsSchema, options, issues);
  const values = checkAnswers(["answers"], answers, scale, issues);
  issues.throwIfAny(fn);
  // No issue: both were read.
  const {
    confidenceLevel = 0.95,
    interval = "wald",
    categories = STANDARD_NPS_CATEGORIES,
  } = parsed as NetPromoterScoreOptions;
  return npsFromAnswers(values as Float64Array, confidenceLevel, interval, categories);
}

/** The default NPS scale, 0–10. @internal */
export const NPS_SCALE: AnswerScale = { min: 0, max: 10 };

/**
 * Parses the options of an NPS function and settles the scale its answers are checked against
 * (0–10 by default; one of the two NPS scales unless custom categories are given):
 * {@link parseOptionsAndScale}. When the options are invalid, a scale is still used to check the
 * answers if it is a valid NPS scale.
 * @internal
 */
export function parseNpsOptions<O extends { readonly scale?: AnswerScale | undefined }>(
  fnName: string,
  schema: z.core.$ZodType<O>,
  options: unknown,
  issues: IssueCollector,
): { readonly parsed: O | undefined; readonly scale: AnswerScale | undefined } {
  return parseOptionsAndScale(fnName, schema, options, issues, NPS_SCALE, npsScaleSchema);
}

/** NPS result from validated answers, with the given category breaks. @internal */
export function npsFromAnswers(
  values: Float64Array,
  level: number,
  interval: "wald" | "adjusted-wald" = "wald",
  categories: NpsCategories = STANDARD_NPS_CATEGORIES,
): NetPromoterScoreResult {
  const { detractorMax, promoterMin } = categories;
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v >= promoterMin) promoters++;
    else if (v <= detractorMax) detractors++;
  }
  return npsFromCounts(
    promoters,
    values.length - promoters - detractors,
    detractors,
    level,
    interval,
  );
}

/** Score and standard error (−100..100 units) from counts. */
function scoreAndError(promoters: number, detractors: number, n: number): [number, number] {
  const p = promoters / n;
  const d = detractors / n;
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  return [100 * (p - d), 100 * Math.sqrt(variance / n)];
}

function npsFromCounts(
  promoters: number,
  passives: number,
  detractors: number,
  level: number,
  interval: "wald" | "adjusted-wald",
): NetPromoterScoreResult {
  const n = promoters + passives + detractors;
  const p = promoters / n;
  const d = detractors / n;
  const [score, standardError] = scoreAndError(promoters, detractors, n);
  const [centre, spread] =
    interval === "wald"
      ? [score, standardError]
      : scoreAndError(promoters + 0.75, detractors + 0.75, n + 3);
  const z = normalQuantile(0.5 + level / 2);
  return {
    responseCount: n,
    promoters,
    passives,
    detractors,
    promoterShare: p,
    passiveShare: passives / n,
    detractorShare: d,
    score,
    standardError,
    confidenceInterval: {
      lower: Math.max(-100, centre - z * spread),
      upper: Math.min(100, centre + z * spread),
      level,
      method: interval,
    },
  };
}
