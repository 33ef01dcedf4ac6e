import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { parseInput } from "../core/validate.js";
import type { ScoreRange } from "./raterIndex.js";

/** One customer's satisfaction and observed repeat behaviour. */
export interface LoyaltyScoreInput {
  /** Satisfaction on the scale (e.g. 1–5; a mean of several items is allowed). */
  readonly satisfaction: number;
  /** Behavioural loyalty in [0, 1]: repeat-purchase rate, retention, or share of wallet. */
  readonly repeatPurchase: number;
}

/** Options of {@link loyaltyScore}. */
export interface LoyaltyScoreOptions {
  /** The satisfaction scale, default `{ min: 1, max: 5 }`. */
  readonly scale?: ScoreRange;
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

/** Result of {@link loyaltyScore}. */
export interface LoyaltyScoreResult {
  /** The loyalty score, 0–100. */
  readonly score: number;
  /** Attitudinal loyalty implied by satisfaction, 0–100: 100·((1 − κ) + κ·s^γ). */
  readonly attitudinal: number;
  /** Behavioural loyalty, 0–100: 100·repeatPurchase. */
  readonly behavioural: number;
  /** Satisfaction rescaled to [0, 1]: s = (satisfaction − min)/(max − min). */
  readonly satisfactionShare: number;
}

const rangeSchema = z
  .strictObject({ min: z.number().finite(), max: z.number().finite() })
  .refine((s) => s.max > s.min, {
    error: "Expected max greater than min",
    path: ["max"],
  }) satisfies z.ZodType<unknown, ScoreRange>;

const optionsSchema = z.strictObject({
  scale: rangeSchema.exactOptional(),
  curvature: z.number().positive().finite().exactOptional(),
  competitiveness: z.number().min(0).max(1).exactOptional(),
  attitudinalWeight: z.number().min(0).max(1).exactOptional(),
}) satisfies z.ZodType<unknown, LoyaltyScoreOptions>;

const inputSchema = z.strictObject({
  satisfaction: z.number().finite(),
  repeatPurchase: z.number().min(0).max(1),
}) satisfies z.ZodType<unknown, LoyaltyScoreInput>;

/** Default curvature: 0.75^γ = 1/6. */
const XEROX_CURVATURE = Math.log(6) / Math.log(4 / 3);

/**
 * A 0–100 loyalty score blending attitudinal loyalty (from satisfaction, through Jones & Sasser's
 * non-linear curve) with behavioural loyalty (observed repeat purchase).
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
 * @param input - satisfaction on the scale and repeat purchase in [0, 1]
 * @param options - scale, curvature, competitiveness and attitudinal weight
 * @returns the score (0–100) and its attitudinal and behavioural parts
 * @throws {@link InvalidInputError} when satisfaction lies outside the scale (path
 *   `input.satisfaction`), repeat purchase is outside [0, 1], or an option is out of range
 * @example
 * ```ts
 * import { loyaltyScore } from "customer-value";
 * loyaltyScore({ satisfaction: 5, repeatPurchase: 0.8 }).score; // => 90
 * loyaltyScore({ satisfaction: 4, repeatPurchase: 0.8 }).attitudinal; // => 16.67
 * loyaltyScore({ satisfaction: 4, repeatPurchase: 0.8 }, { competitiveness: 0 }).attitudinal; // => 100
 * ```
 * @category Satisfaction
 */
export function loyaltyScore(
  input: LoyaltyScoreInput,
  options: LoyaltyScoreOptions = {},
): LoyaltyScoreResult {
  const fn = "loyaltyScore";
  const parsed = parseInput(fn, optionsSchema, options, ["options"]);
  const { satisfaction, repeatPurchase } = parseInput(fn, inputSchema, input, ["input"]);
  const { min, max } = parsed.scale ?? { min: 1, max: 5 };
  if (satisfaction < min || satisfaction > max) {
    throw invalidInput(
      fn,
      ["input", "satisfaction"],
      `Satisfaction ${satisfaction} is outside the scale ${min}..${max}`,
    );
  }
  const gamma = parsed.curvature ?? XEROX_CURVATURE;
  const kappa = parsed.competitiveness ?? 1;
  const w = parsed.attitudinalWeight ?? 0.5;
  const s = Math.min(1, Math.max(0, (satisfaction - min) / (max - min)));
  const attitudinal = Math.min(100, 100 * (1 - kappa + kappa * s ** gamma));
  const behavioural = 100 * repeatPurchase;
  const score = Math.min(100, Math.max(0, w * attitudinal + (1 - w) * behavioural));
  return { score, attitudinal, behavioural, satisfactionShare: s };
}
