import * as z from "zod/mini";
import { type IssueCode, IssueCollector, invalidInput } from "../core/errors.js";
import {
  type DateInput,
  dateLikeSchema,
  dateProblem,
  formatCivilDay,
  parseCivilDay,
  timeZoneSchema,
} from "../core/time.js";
import { checkArray, parseInput } from "../core/validate.js";

/**
 * One customer's relationship dates for {@link churnRate}. Other fields (a `customerId`, your own
 * columns) are allowed and ignored.
 * @category Churn
 */
export interface CustomerTenure {
  /** The day the customer was acquired (first purchase, contract start): a calendar day in `options.timeZone`. */
  readonly acquiredAt: DateInput;
  /** The day the customer was lost (contract end, or the day you declared them churned), on or after `acquiredAt`; absent while still a customer. */
  readonly churnedAt?: DateInput;
  /** Cohort label (acquisition month, channel, segment, …); default `"all"`. Any string, `"__proto__"` included. */
  readonly cohort?: string;
}

/**
 * Options of {@link churnRate}.
 * @category Churn
 */
export interface ChurnRateOptions {
  /** First day of the period (inclusive): a calendar day in `timeZone`. */
  readonly periodStart: DateInput;
  /** Last day of the period (inclusive): `{ periodStart: "2024-01-01", periodEnd: "2024-03-31" }` is Q1. */
  readonly periodEnd: DateInput;
  /**
   * IANA time zone whose calendar days the dates are read in (default `"UTC"`): a date-only
   * string is that day; a `Date` or a date-time is placed on the day it falls on in this zone.
   */
  readonly timeZone?: string;
}

/**
 * Churn and retention of one group over the period.
 * @category Churn
 */
export interface ChurnRateGroup {
  /** Number of customers at the start of the period: acquired before `periodStart`'s day and not lost before it. */
  readonly customerCountAtStart: number;
  /** Number of those customers lost during the period (lost on a day from `periodStart` to `periodEnd`, inclusive). */
  readonly lostCustomerCount: number;
  /** Number of customers acquired during the period (excluded from both counts above). */
  readonly acquiredCustomerCount: number;
  /** `lostCustomerCount / customerCountAtStart`, in [0, 1]. */
  readonly churnRate: number;
  /** `1 − churnRate`: the share of the starting customers still there at the end, in [0, 1]. */
  readonly retentionRate: number;
}

/**
 * One cohort's row of a {@link ChurnRateResult}.
 * @category Churn
 */
export interface ChurnRateCohort extends ChurnRateGroup {
  /** The cohort label (`"all"` for customers without one). */
  readonly cohort: string;
}

/**
 * Result of {@link churnRate}: the whole base and each cohort (plain data).
 * @category Churn
 */
export interface ChurnRateResult extends ChurnRateGroup {
  /** First day of the period, `"YYYY-MM-DD"` (inclusive). */
  readonly periodStart: string;
  /** Last day of the period, `"YYYY-MM-DD"` (inclusive). */
  readonly periodEnd: string;
  /** One row per cohort, in order of the cohort's first appearance in the input; cohorts without customers at the start are left out. */
  readonly byCohort: readonly ChurnRateCohort[];
}

const optionsSchema = z.strictObject({
  periodStart: dateLikeSchema,
  periodEnd: dateLikeSchema,
  timeZone: z.exactOptional(timeZoneSchema),
}) satisfies z.ZodMiniType<unknown, ChurnRateOptions>;

const FN = "churnRate";
/** Name of the data argument, the first key of every row path (`customers[2].churnedAt`). */
const ARG = "customers";

interface Counts {
  atStart: number;
  lost: number;
  acquired: number;
}

function group(c: Counts): ChurnRateGroup {
  const churn = c.lost / c.atStart;
  return {
    customerCountAtStart: c.atStart,
    lostCustomerCount: c.lost,
    acquiredCustomerCount: c.acquired,
    churnRate: churn,
    retentionRate: (c.atStart - c.lost) / c.atStart,
  };
}

/** The code of an unreadable date: missing, not a date at all, or a date that does not exist. */
function dateCode(value: unknown): IssueCode {
  if (value === undefined) return "required";
  return typeof value === "string" || value instanceof Date ? "invalid_date" : "invalid_type";
}

/**
 * Churn rate and retention rate of a customer base over one period, overall and by cohort, with the
 * correct denominator.
 *
 * `churn = customers lost during the period / customers at the start of the period`, and
 * `retention = 1 − churn` for the same cohort and period. Customers acquired during the period are
 * excluded from numerator and denominator (they are counted in `acquiredCustomerCount`), so the
 * common shortcut `(start − end) / start`, which nets acquisitions against losses, is avoided.
 *
 * Cut-offs (the library's one rule): `periodStart` and `periodEnd` are calendar days in `timeZone`,
 * **both inclusive**, and every date is compared as the calendar day it falls on. A customer is
 * "at the start" when acquired on a day before `periodStart` and not lost on a day before it; lost
 * during the period when lost on a day from `periodStart` to `periodEnd`; acquired during it when
 * acquired on such a day. Customers acquired after `periodEnd` play no part.
 *
 * Pairing with the sBG model: this is the *observed* retention of one period. The shifted-beta-
 * geometric model's retention (models domain) is the *model's* retention rate for a given period;
 * fit the model to the observed survival counts and compare the two.
 *
 * @param customers - `{ acquiredAt, churnedAt?, cohort? }` per customer (other fields ignored)
 * @param options - `{ periodStart, periodEnd, timeZone? }`
 * @returns counts and rates overall and one row per cohort (plain data; the period's days as
 *   `"YYYY-MM-DD"` strings)
 * @throws {InvalidInputError} listing every bad row in one pass (up to 100): a row that is not an
 *   object (`customers[i]`, `invalid_type`), an invalid date or one whose calendar day in
 *   `timeZone` is outside 0000-01-01 … 9999-12-31 (`customers[i].acquiredAt`, `invalid_date`;
 *   missing: `required`), `churnedAt` before `acquiredAt` (`customers[i].churnedAt`,
 *   `inconsistent`), a cohort that is not a string (`customers[i].cohort`, `invalid_type`); an
 *   invalid option (`options.periodStart`, …), `periodEnd` before `periodStart`
 *   (`options.periodEnd`, `inconsistent`), or no customer at the start of the period (`customers`,
 *   `too_small`)
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
 *   { periodStart: "2024-04-01", periodEnd: "2024-06-30" }, // Q2, both days inclusive
 * );
 * result.churnRate; // => 0.25
 * result.retentionRate; // => 0.75
 * result.acquiredCustomerCount; // => 1
 * result.byCohort; // => [{ cohort: "all", customerCountAtStart: 4, lostCustomerCount: 1, acquiredCustomerCount: 1, churnRate: 0.25, retentionRate: 0.75 }]
 * ```
 * @category Churn
 * @see Griffin, J. & Lowenstein, M. W. (2001). Customer Winback. Jossey-Bass. Fader, P. S. & Hardie,
 *   B. G. S. (2007). How to project customer retention. Journal of Interactive Marketing 21(1).
 */
export function churnRate(
  customers: readonly CustomerTenure[],
  options: ChurnRateOptions,
): ChurnRateResult {
  checkArray(FN, customers, "an array of customers", [ARG]);
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const zone = opts.timeZone ?? "UTC";
  const period = periodDays(opts, zone);
  const { total, cohorts } = countCustomers(customers, zone, period);
  if (total.atStart === 0) {
    throw invalidInput(
      FN,
      [ARG],
      "No customer was active at the start of the period",
      "too_small",
      customers,
    );
  }
  const byCohort: ChurnRateCohort[] = [];
  for (const [label, counts] of cohorts) {
    if (counts.atStart > 0) byCohort.push({ cohort: label, ...group(counts) });
  }
  return {
    periodStart: formatCivilDay(period.first),
    periodEnd: formatCivilDay(period.last),
    ...group(total),
    byCohort,
  };
}

/** The period's first and last day (both inclusive, days since 1970-01-01). */
interface Period {
  readonly first: number;
  readonly last: number;
}

/**
 * A customer's part in the period's counts — the definition of the denominator:
 * - acquired on a day from `first` to `last` → `"acquired"` (in neither churn count);
 * - acquired before `first` and not lost before it → at the start, and `"lost"` when lost on a day
 *   up to `last`, else `"retained"`;
 * - otherwise (acquired after the period, or lost before it) → `"none"`.
 */
function partInPeriod(
  acquired: number,
  churned: number | undefined,
  { first, last }: Period,
): "acquired" | "lost" | "retained" | "none" {
  if (acquired >= first) return acquired <= last ? "acquired" : "none";
  if (churned !== undefined && churned < first) return "none";
  return churned !== undefined && churned <= last ? "lost" : "retained";
}

/** Reads the period's days from the options; throws listing every problem with them. */
function periodDays(
  opts: { readonly periodStart: DateInput; readonly periodEnd: DateInput },
  zone: string,
): Period {
  const start = parseCivilDay(opts.periodStart, zone);
  const end = parseCivilDay(opts.periodEnd, zone);
  const issues = new IssueCollector();
  if (start === undefined) {
    issues.add(
      ["options", "periodStart"],
      dateProblem(opts.periodStart, zone),
      "invalid_date",
      opts.periodStart,
    );
  }
  if (end === undefined) {
    issues.add(
      ["options", "periodEnd"],
      dateProblem(opts.periodEnd, zone),
      "invalid_date",
      opts.periodEnd,
    );
  }
  if (start !== undefined && end !== undefined && end < start) {
    issues.add(
      ["options", "periodEnd"],
      "periodEnd must not be before periodStart (both days are inclusive)",
      "inconsistent",
      opts.periodEnd,
    );
  }
  issues.throwIfAny(FN);
  return { first: start as number, last: end as number };
}

/**
 * Validates every customer and counts them by {@link partInPeriod}, overall and by cohort (cohorts
 * by label, in order of first appearance; a label is a Map key, never an object key). Throws
 * listing every bad row.
 */
function countCustomers(
  customers: readonly unknown[],
  zone: string,
  period: Period,
): { total: Counts; cohorts: Map<string, Counts> } {
  const total: Counts = { atStart: 0, lost: 0, acquired: 0 };
  const cohorts = new Map<string, Counts>();
  const issues = new IssueCollector();
  for (let i = 0; i < customers.length && !issues.full; i++) {
    const tenure = readTenure(customers[i], i, zone, issues);
    // Once a problem is found the counts are moot: the rest of the pass only looks for problems.
    if (issues.size > 0 || tenure === undefined) continue;
    let counts = cohorts.get(tenure.cohort);
    if (counts === undefined) {
      counts = { atStart: 0, lost: 0, acquired: 0 };
      cohorts.set(tenure.cohort, counts);
    }
    const part = partInPeriod(tenure.acquired, tenure.churned, period);
    tally(counts, part);
    tally(total, part);
  }
  issues.throwIfAny(FN);
  return { total, cohorts };
}

/** Adds one customer's part to `counts`. */
function tally(counts: Counts, part: ReturnType<typeof partInPeriod>): void {
  if (part === "acquired") counts.acquired++;
  if (part === "lost" || part === "retained") counts.atStart++;
  if (part === "lost") counts.lost++;
}

/** One customer's days and cohort, or `undefined` when a problem was recorded in `issues`. */
function readTenure(
  c: unknown,
  i: number,
  zone: string,
  issues: IssueCollector,
): { acquired: number; churned: number | undefined; cohort: string } | undefined {
  if (typeof c !== "object" || c === null) {
    issues.add([ARG, i], "Expected an object", c === undefined ? "required" : "invalid_type", c);
    return undefined;
  }
  const { acquiredAt, churnedAt, cohort } = c as Record<string, unknown>;
  const acquired = parseCivilDay(acquiredAt, zone);
  if (acquired === undefined) {
    issues.add(
      [ARG, i, "acquiredAt"],
      dateProblem(acquiredAt, zone),
      dateCode(acquiredAt),
      acquiredAt,
    );
  }
  let churned: number | undefined;
  if (churnedAt !== undefined) {
    churned = parseCivilDay(churnedAt, zone);
    if (churned === undefined) {
      issues.add(
        [ARG, i, "churnedAt"],
        dateProblem(churnedAt, zone),
        dateCode(churnedAt),
        churnedAt,
      );
    } else if (acquired !== undefined && churned < acquired) {
      issues.add(
        [ARG, i, "churnedAt"],
        "churnedAt is before acquiredAt",
        "inconsistent",
        churnedAt,
      );
    }
  }
  if (cohort !== undefined && typeof cohort !== "string") {
    issues.add([ARG, i, "cohort"], "Expected a string", "invalid_type", cohort);
  }
  if (acquired === undefined) return undefined;
  return { acquired, churned, cohort: typeof cohort === "string" ? cohort : "all" };
}
