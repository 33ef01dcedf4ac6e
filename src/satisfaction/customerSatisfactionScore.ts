import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import type { ScoreInterval } from "./netPromoterScore.js";
import { normalQuantile } from "./normal.js";
import {
  type AnswerScale,
  answerScaleSchema,
  confidenceLevelSchema,
  parseOptionsAndScale,
} from "./scale.js";
import { checkAnswers } from "./surveyRows.js";

/**
 * Options of {@link customerSatisfactionScore}.
 * @category Satisfaction
 */
export interface CustomerSatisfactionScoreOptions {
  /** The answer scale, stated explicitly (e.g. `{ min: 1, max: 5 }`): CSAT scales vary by tool. */
  readonly scale: AnswerScale;
  /**
   * How answers become a score: `"top-2-box"` (default; share answering one of the two highest
   * points), `"top-box"` (share answering the highest point) or `"mean"` (the mean answer).
   */
  readonly method?: "top-box" | "top-2-box" | "mean";
  /** Confidence level of the interval, strictly between 0 and 1 (default `0.95`). */
  readonly confidenceLevel?: number;
}

/**
 * Result of {@link customerSatisfactionScore}.
 * @category Satisfaction
 */
export interface CustomerSatisfactionScoreResult {
  /** The scoring method used. */
  readonly method: "top-box" | "top-2-box" | "mean";
  /** Number of answers. */
  readonly responseCount: number;
  /**
   * The CSAT: for the box methods the percentage of satisfied answers (0–100); for `"mean"` the
   * mean answer on the answer scale. Unrounded.
   */
  readonly score: number;
  /** Standard error of `score`, in the score's units. */
  readonly standardError: number;
  /** Wald interval for the score, clipped to 0–100 (box methods) or to the scale (mean). */
  readonly confidenceInterval: ScoreInterval;
  /** Answers counted as satisfied by the box rule (for `"mean"`: by the top-2-box rule). */
  readonly satisfied: number;
  /** Mean answer on the answer scale (whatever the method). */
  readonly mean: number;
}

const optionsSchema = z
  .strictObject({
    scale: answerScaleSchema,
    method: z.exactOptional(z.enum(["top-box", "top-2-box", "mean"])),
    confidenceLevel: z.exactOptional(confidenceLevelSchema),
  })
  .check(
    z.refine((o) => (o.method ?? "top-2-box") !== "top-2-box" || o.scale.max - o.scale.min >= 2, {
      error: "top-2-box needs a scale with at least three points",
      path: ["method"],
      params: { code: "inconsistent" },
    }),
  ) satisfies z.ZodMiniType<unknown, CustomerSatisfactionScoreOptions>;

/**
 * Customer Satisfaction Score (CSAT) of answers to "How satisfied were you…?" on an explicit scale,
 * by top-box, top-2-box or mean, with a standard error and confidence interval.
 *
 * **Formulas.** With n answers on `[min, max]`:
 * - `"top-2-box"` (default): `100 · #(answer ≥ max − 1) / n` — on a 1–5 scale, 4s and 5s
 *   (SoGoSurvey, Zencity);
 * - `"top-box"`: `100 · #(answer = max) / n`;
 * - `"mean"`: the mean answer, on the answer scale.
 *
 * Uncertainty: for a share q, `SE = 100·√(q(1 − q)/n)`; for the mean, `SE = s/√n` with s the
 * sample standard deviation (n − 1 divisor; 0 when n = 1). Intervals are Wald (`score ± z·SE`),
 * clipped to the score's range.
 *
 * **Conventions.** There is no CSAT standard. Alternatives not used here: Zencity's "positive"
 * sets grow with the scale (e.g. 7 points → 5–7, top-3), Formbricks counts the top 3 on a
 * 10-point scale, SmartSurvey divides the sum of answers by the maximum possible, Zendesk counts
 * good/(good + bad) on a binary rating. Names differ too: QuestionPro calls 9–10 on a 10-point
 * scale "top box" — here that is `"top-2-box"`. Pass the scale explicitly: a "4" means different things on
 * 1–5 and 1–7. Top-2-box needs at least three scale points.
 *
 * Reference: Hayes, B. E. (2008), *Measuring Customer Satisfaction and Loyalty*, 3rd ed., ASQ
 * Quality Press (top-box reporting); Fornell, C. (1992), "A National Customer Satisfaction
 * Barometer: The Swedish Experience", *Journal of Marketing* 56(1): 6–21.
 *
 * @param answers - integer answers on the scale (at least one)
 * @param options - the scale (required), the method and the confidence level
 * @returns the score, its standard error and interval, the satisfied count and the mean answer
 * @throws {@link InvalidInputError} listing every problem: the answer set is empty (path
 *   `answers`, code `too_small`), an answer is not an integer on the scale (`answers[i]`,
 *   `invalid_type` / `not_integer` / `too_small` / `too_big`), the scale is missing or invalid
 *   (`options.scale`, `required`; `options.scale.max`, `inconsistent` when not above `min`), or
 *   top-2-box is asked of a 2-point scale (`options.method`, `inconsistent`)
 * @example
 * ```ts
 * import { customerSatisfactionScore } from "customer-value";
 * const answers = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4];
 * customerSatisfactionScore(answers, { scale: { min: 1, max: 5 } }).score; // => 70
 * customerSatisfactionScore(answers, { scale: { min: 1, max: 5 }, method: "top-box" }).score; // => 30
 * customerSatisfactionScore(answers, { scale: { min: 1, max: 5 }, method: "mean" }).score; // => 3.7
 * ```
 * @category Satisfaction
 */
export function customerSatisfactionScore(
  answers: readonly number[],
  options: CustomerSatisfactionScoreOptions,
): CustomerSatisfactionScoreResult {
  const fn = "customerSatisfactionScore";
  const issues = new IssueCollector();
  const { parsed, scale: checkedScale } = parseOptionsAndScale(
    fn,
    optionsSchema,
    options,
    issues,
    undefined,
  );
  const checked = checkAnswers(["answers"], answers, checkedScale, issues);
  issues.throwIfAny(fn);
  // No issue: both were read.
  const {
    scale,
    method = "top-2-box",
    confidenceLevel,
  } = parsed as CustomerSatisfactionScoreOptions;
  const values = checked as Float64Array;
  const n = values.length;
  const cut = method === "top-box" ? scale.max : scale.max - 1;
  let satisfied = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    sum += v;
    if (v >= cut) satisfied++;
  }
  const mean = sum / n;
  const level = confidenceLevel ?? 0.95;
  const z = normalQuantile(0.5 + level / 2);
  if (method === "mean") {
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((values[i] as number) - mean) ** 2;
    const standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
    return {
      method,
      responseCount: n,
      score: mean,
      standardError,
      confidenceInterval: {
        lower: Math.max(scale.min, mean - z * standardError),
        upper: Math.min(scale.max, mean + z * standardError),
        level,
        method: "wald",
      },
      satisfied,
      mean,
    };
  }
  const q = satisfied / n;
  const score = 100 * q;
  const standardError = 100 * Math.sqrt((q * (1 - q)) / n);
  return {
    method,
    responseCount: n,
    score,
    standardError,
    confidenceInterval: {
      lower: Math.max(0, score - z * standardError),
      upper: Math.min(100, score + z * standardError),
      level,
      method: "wald",
    },
    satisfied,
    mean,
  };
}
