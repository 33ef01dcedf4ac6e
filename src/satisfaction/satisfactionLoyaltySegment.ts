import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { readSatisfactionRows } from "./rowFields.js";
import { type AnswerScale, answerScaleSchema, parseOptionsAndScale } from "./scale.js";

/**
 * A Jones & Sasser satisfaction × loyalty segment (apostle and terrorist are the extremes).
 * @category Satisfaction
 */
export type JonesSasserSegment =
  | "apostle"
  | "loyalist"
  | "mercenary"
  | "hostage"
  | "defector"
  | "terrorist";

/**
 * One customer's satisfaction and loyalty readings (other fields of the row are ignored).
 * @category Satisfaction
 */
export interface SatisfactionLoyaltyInput {
  /** The customer's id (unique among the rows). */
  readonly customerId: string;
  /** Satisfaction on the scale (e.g. 1–5; a mean of several items is allowed). */
  readonly satisfaction: number;
  /** Loyalty on the scale (e.g. repurchase intention 1–5; a mean is allowed). */
  readonly loyalty: number;
}

/**
 * Options of {@link satisfactionLoyaltySegment}.
 * @category Satisfaction
 */
export interface SatisfactionLoyaltySegmentOptions {
  /** The scale of both readings, default `{ min: 1, max: 5 }` (Jones & Sasser's 5-point scale). */
  readonly scale?: AnswerScale;
  /** Satisfaction at or above this is "high" (default 4 = satisfied). */
  readonly satisfactionThreshold?: number;
  /** Loyalty at or above this is "high" (default 4). */
  readonly loyaltyThreshold?: number;
}

/**
 * Number of customers in each segment.
 * @category Satisfaction
 */
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

/**
 * One customer's segment, a row of {@link SatisfactionLoyaltySegmentResult.segments}.
 * @category Satisfaction
 */
export interface SatisfactionLoyaltyRow {
  /** The customer's id, as given. */
  readonly customerId: string;
  /** The customer's Jones & Sasser segment. */
  readonly segment: JonesSasserSegment;
}

/**
 * Result of {@link satisfactionLoyaltySegment}.
 * @category Satisfaction
 */
export interface SatisfactionLoyaltySegmentResult {
  /**
   * The segment of every customer, one row per input row, in input order (look one up by id with
   * `indexByCustomerId`).
   */
  readonly segments: readonly SatisfactionLoyaltyRow[];
  /** Customers per segment; they sum to the number of customers. */
  readonly counts: JonesSasserCounts;
}

/** The default "high" threshold: 4 ("satisfied" on 1–5), or the top of a shorter scale. */
function defaultThreshold(max: number): number {
  return Math.min(max, 4);
}

/** Jones & Sasser's 5-point scale, the default. */
const FIVE_POINT: AnswerScale = { min: 1, max: 5 };

const optionsSchema = z
  .strictObject({
    scale: z.exactOptional(answerScaleSchema),
    satisfactionThreshold: z.exactOptional(z.number()),
    loyaltyThreshold: z.exactOptional(z.number()),
  })
  .check(
    z.superRefine((o, context) => {
      const { min, max } = o.scale ?? FIVE_POINT;
      for (const key of ["satisfactionThreshold", "loyaltyThreshold"] as const) {
        const value = o[key] ?? defaultThreshold(max);
        if (value < min || value > max) {
          context.addIssue({
            code: "custom",
            path: [key],
            message:
              o[key] === undefined
                ? `The default threshold ${value} is outside the scale ${min}..${max}; give one`
                : `Threshold ${value} is outside the scale ${min}..${max}`,
            input: o[key],
            params: { code: value < min ? "too_small" : "too_big" },
          });
        }
      }
    }),
  ) satisfies z.ZodMiniType<unknown, SatisfactionLoyaltySegmentOptions>;

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
 * @param customers - one row per customer (unique `customerId`s, readings on the scale)
 * @param options - the scale and the two thresholds
 * @returns the segment of every customer (rows in input order) and the counts per segment
 * @throws {@link InvalidInputError} listing every problem: a row is not an object
 *   (`customers[i]`), an id is missing, not a string or repeated (`customers[i].customerId`,
 *   `required` / `invalid_type` / `duplicate`), a reading is not a finite number or lies outside
 *   the scale (`customers[i].satisfaction`, `customers[i].loyalty`, `invalid_type` /
 *   `too_small` / `too_big`), or the scale or a threshold is invalid or outside the scale
 *   (`options.<key>`)
 * @example
 * ```ts
 * import { satisfactionLoyaltySegment } from "customer-value";
 * const result = satisfactionLoyaltySegment([
 *   { customerId: "a", satisfaction: 5, loyalty: 5 },
 *   { customerId: "b", satisfaction: 4, loyalty: 2 },
 *   { customerId: "c", satisfaction: 2, loyalty: 4 },
 *   { customerId: "d", satisfaction: 1, loyalty: 1 },
 * ]);
 * result.segments.map((row) => row.segment); // => ["apostle", "mercenary", "hostage", "terrorist"]
 * result.segments[0]; // => { customerId: "a", segment: "apostle" }
 * result.counts.terrorist; // => 1
 * ```
 * @category Satisfaction
 */
export function satisfactionLoyaltySegment(
  customers: readonly SatisfactionLoyaltyInput[],
  options: SatisfactionLoyaltySegmentOptions = {},
): SatisfactionLoyaltySegmentResult {
  const fn = "satisfactionLoyaltySegment";
  const issues = new IssueCollector();
  const { parsed, scale } = parseOptionsAndScale(fn, optionsSchema, options, issues, FIVE_POINT);
  const {
    ids,
    satisfactions,
    others: loyalties,
    range: { min, max },
  } = readSatisfactionRows(customers, scale, "loyalty", undefined, issues);
  const n = ids.length;
  issues.throwIfAny(fn);
  const sHigh = parsed?.satisfactionThreshold ?? defaultThreshold(max);
  const lHigh = parsed?.loyaltyThreshold ?? defaultThreshold(max);
  const segments: SatisfactionLoyaltyRow[] = new Array(n);
  const counts = { apostle: 0, loyalist: 0, mercenary: 0, hostage: 0, defector: 0, terrorist: 0 };
  for (let i = 0; i < n; i++) {
    const satisfaction = satisfactions[i] as number;
    const loyalty = loyalties[i] as number;
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
    segments[i] = { customerId: ids[i] as string, segment };
    counts[segment]++;
  }
  return { segments, counts };
}
