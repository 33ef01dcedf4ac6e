import { invalidInput } from "../core/errors.js";
import { type Decimal, type MoneyInput, moneyProblem, toMoney, ZERO } from "../core/money.js";
import { arrayShapeProblem, describeReceived } from "../core/validate.js";
import type { RecoveryAction, RecoveryPlan, RecoveryTier } from "./prioritizeRecovery.js";

/**
 * Totals of one group (a tier, an action, or the whole plan) of a recovery plan.
 * @category Churn
 */
export interface RecoveryGroupTotals {
  /** Customers in the group. */
  readonly customers: number;
  /** Their total value (exact sum). */
  readonly value: Decimal;
  /** Customers of the group the plan spends on. */
  readonly selected: number;
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
  /** Totals per tier (every tier present, possibly with zero customers). */
  readonly byTier: Readonly<Record<RecoveryTier, RecoveryGroupTotals>>;
  /** Totals per recommended action (every action present). */
  readonly byAction: Readonly<Record<RecoveryAction, RecoveryGroupTotals>>;
}

const FN = "recoveryPlanSummary";

/**
 * Reads one plan entry, each field once, and checks it: a stored or hand-edited plan may hold
 * anything. Tiers and actions are looked up as own keys only (`"__proto__"` is not a tier).
 */
function readEntry(
  raw: unknown,
  i: number,
  byTier: Record<RecoveryTier, Accumulator>,
  byAction: Record<RecoveryAction, Accumulator>,
): {
  tier: Accumulator;
  action: Accumulator;
  value: Decimal;
  cost: Decimal;
  expectedNetValue: Decimal;
  selected: boolean;
} {
  if (typeof raw !== "object" || raw === null) {
    throw invalidInput(
      FN,
      ["entries", i],
      `Expected a plan entry, received ${describeReceived(raw)}`,
    );
  }
  const { tier, action, value, cost, expectedNetValue, selected } = raw as Record<string, unknown>;
  if (typeof tier !== "string" || !Object.hasOwn(byTier, tier)) {
    throw invalidInput(
      FN,
      ["entries", i, "tier"],
      `Expected a tier (${Object.keys(byTier).join(", ")}), received ${describeReceived(tier)}`,
    );
  }
  if (typeof action !== "string" || !Object.hasOwn(byAction, action)) {
    throw invalidInput(
      FN,
      ["entries", i, "action"],
      `Expected an action (${Object.keys(byAction).join(", ")}), received ${describeReceived(action)}`,
    );
  }
  if (typeof selected !== "boolean") {
    throw invalidInput(
      FN,
      ["entries", i, "selected"],
      `Expected true or false, received ${describeReceived(selected)}`,
    );
  }
  const money = (field: string, amount: unknown): Decimal => {
    const problem = moneyProblem(amount);
    if (problem !== undefined) throw invalidInput(FN, ["entries", i, field], problem);
    return toMoney(amount as MoneyInput);
  };
  return {
    tier: byTier[tier as RecoveryTier],
    action: byAction[action as RecoveryAction],
    value: money("value", value),
    cost: money("cost", cost),
    expectedNetValue: money("expectedNetValue", expectedNetValue),
    selected,
  };
}

interface Accumulator {
  customers: number;
  value: Decimal;
  selected: number;
  spend: Decimal;
  expectedReturn: Decimal;
}

const empty = (): Accumulator => ({
  customers: 0,
  value: ZERO,
  selected: 0,
  spend: ZERO,
  expectedReturn: ZERO,
});

const finish = (a: Accumulator): RecoveryGroupTotals => ({
  customers: a.customers,
  value: a.value,
  selected: a.selected,
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
 * @param plan - a result of {@link prioritizeRecovery}
 * @returns totals overall, by tier and by action
 * @throws {InvalidInputError} when `plan` is not a recovery plan (path `entries`), or an entry is
 *   not an object, has an unknown `tier` or `action`, a non-boolean `selected` or an invalid amount
 *   (path `entries[i].field`) — a stored plan is read as untrusted input
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
 * summary.byAction["let-go"].customers; // => 1
 * ```
 * @category Churn
 * @see Stauss, B. & Friege, C. (1999). Regaining service customers: costs and benefits of regain
 *   management. Journal of Service Research 1(4).
 */
export function recoveryPlanSummary(plan: RecoveryPlan): RecoveryPlanSummary {
  const entries: unknown = (plan as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) {
    throw invalidInput(FN, ["entries"], "Expected a plan from prioritizeRecovery");
  }
  const total = empty();
  const byTier: Record<RecoveryTier, Accumulator> = {
    key: empty(),
    ordinary: empty(),
    small: empty(),
    "not-worth-recovering": empty(),
  };
  const byAction: Record<RecoveryAction, Accumulator> = {
    "recover-strongly": empty(),
    "recover-when-possible": empty(),
    "minimal-effort": empty(),
    "let-go": empty(),
  };
  const shape = arrayShapeProblem(entries);
  if (shape) throw invalidInput(FN, ["entries", ...shape.path], shape.message);
  for (let i = 0; i < entries.length; i++) {
    const entry = readEntry(entries[i], i, byTier, byAction);
    for (const a of [total, entry.tier, entry.action]) {
      a.customers++;
      a.value = a.value.plus(entry.value);
      if (entry.selected) {
        a.selected++;
        a.spend = a.spend.plus(entry.cost);
        a.expectedReturn = a.expectedReturn.plus(entry.expectedNetValue).plus(entry.cost);
      }
    }
  }
  return {
    total: finish(total),
    byTier: {
      key: finish(byTier.key),
      ordinary: finish(byTier.ordinary),
      small: finish(byTier.small),
      "not-worth-recovering": finish(byTier["not-worth-recovering"]),
    },
    byAction: {
      "recover-strongly": finish(byAction["recover-strongly"]),
      "recover-when-possible": finish(byAction["recover-when-possible"]),
      "minimal-effort": finish(byAction["minimal-effort"]),
      "let-go": finish(byAction["let-go"]),
    },
  };
}
