import { type IssueCode, IssueCollector, invalidInput } from "../core/errors.js";
import {
  type Decimal,
  type MoneyInput,
  moneyIssueCode,
  moneyProblem,
  toMoney,
  ZERO,
} from "../core/money.js";
import { arrayShapeProblem } from "../core/validate.js";
import type { RecoveryAction, RecoveryPlan, RecoveryTier } from "./prioritizeRecovery.js";

const FN = "recoveryPlanSummary";
/** The tiers, in the order of {@link RecoveryPlanSummary.byTier}. */
const TIERS: readonly RecoveryTier[] = [
  "key",
  "ordinary",
  "small",
  "not-worth-recovering",
  "active",
];
/** The actions, in the order of {@link RecoveryPlanSummary.byAction}. */
const ACTIONS: readonly RecoveryAction[] = [
  "recover-strongly",
  "recover-when-possible",
  "minimal-effort",
  "let-go",
  "retain",
];

/**
 * Totals of one group (a tier, an action, or the whole plan) of a recovery plan.
 * @category Churn
 */
export interface RecoveryGroupTotals {
  /** Number of customers in the group. */
  readonly customerCount: number;
  /** Their total value (exact sum). */
  readonly value: Decimal;
  /** Number of customers of the group the plan spends on (entries with `selected: true`). */
  readonly selectedCount: number;
  /** Total cost of the selected customers (exact). */
  readonly spend: Decimal;
  /** Total expected return of the selected customers, `Σ (expected net value + cost)` = `Σ P(win-back) × second lifetime value` (exact sum). */
  readonly expectedReturn: Decimal;
  /** `expectedReturn − spend` of the selected customers (exact). */
  readonly expectedNetValue: Decimal;
}

/**
 * Result of {@link recoveryPlanSummary}.
 * @category Churn
 */
export interface RecoveryPlanSummary {
  /** Totals over the whole plan. */
  readonly total: RecoveryGroupTotals;
  /** Totals per tier (every tier present, possibly with zero customers; `active`: the customers retained, not recovered). */
  readonly byTier: Readonly<Record<RecoveryTier, RecoveryGroupTotals>>;
  /** Totals per recommended action (every action present; `retain` spends nothing). */
  readonly byAction: Readonly<Record<RecoveryAction, RecoveryGroupTotals>>;
}

interface Accumulator {
  customerCount: number;
  value: Decimal;
  selectedCount: number;
  spend: Decimal;
  expectedReturn: Decimal;
}

const empty = (): Accumulator => ({
  customerCount: 0,
  value: ZERO,
  selectedCount: 0,
  spend: ZERO,
  expectedReturn: ZERO,
});

const finish = (a: Accumulator): RecoveryGroupTotals => ({
  customerCount: a.customerCount,
  value: a.value,
  selectedCount: a.selectedCount,
  spend: a.spend,
  expectedReturn: a.expectedReturn,
  expectedNetValue: a.expectedReturn.minus(a.spend),
});

/**
 * Summarises a recovery plan: customers and value per tier and per action, spend and expected
 * return of the selected customers.
 *
 * Spend is the sum of the selected customers' costs, expected return the sum of their
 * `P(win-back) × second lifetime value`, and expected net value the difference (which equals the
 * budget selection's `expectedNetValue`). All sums are exact.
 *
 * A plan may come from storage (JSON): money fields may then be decimal strings. Tiers and actions
 * must be the documented ones; any other string (`"__proto__"` included) is an error, never a key.
 *
 * @param plan - a result of {@link prioritizeRecovery} (or one stored and reloaded)
 * @returns totals overall, by tier and by action
 * @throws {InvalidInputError} when `plan` has no `entries` array (path `plan.entries`, code
 *   `required` or `invalid_type`), or listing every bad entry in one pass (up to 100): an entry
 *   that is not an object (`plan.entries[i]`, `invalid_type`), an unknown `tier` or `action`
 *   (`plan.entries[i].tier`, `invalid_value`), a non-boolean `selected` (`invalid_type`), or an
 *   invalid `value`, `cost` or `expectedNetValue` (`plan.entries[i].cost`, `invalid_money`)
 * @example
 * ```ts
 * import { prioritizeRecovery, recoveryPlanSummary } from "customer-value";
 * const plan = prioritizeRecovery(
 *   [
 *     { customerId: "A", value: 5000, cause: "own", cost: 200, winBackProbability: 0.4 },
 *     { customerId: "B", value: 800, cause: "third-party", cost: 50, winBackProbability: 0.3 },
 *     { customerId: "C", value: 40, cause: "unknown", cost: 20, winBackProbability: 0.2 },
 *   ],
 *   { keyValue: 1000, smallValue: 100 },
 * );
 * const summary = recoveryPlanSummary(plan);
 * summary.total.spend.toString(); // => "250"
 * summary.total.expectedNetValue.toString(); // => "1990"
 * summary.byAction["let-go"].customerCount; // => 1
 * summary.total.selectedCount; // => 2
 * ```
 * @category Churn
 * @see Stauss, B. & Friege, C. (1999). Regaining service customers: costs and benefits of regain
 *   management. Journal of Service Research 1(4).
 */
export function recoveryPlanSummary(plan: RecoveryPlan): RecoveryPlanSummary {
  const entries: unknown =
    typeof plan === "object" && plan !== null ? (plan as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) {
    throw invalidInput(
      FN,
      ["plan", "entries"],
      "Expected a plan from prioritizeRecovery (an object with an entries array)",
      entries === undefined ? "required" : "invalid_type",
      entries,
    );
  }
  const list: readonly unknown[] = entries;
  // Bounded length, no holes at the ends: a huge `length` is refused before any work.
  const shape = arrayShapeProblem(list);
  if (shape) throw invalidInput(FN, ["plan", "entries", ...shape.path], shape.message, shape.code);
  const n = list.length;
  // Every entry is read (each field once) and checked before anything is summed, so that one error
  // lists every bad entry.
  const issues = new IssueCollector();
  const checked: CheckedEntry[] = new Array(n);
  for (let i = 0; i < n && !issues.full; i++) {
    const entry = readEntry(list[i], i, issues);
    if (entry !== undefined) checked[i] = entry;
  }
  issues.throwIfAny(FN);
  const total = empty();
  // Accumulators by position in TIERS / ACTIONS: a tier or action read from the plan is looked up
  // in a constant list, never used as a property key (a stored plan may say "__proto__").
  const byTier = TIERS.map(empty);
  const byAction = ACTIONS.map(empty);
  for (let i = 0; i < n; i++) {
    const entry = checked[i]!;
    const groups = [total, byTier[entry.tier]!, byAction[entry.action]!];
    for (const a of groups) {
      a.customerCount++;
      a.value = a.value.plus(entry.value);
      if (entry.selected) {
        a.selectedCount++;
        a.spend = a.spend.plus(entry.cost);
        a.expectedReturn = a.expectedReturn.plus(entry.expectedNetValue).plus(entry.cost);
      }
    }
  }
  return {
    total: finish(total),
    byTier: {
      key: finish(byTier[0]!),
      ordinary: finish(byTier[1]!),
      small: finish(byTier[2]!),
      "not-worth-recovering": finish(byTier[3]!),
      active: finish(byTier[4]!),
    },
    byAction: {
      "recover-strongly": finish(byAction[0]!),
      "recover-when-possible": finish(byAction[1]!),
      "minimal-effort": finish(byAction[2]!),
      "let-go": finish(byAction[3]!),
      retain: finish(byAction[4]!),
    },
  };
}

/** The fields of one plan entry that the summary uses, read once and checked. */
interface CheckedEntry {
  /** Position of the entry's tier in {@link TIERS}. */
  readonly tier: number;
  /** Position of the entry's action in {@link ACTIONS}. */
  readonly action: number;
  readonly value: Decimal;
  readonly selected: boolean;
  readonly cost: Decimal;
  readonly expectedNetValue: Decimal;
}

/**
 * Reads and checks entry `i` of a plan (each field once), recording every problem in `issues`;
 * `undefined` when it has one. A plan may have been stored and reloaded (money then comes back as
 * strings), so money fields accept any {@link MoneyInput}.
 */
function readEntry(entry: unknown, i: number, issues: IssueCollector): CheckedEntry | undefined {
  const at = ["plan", "entries", i];
  if (typeof entry !== "object" || entry === null) {
    issues.add(
      at,
      "Expected a plan entry from prioritizeRecovery",
      entry === undefined ? "required" : "invalid_type",
      entry,
    );
    return undefined;
  }
  const before = issues.size;
  const { tier, action, value, selected, cost, expectedNetValue } = entry as Record<
    string,
    unknown
  >;
  const tierCode = TIERS.indexOf(tier as RecoveryTier);
  if (tierCode < 0) {
    issues.add(
      [...at, "tier"],
      `Expected one of ${TIERS.map((t) => `"${t}"`).join(", ")}, received ${describe(tier)}`,
      choiceCode(tier),
      tier,
    );
  }
  const actionCode = ACTIONS.indexOf(action as RecoveryAction);
  if (actionCode < 0) {
    issues.add(
      [...at, "action"],
      `Expected one of ${ACTIONS.map((a) => `"${a}"`).join(", ")}, received ${describe(action)}`,
      choiceCode(action),
      action,
    );
  }
  if (typeof selected !== "boolean") {
    issues.add(
      [...at, "selected"],
      `Expected a boolean, received ${describe(selected)}`,
      selected === undefined ? "required" : "invalid_type",
      selected,
    );
  }
  const valueAmount = amount(value, i, "value", issues);
  const costAmount = amount(cost, i, "cost", issues);
  const netAmount = amount(expectedNetValue, i, "expectedNetValue", issues);
  if (
    issues.size > before ||
    valueAmount === undefined ||
    costAmount === undefined ||
    netAmount === undefined
  ) {
    return undefined;
  }
  return {
    tier: tierCode,
    action: actionCode,
    value: valueAmount,
    selected: selected as boolean,
    cost: costAmount,
    expectedNetValue: netAmount,
  };
}

/** The code of a value that is not one of the allowed strings. */
function choiceCode(value: unknown): IssueCode {
  return value === undefined
    ? "required"
    : typeof value === "string"
      ? "invalid_value"
      : "invalid_type";
}

function amount(
  value: unknown,
  i: number,
  field: string,
  issues: IssueCollector,
): Decimal | undefined {
  const problem = moneyProblem(value);
  if (problem !== undefined) {
    issues.add(["plan", "entries", i, field], problem, moneyIssueCode(value), value);
    return undefined;
  }
  return toMoney(value as MoneyInput);
}

/** A short description of a received value for a message (strings truncated). */
function describe(value: unknown): string {
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  }
  if (value === null) return "null";
  return typeof value;
}
