import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { describeReceived, parseInputCollecting } from "../core/validate.js";
import { customerIdField, numberField, rowObject } from "./rowFields.js";
import { checkRows } from "./surveyRows.js";

/**
 * The seven practitioner loyalty types (monopoly, inertia, latent, convenience, price, incentive,
 * super-value), plus `"none"` for a customer who shows no loyalty to classify.
 * @category Satisfaction
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

/**
 * Observable drivers of one customer's loyalty; every score is a fraction in [0, 1] (other
 * fields of the row are ignored).
 * @category Satisfaction
 */
export interface LoyaltyDrivers {
  /** The customer's id (unique among the rows). */
  readonly customerId: string;
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

/**
 * Options of {@link loyaltyType}.
 * @category Satisfaction
 */
export interface LoyaltyTypeOptions {
  /** A score at or above this counts as high (default 0.5). */
  readonly threshold?: number;
}

/**
 * One customer's loyalty type, a row of the result of {@link loyaltyType}.
 * @category Satisfaction
 */
export interface LoyaltyTypeResult {
  /** The customer's id, as given. */
  readonly customerId: string;
  /** The loyalty type. */
  readonly type: LoyaltyType;
  /** The number (1–9) of the rule that decided, in the documented order. */
  readonly rule: number;
  /** The rule in words. */
  readonly reason: string;
}

/** The optional drivers, 0 when absent. */
const OPTIONAL_DRIVERS = [
  "rewardDependence",
  "priceSensitivity",
  "convenienceDependence",
  "advocacy",
] as const;

const optionsSchema = z.strictObject({
  threshold: z.exactOptional(
    z
      .number()
      .check(
        z.gt(0, { error: "Expected a threshold in (0, 1]" }),
        z.maximum(1, { error: "Expected a threshold in (0, 1]" }),
      ),
  ),
}) satisfies z.ZodMiniType<unknown, LoyaltyTypeOptions>;

/**
 * Classifies each customer into the seven practitioner loyalty types — monopoly, inertia, latent,
 * convenience, price, incentive, super-value — by an ordered rule set over observable drivers.
 * One row in per customer, one row out, in input order.
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
 * @param customers - one row of drivers per customer (unique `customerId`s), scores in [0, 1]
 * @param options - the "high" threshold
 * @returns one row per customer, in input order: the type, the number of the deciding rule and
 *   its wording
 * @throws {@link InvalidInputError} listing every problem: a row is not an object
 *   (`customers[i]`), an id is missing, not a string or repeated (`customers[i].customerId`,
 *   `required` / `invalid_type` / `duplicate`), `alternativesAvailable` is not a boolean
 *   (`customers[i].alternativesAvailable`, `required` / `invalid_type`), a score is missing or
 *   outside [0, 1] (`customers[i].<field>`, `required` / `invalid_type` / `too_small` /
 *   `too_big`), or the threshold is invalid (`options.threshold`)
 * @example
 * ```ts
 * import { loyaltyType } from "customer-value";
 * const types = loyaltyType([
 *   { customerId: "a", alternativesAvailable: false, repeatPurchase: 0.9, attitude: 0.2 },
 *   { customerId: "b", alternativesAvailable: true, repeatPurchase: 0.8, attitude: 0.3, rewardDependence: 0.9 },
 *   { customerId: "c", alternativesAvailable: true, repeatPurchase: 0.9, attitude: 0.9, advocacy: 1 },
 *   { customerId: "d", alternativesAvailable: true, repeatPurchase: 0.7, attitude: 0.2 },
 * ]);
 * types.map((row) => row.type); // => ["monopoly", "incentive", "super-value", "inertia"]
 * types[3]; // => { customerId: "d", type: "inertia", rule: 9, reason: "high repeat purchase, low attitude, no external driver" }
 * ```
 * @category Satisfaction
 */
export function loyaltyType(
  customers: readonly LoyaltyDrivers[],
  options: LoyaltyTypeOptions = {},
): readonly LoyaltyTypeResult[] {
  const fn = "loyaltyType";
  const issues = new IssueCollector();
  const parsed = parseInputCollecting(fn, optionsSchema, options, ["options"], issues);
  const rows = checkRows(["customers"], customers, "customers", issues, false) ?? [];
  const drivers: Omit<LoyaltyDrivers, "customerId">[] = new Array(rows.length);
  const ids: string[] = new Array(rows.length);
  const seen = new Set<string>();
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row = rowObject("customers", i, rows[i], issues);
    if (row === undefined) continue;
    ids[i] = customerIdField("customers", i, row.customerId, seen, issues) as string;
    const alternativesAvailable: unknown = row.alternativesAvailable;
    if (typeof alternativesAvailable !== "boolean") {
      issues.add(
        ["customers", i, "alternativesAvailable"],
        `Expected a boolean, received ${describeReceived(alternativesAvailable)}`,
        alternativesAvailable === undefined ? "required" : "invalid_type",
        alternativesAvailable,
      );
    }
    const d: {
      alternativesAvailable: boolean;
      repeatPurchase: number;
      attitude: number;
      rewardDependence?: number;
      priceSensitivity?: number;
      convenienceDependence?: number;
      advocacy?: number;
    } = {
      alternativesAvailable: alternativesAvailable === true,
      repeatPurchase:
        numberField("customers", i, "repeatPurchase", row.repeatPurchase, issues, 0, 1) ?? 0,
      attitude: numberField("customers", i, "attitude", row.attitude, issues, 0, 1) ?? 0,
    };
    for (const key of OPTIONAL_DRIVERS) {
      const value: unknown = row[key];
      if (value !== undefined) d[key] = numberField("customers", i, key, value, issues, 0, 1) ?? 0;
    }
    drivers[i] = d;
  }
  issues.throwIfAny(fn);
  // No issue: the options were read.
  const t = (parsed as LoyaltyTypeOptions).threshold ?? 0.5;
  return drivers.map((d, i) => ({ customerId: ids[i] as string, ...classify(d, t) }));
}

/** The first rule of the documented order that holds for `d`. */
function classify(
  d: Omit<LoyaltyDrivers, "customerId">,
  t: number,
): Omit<LoyaltyTypeResult, "customerId"> {
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
