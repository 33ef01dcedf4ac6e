import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { readSatisfactionRows } from "./rowFields.js";
import { type AnswerScale, answerScaleSchema, parseOptionsAndScale } from "./scale.js";

/**
 * One customer's satisfaction and observed repeat behaviour (other fields of the row are ignored).
 * @category Satisfaction
 */
export interface LoyaltyScoreInput {
  /** The customer's id (unique among the rows). */
  readonly customerId: string;
  /** Satisfaction on the scale (e.g. 1–5; a mean of several items is allowed). */
  readonly satisfaction: number;
  /** Behavioural loyalty in [0, 1]: repeat-purchase rate, retention, or share of wallet. */
  readonly repeatPurchase: number;
}

/**
 * Options of {@link loyaltyScore}.
 * @category Satisfaction
 */
export interface LoyaltyScoreOptions {
  /** The satisfaction answer scale, default `{ min: 1, max: 5 }`. */
  readonly scale?: AnswerScale;
  /**
   * Curve exponent γ > 0 of the satisfaction response s^γ. Default `ln 6 / ln(4/3)` ≈ 6.228, which
   * makes a "merely satisfied" 4 of 5 six times less loyal than a "completely satisfied" 5 (the
   * Xerox figure of Jones & Sasser 1995). γ = 1 is a straight line.
   */
  readonly curvature?: number;
  /**
   * Market competitiveness κ in [0, 1], default 1. κ = 1: highly competitive (loyalty follows
   * satisfaction's steep curve); κ = 0: monopoly (loyalty high whatever the satisfaction).
   */
  readonly competitiveness?: number;
  /** Weight of the attitudinal part in the blend, in [0, 1] (default 0.5). */
  readonly attitudinalWeight?: number;
}

/**
 * One customer's loyalty score, a row of the result of {@link loyaltyScore}.
 * @category Satisfaction
 */
export interface LoyaltyScoreResult {
  /** The customer's id, as given. */
  readonly customerId: string;
  /** The loyalty score, 0–100. */
  readonly score: number;
  /** Attitudinal loyalty implied by satisfaction, 0–100: 100·((1 − κ) + κ·s^γ). */
  readonly attitudinal: number;
  /** Behavioural loyalty, 0–100: 100·repeatPurchase. */
  readonly behavioural: number;
  /** Satisfaction rescaled to [0, 1]: s = (satisfaction − min)/(max − min). */
  readonly satisfactionShare: number;
}

const optionsSchema = z.strictObject({
  scale: z.exactOptional(answerScaleSchema),
  curvature: z.exactOptional(z.number().check(z.positive())),
  competitiveness: z.exactOptional(z.number().check(z.minimum(0), z.maximum(1))),
  attitudinalWeight: z.exactOptional(z.number().check(z.minimum(0), z.maximum(1))),
}) satisfies z.ZodMiniType<unknown, LoyaltyScoreOptions>;

/** The default satisfaction scale. */
const FIVE_POINT: AnswerScale = { min: 1, max: 5 };

/** Default curvature: 0.75^γ = 1/6. */
const XEROX_CURVATURE = Math.log(6) / Math.log(4 / 3);

/**
 * A 0–100 loyalty score per customer blending attitudinal loyalty (from satisfaction, through
 * Jones & Sasser's non-linear curve) with behavioural loyalty (observed repeat purchase). One row
 * in per customer, one row out, in input order.
 *
 * **Formula.** With s = (satisfaction − min)/(max − min) ∈ [0, 1], curvature γ, competitiveness
 * κ and attitudinal weight w:
 * `attitudinal = 100·((1 − κ) + κ·s^γ)`, `behavioural = 100·repeatPurchase`,
 * `score = w·attitudinal + (1 − w)·behavioural`.
 *
 * **Why this curve.** Jones & Sasser (1995) found loyalty rising steeply only near complete
 * satisfaction in competitive markets (Xerox: merely satisfied customers were six times less
 * likely to repurchase than totally satisfied ones) and staying high regardless of satisfaction
 * in markets with little choice. s^γ is convex (steep only near s = 1); the default γ = ln 6 /
 * ln(4/3) ≈ 6.228 reproduces the six-to-one ratio between 4 and 5 on a 5-point scale; κ lifts the
 * floor toward 1 as the market becomes less competitive. Both are documented parameters, not
 * estimates: fit them to your own repurchase data where you can. Alternatives: a logistic curve,
 * or a piecewise-linear "zone of affection" curve; behavioural loyalty alone (RFM) or attitudinal
 * alone (NPS).
 *
 * Reference: Jones, T. O. & Sasser, W. E., Jr. (1995), "Why Satisfied Customers Defect",
 * *Harvard Business Review* 73(6): 88–99. Dick, A. S. & Basu, K. (1994), "Customer Loyalty:
 * Toward an Integrated Conceptual Framework", *JAMS* 22(2): 99–113.
 *
 * @param customers - one row per customer: id, satisfaction on the scale, repeat purchase in
 *   [0, 1] (unique `customerId`s)
 * @param options - scale, curvature, competitiveness and attitudinal weight
 * @returns one row per customer, in input order: the score (0–100) and its attitudinal and
 *   behavioural parts
 * @throws {@link InvalidInputError} listing every problem: a row is not an object
 *   (`customers[i]`), an id is missing, not a string or repeated (`customers[i].customerId`,
 *   `required` / `invalid_type` / `duplicate`), satisfaction is not a number or lies outside the
 *   scale (`customers[i].satisfaction`, `invalid_type` / `too_small` / `too_big`), repeat purchase
 *   is outside [0, 1] (`customers[i].repeatPurchase`), or an option is invalid (`options.<key>`)
 * @example
 * ```ts
 * import { loyaltyScore } from "customer-value";
 * const scores = loyaltyScore([
 *   { customerId: "ann", satisfaction: 5, repeatPurchase: 0.8 },
 *   { customerId: "bob", satisfaction: 4, repeatPurchase: 0.8 },
 * ]);
 * scores[0].score; // => 90
 * scores[1].attitudinal; // => 16.67
 * scores[1].customerId; // => "bob"
 * loyaltyScore([{ customerId: "bob", satisfaction: 4, repeatPurchase: 0.8 }], { competitiveness: 0 })[0].attitudinal; // => 100
 * ```
 * @category Satisfaction
 */
export function loyaltyScore(
  customers: readonly LoyaltyScoreInput[],
  options: LoyaltyScoreOptions = {},
): readonly LoyaltyScoreResult[] {
  const fn = "loyaltyScore";
  const issues = new IssueCollector();
  const { parsed, scale } = parseOptionsAndScale(fn, optionsSchema, options, issues, FIVE_POINT);
  const {
    ids,
    satisfactions,
    others: repeats,
    range: { min, max },
  } = readSatisfactionRows(customers, scale, "repeatPurchase", { min: 0, max: 1 }, issues);
  const n = ids.length;
  issues.throwIfAny(fn);
  // No issue: the options were read.
  const {
    curvature: gamma = XEROX_CURVATURE,
    competitiveness: kappa = 1,
    attitudinalWeight: w = 0.5,
  } = parsed as LoyaltyScoreOptions;
  const results: LoyaltyScoreResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = Math.min(1, Math.max(0, ((satisfactions[i] as number) - min) / (max - min)));
    const attitudinal = Math.min(100, 100 * (1 - kappa + kappa * s ** gamma));
    const behavioural = 100 * (repeats[i] as number);
    const score = Math.min(100, Math.max(0, w * attitudinal + (1 - w) * behavioural));
    results[i] = {
      customerId: ids[i] as string,
      score,
      attitudinal,
      behavioural,
      satisfactionShare: s,
    };
  }
  return results;
}
