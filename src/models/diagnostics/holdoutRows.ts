/**
 * The rows of {@link holdoutComparison}: each calibration/holdout row read once and checked with the
 * shared history checks (continuous time) or the BG/BB's (discrete), and the listing of every
 * problem of every row once a first bad row is found.
 * @internal
 * @module
 */
import { type InputIssue, type IssueCode, issue } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { describeReceived } from "../../core/validate.js";
import {
  bgbbConditionalExpected,
  checkDiscreteHistory,
  discreteHistoryIssues,
} from "../betaGeometricBetaBinomial/fitBetaGeometricBetaBinomial.js";
import {
  checkHistory,
  countIssue,
  countWeight,
  historyIssues,
  throwRowIssues,
} from "../historyValidation.js";
import type { PurchaseKernel } from "../predictions/kernels.js";
import {
  type DiagnosableModel,
  isDiscrete,
  MAX_DIAGNOSTIC_OPPORTUNITIES,
  rowUnitProblem,
} from "./diagnosticModels.js";

/** One calibration/holdout row as read and checked. @internal */
export interface HoldoutRow {
  /** Calibration frequency and recency. */
  readonly x: number;
  readonly tx: number;
  /** Calibration length: T (continuous time) or `periods` n (BG/BB). */
  readonly T: number;
  /** The row's weight (`count`, default 1). */
  readonly w: number;
  /** Holdout purchases. */
  readonly hf: number;
  /** What the conditional expectation depends on (history and holdout length), for memoising. */
  readonly key: string;
  /** The model's expected holdout purchases of this history. */
  readonly compute: () => number;
}

/**
 * Reads and checks row `i` of `customers` (each field once: the value checked is the value used);
 * on a bad row, throws the error listing every bad row (`rowIssues`). @internal
 */
export function readHoldoutRow(
  fn: string,
  m: DiagnosableModel,
  kernel: PurchaseKernel | undefined,
  customers: readonly unknown[],
  i: number,
  rowIssues: (row: unknown, base: readonly PropertyKey[]) => InputIssue[],
): HoldoutRow {
  const row = customers[i] as Record<string, unknown>;
  if (typeof row !== "object" || row === null)
    throwRowIssues(fn, customers, "customers", rowIssues);
  let x: number;
  let tx: number;
  let T: number;
  let key: string;
  let w: number;
  let compute: () => number;
  // Each field read once: the value checked is the value used.
  const hf = row.holdoutFrequency;
  const unit = row.unit;
  if (isDiscrete(m)) {
    let h: { x: number; tx: number; n: number; w: number };
    try {
      h = checkDiscreteHistory(fn, row, ["customers", i], true);
    } catch {
      throwRowIssues(fn, customers, "customers", rowIssues);
    }
    ({ x, tx, w } = h);
    const hp = row.holdoutPeriods;
    if (
      typeof hp !== "number" ||
      !Number.isInteger(hp) ||
      hp < 1 ||
      hp > MAX_DIAGNOSTIC_OPPORTUNITIES ||
      typeof hf !== "number" ||
      !Number.isInteger(hf) ||
      hf < 0 ||
      hf > hp ||
      rowUnitProblem(unit, m.unit) !== undefined
    ) {
      throwRowIssues(fn, customers, "customers", rowIssues);
    }
    key = `${x},${tx},${h.n},${hp}`;
    T = h.n;
    compute = () => bgbbConditionalExpected(m.params, x, tx, T, hp);
  } else {
    let h: { x: number; tx: number; T: number };
    try {
      h = checkHistory(fn, row, i);
    } catch {
      throwRowIssues(fn, customers, "customers", rowIssues);
    }
    ({ x, tx } = h);
    const hd = row.holdoutDuration;
    w = countWeight(row.count);
    if (
      typeof hd !== "number" ||
      !Number.isFinite(hd) ||
      hd <= 0 ||
      typeof hf !== "number" ||
      !Number.isInteger(hf) ||
      hf < 0 ||
      w === 0 ||
      rowUnitProblem(unit, m.unit) !== undefined
    ) {
      throwRowIssues(fn, customers, "customers", rowIssues);
    }
    key = `${x},${tx},${h.T},${hd}`;
    T = h.T;
    compute = () => kernel!.conditionalExpected(x, tx, T, hd);
  }
  return { x, tx, T, w, hf: hf as number, key, compute };
}

/** Every problem of one calibration/holdout row at `base` (`customers[i]`). @internal */
export function holdoutRowIssues(
  row: unknown,
  base: readonly PropertyKey[],
  discrete: boolean,
  modelUnit: TimeUnit,
): InputIssue[] {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    return [
      issue(
        base,
        `Expected a row object, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      ),
    ];
  }
  const r = row as Record<string, unknown>;
  const found: InputIssue[] = discrete
    ? discreteHistoryIssues(row, base, true)
    : historyIssues(row, base);
  const hf = r.holdoutFrequency;
  let limit = Number.POSITIVE_INFINITY;
  if (discrete) {
    const hp = r.holdoutPeriods;
    if (
      typeof hp !== "number" ||
      !Number.isInteger(hp) ||
      hp < 1 ||
      hp > MAX_DIAGNOSTIC_OPPORTUNITIES
    ) {
      found.push(
        issue(
          [...base, "holdoutPeriods"],
          `Expected an integer from 1 to ${MAX_DIAGNOSTIC_OPPORTUNITIES}, received ${describeReceived(hp)}`,
          integerIssueCode(hp, MAX_DIAGNOSTIC_OPPORTUNITIES),
          hp,
        ),
      );
    } else limit = hp;
  } else {
    const hd = r.holdoutDuration;
    if (typeof hd !== "number" || !Number.isFinite(hd) || hd <= 0) {
      found.push(
        issue(
          [...base, "holdoutDuration"],
          `Expected a finite number > 0, received ${describeReceived(hd)}`,
          hd === undefined
            ? "required"
            : typeof hd === "number" && hd <= 0
              ? "too_small"
              : "invalid_type",
          hd,
        ),
      );
    }
    const count = countIssue(r.count, [...base, "count"]);
    if (count) found.push(count);
  }
  if (typeof hf !== "number" || !Number.isInteger(hf) || hf < 0) {
    found.push(
      issue(
        [...base, "holdoutFrequency"],
        `Expected an integer ≥ 0, received ${describeReceived(hf)}`,
        integerIssueCode(hf, Number.POSITIVE_INFINITY),
        hf,
      ),
    );
  } else if (hf > limit) {
    found.push(
      issue(
        [...base, "holdoutFrequency"],
        `Expected an integer between 0 and holdoutPeriods (${limit}), received ${hf}`,
        "inconsistent",
        hf,
      ),
    );
  }
  const unit = rowUnitProblem(r.unit, modelUnit);
  if (unit) found.push(issue([...base, "unit"], unit.message, unit.code, r.unit));
  return found;
}

/** The code for a value that should be an integer from its lower bound to `max`. */
function integerIssueCode(v: unknown, max: number): IssueCode {
  if (v === undefined) return "required";
  if (typeof v !== "number" || !Number.isFinite(v)) return "invalid_type";
  if (!Number.isInteger(v)) return "not_integer";
  return v > max ? "too_big" : "too_small";
}
