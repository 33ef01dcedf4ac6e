/**
 * The engine of `prioritizeRecovery`: the tier thresholds, and the rules of `recoveryRules.ts`
 * applied to every customer, column by column (float64 and byte columns of the call's scratch
 * lease, so a million customers cost no per-customer objects).
 * @internal
 * @module
 */
import { IssueCollector, invalidInput } from "../core/errors.js";
import { type Decimal, Money, toMoney, ZERO } from "../core/money.js";
import { estimateFloat, numberFromMoney } from "../internal/fast/fastMoney.js";
import { nearestRankPercentile } from "../internal/fast/quickselect.js";
import type { Scratch } from "../internal/fast/scratch.js";
import type { CandidateColumns } from "./recoveryCandidates.js";
import type { RecoveryOptions } from "./recoveryOptions.js";
import {
  CAUSES,
  type ComparableAmount,
  classify,
  DEFAULT_ALIVE_THRESHOLD,
  expectedNetValue,
  type TierCandidate,
  type TierThresholds,
} from "./recoveryRules.js";

/**
 * The tier thresholds: the options, or by default the 80th (key) and 50th (small) nearest-rank
 * percentiles of the values of the recovery cases (the customers not above `aliveThreshold`).
 * Throws when `smallValue` exceeds `keyValue`.
 * @internal
 */
export function tierThresholds(
  fn: string,
  { valueFloat, alive }: Pick<CandidateColumns, "valueFloat" | "alive">,
  opts: RecoveryOptions,
): TierThresholds {
  const aliveThreshold = opts.aliveThreshold ?? DEFAULT_ALIVE_THRESHOLD;
  let keyValue: Decimal;
  let smallValue: Decimal;
  if (opts.keyValue === undefined || opts.smallValue === undefined) {
    // A copy (reordered by the selection) of the recovery cases' values.
    const values = valueFloat.filter((_, i) => !(alive[i]! > aliveThreshold));
    keyValue =
      opts.keyValue === undefined
        ? new Money(nearestRankPercentile(values, 0.8))
        : toMoney(opts.keyValue);
    smallValue =
      opts.smallValue === undefined
        ? new Money(nearestRankPercentile(values, 0.5))
        : toMoney(opts.smallValue);
  } else {
    keyValue = toMoney(opts.keyValue);
    smallValue = toMoney(opts.smallValue);
  }
  if (smallValue.greaterThan(keyValue)) {
    throw invalidInput(
      fn,
      ["options", "smallValue"],
      "smallValue must not exceed keyValue",
      "inconsistent",
      opts.smallValue ?? smallValue,
    );
  }
  return {
    keyValue: { float: numberFromMoney(keyValue), exact: keyValue },
    smallValue: { float: numberFromMoney(smallValue), exact: smallValue },
    smallCostLimit: toMoney(opts.smallCostLimit ?? 0).toNumber(),
    aliveThreshold,
  };
}

/** Every customer's rule results, by input position (scratch arrays of the call). @internal */
export interface ClassifiedColumns {
  /** Outcome code (the position in `OUTCOMES`). */
  readonly outcome: Uint8Array;
  /** Expected net value as reported (15 significant digits). */
  readonly net: Float64Array;
  /** 1 when the budget may fund the customer: an attempted recovery and a positive expected net value. */
  readonly candidate: Uint8Array;
}

/**
 * Applies {@link expectedNetValue} and {@link classify} to every customer. Ranking and selection use
 * the expected net value as reported (its 15 significant digits), so that entries that show equal
 * values are ordered by the documented tie rule. Throws the `InvalidInputError` of `fn` for expected
 * net values that overflow float64.
 * @internal
 */
export function classifyCandidates(
  fn: string,
  scratch: Scratch,
  columns: CandidateColumns,
  thresholds: TierThresholds,
): ClassifiedColumns {
  const { winBack, alive, valueFloat, secondValueFloat, costFloat, values, flagged, cause } =
    columns;
  const n = values.length;
  const outcome = scratch.uint8("recovery.outcome", n);
  const net = scratch.float64("recovery.net", n);
  const candidate = scratch.uint8("recovery.candidate", n);
  // One view of "the current customer", refilled for each row (no object per customer).
  const value: ComparableAmount = { float: 0, exact: ZERO };
  const row: TierCandidate = {
    notWorthRecovering: false,
    value,
    cost: 0,
    expectedNetValue: 0,
    cause: "own",
    probabilityAlive: -1,
  };
  const issues = new IssueCollector();
  for (let i = 0; i < n; i++) {
    const computed = expectedNetValue(winBack[i]!, secondValueFloat[i]!, costFloat[i]!);
    if (!Number.isFinite(computed)) {
      issues.add(["customers", i], "The expected net value overflows float64", "unsupported");
      if (issues.full) break;
      continue;
    }
    const reported = estimateFloat(computed);
    net[i] = reported;
    row.notWorthRecovering = flagged[i] === 1;
    value.float = valueFloat[i]!;
    value.exact = values[i]!;
    row.cost = costFloat[i]!;
    row.expectedNetValue = reported;
    row.cause = CAUSES[cause[i]!]!;
    row.probabilityAlive = alive[i]!;
    const o = classify(row, thresholds);
    outcome[i] = o.code;
    candidate[i] = o.action !== "let-go" && o.action !== "retain" && reported > 0 ? 1 : 0;
  }
  issues.throwIfAny(fn);
  return { outcome, net, candidate };
}
