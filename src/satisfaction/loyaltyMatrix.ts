import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { parseInputCollecting } from "../core/validate.js";
import { customerIdField, numberField, rowObject } from "./rowFields.js";
import { checkRows } from "./surveyRows.js";

/**
 * A Dick & Basu loyalty condition.
 * @category Satisfaction
 */
export type DickBasuLoyalty = "loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty";

/**
 * One customer's relative attitude and repeat patronage (other fields of the row are ignored).
 * @category Satisfaction
 */
export interface LoyaltyMatrixInput {
  /** The customer's id (unique among the rows). */
  readonly customerId: string;
  /** Relative attitude toward the brand versus alternatives (any scale, higher = more favourable). */
  readonly relativeAttitude: number;
  /** Repeat patronage (e.g. share of category purchases, or repeat-purchase count; higher = more). */
  readonly repeatPatronage: number;
}

/**
 * Options of {@link loyaltyMatrix}.
 * @category Satisfaction
 */
export interface LoyaltyMatrixOptions {
  /** Attitude at or above this is high. Default: the sample's split statistic (see `split`). */
  readonly attitudeThreshold?: number;
  /** Patronage at or above this is high. Default: the sample's split statistic (see `split`). */
  readonly patronageThreshold?: number;
  /** Statistic used for a threshold not given: `"median"` (default) or `"mean"` of the sample. */
  readonly split?: "median" | "mean";
}

/**
 * Number of customers in each loyalty condition.
 * @category Satisfaction
 */
export interface DickBasuCounts {
  /** High attitude, high patronage. */
  readonly loyalty: number;
  /** High attitude, low patronage. */
  readonly latentLoyalty: number;
  /** Low attitude, high patronage. */
  readonly spuriousLoyalty: number;
  /** Low attitude, low patronage. */
  readonly noLoyalty: number;
}

/**
 * One customer's loyalty condition, a row of {@link LoyaltyMatrixResult.segments}.
 * @category Satisfaction
 */
export interface LoyaltyMatrixRow {
  /** The customer's id, as given. */
  readonly customerId: string;
  /** The customer's Dick & Basu loyalty condition. */
  readonly segment: DickBasuLoyalty;
}

/**
 * Result of {@link loyaltyMatrix}.
 * @category Satisfaction
 */
export interface LoyaltyMatrixResult {
  /**
   * The loyalty condition of every customer, one row per input row, in input order (look one up
   * by id with `indexByCustomerId`).
   */
  readonly segments: readonly LoyaltyMatrixRow[];
  /** Customers per condition; they sum to the number of customers. */
  readonly counts: DickBasuCounts;
  /** The attitude threshold used. */
  readonly attitudeThreshold: number;
  /** The patronage threshold used. */
  readonly patronageThreshold: number;
}

const optionsSchema = z.strictObject({
  attitudeThreshold: z.exactOptional(z.number()),
  patronageThreshold: z.exactOptional(z.number()),
  split: z.exactOptional(z.enum(["median", "mean"])),
}) satisfies z.ZodMiniType<unknown, LoyaltyMatrixOptions>;

/**
 * Dick & Basu's loyalty matrix: true, latent, spurious or no loyalty from relative attitude ×
 * repeat patronage.
 *
 * **Rule set.** High attitude = `relativeAttitude ≥ attitudeThreshold`; high patronage =
 * `repeatPatronage ≥ patronageThreshold` (high is inclusive). High/high → `"loyalty"`;
 * high attitude, low patronage → `"latent-loyalty"` (wants to buy, something stops them);
 * low attitude, high patronage → `"spurious-loyalty"` (buys from habit or lack of choice);
 * low/low → `"no-loyalty"`.
 *
 * **Conventions.** Dick & Basu give no cut-offs. A threshold not given is the sample median
 * (default; even n: the mean of the two middle values) or mean — a relative reading of this
 * sample. Pass the scale midpoint for an absolute one. The conditions partition the customers.
 *
 * Reference: Dick, A. S. & Basu, K. (1994), "Customer Loyalty: Toward an Integrated Conceptual
 * Framework", *Journal of the Academy of Marketing Science* 22(2): 99–113.
 *
 * @param customers - one row per customer (unique `customerId`s, at least one row)
 * @param options - thresholds, or the split statistic for the ones not given
 * @returns the condition of every customer (rows in input order), the counts and the thresholds
 *   used
 * @throws {@link InvalidInputError} listing every problem: there are no customers (path
 *   `customers`, code `too_small`), a row is not an object (`customers[i]`), an id is missing,
 *   not a string or repeated (`customers[i].customerId`, `required` / `invalid_type` /
 *   `duplicate`), a value is not a finite number (`customers[i].relativeAttitude`,
 *   `customers[i].repeatPatronage`, `required` / `invalid_type`), or an option is invalid
 *   (`options.<key>`)
 * @example
 * ```ts
 * import { loyaltyMatrix } from "customer-value";
 * const result = loyaltyMatrix(
 *   [
 *     { customerId: "a", relativeAttitude: 6, repeatPatronage: 0.8 },
 *     { customerId: "b", relativeAttitude: 6, repeatPatronage: 0.1 },
 *     { customerId: "c", relativeAttitude: 2, repeatPatronage: 0.9 },
 *     { customerId: "d", relativeAttitude: 2, repeatPatronage: 0.2 },
 *   ],
 *   { attitudeThreshold: 4, patronageThreshold: 0.5 },
 * );
 * result.segments[1]; // => { customerId: "b", segment: "latent-loyalty" }
 * result.segments[2].segment; // => "spurious-loyalty"
 * result.counts.loyalty; // => 1
 * ```
 * @category Satisfaction
 */
export function loyaltyMatrix(
  customers: readonly LoyaltyMatrixInput[],
  options: LoyaltyMatrixOptions = {},
): LoyaltyMatrixResult {
  const fn = "loyaltyMatrix";
  const issues = new IssueCollector();
  const parsed = parseInputCollecting(fn, optionsSchema, options, ["options"], issues);
  const rows = checkRows(["customers"], customers, "customers", issues) ?? [];
  const n = rows.length;
  const ids: string[] = new Array(n);
  const attitudes = new Float64Array(n);
  const patronages = new Float64Array(n);
  const seen = new Set<string>();
  for (let i = 0; i < n && !issues.full; i++) {
    const row = rowObject("customers", i, rows[i], issues);
    if (row === undefined) continue;
    ids[i] = customerIdField("customers", i, row.customerId, seen, issues) as string;
    attitudes[i] =
      numberField("customers", i, "relativeAttitude", row.relativeAttitude, issues) ?? 0;
    patronages[i] =
      numberField("customers", i, "repeatPatronage", row.repeatPatronage, issues) ?? 0;
  }
  issues.throwIfAny(fn);
  // No issue: the options were read.
  const { split = "median", ...given } = parsed as LoyaltyMatrixOptions;
  const attitudeThreshold = given.attitudeThreshold ?? center(attitudes, split);
  const patronageThreshold = given.patronageThreshold ?? center(patronages, split);
  const segments: LoyaltyMatrixRow[] = new Array(n);
  const counts = { loyalty: 0, latentLoyalty: 0, spuriousLoyalty: 0, noLoyalty: 0 };
  for (let i = 0; i < n; i++) {
    const attitude = (attitudes[i] as number) >= attitudeThreshold;
    const patronage = (patronages[i] as number) >= patronageThreshold;
    let segment: DickBasuLoyalty;
    if (attitude && patronage) {
      segment = "loyalty";
      counts.loyalty++;
    } else if (attitude) {
      segment = "latent-loyalty";
      counts.latentLoyalty++;
    } else if (patronage) {
      segment = "spurious-loyalty";
      counts.spuriousLoyalty++;
    } else {
      segment = "no-loyalty";
      counts.noLoyalty++;
    }
    segments[i] = { customerId: ids[i] as string, segment };
  }
  return { segments, counts, attitudeThreshold, patronageThreshold };
}

function center(values: Float64Array, split: "median" | "mean"): number {
  if (split === "mean") {
    // Dividing each term first cannot overflow; clamping keeps rounding inside [min, max].
    let sum = 0;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      sum += v / values.length;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return Math.min(Math.max(sum, lo), hi);
  }
  const sorted = values.slice().sort();
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  const below = sorted[mid - 1] as number;
  const above = sorted[mid] as number;
  // Halving first cannot overflow; clamping keeps it between the two middle values, which halving
  // subnormals (−6.4e-323 / 2 rounds to −3e-323) would otherwise break.
  return Math.min(Math.max(below / 2 + above / 2, below), above);
}
