import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import {
  type DateInput,
  dateLikeSchema,
  dateProblem,
  parseInstant,
  timeZoneSchema,
} from "../core/time.js";
import { assertArrayShape, parseInput } from "../core/validate.js";

/**
 * One customer's relationship dates for {@link churnRate}.
 * @category Churn
 */
export interface CustomerTenure {
  /** When the customer was acquired (first purchase, contract start). */
  readonly acquiredAt: DateInput;
  /** When the customer was lost (contract end, or the date you declared them churned); absent while still a customer. */
  readonly churnedAt?: DateInput;
  /** Cohort label (acquisition month, channel, segment, …); default `"all"`. */
  readonly cohort?: string;
}

/**
 * Options of {@link churnRate}.
 * @category Churn
 */
export interface ChurnRateOptions {
  /** First instant of the period (inclusive). */
  readonly periodStart: DateInput;
  /** End of the period (exclusive): a date-only string is the start of that day, so `"1997-04-01"` ends Q1. */
  readonly periodEnd: DateInput;
  /**
   * IANA time zone of date-only strings and of date-times without an offset (default `"UTC"`). A
   * wall time repeated when clocks go back is the earlier instant; one skipped when they go forward
   * is moved forward by the gap (see {@link DateInput}).
   */
  readonly timeZone?: string;
}

/**
 * Churn and retention of one group over the period.
 * @category Churn
 */
export interface ChurnRateGroup {
  /** Customers at the start of the period: acquired before `periodStart`, not lost before it. */
  readonly customersAtStart: number;
  /** Of those, customers lost during the period. */
  readonly customersLost: number;
  /** Customers acquired during the period (excluded from both counts). */
  readonly acquiredDuringPeriod: number;
  /** `customersLost / customersAtStart`, in [0, 1]. */
  readonly churnRate: number;
  /** `1 − churnRate`: the share of the starting customers still there at the end, in [0, 1]. */
  readonly retentionRate: number;
}

/**
 * Result of {@link churnRate}: the whole base and each cohort.
 * @category Churn
 */
export interface ChurnRateResult extends ChurnRateGroup {
  /** Start of the period (instant). */
  readonly periodStart: Date;
  /** End of the period (exclusive instant). */
  readonly periodEnd: Date;
  /** Per cohort, in order of first appearance; cohorts without customers at the start are left out. */
  readonly byCohort: ReadonlyMap<string, ChurnRateGroup>;
}

const optionsSchema = z.strictObject({
  periodStart: dateLikeSchema,
  periodEnd: dateLikeSchema,
  timeZone: timeZoneSchema.exactOptional(),
}) satisfies z.ZodType<unknown, ChurnRateOptions>;

const FN = "churnRate";

interface Counts {
  atStart: number;
  lost: number;
  acquired: number;
}

function group(c: Counts): ChurnRateGroup {
  const churn = c.lost / c.atStart;
  return {
    customersAtStart: c.atStart,
    customersLost: c.lost,
    acquiredDuringPeriod: c.acquired,
    churnRate: churn,
    retentionRate: (c.atStart - c.lost) / c.atStart,
  };
}

/**
 * Churn rate and retention rate of a customer base over one period, overall and by cohort, with the
 * correct denominator.
 *
 * `churn = customers lost during the period / customers at the start of the period`, and
 * `retention = 1 − churn` for the same cohort and period. Customers acquired during the period are
 * excluded from numerator and denominator (they are counted in `acquiredDuringPeriod`), so the
 * common shortcut `(start − end) / start`, which nets acquisitions against losses, is avoided.
 * The period is half-open, `[periodStart, periodEnd)`; a customer is "at the start" when acquired
 * before `periodStart` and not lost before it.
 *
 * Pairing with the sBG model: this is the *observed* retention of one period. The shifted-beta-
 * geometric model's `retentionRate` function (models domain) is the *model's* retention rate for a
 * given period; fit the model to the observed survival counts and compare the two.
 *
 * @param customers - `{ acquiredAt, churnedAt?, cohort? }` per customer
 * @param options - `{ periodStart, periodEnd, timeZone? }`
 * @returns counts and rates overall and per cohort
 * @throws {InvalidInputError} on an invalid date (path `[i].acquiredAt`) or one whose calendar day
 *   in `timeZone` is outside 0000-01-01 … 9999-12-31, `churnedAt` before `acquiredAt`, `periodEnd`
 *   not after `periodStart`, or no customer at the start of the period
 * @example
 * ```ts
 * import { churnRate } from "customer-value";
 * const result = churnRate(
 *   [
 *     { acquiredAt: "2024-01-10" },
 *     { acquiredAt: "2024-02-01", churnedAt: "2024-05-20" },
 *     { acquiredAt: "2024-03-01" },
 *     { acquiredAt: "2024-03-15" },
 *     { acquiredAt: "2024-05-02" }, // acquired during the period: excluded
 *   ],
 *   { periodStart: "2024-04-01", periodEnd: "2024-07-01" },
 * );
 * result.churnRate; // => 0.25
 * result.retentionRate; // => 0.75
 * result.acquiredDuringPeriod; // => 1
 * ```
 * @category Churn
 * @see Griffin, J. & Lowenstein, M. W. (2001). Customer Winback. Jossey-Bass. Fader, P. S. & Hardie,
 *   B. G. S. (2007). How to project customer retention. Journal of Interactive Marketing 21(1).
 */
export function churnRate(
  customers: readonly CustomerTenure[],
  options: ChurnRateOptions,
): ChurnRateResult {
  assertArrayShape(FN, customers);
  if (!Array.isArray(customers)) throw invalidInput(FN, [], "Expected an array of customers");
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const zone = opts.timeZone ?? "UTC";
  const start = parseInstant(opts.periodStart, zone);
  if (start === undefined) {
    throw invalidInput(FN, ["options", "periodStart"], dateProblem(opts.periodStart, zone));
  }
  const end = parseInstant(opts.periodEnd, zone);
  if (end === undefined) {
    throw invalidInput(FN, ["options", "periodEnd"], dateProblem(opts.periodEnd, zone));
  }
  if (end <= start) {
    throw invalidInput(FN, ["options", "periodEnd"], "periodEnd must be after periodStart");
  }
  const total: Counts = { atStart: 0, lost: 0, acquired: 0 };
  const cohorts = new Map<string, Counts>();
  for (let i = 0; i < customers.length; i++) {
    const c: unknown = customers[i];
    if (typeof c !== "object" || c === null) throw invalidInput(FN, [i], "Expected an object");
    const { acquiredAt, churnedAt, cohort } = c as Record<string, unknown>;
    const acquired = parseInstant(acquiredAt, zone);
    if (acquired === undefined) {
      throw invalidInput(FN, [i, "acquiredAt"], dateProblem(acquiredAt, zone));
    }
    let churned: number | undefined;
    if (churnedAt !== undefined) {
      churned = parseInstant(churnedAt, zone);
      if (churned === undefined) {
        throw invalidInput(FN, [i, "churnedAt"], dateProblem(churnedAt, zone));
      }
      if (churned < acquired) {
        throw invalidInput(FN, [i, "churnedAt"], "churnedAt is before acquiredAt");
      }
    }
    if (cohort !== undefined && typeof cohort !== "string") {
      throw invalidInput(FN, [i, "cohort"], "Expected a string");
    }
    const label = cohort ?? "all";
    let counts = cohorts.get(label);
    if (counts === undefined) {
      counts = { atStart: 0, lost: 0, acquired: 0 };
      cohorts.set(label, counts);
    }
    if (acquired >= start) {
      if (acquired < end) {
        counts.acquired++;
        total.acquired++;
      }
      continue;
    }
    if (churned !== undefined && churned < start) continue;
    counts.atStart++;
    total.atStart++;
    if (churned !== undefined && churned < end) {
      counts.lost++;
      total.lost++;
    }
  }
  if (total.atStart === 0) {
    throw invalidInput(FN, [], "No customer was active at the start of the period");
  }
  const byCohort = new Map<string, ChurnRateGroup>();
  for (const [label, counts] of cohorts) {
    if (counts.atStart > 0) byCohort.set(label, group(counts));
  }
  return { periodStart: new Date(start), periodEnd: new Date(end), ...group(total), byCohort };
}
