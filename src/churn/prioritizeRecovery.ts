import type * as z from "zod/mini";
import { invalidInput } from "../core/errors.js";
import { type Decimal, type MoneyInput, toMoney } from "../core/money.js";
import { checkArray, parseInput } from "../core/validate.js";
import {
  cachedEstimate,
  createEstimateCache,
  type EstimateCache,
} from "../internal/fast/fastMoney.js";
import { orderBySmallKey, sortIndicesByKey } from "../internal/fast/radixOrder.js";
import { type Scratch, withScratch } from "../internal/fast/scratch.js";
import { type BudgetSelection, selectWithinBudget } from "./recoveryBudget.js";
import { type CandidateColumns, readCandidates } from "./recoveryCandidates.js";
import { type ClassifiedColumns, classifyCandidates, tierThresholds } from "./recoveryEngine.js";
import { type RecoveryOptions, recoveryOptionsSchema } from "./recoveryOptions.js";
import {
  CAUSES,
  type ChurnCause,
  DEFAULT_BASE_WIN_BACK,
  DEFAULT_HALF_LIFE_DAYS,
  OUTCOMES,
  type RecoveryAction,
  type RecoveryTier,
} from "./recoveryRules.js";

export type { BudgetSelection } from "./recoveryBudget.js";
export type { ChurnCause, RecoveryAction, RecoveryTier } from "./recoveryRules.js";

/**
 * One churned or at-risk customer as {@link prioritizeRecovery} needs them. From a `churnRisk` row
 * `r`: `{ customerId, value: r.valueAtRisk, probabilityAlive: r.probabilityAlive,
 * daysSinceLastPurchase: r.daysSinceLastPurchase, cause, cost }`.
 * @category Churn
 */
export interface RecoveryCandidate {
  /** The customer's id (any string, `"__proto__"` included; returned unchanged on the customer's entry). */
  readonly customerId: string;
  /**
   * The value at risk: what is lost if the customer stays gone, and what a win-back restores
   * (money, one unit for all customers); decides the tier. For an at-risk customer, `churnRisk`'s
   * `valueAtRisk`, `(1 − P(alive)) × value if alive` — never the `residualValue`, which is what the
   * customer is expected to bring *without* a win-back. For a customer known to have left, the
   * value they would have brought if retained (a CLV, a segment value).
   */
  readonly value: MoneyInput;
  /**
   * P(alive) in [0, 1] (`churnRisk`'s `probabilityAlive`), when the customer may still be active:
   * above `options.aliveThreshold` the customer is tier `"active"`, action `"retain"` — no win-back.
   * Leave it out for customers known to have left.
   */
  readonly probabilityAlive?: number;
  /** Why the customer left. */
  readonly cause: ChurnCause;
  /** Cost of the recovery attempt (offer + contact), money ≥ 0. */
  readonly cost: MoneyInput;
  /** Probability in [0, 1] that the attempt wins the customer back; when absent it is derived from `daysSinceLastPurchase` and `cause`. */
  readonly winBackProbability?: number;
  /**
   * Whole calendar days from the customer's last purchase (or the day they left) to the day the
   * plan is made, an integer ≥ 0 — the RFM recency measure of the glossary (an `rfmTable` row's
   * `daysSinceLastPurchase`); *not* the buy-till-you-die `recency` (time from the first to the last
   * purchase), nor a `timeSinceLastPurchase` in some other unit (`unit_mismatch`). `churnRisk` rows
   * carry it (`undefined` counts as absent, as when a `churnRisk` row has no days). Used only to
   * derive the win-back probability, with `options.halfLifeDays` (days too).
   */
  readonly daysSinceLastPurchase?: number | undefined;
  /**
   * Value of the second lifetime after recapture (money); default `value × options.secondLifetimeShare`.
   * For a candidate that may still be alive, weigh your own by `1 − probabilityAlive` (as the value at
   * risk is): a win-back restores something only if the customer is gone.
   */
  readonly secondLifetimeValue?: MoneyInput;
  /** Mark a customer not worth keeping (cannot bring profit, breaks contracts, harms staff or image): always tier `"not-worth-recovering"`. */
  readonly notWorthRecovering?: boolean;
}

/**
 * Options of {@link prioritizeRecovery}.
 * @category Churn
 */
export interface PrioritizeRecoveryOptions {
  /** Total recovery budget (money ≥ 0). When given, the plan selects the customers that maximise total expected net value within it. */
  readonly budget?: MoneyInput;
  /** Value at or above which a customer is `"key"`; default the 80th percentile (nearest rank) of the input values. */
  readonly keyValue?: MoneyInput;
  /** Value below which a customer is `"small"`; default the median (nearest rank, 50th percentile) of the input values. */
  readonly smallValue?: MoneyInput;
  /** Small customers are tried only when the attempt costs at most this ("举手之劳", a trivial effort); default 0. */
  readonly smallCostLimit?: MoneyInput;
  /** Base win-back probability per cause, before the recency decay; defaults own 0.5, third-party 0.3, unknown 0.2, uncontrollable 0.05. */
  readonly baseWinBackProbability?: Partial<Record<ChurnCause, number>>;
  /**
   * P(alive) above which a candidate that gives `probabilityAlive` is still likely active: tier
   * `"active"`, action `"retain"`, never funded by the budget; in [0, 1], default 0.5 (more likely
   * alive than gone); 1 turns the rule off.
   */
  readonly aliveThreshold?: number;
  /** Days since the last purchase after which the derived win-back probability has halved (> 0, in days like `daysSinceLastPurchase`); default 182 (26 weeks, about six months). */
  readonly halfLifeDays?: number;
  /** Second lifetime value as a share of `value` when a customer has no `secondLifetimeValue`; default 1. */
  readonly secondLifetimeShare?: number;
  /** Largest number of cells (candidates × budget in cents) the exact dynamic programme may use before switching to the greedy rule; default 20,000,000. */
  readonly maxExactCells?: number;
}

/**
 * One customer of a {@link RecoveryPlan} (the plan's `entries` are in input order: entry `i`
 * belongs to input row `i`).
 * @category Churn
 */
export interface RecoveryPlanEntry {
  /** The customer's id, as given. */
  readonly customerId: string;
  /** Rank by expected net value, 1 = best (ties by tier, then input order; active customers after every recovery case); the ranks are a permutation of 1 … n. */
  readonly rank: number;
  /** Value tier. */
  readonly tier: RecoveryTier;
  /** Recommended action by the tier rules. */
  readonly action: RecoveryAction;
  /** Why this action, in plain words. */
  readonly reason: string;
  /** The customer's value, as a `Decimal`. */
  readonly value: Decimal;
  /** Cause of churn. */
  readonly cause: ChurnCause;
  /** Win-back probability used (given or derived), in [0, 1]. */
  readonly winBackProbability: number;
  /** Second lifetime value used. */
  readonly secondLifetimeValue: Decimal;
  /** Cost of the attempt. */
  readonly cost: Decimal;
  /** Expected net value `P(win-back) × second lifetime value − cost`. */
  readonly expectedNetValue: Decimal;
  /** Whether the plan spends on this customer (within the budget when one is given). */
  readonly selected: boolean;
}

/**
 * Result of {@link prioritizeRecovery}.
 * @category Churn
 */
export interface RecoveryPlan {
  /**
   * One entry per input customer, **in input order** (entry `i` is input row `i`, as every
   * per-customer result of the library); each entry carries its `rank`.
   */
  readonly entries: readonly RecoveryPlanEntry[];
  /**
   * The entries' positions from rank 1 down: `entries[byRank[0]]` is the best customer to win back,
   * `entries[byRank[k]].rank === k + 1`. A typed array (plain data).
   */
  readonly byRank: Uint32Array;
  /** Value thresholds used for the tiers. */
  readonly thresholds: {
    /** Value at or above which a customer is key. */
    readonly keyValue: Decimal;
    /** Value below which a customer is small. */
    readonly smallValue: Decimal;
  };
  /** The budget selection, when a budget was given. */
  readonly budget?: BudgetSelection;
}

const FN = "prioritizeRecovery";

const optionsSchema = recoveryOptionsSchema satisfies z.ZodMiniType<
  unknown,
  PrioritizeRecoveryOptions
>;

/**
 * Ranks churned or at-risk customers by what winning them back is worth, assigns the course's
 * recovery tiers and actions, and (with a `budget`) selects whom to spend on.
 *
 * For each customer: `expected net value = P(win-back) × second lifetime value − cost` (Stauss &
 * Friege 1999's regain-profit logic; Thomas, Blattberg & Fox 2004's "second lifetime"). The win-back
 * probability is the customer's own when given, otherwise
 * `base[cause] × 0.5^(daysSinceLastPurchase / halfLifeDays)` (half-life 182 days by default) — a
 * documented heuristic: Kumar, Bhagwat & Zhang (2015)
 * find the reason for defection and the strength of the first relationship drive reacquisition,
 * and the chance fades with time since the last purchase. The second lifetime value defaults to
 * `value × secondLifetimeShare` (1); supply your own from a CLV model when you have one.
 *
 * Value: the value at risk (see {@link RecoveryCandidate.value}), so that `P(win-back) × value` is
 * what the attempt is expected to restore; from `churnRisk`, pass `valueAtRisk` as it is.
 *
 * Tier rules (course rule set, thresholds are options): flagged `notWorthRecovering` →
 * `"not-worth-recovering"`; `probabilityAlive` above `aliveThreshold` (0.5) → `"active"`, action
 * `"retain"` (still a customer: no recovery tier, no win-back spend, ranked after every recovery
 * case); value ≤ 0 → `"not-worth-recovering"`; value ≥ `keyValue` → `"key"`; value < `smallValue`
 * → `"small"`; else `"ordinary"` (the default thresholds are percentiles of the recovery cases'
 * values, the active customers left out). Actions: key → recover strongly (always attempted by the
 * rules, reported even when the expected net value is negative); ordinary → recover when possible
 * if the expected net value is positive, else let go; small → minimal effort if the cost is at most
 * `smallCostLimit` and the expected net value is positive, else let go; not worth recovering → let
 * go; active → retain. The rule, as code, is
 * `classify` in `src/churn/recoveryRules.ts` (with the win-back and expected-net-value formulas).
 *
 * Budget selection (a 0/1 knapsack): candidates are customers whose action is neither "let go" nor
 * "retain" and whose expected net value is positive; costs are rounded up to whole cents. When
 * candidates × budget in cents ≤ `maxExactCells` the selection is exact (dynamic programme over
 * cents); otherwise the greedy rule by value per cost, compared with the best single candidate that
 * fits — the classic fix that guarantees at least half the optimum. The result states the method, the guarantee and an upper
 * bound (the optimum, or the fractional relaxation). Ties are broken by input order, so the result
 * is deterministic. Without a budget every candidate is selected.
 *
 * Shape: `entries` are in input order (entry `i` is input row `i`, as every per-customer result of
 * the library) and each carries its `rank`; `byRank` lists the entries' positions from rank 1 down,
 * so the ranked list is `[...plan.byRank].map((i) => plan.entries[i])`. Ids are returned as given
 * (look entries up with `indexByCustomerId(plan.entries)`, which wants unique ids).
 *
 * Money: value, cost and second lifetime value are validated and returned as exact `Decimal`s, and
 * spend is their exact sum. The expected net value involves a float64 probability, so it is
 * computed once in float64 (`p × SLTV − cost`, relative error ~1e-16) and returned as a `Decimal`
 * of its 15 significant digits (the same convention as the models' lifetime values); ranking and
 * selection use exactly these reported values, so two entries that show the same expected net value
 * are ordered by the tie rule. Totals of expected values are exact sums of those `Decimal`s (rounded
 * once to 34 digits). Amounts must lie within float64's range (about ±1.8e308).
 *
 * @param customers - the candidates (see {@link RecoveryCandidate})
 * @param options - budget, thresholds, win-back heuristics (see {@link PrioritizeRecoveryOptions})
 * @returns the plan: entries in input order with their ranks, the rank order, the thresholds and,
 *   with a budget, the selection summary
 * @throws {InvalidInputError} listing every problem found in one pass (up to 100), each with its
 *   path and code: a non-string id (`customers[i].customerId`, `invalid_type`), an invalid amount
 *   (`customers[i].value` / `.cost` / `.secondLifetimeValue`, `invalid_money`; a negative cost
 *   `too_small`), an unknown cause (`customers[i].cause`, `invalid_value`), a win-back probability
 *   outside [0, 1] (`too_small` / `too_big`), neither a probability nor `daysSinceLastPurchase`
 *   (`customers[i].winBackProbability`, `required`), a buy-till-you-die `recency` in their place
 *   (`customers[i].recency`, `wrong_row_kind`) or a `timeSinceLastPurchase` in some other unit
 *   (`customers[i].timeSinceLastPurchase`, `unit_mismatch`), days since the last purchase that are
 *   negative or not whole (`customers[i].daysSinceLastPurchase`, `too_small` / `not_integer`), a
 *   `probabilityAlive` outside [0, 1] (`too_small` / `too_big` / `invalid_type`), an amount beyond
 *   float64 (`unsupported`); an empty input with a budget (`customers`, `too_small`),
 *   `smallValue` above `keyValue` (`options.smallValue`, `inconsistent`) or any other invalid option
 *   (`options.<key>`)
 * @example
 * ```ts
 * import { prioritizeRecovery } from "customer-value";
 * const plan = prioritizeRecovery(
 *   [
 *     { customerId: "A", value: 5000, cause: "own", cost: 200, winBackProbability: 0.4 },
 *     { customerId: "B", value: 800, cause: "third-party", cost: 50, winBackProbability: 0.3 },
 *     { customerId: "C", value: 40, cause: "unknown", cost: 20, winBackProbability: 0.2 },
 *   ],
 *   { keyValue: 1000, smallValue: 100, budget: 300 },
 * );
 * plan.entries[0]!.action; // => "recover-strongly"
 * plan.entries[0]!.expectedNetValue.toString(); // => "1800"
 * plan.entries[0]!.rank; // => 1
 * plan.entries[2]!.action; // => "let-go"
 * [...plan.byRank]; // => [0, 1, 2]
 * // Days since the last purchase instead of a probability: 0.3 × 0.5^(91 / 182) ≈ 0.212
 * const lapsed = { customerId: "D", value: 900, cause: "third-party", cost: 40, daysSinceLastPurchase: 91 } as const;
 * prioritizeRecovery([lapsed]).entries[0]!.winBackProbability.toFixed(3); // => "0.212"
 * // Still likely alive (P(alive) 0.9 > aliveThreshold 0.5): retained, never a win-back case
 * const active = { ...lapsed, customerId: "E", probabilityAlive: 0.9 } as const;
 * prioritizeRecovery([active]).entries[0]!.action; // => "retain"
 * plan.budget!.method; // => "exact"
 * plan.budget!.spend.toString(); // => "250"
 * ```
 * @category Churn
 * @see Stauss, B. & Friege, C. (1999). Regaining service customers: costs and benefits of regain
 *   management. Journal of Service Research 1(4). Thomas, J. S., Blattberg, R. C. & Fox, E. J.
 *   (2004). Recapturing lost customers. Journal of Marketing Research 41(1), 31–45. Kumar, V.,
 *   Bhagwat, Y. & Zhang, X. (2015). Regaining "lost" customers. Journal of Marketing 79(4).
 */
export function prioritizeRecovery(
  customers: readonly RecoveryCandidate[],
  options: PrioritizeRecoveryOptions = {},
): RecoveryPlan {
  checkArray(FN, customers, "an array of customers", ["customers"]);
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  return withScratch((scratch) => planRecovery(scratch, customers, opts));
}

/** {@link prioritizeRecovery} after its options, under the scratch lease `scratch`. */
function planRecovery(
  scratch: Scratch,
  customers: readonly unknown[],
  opts: RecoveryOptions,
): RecoveryPlan {
  const budget = opts.budget === undefined ? undefined : toMoney(opts.budget);
  if (budget !== undefined && customers.length === 0) {
    throw invalidInput(
      FN,
      ["customers"],
      "A budget needs at least one customer to spend it on",
      "too_small",
      customers,
    );
  }
  const base: Record<ChurnCause, number> = {
    ...DEFAULT_BASE_WIN_BACK,
    ...opts.baseWinBackProbability,
  };
  const columns = readCandidates(FN, scratch, customers, {
    baseByCause: CAUSES.map((k) => base[k]),
    halfLifeDays: opts.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS,
    secondLifetimeShare: opts.secondLifetimeShare ?? 1,
  });
  const thresholds = tierThresholds(FN, columns, opts);
  const classified = classifyCandidates(FN, scratch, columns, thresholds);
  // Expected net values become Decimals in the entries (and for the selection's total); customers
  // with equal values share one instance.
  const netCache = createEstimateCache();
  const selected = scratch.uint8("recovery.selected", customers.length).fill(0);
  let selection: BudgetSelection | undefined;
  if (budget === undefined) {
    selected.set(classified.candidate); // without a budget every candidate is selected
  } else {
    selection = selectWithinBudget(
      scratch,
      budget,
      columns.costs,
      columns.costFloat,
      classified.net,
      netCache,
      classified.candidate,
      selected,
      opts.maxExactCells,
    );
  }
  const byRank = rankOrder(scratch, classified);
  const plan: RecoveryPlan = {
    entries: planEntries(scratch, columns, classified, selected, byRank, netCache),
    byRank,
    thresholds: { keyValue: thresholds.keyValue.exact, smallValue: thresholds.smallValue.exact },
  };
  return selection === undefined ? plan : { ...plan, budget: selection };
}

/** Tier order of the rank's tie rule: key first; active customers (no recovery case) last. */
const TIER_ORDER: Record<RecoveryTier, number> = {
  key: 0,
  ordinary: 1,
  small: 2,
  "not-worth-recovering": 3,
  active: 4,
};
/** {@link TIER_ORDER} of each outcome code. */
const TIER_ORDER_OF_OUTCOME = Uint8Array.from(OUTCOMES, (o) => TIER_ORDER[o.tier]);

/**
 * The rank order: the recovery cases before the active customers, then expected net value
 * descending, then tier order, then input order — a stable counting sort by tier, a stable radix
 * sort by expected net value, then a stable partition that moves the active customers last.
 */
function rankOrder(scratch: Scratch, { outcome, net }: ClassifiedColumns): Uint32Array {
  const n = outcome.length;
  const tier = scratch.uint8("recovery.tier", n);
  for (let i = 0; i < n; i++) tier[i] = TIER_ORDER_OF_OUTCOME[outcome[i]!]!;
  const byTier = orderBySmallKey(tier, 5, scratch, "recovery.byTier");
  const byNet = sortIndicesByKey(net, byTier, scratch, "recovery.rank", true);
  const order = new Uint32Array(n);
  let k = 0;
  for (const pass of [false, true]) {
    for (let j = 0; j < n; j++) {
      const i = byNet[j]!;
      if ((tier[i] === TIER_ORDER.active) === pass) order[k++] = i;
    }
  }
  return order;
}

/** The entries in input order (sequential reads of every column), each with its rank. */
function planEntries(
  scratch: Scratch,
  columns: CandidateColumns,
  { outcome, net }: ClassifiedColumns,
  selected: Uint8Array,
  byRank: Uint32Array,
  netCache: EstimateCache,
): RecoveryPlanEntry[] {
  const n = byRank.length;
  const rankOf = scratch.uint32("recovery.position", n);
  for (let k = 0; k < n; k++) rankOf[byRank[k]!] = k + 1;
  const { ids, values, secondValues, costs, cause, winBack } = columns;
  const entries: RecoveryPlanEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const { tier, action, reason } = OUTCOMES[outcome[i]!]!;
    entries[i] = {
      customerId: ids[i]!,
      rank: rankOf[i]!,
      tier,
      action,
      reason,
      value: values[i]!,
      cause: CAUSES[cause[i]!]!,
      winBackProbability: winBack[i]!,
      secondLifetimeValue: secondValues[i]!,
      cost: costs[i]!,
      expectedNetValue: cachedEstimate(netCache, net[i]!),
      selected: selected[i] === 1,
    };
  }
  return entries;
}
