import { z } from "zod";
import { parseInput } from "../core/validate.js";
import { checkAnswers, confidenceLevelSchema, normalQuantile } from "./scale.js";

/** Options of {@link netPromoterScore}. */
export interface NetPromoterScoreOptions {
  /**
   * The answer scale of the "how likely are you to recommend" question: `"0-10"` (Reichheld's and
   * Bain's, default) or `"1-10"` (some survey tools). Buckets are the same on both: detractors up
   * to 6, passives 7–8, promoters 9–10.
   */
  readonly scale?: "0-10" | "1-10";
  /** Confidence level of the interval, strictly between 0 and 1 (default `0.95`). */
  readonly confidenceLevel?: number;
}

/** A confidence interval for a score, on the score's own scale. */
export interface ScoreInterval {
  /** Lower end of the interval. */
  readonly lower: number;
  /** Upper end of the interval. */
  readonly upper: number;
  /** Confidence level, e.g. `0.95`. */
  readonly level: number;
  /** How the interval was built: `"wald"` = estimate ± z·standard error, clipped to the score's range. */
  readonly method: "wald";
}

/** Result of {@link netPromoterScore}. */
export interface NetPromoterScoreResult {
  /** Number of answers counted (the denominator). */
  readonly responses: number;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 6 or below. */
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
  /** Wald confidence interval for the score, clipped to [−100, 100]. */
  readonly confidenceInterval: ScoreInterval;
}

const optionsSchema = z.strictObject({
  scale: z.enum(["0-10", "1-10"]).exactOptional(),
  confidenceLevel: confidenceLevelSchema.exactOptional(),
}) satisfies z.ZodType<unknown, NetPromoterScoreOptions>;

/**
 * Net Promoter Score of the answers to "How likely is it that you would recommend us to a friend
 * or colleague?", with counts, shares, its standard error and a confidence interval.
 *
 * **Formula.** Answers 9–10 are promoters, 7–8 passives, 0–6 detractors (Reichheld 2003; fixed
 * in every source). With n answers, p = promoters/n and d = detractors/n,
 * `NPS = 100 · (p − d)`, on −100..100 (percentage points, the "%" dropped).
 *
 * **Uncertainty.** Each answer is a score X ∈ {+1 (promoter), 0 (passive), −1 (detractor)} and
 * NPS = 100·mean(X). The answers are a multinomial sample, so Var(X) = p + d − (p − d)² and
 * `SE = 100 · √((p + d − (p − d)²) / n)` (the plug-in multinomial variance of a difference of two
 * shares of one sample). The interval is the Wald interval `score ± z·SE`, z the normal quantile
 * for the confidence level, clipped to [−100, 100]. It is the interval MeasuringU and most CX tools
 * report; it is too narrow for small samples and has zero width when every answer falls in one
 * bucket. Rocks (2016) proposes an adjusted-Wald interval for small samples (not implemented).
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
 * @param options - answer scale and confidence level
 * @returns counts, shares, the score in [−100, 100], its standard error and confidence interval
 * @throws {@link InvalidInputError} when the answer set is empty, an answer is not an integer or
 *   lies outside the scale, or an option is invalid (the message gives the path, e.g. `[3]`)
 * @example
 * ```ts
 * import { netPromoterScore } from "customer-value";
 * const nps = netPromoterScore([10, 9, 10, 4]);
 * nps.score; // => 50
 * nps.promoters; // => 3
 * nps.standardError; // => 43.30
 * netPromoterScore([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).score; // => -45.4545
 * ```
 * @category Satisfaction
 */
export function netPromoterScore(
  answers: readonly number[],
  options: NetPromoterScoreOptions = {},
): NetPromoterScoreResult {
  const fn = "netPromoterScore";
  const parsed = parseInput(fn, optionsSchema, options, ["options"]);
  const min = parsed.scale === "1-10" ? 1 : 0;
  const values = checkAnswers(fn, ["answers"], answers, { min, max: 10 });
  return npsFromAnswers(values, parsed.confidenceLevel ?? 0.95);
}

/** NPS result from validated answers. @internal */
export function npsFromAnswers(values: Float64Array, level: number): NetPromoterScoreResult {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  return npsFromCounts(promoters, values.length - promoters - detractors, detractors, level);
}

function npsFromCounts(
  promoters: number,
  passives: number,
  detractors: number,
  level: number,
): NetPromoterScoreResult {
  const n = promoters + passives + detractors;
  const p = promoters / n;
  const d = detractors / n;
  const score = 100 * (p - d);
  const variance = Math.max(0, p + d - (p - d) * (p - d));
  const standardError = 100 * Math.sqrt(variance / n);
  const z = normalQuantile(0.5 + level / 2);
  return {
    responses: n,
    promoters,
    passives,
    detractors,
    promoterShare: p,
    passiveShare: passives / n,
    detractorShare: d,
    score,
    standardError,
    confidenceInterval: {
      lower: Math.max(-100, score - z * standardError),
      upper: Math.min(100, score + z * standardError),
      level,
      method: "wald",
    },
  };
}
