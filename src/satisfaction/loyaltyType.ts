import { z } from "zod";
import { parseInput } from "../core/validate.js";

/**
 * The seven practitioner loyalty types (monopoly, inertia, latent, convenience, price, incentive,
 * super-value), plus `"none"` for a customer who shows no loyalty to classify.
 */
export type LoyaltyType =
  | "monopoly"
  | "inertia"
  | "latent"
  | "convenience"
  | "price"
  | "incentive"
  | "super-value"
  | "none";

/** Observable drivers of one customer's loyalty; every score is a fraction in [0, 1]. */
export interface LoyaltyDrivers {
  /** Whether the customer could buy the same thing elsewhere. */
  readonly alternativesAvailable: boolean;
  /** Behavioural loyalty: repeat-purchase rate or share of category spend, in [0, 1]. */
  readonly repeatPurchase: number;
  /** Attitudinal loyalty: relative preference for the brand, rescaled to [0, 1]. */
  readonly attitude: number;
  /** How much the repeat buying depends on loyalty-programme rewards, in [0, 1] (default 0). */
  readonly rewardDependence?: number;
  /** How price-driven the choice is (would leave for a lower price), in [0, 1] (default 0). */
  readonly priceSensitivity?: number;
  /** How much the choice rests on location, opening hours or ease of access, in [0, 1] (default 0). */
  readonly convenienceDependence?: number;
  /** Advocacy: recommends the brand (e.g. NPS promoter = 1), in [0, 1] (default 0). */
  readonly advocacy?: number;
}

/** Options of {@link loyaltyType}. */
export interface LoyaltyTypeOptions {
  /** A score at or above this counts as high (default 0.5). */
  readonly threshold?: number;
}

/** Result of {@link loyaltyType}. */
export interface LoyaltyTypeResult {
  /** The loyalty type. */
  readonly type: LoyaltyType;
  /** The number (1–9) of the rule that decided, in the documented order. */
  readonly rule: number;
  /** The rule in words. */
  readonly reason: string;
}

const fraction = z.number().min(0).max(1);

const driversSchema = z.strictObject({
  alternativesAvailable: z.boolean(),
  repeatPurchase: fraction,
  attitude: fraction,
  rewardDependence: fraction.exactOptional(),
  priceSensitivity: fraction.exactOptional(),
  convenienceDependence: fraction.exactOptional(),
  advocacy: fraction.exactOptional(),
}) satisfies z.ZodType<unknown, LoyaltyDrivers>;

const optionsSchema = z.strictObject({
  threshold: z
    .number()
    .gt(0, { error: "Expected a threshold in (0, 1]" })
    .max(1, { error: "Expected a threshold in (0, 1]" })
    .exactOptional(),
}) satisfies z.ZodType<unknown, LoyaltyTypeOptions>;

/**
 * Classifies one customer into the seven practitioner loyalty types — monopoly, inertia, latent,
 * convenience, price, incentive, super-value — by an ordered rule set over observable drivers.
 *
 * **Rule set** (first rule that holds wins; "high" means ≥ `threshold`, default 0.5):
 * 1. no alternatives available → `"monopoly"` (loyal because there is no choice);
 * 2. repeat purchase low, attitude high → `"latent"` (would buy, something prevents it);
 * 3. repeat purchase low, attitude low → `"none"` (no loyalty to classify);
 * 4. attitude high and advocacy high → `"super-value"` (loyal because the value is outstanding,
 *    and says so);
 * 5. reward dependence high → `"incentive"` (stays for the loyalty-programme rewards);
 * 6. price sensitivity high → `"price"` (stays while the price is lowest);
 * 7. convenience dependence high → `"convenience"` (stays because it is nearest or easiest);
 * 8. attitude high → `"super-value"` (committed without an external driver);
 * 9. otherwise → `"inertia"` (repeat buying by habit or switching cost, low attitude).
 *
 * **Conventions.** The seven types come from Chinese CRM textbooks (垄断, 惰性, 潜在, 方便, 价格,
 * 激励, 超值忠诚) and have no formula; this rule set is this library's. It follows Dick & Basu
 * (1994) for the attitude × patronage split (rules 2–3 ≈ latent / no loyalty) and puts advocacy
 * first among the repeat buyers because an advocate's loyalty is not explained by rewards, price
 * or convenience. A driver you do not measure can be omitted: it then counts as 0 (not high).
 *
 * Reference: Dick, A. S. & Basu, K. (1994), "Customer Loyalty: Toward an Integrated Conceptual
 * Framework", *JAMS* 22(2): 99–113. Griffin, J. (2002), *Customer Loyalty: How to Earn It, How to
 * Keep It*, Jossey-Bass (inertia, latent and premium loyalty).
 *
 * @param drivers - the customer's drivers, scores in [0, 1]
 * @param options - the "high" threshold
 * @returns the type, the number of the deciding rule and its wording
 * @throws {@link InvalidInputError} when a score is outside [0, 1] (path `drivers.<field>`) or a
 *   field is missing or unknown
 * @example
 * ```ts
 * import { loyaltyType } from "customer-value";
 * loyaltyType({ alternativesAvailable: false, repeatPurchase: 0.9, attitude: 0.2 }).type; // => "monopoly"
 * loyaltyType({ alternativesAvailable: true, repeatPurchase: 0.8, attitude: 0.3, rewardDependence: 0.9 }).type; // => "incentive"
 * loyaltyType({ alternativesAvailable: true, repeatPurchase: 0.9, attitude: 0.9, advocacy: 1 }).type; // => "super-value"
 * loyaltyType({ alternativesAvailable: true, repeatPurchase: 0.7, attitude: 0.2 }).type; // => "inertia"
 * ```
 * @category Satisfaction
 */
export function loyaltyType(
  drivers: LoyaltyDrivers,
  options: LoyaltyTypeOptions = {},
): LoyaltyTypeResult {
  const fn = "loyaltyType";
  const parsed = parseInput(fn, optionsSchema, options, ["options"]);
  const d = parseInput(fn, driversSchema, drivers, ["drivers"]);
  const t = parsed.threshold ?? 0.5;
  const high = (x: number | undefined) => (x ?? 0) >= t;
  if (!d.alternativesAvailable)
    return { type: "monopoly", rule: 1, reason: "no alternatives available" };
  if (!high(d.repeatPurchase)) {
    return high(d.attitude)
      ? { type: "latent", rule: 2, reason: "high attitude, low repeat purchase" }
      : { type: "none", rule: 3, reason: "low attitude, low repeat purchase" };
  }
  if (high(d.attitude) && high(d.advocacy)) {
    return {
      type: "super-value",
      rule: 4,
      reason: "high repeat purchase, high attitude, advocacy",
    };
  }
  if (high(d.rewardDependence)) {
    return { type: "incentive", rule: 5, reason: "repeat purchase depends on rewards" };
  }
  if (high(d.priceSensitivity)) {
    return { type: "price", rule: 6, reason: "repeat purchase depends on the lowest price" };
  }
  if (high(d.convenienceDependence)) {
    return { type: "convenience", rule: 7, reason: "repeat purchase depends on convenience" };
  }
  if (high(d.attitude)) {
    return {
      type: "super-value",
      rule: 8,
      reason: "high repeat purchase and attitude, no external driver",
    };
  }
  return {
    type: "inertia",
    rule: 9,
    reason: "high repeat purchase, low attitude, no external driver",
  };
}
