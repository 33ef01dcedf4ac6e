/**
 * The cohorts of {@link cumulativePurchaseTracking}: sizes as given (checked), or built from
 * first-purchase dates (one customer per date, counted per day from the start).
 * @internal
 * @module
 */
import { IssueCollector, invalidInput } from "../../core/errors.js";
import { type DateInput, dateProblem, parseCivilDay } from "../../core/time.js";
import { describeReceived } from "../../core/validate.js";
import { type DiagnosableModel, isDiscrete } from "./diagnosticModels.js";

/** Most days first purchases may span after the start (cohorts from dates). @internal */
const MAX_COHORTS = 1_000_000;

/** The total of the cohort sizes, each checked to be an integer from 0 to 2^53 − 1 (every bad one listed). @internal */
export function totalCohortSize(fn: string, cohortSizes: readonly number[]): number {
  let total = 0;
  const issues = new IssueCollector();
  for (let j = 0; j < cohortSizes.length && !issues.full; j++) {
    const size: unknown = cohortSizes[j];
    if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
      issues.add(
        ["cohorts", j],
        `Expected a cohort size: an integer from 0 to 2^53 − 1, received ${describeReceived(size)}`,
        size === undefined
          ? "required"
          : typeof size !== "number" || !Number.isFinite(size)
            ? "invalid_type"
            : !Number.isInteger(size)
              ? "not_integer"
              : size < 0
                ? "too_small"
                : "too_big",
        size,
      );
      continue;
    }
    total += size;
  }
  issues.throwIfAny(fn);
  return total;
}

/**
 * Cohorts of one customer per first-purchase date: the number of first purchases on each day from
 * the start (`options.start`, default the first date) on, read in `options.timeZone` (default UTC).
 * Continuous-time models only, without `cohortSpacing`.
 * @internal
 */
export function cohortsFromDates(
  fn: string,
  m: DiagnosableModel,
  cohorts: readonly DateInput[],
  opts: { readonly cohortSpacing?: number; readonly timeZone?: string; readonly start?: DateInput },
): number[] {
  if (isDiscrete(m)) {
    throw invalidInput(
      fn,
      ["cohorts", 0],
      "The BG/BB takes cohort sizes per opportunity, not dates",
      "invalid_type",
      cohorts[0],
    );
  }
  if (opts.cohortSpacing !== undefined) {
    throw invalidInput(
      fn,
      ["options", "cohortSpacing"],
      "With first-purchase dates each customer is a cohort of one on their own day: drop cohortSpacing",
      "inconsistent",
      opts.cohortSpacing,
    );
  }
  const timeZone = opts.timeZone ?? "UTC";
  const days = new Int32Array(cohorts.length);
  let first = Number.POSITIVE_INFINITY;
  const issues = new IssueCollector();
  for (let i = 0; i < cohorts.length && !issues.full; i++) {
    const day = parseCivilDay(cohorts[i], timeZone);
    if (day === undefined) {
      issues.add(["cohorts", i], dateProblem(cohorts[i]), "invalid_date", cohorts[i]);
      continue;
    }
    days[i] = day;
    if (day < first) first = day;
  }
  issues.throwIfAny(fn);
  if (opts.start !== undefined) {
    const start = parseCivilDay(opts.start, timeZone);
    if (start === undefined || start > first) {
      throw invalidInput(
        fn,
        ["options", "start"],
        "Expected a valid day on or before the first purchase",
        start === undefined ? "invalid_date" : "inconsistent",
        opts.start,
      );
    }
    first = start;
  }
  const sizes: number[] = [];
  for (let i = 0; i < days.length; i++) {
    const k = days[i]! - first;
    if (k >= MAX_COHORTS) {
      throw invalidInput(
        fn,
        ["cohorts", i],
        `First purchases span at most ${MAX_COHORTS} days after the start, this one is ${k} days later`,
        "too_big",
        cohorts[i],
      );
    }
    while (sizes.length <= k) sizes.push(0);
    sizes[k]! += 1;
  }
  return sizes;
}
