import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { describeReceived, parseInput } from "../core/validate.js";
import { checkArray, checkFiniteField, checkRecord, checkStringField } from "./scale.js";

/** A Dick & Basu loyalty condition. */
export type DickBasuLoyalty = "loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty";

/** One customer's relative attitude and repeat patronage. */
export interface LoyaltyMatrixInput {
  /** The customer id (unique). */
  readonly id: string;
  /** Relative attitude toward the brand versus alternatives (any scale, higher = more favourable). */
  readonly relativeAttitude: number;
  /** Repeat patronage (e.g. share of category purchases, or repeat-purchase count; higher = more). */
  readonly repeatPatronage: number;
}

/** Options of {@link loyaltyMatrix}. */
export interface LoyaltyMatrixOptions {
  /** Attitude at or above this is high. Default: the sample's split statistic (see `split`). */
  readonly attitudeThreshold?: number;
  /** Patronage at or above this is high. Default: the sample's split statistic (see `split`). */
  readonly patronageThreshold?: number;
  /** Statistic used for a threshold not given: `"median"` (default) or `"mean"` of the sample. */
  readonly split?: "median" | "mean";
}

/** Number of customers in each loyalty condition. */
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

/** Result of {@link loyaltyMatrix}. */
export interface LoyaltyMatrixResult {
  /** The loyalty condition of every customer, by id (input order). */
  readonly segments: ReadonlyMap<string, DickBasuLoyalty>;
  /** Customers per condition; they sum to the number of customers. */
  readonly counts: DickBasuCounts;
  /** The attitude threshold used. */
  readonly attitudeThreshold: number;
  /** The patronage threshold used. */
  readonly patronageThreshold: number;
}

/** Every field of {@link LoyaltyMatrixInput}, checked complete by the type. */
const FIELDS: Record<keyof LoyaltyMatrixInput, true> = {
  id: true,
  relativeAttitude: true,
  repeatPatronage: true,
};
const KEYS: ReadonlySet<string> = new Set(Object.keys(FIELDS));

const optionsSchema = z.strictObject({
  attitudeThreshold: z.number().finite().exactOptional(),
  patronageThreshold: z.number().finite().exactOptional(),
  split: z.enum(["median", "mean"]).exactOptional(),
}) satisfies z.ZodType<unknown, LoyaltyMatrixOptions>;

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
 * @param customers - one row per customer (unique ids, at least one)
 * @param options - thresholds, or the split statistic for the ones not given
 * @returns the condition of every customer (a `Map` by id), the counts and the thresholds used
 * @throws {@link InvalidInputError} when there are no customers, an id repeats (path
 *   `customers[i].id`), or a value is not finite
 * @example
 * ```ts
 * import { loyaltyMatrix } from "customer-value";
 * const result = loyaltyMatrix(
 *   [
 *     { id: "a", relativeAttitude: 6, repeatPatronage: 0.8 },
 *     { id: "b", relativeAttitude: 6, repeatPatronage: 0.1 },
 *     { id: "c", relativeAttitude: 2, repeatPatronage: 0.9 },
 *     { id: "d", relativeAttitude: 2, repeatPatronage: 0.2 },
 *   ],
 *   { attitudeThreshold: 4, patronageThreshold: 0.5 },
 * );
 * result.segments.get("b"); // => "latent-loyalty"
 * result.segments.get("c"); // => "spurious-loyalty"
 * result.counts.loyalty; // => 1
 * ```
 * @category Satisfaction
 */
export function loyaltyMatrix(
  customers: readonly LoyaltyMatrixInput[],
  options: LoyaltyMatrixOptions = {},
): LoyaltyMatrixResult {
  const fn = "loyaltyMatrix";
  const parsed = parseInput(fn, optionsSchema, options, ["options"]);
  const rows = checkArray(fn, ["customers"], customers);
  if (rows.length === 0) throw invalidInput(fn, ["customers"], "Expected at least one customer");
  const n = rows.length;
  const ids: string[] = new Array(n);
  const attitudes = new Float64Array(n);
  const patronages = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = checkRecord(fn, "customers", i, rows[i], KEYS);
    ids[i] = checkStringField(fn, "customers", i, "id", row.id);
    attitudes[i] = checkFiniteField(fn, "customers", i, "relativeAttitude", row.relativeAttitude);
    patronages[i] = checkFiniteField(fn, "customers", i, "repeatPatronage", row.repeatPatronage);
  }
  const split = parsed.split ?? "median";
  const attitudeThreshold = parsed.attitudeThreshold ?? center(attitudes, split);
  const patronageThreshold = parsed.patronageThreshold ?? center(patronages, split);
  const segments = new Map<string, DickBasuLoyalty>();
  const counts = { loyalty: 0, latentLoyalty: 0, spuriousLoyalty: 0, noLoyalty: 0 };
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    if (segments.has(id)) {
      throw invalidInput(
        fn,
        ["customers", i, "id"],
        `Duplicate customer id ${describeReceived(id)}`,
      );
    }
    const attitude = (attitudes[i] as number) >= attitudeThreshold;
    const patronage = (patronages[i] as number) >= patronageThreshold;
    if (attitude && patronage) {
      segments.set(id, "loyalty");
      counts.loyalty++;
    } else if (attitude) {
      segments.set(id, "latent-loyalty");
      counts.latentLoyalty++;
    } else if (patronage) {
      segments.set(id, "spurious-loyalty");
      counts.spuriousLoyalty++;
    } else {
      segments.set(id, "no-loyalty");
      counts.noLoyalty++;
    }
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
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : (sorted[mid - 1] as number) / 2 + (sorted[mid] as number) / 2;
}
