import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { parseInputCollecting } from "../core/validate.js";
import {
  normaliseWeights,
  RATER_DIMENSIONS,
  type RaterValues,
  raterWeightsSchema,
} from "./rater.js";
import { type AnswerScale, answerScaleSchema } from "./scale.js";

/**
 * Options of {@link raterIndex}.
 * @category Satisfaction
 */
export interface RaterIndexOptions {
  /**
   * Importance weights of the dimensions, non-negative with a positive sum (normalised to sum 1).
   * Default equal (0.2 each).
   */
  readonly weights?: RaterValues;
  /**
   * The answer scale the dimension scores are on: `{ min: 1, max: 7 }` (default) for mean
   * perceptions on SERVQUAL's 7-point scale; `{ min: -6, max: 6 }` for P − E gaps on that scale.
   * The scores themselves (means) need not be integers.
   */
  readonly scale?: AnswerScale;
}

/**
 * Result of {@link raterIndex}.
 * @category Satisfaction
 */
export interface RaterIndexResult {
  /** The service-quality index, 0–100. */
  readonly index: number;
  /** Each dimension rescaled to 0–100: 100·(score − min)/(max − min). */
  readonly dimensions: RaterValues;
  /** The normalised weights used (sum 1). */
  readonly weights: RaterValues;
}

const optionsSchema = z.strictObject({
  weights: z.exactOptional(raterWeightsSchema),
  scale: z.exactOptional(answerScaleSchema),
}) satisfies z.ZodMiniType<unknown, RaterIndexOptions>;

/** SERVQUAL's 7-point scale, the default. */
const SEVEN_POINT: AnswerScale = { min: 1, max: 7 };

const finite = z.number();
const scoresSchema = z.strictObject({
  tangibles: finite,
  reliability: finite,
  responsiveness: finite,
  assurance: finite,
  empathy: finite,
}) satisfies z.ZodMiniType<unknown, RaterValues>;

/**
 * A 0–100 service-quality index from the five RATER dimension scores (reliability, assurance,
 * tangibles, empathy, responsiveness).
 *
 * **Formula.** Each dimension score x_d on the range [min, max] is rescaled to
 * `r_d = 100·(x_d − min)/(max − min)`, and `index = Σ_d w_d · r_d` with the weights divided by
 * their sum — the same min–max rescaling the ACSI uses (Fornell et al. 1996).
 *
 * **Conventions.** Default weights are equal (0.2 each). Zeithaml, Parasuraman & Berry (1990)
 * report typical 100-point importance allocations of reliability 32, responsiveness 22,
 * assurance 19, empathy 16, tangibles 11 — pass your own respondents' allocation when you have
 * it. The scores can be mean perceptions (default range 1–7) or gap scores P − E (range −6..6 on
 * a 7-point scale); the index then reads "share of the way from worst to best possible".
 *
 * Reference: Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1988), "SERVQUAL: A Multiple-Item
 * Scale for Measuring Consumer Perceptions of Service Quality", *Journal of Retailing* 64(1):
 * 12–40. Zeithaml, V. A., Parasuraman, A. & Berry, L. L. (1990), *Delivering Quality Service*,
 * Free Press.
 *
 * @param scores - one score per RATER dimension, on the answer scale
 * @param options - weights and the answer scale of the scores
 * @returns the index (0–100), the rescaled dimensions and the weights used
 * @throws {@link InvalidInputError} listing every problem: a score is missing, not a finite
 *   number or outside the scale (path `scores.<dimension>`, code `required` / `invalid_type` /
 *   `too_small` / `too_big`), an unknown dimension (`scores.<key>`, `unknown_key`), a weight is
 *   negative (`options.weights.<dimension>`, `too_small`), the weights sum to zero
 *   (`options.weights`, `too_small`) or the scale is invalid (`options.scale`)
 * @example
 * ```ts
 * import { raterIndex } from "customer-value";
 * const perceptions = { tangibles: 6, reliability: 5, responsiveness: 5.5, assurance: 6, empathy: 4 };
 * raterIndex(perceptions).index; // => 71.67
 * const gaps = { tangibles: -0.65, reliability: -1.1, responsiveness: -0.83, assurance: -0.7, empathy: -1.01 };
 * raterIndex(gaps, { scale: { min: -6, max: 6 } }).index; // => 42.85
 * ```
 * @category Satisfaction
 */
export function raterIndex(scores: RaterValues, options: RaterIndexOptions = {}): RaterIndexResult {
  const fn = "raterIndex";
  const issues = new IssueCollector();
  const parsed = parseInputCollecting(fn, optionsSchema, options, ["options"], issues);
  const values = parseInputCollecting(fn, scoresSchema, scores, ["scores"], issues);
  const { min, max } = parsed?.scale ?? SEVEN_POINT;
  if (parsed !== undefined && values !== undefined) {
    for (const d of RATER_DIMENSIONS) {
      const x = values[d];
      if (x < min || x > max) {
        issues.add(
          ["scores", d],
          `Score ${x} is outside the scale ${min}..${max}`,
          x < min ? "too_small" : "too_big",
          x,
        );
      }
    }
  }
  issues.throwIfAny(fn);
  // No issue: both were read.
  const read = values as RaterValues;
  const weights = normaliseWeights((parsed as RaterIndexOptions).weights);
  const rescaled = { ...read };
  let index = 0;
  for (const d of RATER_DIMENSIONS) {
    rescaled[d] = (100 * (read[d] - min)) / (max - min);
    index += weights[d] * rescaled[d];
  }
  return { index: Math.min(100, Math.max(0, index)), dimensions: rescaled, weights };
}
