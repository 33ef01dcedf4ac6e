/**
 * Validation of `prioritizeRecovery`'s candidates: one pass that checks every field of every row
 * and reads it into the columns the engine works on (exact `Decimal`s for the money returned,
 * float64 for ranking and selection). Every problem of every row is collected (up to the cap) and
 * reported together.
 * @internal
 * @module
 */
import { IssueCollector } from "../core/errors.js";
import { type Decimal, Money } from "../core/money.js";
import { numberFromMoney } from "../internal/fast/fastMoney.js";
import type { Scratch } from "../internal/fast/scratch.js";
import {
  type AmountCache,
  money,
  readAlive,
  readCause,
  readFlag,
  readId,
  readRow,
  readWinBack,
  withinFloat,
} from "./recoveryFields.js";
import type { DerivationSettings } from "./recoveryOptions.js";

/** The validated candidates, one column per field, row `i` = input row `i`. @internal */
export interface CandidateColumns {
  readonly ids: string[];
  /** Values, exact. */
  readonly values: Decimal[];
  /** Costs, exact. */
  readonly costs: Decimal[];
  /** Second lifetime values, exact (the `values` array itself when every one is its value). */
  readonly secondValues: Decimal[];
  /** Win-back probabilities, given or derived. */
  readonly winBack: Float64Array;
  /** P(alive) as given, −1 where a candidate gave none. */
  readonly alive: Float64Array;
  readonly valueFloat: Float64Array;
  readonly costFloat: Float64Array;
  /** Second lifetime values in float64 (the `valueFloat` array itself when every one is its value). */
  readonly secondValueFloat: Float64Array;
  /** Cause codes (positions in `CAUSES`). */
  readonly cause: Uint8Array;
  /** 1 for a customer marked not worth recovering. */
  readonly flagged: Uint8Array;
}

/**
 * Reads and validates every candidate into columns (scratch arrays of the lease `scratch` for the
 * float and byte columns). Each customer object and each of its fields is read once, into the local
 * that is validated and used. Throws the `InvalidInputError` of `fn` listing every problem.
 * @internal
 */
export function readCandidates(
  fn: string,
  scratch: Scratch,
  customers: readonly unknown[],
  settings: DerivationSettings,
): CandidateColumns {
  const n = customers.length;
  const issues = new IssueCollector();
  const ids: string[] = new Array(n);
  const values: Decimal[] = new Array(n);
  const costs: Decimal[] = new Array(n);
  // Second lifetime values: the value itself unless some customer has their own or the share is
  // not 1; the separate columns are made only then.
  let secondValues: Decimal[] | undefined;
  let secondValueFloat: Float64Array | undefined;
  const winBack = scratch.float64("recovery.probs", n);
  const alive = scratch.float64("recovery.alive", n);
  const valueFloat = scratch.float64("recovery.value", n);
  const costFloat = scratch.float64("recovery.cost", n);
  const cause = scratch.uint8("recovery.cause", n);
  const flagged = scratch.uint8("recovery.flagged", n);
  const share = settings.secondLifetimeShare;
  const shareDecimal = share === 1 ? undefined : new Money(share);
  const valueCache: AmountCache = new Map();
  const costCache: AmountCache = new Map();
  for (let i = 0; i < n && !issues.full; i++) {
    const c = readRow(customers[i], i, issues);
    if (c === undefined) continue;
    const before = issues.size;
    const id = readId(c.customerId, i, issues);
    const rawValue = c.value;
    const rawCost = c.cost;
    const value = money(rawValue, i, "value", false, valueCache, issues);
    const cost = money(rawCost, i, "cost", true, costCache, issues);
    const causeCode = readCause(c.cause, i, issues);
    const p = readWinBack(c, i, causeCode, settings, issues);
    const s = c.secondLifetimeValue;
    const ownSecond =
      s !== undefined ? money(s, i, "secondLifetimeValue", false, valueCache, issues) : undefined;
    const flag = readFlag(c.notWorthRecovering, i, issues);
    const pAlive = readAlive(c.probabilityAlive, i, issues);
    if (issues.size > before || value === undefined || cost === undefined) continue;
    const v = typeof rawValue === "number" ? rawValue : numberFromMoney(value);
    if (!withinFloat(v, rawValue, i, "value", issues)) continue;
    const costF = typeof rawCost === "number" ? rawCost : numberFromMoney(cost);
    if (!withinFloat(costF, rawCost, i, "cost", issues)) continue;
    const second = ownSecond ?? (shareDecimal === undefined ? value : value.times(shareDecimal));
    ids[i] = id;
    cause[i] = causeCode;
    winBack[i] = p;
    alive[i] = pAlive;
    flagged[i] = flag ? 1 : 0;
    values[i] = value;
    costs[i] = cost;
    valueFloat[i] = v;
    costFloat[i] = costF;
    if (second !== value && secondValues === undefined) {
      secondValues = values.slice(0, i);
      secondValueFloat = valueFloat.slice(0, n);
    }
    if (secondValues !== undefined) {
      secondValues[i] = second;
      const secondF = second === value ? v : numberFromMoney(second);
      if (withinFloat(secondF, s, i, "secondLifetimeValue", issues)) secondValueFloat![i] = secondF;
    }
  }
  issues.throwIfAny(fn);
  return {
    ids,
    values,
    costs,
    secondValues: secondValues ?? values,
    winBack,
    alive,
    valueFloat,
    costFloat,
    secondValueFloat: secondValueFloat ?? valueFloat,
    cause,
    flagged,
  };
}
