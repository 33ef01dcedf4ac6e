import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { describeReceived, parseInput } from "../core/validate.js";
import {
  type AnswerScale,
  answerScaleSchema,
  checkArray,
  checkFiniteField,
  checkRecord,
  checkStringField,
} from "./scale.js";

/** A Jones & Sasser satisfaction × loyalty segment (apostle and terrorist are the extremes). */
export type JonesSasserSegment =
  | "apostle"
  | "loyalist"
  | "mercenary"
  | "hostage"
  | "defector"
  | "terrorist";

/** One customer's satisfaction and loyalty readings. */
export interface SatisfactionLoyaltyInput {
  /** The customer id (unique). */
  readonly id: string;
  /** Satisfaction on the scale (e.g. 1–5; a mean of several items is allowed). */
  readonly satisfaction: number;
  /** Loyalty on the scale (e.g. repurchase intention 1–5; a mean is allowed). */
  readonly loyalty: number;
}

/** Options of {@link satisfactionLoyaltySegment}. */
export interface SatisfactionLoyaltySegmentOptions {
  /** The scale of both readings, default `{ min: 1, max: 5 }` (Jones & Sasser's 5-point scale). */
  readonly scale?: AnswerScale;
  /** Satisfaction at or above this is "high" (default 4 = satisfied). */
  readonly satisfactionThreshold?: number;
  /** Loyalty at or above this is "high" (default 4). */
  readonly loyaltyThreshold?: number;
}

/** Number of customers in each segment. */
export interface JonesSasserCounts {
  /** High satisfaction and high loyalty, both at the top of the scale. */
  readonly apostle: number;
  /** High satisfaction and high loyalty, not both at the top. */
  readonly loyalist: number;
  /** High satisfaction, low loyalty. */
  readonly mercenary: number;
  /** Low satisfaction, high loyalty. */
  readonly hostage: number;
  /** Low satisfaction (above the bottom) and low loyalty. */
  readonly defector: number;
  /** Satisfaction at the bottom of the scale and low loyalty. */
  readonly terrorist: number;
}

/** Result of {@link satisfactionLoyaltySegment}. */
export interface SatisfactionLoyaltySegmentResult {
  /** The segment of every customer, by id (insertion order = input order). */
  readonly segments: ReadonlyMap<string, JonesSasserSegment>;
  /** Customers per segment; they sum to the number of customers. */
  readonly counts: JonesSasserCounts;
}

/** Every field of {@link SatisfactionLoyaltyInput}, checked complete by the type. */
const FIELDS: Record<keyof SatisfactionLoyaltyInput, true> = {
  id: true,
  satisfaction: true,
  loyalty: true,
};
const KEYS: ReadonlySet<string> = new Set(Object.keys(FIELDS));

const optionsSchema = z.strictObject({
  scale: answerScaleSchema.exactOptional(),
  satisfactionThreshold: z.number().finite().exactOptional(),
  loyaltyThreshold: z.number().finite().exactOptional(),
}) satisfies z.ZodType<unknown, SatisfactionLoyaltySegmentOptions>;

/**
 * Jones & Sasser's satisfaction × loyalty segments: loyalist (apostle), mercenary, hostage,
 * defector (terrorist).
 *
 * **Rule set.** Satisfaction is high when `satisfaction ≥ satisfactionThreshold` (default 4 on
 * 1–5), loyalty high when `loyalty ≥ loyaltyThreshold` (default 4); high is inclusive.
 * - high satisfaction, high loyalty → `"loyalist"`, or `"apostle"` when both sit at the top of the
 *   scale (completely satisfied and certain to return: the advocates);
 * - high satisfaction, low loyalty → `"mercenary"` (satisfied but would switch for a better deal);
 * - low satisfaction, high loyalty → `"hostage"` (stays for lack of choice or switching costs);
 * - low satisfaction, low loyalty → `"defector"`, or `"terrorist"` when satisfaction is at the
 *   bottom of the scale (the angry ex-customers who spread bad word of mouth).
 *
 * **Conventions.** The article gives no numeric cut-offs. Jones & Sasser stress that only the
 * completely satisfied (5 of 5) are reliably loyal; raise `satisfactionThreshold` to 5 to follow
 * that strictly. Medians of the sample are another common split. Segments partition the input:
 * every customer is in exactly one.
 *
 * Reference: Jones, T. O. & Sasser, W. E., Jr. (1995), "Why Satisfied Customers Defect",
 * *Harvard Business Review* 73(6): 88–99.
 *
 * @param customers - one reading per customer (unique ids, values on the scale)
 * @param options - the scale and the two thresholds
 * @returns the segment of every customer (a `Map` by id) and the counts per segment
 * @throws {@link InvalidInputError} when an id repeats (path `customers[i].id`), a reading lies
 *   outside the scale, or a threshold lies outside the scale
 * @example
 * ```ts
 * import { satisfactionLoyaltySegment } from "customer-value";
 * const result = satisfactionLoyaltySegment([
 *   { id: "a", satisfaction: 5, loyalty: 5 },
 *   { id: "b", satisfaction: 4, loyalty: 2 },
 *   { id: "c", satisfaction: 2, loyalty: 4 },
 *   { id: "d", satisfaction: 1, loyalty: 1 },
 * ]);
 * result.segments.get("a"); // => "apostle"
 * result.segments.get("b"); // => "mercenary"
 * result.segments.get("c"); // => "hostage"
 * result.segments.get("d"); // => "terrorist"
 * ```
 * @category Satisfaction
 */
export function satisfactionLoyaltySegment(
  customers: readonly SatisfactionLoyaltyInput[],
  options: SatisfactionLoyaltySegmentOptions = {},
): SatisfactionLoyaltySegmentResult {
  const fn = "satisfactionLoyaltySegment";
  const parsed = parseInput(fn, optionsSchema, options, ["options"]);
  const rows = checkArray(fn, ["customers"], customers);
  const { min, max } = parsed.scale ?? { min: 1, max: 5 };
  const sHigh = parsed.satisfactionThreshold ?? Math.min(max, 4);
  const lHigh = parsed.loyaltyThreshold ?? Math.min(max, 4);
  for (const [key, value] of [
    ["satisfactionThreshold", sHigh],
    ["loyaltyThreshold", lHigh],
  ] as const) {
    if (value < min || value > max) {
      throw invalidInput(
        fn,
        ["options", key],
        `Threshold ${value} is outside the scale ${min}..${max}`,
      );
    }
  }
  const segments = new Map<string, JonesSasserSegment>();
  const counts = { apostle: 0, loyalist: 0, mercenary: 0, hostage: 0, defector: 0, terrorist: 0 };
  for (let i = 0; i < rows.length; i++) {
    const row = checkRecord(fn, "customers", i, rows[i], KEYS);
    const id = checkStringField(fn, "customers", i, "id", row.id);
    if (segments.has(id)) {
      throw invalidInput(
        fn,
        ["customers", i, "id"],
        `Duplicate customer id ${describeReceived(id)}`,
      );
    }
    const satisfaction = checkFiniteField(fn, "customers", i, "satisfaction", row.satisfaction);
    const loyalty = checkFiniteField(fn, "customers", i, "loyalty", row.loyalty);
    if (satisfaction < min || satisfaction > max) {
      throw invalidInput(
        fn,
        ["customers", i, "satisfaction"],
        `${satisfaction} is outside the scale ${min}..${max}`,
      );
    }
    if (loyalty < min || loyalty > max) {
      throw invalidInput(
        fn,
        ["customers", i, "loyalty"],
        `${loyalty} is outside the scale ${min}..${max}`,
      );
    }
    const satisfied = satisfaction >= sHigh;
    const loyal = loyalty >= lHigh;
    const segment: JonesSasserSegment = satisfied
      ? loyal
        ? satisfaction === max && loyalty === max
          ? "apostle"
          : "loyalist"
        : "mercenary"
      : loyal
        ? "hostage"
        : satisfaction === min
          ? "terrorist"
          : "defector";
    segments.set(id, segment);
    counts[segment]++;
  }
  return { segments, counts };
}
