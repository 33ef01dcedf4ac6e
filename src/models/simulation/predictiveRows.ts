/**
 * The rows of {@link predictiveCheck}: each customer's calibration frequency, observation length,
 * weight and (when the rows carry one) holdout outcome, read once and checked with the shared
 * history checks; every problem of every row is listed once a first bad row is found.
 * @internal
 * @module
 */
import { type InputIssue, invalidInput, issue } from "../../core/errors.js";
import { checkArray } from "../../core/validate.js";
import {
  checkDiscreteHistory,
  discreteHistoryIssues,
} from "../betaGeometricBetaBinomial/discreteHistories.js";
import {
  type DiagnosableModel,
  isDiscrete,
  MAX_DIAGNOSTIC_OPPORTUNITIES,
  rowUnitProblem,
} from "../diagnostics/diagnosticModels.js";
import { holdoutRowIssues } from "../diagnostics/holdoutRows.js";
import {
  checkHistory,
  countIssue,
  countWeight,
  historyIssues,
  throwRowIssues,
} from "../historyValidation.js";

/** The customers of a predictive check, one entry per row. @internal */
export interface PredictiveRows {
  /** Calibration repeat purchases. */
  readonly x: Float64Array;
  /** Observation length: T (continuous) or opportunities n (BG/BB). */
  readonly length: Float64Array;
  /** Holdout length (0 without a holdout). */
  readonly holdoutLength: Float64Array;
  /** Holdout purchases (0 without a holdout). */
  readonly holdoutX: Float64Array;
  /** How many customers the row stands for. */
  readonly weight: Float64Array;
  /** Whether the rows carry holdout outcomes (all of them or none). */
  readonly hasHoldout: boolean;
  /** Σ weight. */
  readonly customers: number;
}

/**
 * Reads `customers` for `model`: calibration histories, with holdout fields when the first row has
 * `holdoutFrequency` (then every row must). Throws one `InvalidInputError` listing every bad row.
 * @internal
 */
export function readPredictiveRows(
  fn: string,
  model: DiagnosableModel,
  customers: unknown,
): PredictiveRows {
  checkArray(fn, customers, "a non-empty array of customers", ["customers"]);
  const rows: readonly unknown[] = customers;
  if (rows.length === 0) {
    throw invalidInput(fn, ["customers"], "Expected at least one customer", "too_small", rows);
  }
  const discrete = isDiscrete(model);
  const first = rows[0];
  const hasHoldout =
    typeof first === "object" &&
    first !== null &&
    (first as { holdoutFrequency?: unknown }).holdoutFrequency !== undefined;
  const n = rows.length;
  const out = {
    x: new Float64Array(n),
    length: new Float64Array(n),
    holdoutLength: new Float64Array(n),
    holdoutX: new Float64Array(n),
    weight: new Float64Array(n),
  };
  const rowIssues = (row: unknown, base: readonly PropertyKey[]): InputIssue[] =>
    hasHoldout
      ? holdoutRowIssues(row, base, discrete, model.unit)
      : calibrationRowIssues(row, base, discrete, model);
  let customerCount = 0;
  for (let i = 0; i < n; i++) {
    const ok = readRow(fn, rows[i], i, discrete, hasHoldout, model, out);
    if (!ok) throwRowIssues(fn, rows, "customers", rowIssues);
    customerCount += out.weight[i]!;
  }
  return { ...out, hasHoldout, customers: customerCount };
}

/** Reads row `i` into the columns; `false` when anything is wrong with it. */
function readRow(
  fn: string,
  row: unknown,
  i: number,
  discrete: boolean,
  hasHoldout: boolean,
  model: DiagnosableModel,
  out: Record<"x" | "length" | "holdoutLength" | "holdoutX" | "weight", Float64Array>,
): boolean {
  if (typeof row !== "object" || row === null) return false;
  // Each field read once: the value checked is the value used.
  const r = row as Record<string, unknown>;
  const unit = r.unit;
  const hf = r.holdoutFrequency;
  const hl = discrete ? r.holdoutPeriods : r.holdoutDuration;
  try {
    if (discrete) {
      const h = checkDiscreteHistory(fn, row, ["customers", i], true);
      out.x[i] = h.x;
      out.length[i] = h.n;
      out.weight[i] = h.w;
    } else {
      const h = checkHistory(fn, row, i);
      out.x[i] = h.x;
      out.length[i] = h.T;
      out.weight[i] = countWeight(r.count);
    }
  } catch {
    return false;
  }
  if (out.weight[i] === 0 || rowUnitProblem(unit, model.unit) !== undefined) return false;
  if (!hasHoldout) return true;
  const lengthOk = discrete
    ? typeof hl === "number" &&
      Number.isInteger(hl) &&
      hl >= 1 &&
      hl <= MAX_DIAGNOSTIC_OPPORTUNITIES
    : typeof hl === "number" && Number.isFinite(hl) && hl > 0;
  const countOk =
    typeof hf === "number" &&
    Number.isInteger(hf) &&
    hf >= 0 &&
    (!discrete || hf <= (hl as number));
  if (!lengthOk || !countOk) return false;
  out.holdoutLength[i] = hl as number;
  out.holdoutX[i] = hf as number;
  return true;
}

/** Every problem of a calibration-only row at `base`. */
function calibrationRowIssues(
  row: unknown,
  base: readonly PropertyKey[],
  discrete: boolean,
  model: DiagnosableModel,
): InputIssue[] {
  const found = discrete ? discreteHistoryIssues(row, base, true) : historyIssues(row, base);
  if (typeof row === "object" && row !== null && !Array.isArray(row)) {
    const r = row as Record<string, unknown>;
    if (!discrete) {
      const count = countIssue(r.count, [...base, "count"]);
      if (count) found.push(count);
    }
    const unit = rowUnitProblem(r.unit, model.unit);
    if (unit) found.push(issue([...base, "unit"], unit.message, unit.code, r.unit));
  }
  return found;
}
