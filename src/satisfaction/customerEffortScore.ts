import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { parseInputCollecting } from "../core/validate.js";
import type { ScoreInterval } from "./netPromoterScore.js";
import { normalQuantile } from "./normal.js";
import { type AnswerScale, confidenceLevelSchema } from "./scale.js";
import { checkAnswers } from "./surveyRows.js";

/**
 * Options of {@link customerEffortScore}.
 * @category Satisfaction
 */
export interface CustomerEffortScoreOptions {
  /**
   * The question version (required, the two are not comparable): `"1.0"` = "How much effort did
   * you personally have to put forth…?", 1 (very low) – 5 (very high effort), lower is better;
   * `"2.0"` = "[Company] made it easy for me to handle my issue", 1 (strongly disagree) – 7
   * (strongly agree), higher is better.
   */
  readonly version: "1.0" | "2.0";
  /**
   * How answers become a score: `"mean"` (default; the mean answer on the version's scale),
   * `"percent-easy"` (percentage of low-effort answers, 0–100) or `"net"` (percentage easy minus
   * percentage difficult, −100..100).
   */
  readonly method?: "mean" | "percent-easy" | "net";
  /** Confidence level of the interval, strictly between 0 and 1 (default `0.95`). */
  readonly confidenceLevel?: number;
}

/**
 * Result of {@link customerEffortScore}.
 * @category Satisfaction
 */
export interface CustomerEffortScoreResult {
  /** The question version. */
  readonly version: "1.0" | "2.0";
  /** The scoring method used. */
  readonly method: "mean" | "percent-easy" | "net";
  /** Number of answers. */
  readonly responseCount: number;
  /** The CES in the method's units (see {@link CustomerEffortScoreOptions.method}), unrounded. */
  readonly score: number;
  /** Standard error of `score`, in the score's units. */
  readonly standardError: number;
  /** Wald interval for the score, clipped to the score's range. */
  readonly confidenceInterval: ScoreInterval;
  /** Mean answer on the version's scale. */
  readonly mean: number;
  /** Share of low-effort answers (1.0: 1–2; 2.0: 5–7), a fraction. */
  readonly easyShare: number;
  /** Share of middle answers (1.0: 3; 2.0: 4), a fraction. */
  readonly neutralShare: number;
  /** Share of high-effort answers (1.0: 4–5; 2.0: 1–3), a fraction. */
  readonly difficultShare: number;
}

const optionsSchema = z.strictObject({
  version: z.enum(["1.0", "2.0"]),
  method: z.exactOptional(z.enum(["mean", "percent-easy", "net"])),
  confidenceLevel: z.exactOptional(confidenceLevelSchema),
}) satisfies z.ZodMiniType<unknown, CustomerEffortScoreOptions>;

/** The answer scale of a version: 1–5 for 1.0, 1–7 for 2.0. */
function versionScale(version: "1.0" | "2.0"): AnswerScale {
  return version === "1.0" ? { min: 1, max: 5 } : { min: 1, max: 7 };
}

/**
 * Customer Effort Score (CES) in version 1.0 (1–5, lower is better) or 2.0 (1–7, higher is
 * better), scored as a mean, a percentage of easy answers, or a net score, with its uncertainty.
 *
 * **Formulas.** Answers are bucketed as easy / neutral / difficult: version 1.0 easy = 1–2,
 * neutral = 3, difficult = 4–5; version 2.0 easy = 5–7 ("agree"), neutral = 4, difficult = 1–3.
 * With shares e, u, h of n answers:
 * - `"mean"`: the mean answer (1.0: lower is better; 2.0: higher is better);
 * - `"percent-easy"`: `100·e`, SE = `100·√(e(1 − e)/n)`;
 * - `"net"`: `100·(e − h)`, SE = `100·√((e + h − (e − h)²)/n)` (the NPS-style multinomial
 *   variance).
 * For the mean, SE = s/√n (sample SD, n − 1 divisor). Intervals are Wald, clipped to the range.
 *
 * **Conventions.** The version is required because a 1.0 mean of 2 (good) and a 2.0 mean of 2
 * (bad) point in opposite directions. Vendors score CES 2.0 as the mean (Nicereply), the
 * percentage agreeing 5–7 (GitLab, Zonka), or a net score; all three are offered. Version 1.0
 * has no agreed "easy" band; 1–2 here mirrors 2.0's top three of seven.
 *
 * Reference: Dixon, M., Freeman, K. & Toman, N. (2010), "Stop Trying to Delight Your Customers",
 * *Harvard Business Review* 88(7/8): 116–122 (CES 1.0). Dixon, M., Toman, N. & DeLisi, R.
 * (2013), *The Effortless Experience*, Portfolio/Penguin (CES 2.0).
 *
 * @param answers - integer answers on the version's scale (at least one)
 * @param options - the version (required), the method and the confidence level
 * @returns the score with its standard error and interval, the mean and the bucket shares
 * @throws {@link InvalidInputError} listing every problem: the answer set is empty (path
 *   `answers`, code `too_small`), an answer is not an integer on the version's scale
 *   (`answers[i]`, `invalid_type` / `not_integer` / `too_small` / `too_big`), the version is
 *   missing (`options.version`, `required`) or another option is invalid (`options.<key>`)
 * @example
 * ```ts
 * import { customerEffortScore } from "customer-value";
 * const answers = [7, 6, 5, 5, 4, 2, 6, 7];
 * customerEffortScore(answers, { version: "2.0" }).score; // => 5.25
 * customerEffortScore(answers, { version: "2.0", method: "percent-easy" }).score; // => 75
 * customerEffortScore(answers, { version: "2.0", method: "net" }).score; // => 62.5
 * ```
 * @category Satisfaction
 */
export function customerEffortScore(
  answers: readonly number[],
  options: CustomerEffortScoreOptions,
): CustomerEffortScoreResult {
  const fn = "customerEffortScore";
  const issues = new IssueCollector();
  const parsed = parseInputCollecting(fn, optionsSchema, options, ["options"], issues);
  const checked = checkAnswers(
    ["answers"],
    answers,
    parsed === undefined ? undefined : versionScale(parsed.version),
    issues,
  );
  issues.throwIfAny(fn);
  // No issue: both were read.
  const { version, method = "mean", confidenceLevel } = parsed as CustomerEffortScoreOptions;
  const scale = versionScale(version);
  const values = checked as Float64Array;
  const n = values.length;
  let easy = 0;
  let difficult = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    sum += v;
    if (version === "1.0") {
      if (v <= 2) easy++;
      else if (v >= 4) difficult++;
    } else if (v >= 5) easy++;
    else if (v <= 3) difficult++;
  }
  const mean = sum / n;
  const e = easy / n;
  const h = difficult / n;
  let score: number;
  let standardError: number;
  let range: [number, number];
  if (method === "mean") {
    let squares = 0;
    for (let i = 0; i < n; i++) squares += ((values[i] as number) - mean) ** 2;
    score = mean;
    standardError = n > 1 ? Math.sqrt(squares / (n - 1) / n) : 0;
    range = [scale.min, scale.max];
  } else if (method === "percent-easy") {
    score = 100 * e;
    standardError = 100 * Math.sqrt((e * (1 - e)) / n);
    range = [0, 100];
  } else {
    score = 100 * (e - h);
    standardError = 100 * Math.sqrt(Math.max(0, e + h - (e - h) ** 2) / n);
    range = [-100, 100];
  }
  const level = confidenceLevel ?? 0.95;
  const z = normalQuantile(0.5 + level / 2);
  return {
    version,
    method,
    responseCount: n,
    score,
    standardError,
    confidenceInterval: {
      lower: Math.max(range[0], score - z * standardError),
      upper: Math.min(range[1], score + z * standardError),
      level,
      method: "wald",
    },
    mean,
    easyShare: e,
    neutralShare: (n - easy - difficult) / n,
    difficultShare: h,
  };
}
