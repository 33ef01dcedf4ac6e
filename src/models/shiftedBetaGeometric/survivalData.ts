/**
 * The data of {@link fitSbg}: survivor counts of one cohort or several, or per-customer rows,
 * validated (every problem listed, up to 100) and reduced to the weights the sBG likelihood sums
 * over — customers churning in each period, and customers still active at the end of observation.
 * @internal
 * @module
 */
import { IssueCollector, invalidInput } from "../../core/errors.js";
import { arrayShapeProblem, checkArray, describeReceived } from "../../core/validate.js";
import { countIssue, countWeight } from "../historyValidation.js";

/** The public function whose data these are (for errors). */
const FN = "fitSbg";

/**
 * Most contract periods a per-customer row may report (`periodsObserved`): the fit sums its
 * likelihood over arrays indexed by period, so the bound bounds memory and time (a million
 * periods is 80,000 years of monthly renewals).
 */
const MAX_PERIODS_OBSERVED = 1_000_000;
/** The name of fitSbg's data argument, the first key of its error paths (`survival[2]`). */
const ARG = "survival";

/** Weighted sufficient statistics: churn and survival weights indexed by period. @internal */
export interface SurvivalData {
  /** `churnWeight[t]` customers cancelled in period t (t ≥ 1). */
  readonly churnWeight: Float64Array;
  /** `aliveWeight[t]` customers still active after t renewals (right-censored). */
  readonly aliveWeight: Float64Array;
  readonly customers: number;
}

/** Every problem of one cohort's survivor counts at `path` (`survival` or `survival[c]`). */
function cohortIssues(counts: unknown, path: readonly PropertyKey[], issues: IssueCollector): void {
  if (!Array.isArray(counts)) {
    issues.add(
      path,
      `Expected an array of survivor counts, received ${describeReceived(counts)}`,
      counts === undefined ? "required" : "invalid_type",
      counts,
    );
    return;
  }
  const shape = arrayShapeProblem(counts);
  if (shape) {
    issues.add([...path, ...shape.path], shape.message, shape.code);
    return;
  }
  if (counts.length === 0) {
    issues.add(
      path,
      "Expected at least one survivor count (the cohort's size)",
      "too_small",
      counts,
    );
    return;
  }
  let previous = Number.POSITIVE_INFINITY;
  for (let t = 0; t < counts.length && !issues.full; t++) {
    const v: unknown = counts[t];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.add(
        [...path, t],
        `Expected a finite number ≥ 0, received ${describeReceived(v)}`,
        v === undefined ? "required" : "invalid_type",
        v,
      );
      previous = Number.NaN;
      continue;
    }
    if (v < 0 || (t === 0 && v === 0)) {
      issues.add(
        [...path, t],
        t === 0
          ? `A cohort must start with a positive number of customers, received ${v}`
          : `Expected a count ≥ 0, received ${v}`,
        "too_small",
        v,
      );
    } else if (v > previous) {
      issues.add(
        [...path, t],
        `Survivor counts must not increase: ${v} after ${previous}`,
        "inconsistent",
        v,
      );
    }
    previous = v;
  }
}

/** Every problem of one per-customer row at `path` (`survival[i]`). */
function rowIssues(row: unknown, path: readonly PropertyKey[], issues: IssueCollector): void {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    issues.add(
      path,
      `Expected { periodsObserved, churned }, received ${describeReceived(row)}`,
      row === undefined ? "required" : "invalid_type",
      row,
    );
    return;
  }
  const { periodsObserved: t, churned, count } = row as Record<string, unknown>;
  let tOk = false;
  if (typeof t !== "number" || !Number.isFinite(t)) {
    issues.add(
      [...path, "periodsObserved"],
      `Expected an integer ≥ 0, received ${describeReceived(t)}`,
      t === undefined ? "required" : "invalid_type",
      t,
    );
  } else if (!Number.isInteger(t)) {
    issues.add(
      [...path, "periodsObserved"],
      `Expected an integer ≥ 0, received ${t}`,
      "not_integer",
      t,
    );
  } else if (t < 0) {
    issues.add(
      [...path, "periodsObserved"],
      `Expected an integer ≥ 0, received ${t}`,
      "too_small",
      t,
    );
  } else if (t > MAX_PERIODS_OBSERVED) {
    // The likelihood is summed per period: the data are arrays indexed by period.
    issues.add(
      [...path, "periodsObserved"],
      `Expected at most ${MAX_PERIODS_OBSERVED} periods, received ${t}`,
      "too_big",
      t,
    );
  } else tOk = true;
  if (typeof churned !== "boolean") {
    issues.add(
      [...path, "churned"],
      `Expected true or false, received ${describeReceived(churned)}`,
      churned === undefined ? "required" : "invalid_type",
      churned,
    );
  } else if (tOk && churned && t === 0) {
    issues.add(
      [...path, "periodsObserved"],
      "A customer who churned was observed for at least 1 period",
      "inconsistent",
      t,
    );
  }
  const c = countIssue(count, [...path, "count"]);
  if (c) issues.add(c.path, c.message, c.code, count);
}

/** Lexicographic order of survivor-count series (a shorter prefix first). */
function compareCohorts(u: readonly number[], v: readonly number[]): number {
  for (let t = 0; t < Math.min(u.length, v.length); t++) {
    if (u[t] !== v[t]) return u[t]! - v[t]!;
  }
  return u.length - v.length;
}

/**
 * Validates the `survival` argument of {@link fitSbg} (every problem listed, up to 100, at
 * `survival[t]`, `survival[c][t]` or `survival[i].field`) and reduces it to weights per period.
 * @internal
 */
export function survivalData(input: unknown): SurvivalData {
  checkArray(
    FN,
    input,
    "survivor counts, an array of cohorts' survivor counts, or an array of { periodsObserved, churned } rows",
    [ARG],
  );
  if (input.length === 0) {
    throw invalidInput(
      FN,
      [ARG],
      "Expected survivor counts, an array of cohorts' survivor counts, or a non-empty array of { periodsObserved, churned } rows",
      "too_small",
      input,
    );
  }
  const first: unknown = input[0];
  return typeof first === "number" || Array.isArray(first)
    ? cohortWeights(typeof first === "number" ? [input] : input, typeof first === "number")
    : rowWeights(input);
}

/**
 * Survivor counts of one cohort (`single`) or several, validated, as churn and survival weights per
 * period. Summed in a canonical order (cohorts sorted by their counts), so that the order of the
 * cohorts cannot change the floating-point sums of fractional counts.
 */
function cohortWeights(cohorts: readonly unknown[], single: boolean): SurvivalData {
  const issues = new IssueCollector();
  for (let c = 0; c < cohorts.length && !issues.full; c++) {
    cohortIssues(cohorts[c], single ? [ARG] : [ARG, c], issues);
  }
  issues.throwIfAny(FN);
  const valid = cohorts as readonly (readonly number[])[];
  let maxT = 0;
  for (const cohort of valid) maxT = Math.max(maxT, cohort.length - 1);
  const churnWeight = new Float64Array(maxT + 1);
  const aliveWeight = new Float64Array(maxT + 1);
  let customers = 0;
  for (const cohort of [...valid].sort(compareCohorts)) {
    customers += cohort[0]!;
    for (let t = 1; t < cohort.length; t++) churnWeight[t]! += cohort[t - 1]! - cohort[t]!;
    aliveWeight[cohort.length - 1]! += cohort[cohort.length - 1]!;
  }
  return { churnWeight, aliveWeight, customers };
}

/**
 * Per-customer rows `{ periodsObserved, churned, count? }` of `fn`'s argument `argument`, validated
 * (each field read once; every problem listed, up to 100, at `argument[i].field`) into columns.
 * @internal
 */
export function subscriptionRows(
  input: readonly unknown[],
  fn: string = FN,
  argument: string = ARG,
): { periods: Float64Array; churned: Uint8Array; weights: Float64Array; maxT: number } {
  const issues = new IssueCollector();
  const n = input.length;
  const periods = new Float64Array(n);
  const churned = new Uint8Array(n);
  const weights = new Float64Array(n);
  let maxT = 0;
  for (let i = 0; i < n && !issues.full; i++) {
    const row: unknown = input[i];
    const {
      periodsObserved: t,
      churned: c,
      count,
    } = typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {};
    if (
      typeof t === "number" &&
      Number.isInteger(t) &&
      t >= 0 &&
      t <= MAX_PERIODS_OBSERVED &&
      typeof c === "boolean" &&
      (!c || t >= 1) &&
      countWeight(count) > 0 &&
      !Array.isArray(row)
    ) {
      periods[i] = t;
      churned[i] = c ? 1 : 0;
      weights[i] = countWeight(count);
      if (t > maxT) maxT = t;
    } else {
      rowIssues(row, [argument, i], issues);
    }
  }
  issues.throwIfAny(fn);
  return { periods, churned, weights, maxT };
}

/** Per-customer rows as churn and survival weights per period. */
function rowWeights(input: readonly unknown[]): SurvivalData {
  const { periods, churned, weights, maxT } = subscriptionRows(input);
  const n = input.length;
  const churnWeight = new Float64Array(maxT + 1);
  const aliveWeight = new Float64Array(maxT + 1);
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    customers += w;
    if (churned[i] === 1) churnWeight[periods[i]!]! += w;
    else aliveWeight[periods[i]!]! += w;
  }
  return { churnWeight, aliveWeight, customers };
}
