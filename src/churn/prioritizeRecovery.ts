import { z } from "zod";
import { echo, type IssueCode, IssueCollector, invalidInput } from "../core/errors.js";
import {
  type Decimal,
  Money,
  type MoneyInput,
  moneyIssueCode,
  moneyProblem,
  readMoney,
  toMoney,
} from "../core/money.js";
import { checkArray, describeReceived, parseInput } from "../core/validate.js";
import {
  cachedEstimate,
  centsRoundedUp,
  createEstimateCache,
  type EstimateCache,
  estimateFloat,
  exactSum,
  moneyFromNumber,
  numberFromMoney,
} from "../internal/fast/fastMoney.js";
import { sortIndicesByKey } from "../internal/fast/radixOrder.js";
import { type Scratch, withScratch } from "../internal/fast/scratch.js";

/**
 * Why a customer left (or is leaving): the firm's own fault (`"own"`), a third party's (a
 * competitor, a partner, another customer: `"third-party"`), beyond anyone's control (moved away,
 * went out of business: `"uncontrollable"`), or not known (`"unknown"`).
 * @category Churn
 */
export type ChurnCause = "own" | "third-party" | "uncontrollable" | "unknown";

/**
 * Value tier of a lost or at-risk customer (the course rule set: 关键客户 key, 普通客户 ordinary,
 * 小客户 small, 劣质客户 not worth recovering).
 * @category Churn
 */
export type RecoveryTier = "key" | "ordinary" | "small" | "not-worth-recovering";

/**
 * Recommended recovery action (极力挽回 recover strongly, 尽力挽回 recover when possible, 见机行事
 * minimal effort, 彻底放弃 let go).
 * @category Churn
 */
export type RecoveryAction =
  | "recover-strongly"
  | "recover-when-possible"
  | "minimal-effort"
  | "let-go";

/**
 * One churned or at-risk customer as {@link prioritizeRecovery} needs them.
 * @category Churn
 */
export interface RecoveryCandidate {
  /** The customer's id (any string, `"__proto__"` included; returned unchanged on the customer's entry). */
  readonly customerId: string;
  /** The customer's value (a CLV, a segment value, first-lifetime profit: money, one unit for all customers); decides the tier. */
  readonly value: MoneyInput;
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
   * purchase). Used only to derive the win-back probability, with `options.halfLifeDays`.
   */
  readonly daysSinceLastPurchase?: number;
  /** Value of the second lifetime after recapture (money); default `value × options.secondLifetimeShare`. */
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
  /** Rank by expected net value, 1 = best (ties by tier, then input order); the ranks are a permutation of 1 … n. */
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
 * How the budget selection was made and how good it is guaranteed to be.
 * @category Churn
 */
export interface BudgetSelection {
  /** The budget. */
  readonly budget: Decimal;
  /** `"exact"`: dynamic programme over cents, optimal; `"greedy"`: value-per-cost with the best-single-item fix, ≥ ½ optimum. */
  readonly method: "exact" | "greedy";
  /** Guaranteed fraction of the optimum: 1 for exact, 0.5 for greedy. */
  readonly guarantee: number;
  /** Total cost of the selected customers (≤ budget). */
  readonly spend: Decimal;
  /** Total expected net value of the selected customers. */
  readonly expectedNetValue: Decimal;
  /** An upper bound on the optimum: the optimum itself for exact, the fractional (LP) relaxation for greedy. */
  readonly upperBound: Decimal;
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

const CAUSES = ["own", "third-party", "uncontrollable", "unknown"] as const;
const DEFAULT_BASE: Record<ChurnCause, number> = {
  own: 0.5,
  "third-party": 0.3,
  unknown: 0.2,
  uncontrollable: 0.05,
};
const TIER_ORDER: Record<RecoveryTier, number> = {
  key: 0,
  ordinary: 1,
  small: 2,
  "not-worth-recovering": 3,
};

const probability = z.number().min(0).max(1);
const moneyField = z.custom<MoneyInput>((v) => moneyProblem(v) === undefined, {
  error: (issue) => moneyProblem(issue.input) ?? "Invalid amount",
  params: { code: "invalid_money" },
});
const nonNegativeMoney = moneyField.refine((v) => !toMoney(v).isNegative(), {
  error: "Expected a non-negative amount",
  params: { code: "too_small" },
});

const optionsSchema = z.strictObject({
  budget: nonNegativeMoney.exactOptional(),
  keyValue: moneyField.exactOptional(),
  smallValue: moneyField.exactOptional(),
  smallCostLimit: nonNegativeMoney.exactOptional(),
  baseWinBackProbability: z
    .strictObject({
      own: probability.exactOptional(),
      "third-party": probability.exactOptional(),
      uncontrollable: probability.exactOptional(),
      unknown: probability.exactOptional(),
    })
    .exactOptional(),
  halfLifeDays: z.number().finite().positive().exactOptional(),
  secondLifetimeShare: z.number().finite().nonnegative().exactOptional(),
  maxExactCells: z.number().int().positive().exactOptional(),
}) satisfies z.ZodType<unknown, PrioritizeRecoveryOptions>;

const FN = "prioritizeRecovery";
const BEYOND_FLOAT =
  "Amount beyond the float64 range (about ±1.8e308) in which expected values are computed";

/** Small cache of `Decimal`s for repeated numeric amounts (offer costs, segment values). */
type AmountCache = Map<number, Decimal>;

/** Name of the data argument, the first key of every row path (`customers[2].cost`). */
const ARG = "customers";

/**
 * Validates and converts one amount, or records the problem in `issues` and returns `undefined`.
 * Our own `Decimal`s pass through unchanged (they are immutable); numbers go through a small cache
 * because costs and segment values repeat.
 */
function money(
  value: unknown,
  index: number,
  field: string,
  nonNegative: boolean,
  cache: AmountCache,
  issues: IssueCollector,
): Decimal | undefined {
  if (typeof value === "number") {
    const problem = moneyProblem(value);
    if (problem !== undefined) {
      issues.add([ARG, index, field], problem, "invalid_money", value);
      return undefined;
    }
    if (nonNegative && value < 0) {
      issues.add([ARG, index, field], "Expected a non-negative amount", "too_small", value);
      return undefined;
    }
    let amount = cache.get(value);
    if (amount === undefined) {
      amount = moneyFromNumber(value);
      if (cache.size < 4096) cache.set(value, amount);
    }
    return amount;
  }
  // One read of a Decimal's fields (a well-formed library Decimal comes back as it is).
  const amount = readMoney(value);
  if (typeof amount === "string") {
    issues.add([ARG, index, field], amount, moneyIssueCode(value), value);
    return undefined;
  }
  if (nonNegative && amount.isNegative()) {
    issues.add([ARG, index, field], "Expected a non-negative amount", "too_small", value);
    return undefined;
  }
  return amount;
}

/** `"required"` for a missing value, `"invalid_type"` for any other value of the wrong type. */
function typeCode(value: unknown): IssueCode {
  return value === undefined ? "required" : "invalid_type";
}

/** Default of `options.halfLifeDays`: 26 weeks, about six months. */
const DEFAULT_HALF_LIFE_DAYS = 182;

/**
 * The documented win-back heuristic: the cause's base probability, halved every `halfLifeDays`
 * days since the last purchase, `base × 0.5^(daysSinceLastPurchase / halfLifeDays)`.
 */
function derivedWinBackProbability(
  base: number,
  daysSinceLastPurchase: number,
  halfLifeDays: number,
): number {
  return base * 0.5 ** (daysSinceLastPurchase / halfLifeDays);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Nearest-rank percentile of float values (no NaN): the value a typed-array sort would put at rank
 * `⌈share·n⌉`, found by quickselect in expected linear time (falls back to sorting after too many
 * rounds). `scratch` is reordered.
 */
function percentile(scratch: Float64Array, share: number): number {
  const n = scratch.length;
  if (n === 0) return 0;
  const k = Math.max(1, Math.ceil(share * n)) - 1;
  const v = selectKth(scratch, k);
  if (v !== 0) return v;
  // The sort puts −0 before +0: rank k holds −0 when more than k values are negative or −0.
  let below = 0;
  for (let i = 0; i < n; i++) {
    const x = scratch[i]!;
    if (x < 0 || Object.is(x, -0)) below++;
  }
  return below > k ? -0 : 0;
}

/** The k-th smallest value (0-based) by three-way quickselect; ±0 compare equal. */
function selectKth(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  for (let round = 0; lo < hi; round++) {
    if (round === 64) return a.subarray(lo, hi + 1).sort()[k - lo]!;
    const x = a[lo]!;
    const y = a[(lo + hi) >>> 1]!;
    const z = a[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k]!;
}

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
 * Tier rules (course rule set, thresholds are options): flagged `notWorthRecovering` or value ≤ 0 →
 * `"not-worth-recovering"`; value ≥ `keyValue` → `"key"`; value < `smallValue` → `"small"`; else
 * `"ordinary"`. Actions: key → recover strongly (always attempted by the rules, reported even when the
 * expected net value is negative); ordinary → recover when possible if the expected net value is
 * positive, else let go; small → minimal effort if the cost is at most `smallCostLimit` and the
 * expected net value is positive, else let go; not worth recovering → let go.
 *
 * Budget selection (a 0/1 knapsack): candidates are customers whose action is not "let go" and whose
 * expected net value is positive; costs are rounded up to whole cents. When candidates × budget in
 * cents ≤ `maxExactCells` the selection is exact (dynamic programme over cents); otherwise the greedy
 * rule by value per cost, compared with the best single candidate that fits — the classic fix that
 * guarantees at least half the optimum. The result states the method, the guarantee and an upper
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
 *   (`customers[i].recency`, `wrong_row_kind`), days since the last purchase that are negative or
 *   not whole (`customers[i].daysSinceLastPurchase`, `too_small` / `not_integer`), an amount beyond
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
  checkArray(FN, customers, "an array of customers", [ARG]);
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  return withScratch((scratch) => planRecovery(scratch, customers, opts));
}

/**
 * {@link prioritizeRecovery} after its options, under the scratch lease `scratch`. Each customer
 * object and each of its fields is read once, into the local that is validated and used.
 */
function planRecovery(
  scratch: Scratch,
  customers: readonly unknown[],
  opts: z.output<typeof optionsSchema>,
): RecoveryPlan {
  const budget = opts.budget === undefined ? undefined : toMoney(opts.budget);
  const n = customers.length;
  if (budget !== undefined && n === 0) {
    throw invalidInput(
      FN,
      [ARG],
      "A budget needs at least one customer to spend it on",
      "too_small",
      customers,
    );
  }
  const base: Record<ChurnCause, number> = { ...DEFAULT_BASE, ...opts.baseWinBackProbability };
  const halfLifeDays = opts.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS;
  const share = opts.secondLifetimeShare ?? 1;
  const shareDecimal = new Money(share);
  const smallLimitF = toMoney(opts.smallCostLimit ?? 0).toNumber();

  // One validating pass: money as exact Decimal (returned) and float64 (ranking and selection).
  // Every problem of every row is collected (up to the cap) and reported together after the pass.
  const issues = new IssueCollector();
  const ids: string[] = new Array(n);
  const values: Decimal[] = new Array(n);
  const costs: Decimal[] = new Array(n);
  // Second lifetime values: the value itself unless some customer has their own or the share is
  // not 1; the separate columns are made only then.
  let sltvs: Decimal[] | undefined;
  let sltvF: Float64Array | undefined;
  const probs = scratch.float64("recovery.probs", n);
  const valueF = scratch.float64("recovery.value", n);
  const costF = scratch.float64("recovery.cost", n);
  const baseByCause = CAUSES.map((k) => base[k]);
  const causeCodes = scratch.uint8("recovery.cause", n);
  const flagged = scratch.uint8("recovery.flagged", n);
  const valueCache: AmountCache = new Map();
  const costCache: AmountCache = new Map();
  for (let i = 0; i < n && !issues.full; i++) {
    const c: unknown = customers[i];
    if (!isRecord(c)) {
      issues.add([ARG, i], "Expected a customer object", typeCode(c), c);
      continue;
    }
    const before = issues.size;
    const id = c.customerId;
    if (typeof id !== "string") {
      issues.add(
        [ARG, i, "customerId"],
        `Expected a string id, received ${describeReceived(id)}`,
        typeCode(id),
        id,
      );
    }
    const rawValue = c.value;
    const rawCost = c.cost;
    const value = money(rawValue, i, "value", false, valueCache, issues);
    const cost = money(rawCost, i, "cost", true, costCache, issues);
    const cause = c.cause;
    const causeCode =
      cause === "own"
        ? 0
        : cause === "third-party"
          ? 1
          : cause === "uncontrollable"
            ? 2
            : cause === "unknown"
              ? 3
              : -1;
    if (causeCode < 0) {
      issues.add(
        [ARG, i, "cause"],
        `Unknown cause ${echo(cause)}: expected one of ${CAUSES.map((k) => `"${k}"`).join(", ")}`,
        cause === undefined
          ? "required"
          : typeof cause === "string"
            ? "invalid_value"
            : "invalid_type",
        cause,
      );
    }
    const p = c.winBackProbability;
    let probability = 0;
    if (p !== undefined) {
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
        issues.add(
          [ARG, i, "winBackProbability"],
          `Expected a probability in [0, 1], received ${describeReceived(p)}`,
          typeof p !== "number" || Number.isNaN(p)
            ? "invalid_type"
            : p > 1
              ? "too_big"
              : "too_small",
          p,
        );
      } else {
        probability = p;
      }
    } else {
      const days = c.daysSinceLastPurchase;
      const btydRecency = days === undefined ? c.recency : undefined;
      if (btydRecency !== undefined) {
        // A buy-till-you-die row (recency = first to last purchase) is never read as days since.
        issues.add(
          [ARG, i, "recency"],
          "recency is the buy-till-you-die recency (time from the first to the last purchase); give daysSinceLastPurchase (days since the last purchase) or winBackProbability",
          "wrong_row_kind",
          btydRecency,
        );
      } else if (days === undefined) {
        issues.add(
          [ARG, i, "winBackProbability"],
          "Give winBackProbability, or daysSinceLastPurchase to derive it",
          "required",
          undefined,
        );
      } else if (typeof days !== "number" || !Number.isFinite(days) || days < 0) {
        issues.add(
          [ARG, i, "daysSinceLastPurchase"],
          `Expected a whole number of days ≥ 0, received ${describeReceived(days)}`,
          typeof days !== "number" || Number.isNaN(days)
            ? "invalid_type"
            : days < 0
              ? "too_small"
              : "too_big",
          days,
        );
      } else if (!Number.isInteger(days)) {
        issues.add(
          [ARG, i, "daysSinceLastPurchase"],
          `Expected a whole number of days ≥ 0, received ${describeReceived(days)}`,
          "not_integer",
          days,
        );
      } else if (causeCode >= 0) {
        probability = derivedWinBackProbability(baseByCause[causeCode]!, days, halfLifeDays);
      }
    }
    const s = c.secondLifetimeValue;
    const ownSecond =
      s !== undefined ? money(s, i, "secondLifetimeValue", false, valueCache, issues) : undefined;
    const flag = c.notWorthRecovering;
    if (flag !== undefined && typeof flag !== "boolean") {
      issues.add([ARG, i, "notWorthRecovering"], "Expected a boolean", "invalid_type", flag);
    }
    if (issues.size > before || value === undefined || cost === undefined) continue;
    const v = typeof rawValue === "number" ? rawValue : numberFromMoney(value);
    if (!Number.isFinite(v)) {
      issues.add([ARG, i, "value"], BEYOND_FLOAT, "unsupported", rawValue);
      continue;
    }
    const costFloat = typeof rawCost === "number" ? rawCost : numberFromMoney(cost);
    if (!Number.isFinite(costFloat)) {
      issues.add([ARG, i, "cost"], BEYOND_FLOAT, "unsupported", rawCost);
      continue;
    }
    const sltv =
      ownSecond !== undefined ? ownSecond : share === 1 ? value : value.times(shareDecimal);
    ids[i] = id as string;
    causeCodes[i] = causeCode;
    probs[i] = probability;
    flagged[i] = flag === true ? 1 : 0;
    values[i] = value;
    costs[i] = cost;
    valueF[i] = v;
    costF[i] = costFloat;
    if (sltv !== value && sltvs === undefined) {
      sltvs = values.slice(0, i);
      sltvF = valueF.slice(0, n);
    }
    if (sltvs !== undefined) {
      sltvs[i] = sltv;
      const second = sltv === value ? v : numberFromMoney(sltv);
      if (!Number.isFinite(second)) {
        issues.add([ARG, i, "secondLifetimeValue"], BEYOND_FLOAT, "unsupported", s);
        continue;
      }
      sltvF![i] = second;
    }
  }
  issues.throwIfAny(FN);
  const secondValues = sltvs ?? values;
  const secondValueF = sltvF ?? valueF;

  // Tier thresholds.
  let keyValue: Decimal;
  let smallValue: Decimal;
  if (opts.keyValue === undefined || opts.smallValue === undefined) {
    const scratch = Float64Array.from(valueF);
    keyValue =
      opts.keyValue === undefined ? new Money(percentile(scratch, 0.8)) : toMoney(opts.keyValue);
    smallValue =
      opts.smallValue === undefined
        ? new Money(percentile(scratch, 0.5))
        : toMoney(opts.smallValue);
  } else {
    keyValue = toMoney(opts.keyValue);
    smallValue = toMoney(opts.smallValue);
  }
  if (smallValue.greaterThan(keyValue)) {
    throw invalidInput(
      FN,
      ["options", "smallValue"],
      "smallValue must not exceed keyValue",
      "inconsistent",
      opts.smallValue ?? smallValue,
    );
  }
  const keyF = numberFromMoney(keyValue);
  const smallF = numberFromMoney(smallValue);

  const outcome = scratch.uint8("recovery.outcome", n);
  const tierCode = scratch.uint8("recovery.tier", n);
  const netF = scratch.float64("recovery.net", n);
  const candidate = scratch.uint8("recovery.candidate", n);
  for (let i = 0; i < n; i++) {
    // Ranked and selected by the value reported (its 15 significant digits), so that entries that
    // show equal values are ordered by the documented tie rule.
    const exactNet = probs[i]! * secondValueF[i]! - costF[i]!;
    if (!Number.isFinite(exactNet)) {
      issues.add([ARG, i], "The expected net value overflows float64", "unsupported");
      if (issues.full) break;
      continue;
    }
    const net = estimateFloat(exactNet);
    netF[i] = net;
    const v = valueF[i]!;
    // Thresholds compare exactly when the float comparison is too close to call.
    const atLeastKey = v === keyF ? values[i]!.greaterThanOrEqualTo(keyValue) : v > keyF;
    const belowSmall = v === smallF ? values[i]!.lessThan(smallValue) : v < smallF;
    const positive = net > 0;
    let code: number;
    if (flagged[i] === 1) code = FLAGGED;
    else if (!(v > 0)) code = NO_VALUE;
    else if (atLeastKey) code = positive ? KEY : KEY_NEGATIVE;
    else if (!belowSmall) code = positive ? ORDINARY : ORDINARY_LET_GO;
    else if (!positive) code = SMALL_LET_GO;
    else code = costF[i]! <= smallLimitF ? SMALL_TRY : SMALL_COSTLY;
    if (causeCodes[i] === UNCONTROLLABLE && OUTCOMES[code]!.action !== "let-go") {
      code += UNCONTROLLABLE_SHIFT;
    }
    outcome[i] = code;
    tierCode[i] = TIER_ORDER[OUTCOMES[code]!.tier];
    candidate[i] = OUTCOMES[code]!.action !== "let-go" && positive ? 1 : 0;
  }
  issues.throwIfAny(FN);

  // Expected net values become Decimals in the entries (and for the selection's total); customers
  // with equal values share one instance.
  const netCache = createEstimateCache();

  const selected = scratch.uint8("recovery.selected", n).fill(0);
  let selection: BudgetSelection | undefined;
  if (budget === undefined) {
    selected.set(candidate);
  } else {
    selection = selectWithinBudget(
      scratch,
      budget,
      costs,
      costF,
      netF,
      netCache,
      candidate,
      selected,
      opts.maxExactCells,
    );
  }

  // Rank: expected net value descending, then tier order, then input order.
  // A counting sort by tier (input order within a tier), then a stable radix sort by −net.
  const tierCount = new Uint32Array(5);
  for (let i = 0; i < n; i++) tierCount[tierCode[i]! + 1]!++;
  for (let t = 1; t < 5; t++) tierCount[t]! += tierCount[t - 1]!;
  const byTier = scratch.uint32("recovery.byTier", n);
  for (let i = 0; i < n; i++) byTier[tierCount[tierCode[i]!]!++] = i;
  const negatedNet = netF; // negated in place: the entries below read −negatedNet[i]
  for (let i = 0; i < n; i++) negatedNet[i] = -netF[i]!;
  const order = sortIndicesByKey(negatedNet, byTier, scratch, "recovery.rank");
  // The entries in input order (sequential reads of every column), each with its rank.
  const rankOf = scratch.uint32("recovery.position", n);
  for (let k = 0; k < n; k++) rankOf[order[k]!] = k + 1;
  const entries: RecoveryPlanEntry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const code = outcome[i]!;
    entries[i] = {
      customerId: ids[i]!,
      rank: rankOf[i]!,
      tier: OUTCOMES[code]!.tier,
      action: OUTCOMES[code]!.action,
      reason: OUTCOMES[code]!.reason,
      value: values[i]!,
      cause: CAUSES[causeCodes[i]!]!,
      winBackProbability: probs[i]!,
      secondLifetimeValue: secondValues[i]!,
      cost: costs[i]!,
      expectedNetValue: cachedEstimate(netCache, -negatedNet[i]!),
      selected: selected[i] === 1,
    };
  }
  const plan: RecoveryPlan = {
    entries,
    byRank: order.slice(),
    thresholds: { keyValue, smallValue },
  };
  return selection === undefined ? plan : { ...plan, budget: selection };
}

const REASON = {
  flagged: "marked not worth recovering: give up entirely",
  noValue: "no positive value to recover: give up entirely",
  key: "key customer: recover strongly and at once",
  keyNegative: "key customer: recover strongly, although the expected net value is not positive",
  ordinary: "ordinary customer with positive expected net value: make a real effort",
  ordinaryLetGo: "ordinary customer whose recovery is not expected to pay: let go",
  smallTry: "small customer, recovery costs next to nothing: try with minimal effort",
  smallCostly: "small customer, recovery costs more than a trivial effort: let go",
  smallLetGo: "small customer whose recovery is not expected to pay: let go",
  uncontrollable: " (cause beyond anyone's control: expect a low win-back rate)",
} as const;

interface Outcome {
  readonly tier: RecoveryTier;
  readonly action: RecoveryAction;
  readonly reason: string;
}

/** The tier rules' outcomes, by code (a customer's outcome is one byte in the hot loops). */
const BASE_OUTCOMES: readonly Outcome[] = [
  { tier: "not-worth-recovering", action: "let-go", reason: REASON.flagged },
  { tier: "not-worth-recovering", action: "let-go", reason: REASON.noValue },
  { tier: "key", action: "recover-strongly", reason: REASON.key },
  { tier: "key", action: "recover-strongly", reason: REASON.keyNegative },
  { tier: "ordinary", action: "recover-when-possible", reason: REASON.ordinary },
  { tier: "ordinary", action: "let-go", reason: REASON.ordinaryLetGo },
  { tier: "small", action: "minimal-effort", reason: REASON.smallTry },
  { tier: "small", action: "let-go", reason: REASON.smallCostly },
  { tier: "small", action: "let-go", reason: REASON.smallLetGo },
];
const [
  FLAGGED,
  NO_VALUE,
  KEY,
  KEY_NEGATIVE,
  ORDINARY,
  ORDINARY_LET_GO,
  SMALL_TRY,
  SMALL_COSTLY,
  SMALL_LET_GO,
] = [0, 1, 2, 3, 4, 5, 6, 7, 8] as const;
/** Code offset of the same outcome with the "beyond anyone's control" note (attempted actions only). */
const UNCONTROLLABLE_SHIFT = BASE_OUTCOMES.length;
const OUTCOMES: readonly Outcome[] = [
  ...BASE_OUTCOMES,
  ...BASE_OUTCOMES.map((o) => ({ ...o, reason: o.reason + REASON.uncontrollable })),
];
/** Code of the cause "uncontrollable" in {@link CAUSES}. */
const UNCONTROLLABLE = 2;

function selectWithinBudget(
  scratch: Scratch,
  budget: Decimal,
  costs: readonly Decimal[],
  costF: Float64Array,
  netF: Float64Array,
  netCache: EstimateCache,
  candidate: Uint8Array,
  selected: Uint8Array,
  maxExactCells: number | undefined,
): BudgetSelection {
  const capacity = budget.times(100).floor().toNumber();
  // Candidates that fit alone, cost in whole cents.
  const n = candidate.length;
  const itemsAll = scratch.uint32("recovery.items", n);
  const weightAll = scratch.float64("recovery.weight", n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (candidate[i] !== 1) continue;
    const cents = centsRoundedUp(costs[i]!, costF[i]!);
    if (cents > capacity) continue;
    itemsAll[m] = i;
    weightAll[m] = cents;
    m++;
  }
  const items = itemsAll.subarray(0, m);
  const weight = weightAll.subarray(0, m);
  const W = capacity;
  let method: "exact" | "greedy";
  let upper = Number.NaN;
  let total = 0;
  if (m * (W + 1) <= (maxExactCells ?? 20_000_000)) {
    method = "exact";
    const best = new Float64Array(W + 1);
    const take = new Uint8Array(m * (W + 1));
    for (let k = 0; k < m; k++) {
      const w = weight[k]!;
      const v = netF[items[k]!]!;
      const row = k * (W + 1);
      for (let c = W; c >= w; c--) {
        const candidateValue = best[c - w]! + v;
        if (candidateValue > best[c]!) {
          best[c] = candidateValue;
          take[row + c] = 1;
        }
      }
    }
    let c = W;
    for (let k = m - 1; k >= 0; k--) {
      if (take[k * (W + 1) + c] === 1) {
        selected[items[k]!] = 1;
        total += netF[items[k]!]!;
        c -= weight[k]!;
      }
    }
    upper = total;
  } else {
    method = "greedy";
    // Value per cent, descending (zero-cost first); ties by input order (items ascend, the sort
    // is stable).
    const negatedRatio = scratch.float64("recovery.ratio", m);
    for (let k = 0; k < m; k++) {
      const w = weight[k]!;
      negatedRatio[k] = w === 0 ? Number.NEGATIVE_INFINITY : -(netF[items[k]!]! / w);
    }
    const identity = scratch.uint32("recovery.identity", m);
    for (let k = 0; k < m; k++) identity[k] = k;
    const order = sortIndicesByKey(negatedRatio, identity, scratch, "recovery.greedy");
    let room = W;
    let greedyValue = 0;
    let lp = Number.NaN;
    const chosen = scratch.uint8("recovery.chosen", m).fill(0);
    for (let j = 0; j < m; j++) {
      const k = order[j]!;
      const w = weight[k]!;
      const v = netF[items[k]!]!;
      if (w <= room) {
        room -= w;
        greedyValue += v;
        chosen[k] = 1;
      } else if (Number.isNaN(lp)) {
        // Critical item: the fractional (LP) relaxation fills the rest of the budget with it.
        lp = greedyValue + (v * room) / w;
      }
    }
    let bestSingle = -1;
    for (let k = 0; k < m; k++) {
      if (bestSingle < 0 || netF[items[k]!]! > netF[items[bestSingle]!]!) bestSingle = k;
    }
    if (bestSingle >= 0 && netF[items[bestSingle]!]! > greedyValue) {
      selected[items[bestSingle]!] = 1;
      total = netF[items[bestSingle]!]!;
    } else {
      for (let k = 0; k < m; k++) if (chosen[k] === 1) selected[items[k]!] = 1;
      total = greedyValue;
    }
    upper = Number.isNaN(lp) ? greedyValue : Math.max(lp, total);
  }
  const chosenCosts: Decimal[] = [];
  const chosenNets: Decimal[] = [];
  for (let k = 0; k < m; k++) {
    const i = items[k]!;
    if (selected[i] !== 1) continue;
    chosenCosts.push(costs[i]!);
    chosenNets.push(cachedEstimate(netCache, netF[i]!));
  }
  const expectedNetValue = exactSum(chosenNets);
  const bound = new Money(upper);
  return {
    budget,
    method,
    guarantee: method === "exact" ? 1 : 0.5,
    spend: exactSum(chosenCosts),
    expectedNetValue,
    upperBound: method === "exact" || bound.lessThan(expectedNetValue) ? expectedNetValue : bound,
  };
}
