import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import {
  type Decimal,
  Money,
  type MoneyInput,
  moneyProblem,
  sumMoney,
  toMoney,
} from "../core/money.js";
import { parseInput } from "../core/validate.js";

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
  /** The customer's id (any string or number; returned unchanged). */
  readonly customerId: string | number;
  /** The customer's value (a CLV, a segment value, first-lifetime profit: money, one unit for all customers); decides the tier. */
  readonly value: MoneyInput;
  /** Why the customer left. */
  readonly cause: ChurnCause;
  /** Cost of the recovery attempt (offer + contact), money ≥ 0. */
  readonly cost: MoneyInput;
  /** Probability in [0, 1] that the attempt wins the customer back; when absent it is derived from `recency` and `cause`. */
  readonly winBackProbability?: number;
  /** Time since the customer's last purchase (or since they left), ≥ 0, in the unit of `options.halfLife`; used only to derive the win-back probability. */
  readonly recency?: number;
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
  /** Recency at which the derived win-back probability has halved (in the unit of `recency`); default 6. */
  readonly halfLife?: number;
  /** Second lifetime value as a share of `value` when a customer has no `secondLifetimeValue`; default 1. */
  readonly secondLifetimeShare?: number;
  /** Largest number of cells (candidates × budget in cents) the exact dynamic programme may use before switching to the greedy rule; default 20,000,000. */
  readonly maxExactCells?: number;
}

/**
 * One customer of a {@link RecoveryPlan}.
 * @category Churn
 */
export interface RecoveryPlanEntry {
  /** The customer's id, as given. */
  readonly customerId: string | number;
  /** Position in the input array. */
  readonly index: number;
  /** Rank by expected net value, 1 = best. */
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
  /** Expected return `P(win-back) × second lifetime value`. */
  readonly expectedReturn: Decimal;
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
  /** Customers ranked by expected net value (descending; ties by tier, then input order). */
  readonly entries: readonly RecoveryPlanEntry[];
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
});
const nonNegativeMoney = moneyField.refine((v) => !toMoney(v).isNegative(), {
  error: "Expected a non-negative amount",
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
  halfLife: z.number().finite().positive().exactOptional(),
  secondLifetimeShare: z.number().finite().nonnegative().exactOptional(),
  maxExactCells: z.number().int().positive().exactOptional(),
}) satisfies z.ZodType<unknown, PrioritizeRecoveryOptions>;

const FN = "prioritizeRecovery";

function money(value: unknown, path: readonly PropertyKey[], nonNegative: boolean): Decimal {
  const problem = moneyProblem(value);
  if (problem !== undefined) throw invalidInput(FN, path, problem);
  const amount = toMoney(value as MoneyInput);
  if (nonNegative && amount.isNegative()) {
    throw invalidInput(FN, path, "Expected a non-negative amount");
  }
  return amount;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Nearest-rank percentile of sorted float values. */
function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return sorted[rank - 1]!;
}

/**
 * Ranks churned or at-risk customers by what winning them back is worth, assigns the course's
 * recovery tiers and actions, and (with a `budget`) selects whom to spend on.
 *
 * For each customer: `expected net value = P(win-back) × second lifetime value − cost` (Stauss &
 * Friege 1999's regain-profit logic; Thomas, Blattberg & Fox 2004's "second lifetime"). The win-back
 * probability is the customer's own when given, otherwise
 * `base[cause] × 0.5^(recency / halfLife)` — a documented heuristic: Kumar, Bhagwat & Zhang (2015)
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
 * Money: value, cost and second lifetime value are exact `Decimal`s; expected values are
 * `Decimal(p) × SLTV − cost`, exact given the float64 probability; totals are exact sums.
 *
 * @param customers - the candidates (see {@link RecoveryCandidate})
 * @param options - budget, thresholds, win-back heuristics (see {@link PrioritizeRecoveryOptions})
 * @returns the ranked plan with thresholds and, with a budget, the selection summary
 * @throws {InvalidInputError} on a win-back probability outside [0, 1], a negative cost, an
 *   unknown cause, a missing probability and recency, an empty input with a budget, a negative
 *   budget, or any other invalid field (the path names the customer and field, e.g. `[2].cost`)
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
 * plan.entries[2]!.action; // => "let-go"
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
  if (!Array.isArray(customers)) {
    throw invalidInput(FN, [], "Expected an array of customers");
  }
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  const budget = opts.budget === undefined ? undefined : toMoney(opts.budget);
  const n = customers.length;
  if (budget !== undefined && n === 0) {
    throw invalidInput(FN, [], "A budget needs at least one customer to spend it on");
  }
  const base: Record<ChurnCause, number> = { ...DEFAULT_BASE, ...opts.baseWinBackProbability };
  const halfLife = opts.halfLife ?? 6;
  const share = opts.secondLifetimeShare ?? 1;
  const shareDecimal = new Money(share);
  const smallCostLimit = toMoney(opts.smallCostLimit ?? 0);

  // One validating pass; values as Decimal and float.
  const values: Decimal[] = new Array(n);
  const costs: Decimal[] = new Array(n);
  const sltvs: Decimal[] = new Array(n);
  const probs = new Float64Array(n);
  const valueFloat = new Float64Array(n);
  const causes: ChurnCause[] = new Array(n);
  const flagged = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c: unknown = customers[i];
    if (!isRecord(c)) throw invalidInput(FN, [i], "Expected a customer object");
    const id = c.customerId;
    if (typeof id !== "string" && (typeof id !== "number" || !Number.isFinite(id))) {
      throw invalidInput(FN, [i, "customerId"], "Expected a string or finite number id");
    }
    const value = money(c.value, [i, "value"], false);
    const cost = money(c.cost, [i, "cost"], true);
    const cause = c.cause;
    if (typeof cause !== "string" || !(CAUSES as readonly string[]).includes(cause)) {
      throw invalidInput(
        FN,
        [i, "cause"],
        `Unknown cause ${JSON.stringify(cause)}: expected one of ${CAUSES.map((k) => `"${k}"`).join(", ")}`,
      );
    }
    causes[i] = cause as ChurnCause;
    const p = c.winBackProbability;
    if (p !== undefined) {
      if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
        throw invalidInput(
          FN,
          [i, "winBackProbability"],
          `Expected a probability in [0, 1], received ${String(p)}`,
        );
      }
      probs[i] = p;
    } else {
      const r = c.recency;
      if (r === undefined) {
        throw invalidInput(
          FN,
          [i, "winBackProbability"],
          "Give winBackProbability, or recency to derive it",
        );
      }
      if (typeof r !== "number" || !Number.isFinite(r) || r < 0) {
        throw invalidInput(
          FN,
          [i, "recency"],
          `Expected a finite number ≥ 0, received ${String(r)}`,
        );
      }
      probs[i] = base[cause as ChurnCause] * 0.5 ** (r / halfLife);
    }
    const s = c.secondLifetimeValue;
    sltvs[i] =
      s === undefined ? value.times(shareDecimal) : money(s, [i, "secondLifetimeValue"], false);
    const flag = c.notWorthRecovering;
    if (flag !== undefined && typeof flag !== "boolean") {
      throw invalidInput(FN, [i, "notWorthRecovering"], "Expected a boolean");
    }
    flagged[i] = flag === true ? 1 : 0;
    values[i] = value;
    costs[i] = cost;
    valueFloat[i] = value.toNumber();
  }

  // Tier thresholds.
  let keyValue: Decimal;
  let smallValue: Decimal;
  if (opts.keyValue === undefined || opts.smallValue === undefined) {
    const sorted = Float64Array.from(valueFloat).sort();
    keyValue =
      opts.keyValue === undefined ? new Money(percentile(sorted, 0.8)) : toMoney(opts.keyValue);
    smallValue =
      opts.smallValue === undefined ? new Money(percentile(sorted, 0.5)) : toMoney(opts.smallValue);
  } else {
    keyValue = toMoney(opts.keyValue);
    smallValue = toMoney(opts.smallValue);
  }
  if (smallValue.greaterThan(keyValue)) {
    throw invalidInput(FN, ["options", "smallValue"], "smallValue must not exceed keyValue");
  }
  const keyF = keyValue.toNumber();
  const smallF = smallValue.toNumber();
  const smallLimitF = smallCostLimit.toNumber();
  const exactThresholds = opts.keyValue !== undefined || opts.smallValue !== undefined;

  const tiers: RecoveryTier[] = new Array(n);
  const actions: RecoveryAction[] = new Array(n);
  const reasons: string[] = new Array(n);
  const returns: Decimal[] = new Array(n);
  const nets: Decimal[] = new Array(n);
  const netF = new Float64Array(n);
  const candidate = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    const expectedReturn = new Money(probs[i]!).times(sltvs[i]!);
    const net = expectedReturn.minus(costs[i]!);
    returns[i] = expectedReturn;
    nets[i] = net;
    const netValue = net.toNumber();
    netF[i] = netValue;
    const v = valueFloat[i]!;
    let tier: RecoveryTier;
    if (flagged[i] === 1 || !value.greaterThan(0)) tier = "not-worth-recovering";
    else if (exactThresholds ? value.greaterThanOrEqualTo(keyValue) : v >= keyF) tier = "key";
    else if (exactThresholds ? value.lessThan(smallValue) : v < smallF) tier = "small";
    else tier = "ordinary";
    tiers[i] = tier;
    const positive = net.greaterThan(0);
    let action: RecoveryAction;
    let reason: string;
    switch (tier) {
      case "not-worth-recovering":
        action = "let-go";
        reason =
          flagged[i] === 1
            ? "marked not worth recovering: give up entirely"
            : "no positive value to recover: give up entirely";
        break;
      case "key":
        action = "recover-strongly";
        reason = positive
          ? "key customer: recover strongly and at once"
          : "key customer: recover strongly, although the expected net value is not positive";
        break;
      case "ordinary":
        action = positive ? "recover-when-possible" : "let-go";
        reason = positive
          ? "ordinary customer with positive expected net value: make a real effort"
          : "ordinary customer whose recovery is not expected to pay: let go";
        break;
      default: {
        const cheap = costs[i]!.toNumber() <= smallLimitF;
        action = positive && cheap ? "minimal-effort" : "let-go";
        reason =
          action === "minimal-effort"
            ? "small customer, recovery costs next to nothing: try with minimal effort"
            : positive
              ? "small customer, recovery costs more than a trivial effort: let go"
              : "small customer whose recovery is not expected to pay: let go";
      }
    }
    if (causes[i] === "uncontrollable" && action !== "let-go") {
      reason += " (cause beyond anyone's control: expect a low win-back rate)";
    }
    actions[i] = action;
    reasons[i] = reason;
    candidate[i] = action !== "let-go" && positive ? 1 : 0;
  }

  const selected = new Uint8Array(n);
  let selection: BudgetSelection | undefined;
  if (budget === undefined) {
    selected.set(candidate);
  } else {
    selection = selectWithinBudget(
      budget,
      costs,
      netF,
      candidate,
      selected,
      nets,
      opts.maxExactCells,
    );
  }

  // Rank: expected net value descending, then tier order, then input order.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => {
    const a = netF[x]!;
    const b = netF[y]!;
    if (a !== b) return b - a;
    const cmp = nets[y]!.comparedTo(nets[x]!);
    if (cmp !== 0) return cmp;
    const t = TIER_ORDER[tiers[x]!] - TIER_ORDER[tiers[y]!];
    return t !== 0 ? t : x - y;
  });
  const entries: RecoveryPlanEntry[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const c = customers[i]!;
    entries[k] = {
      customerId: c.customerId,
      index: i,
      rank: k + 1,
      tier: tiers[i]!,
      action: actions[i]!,
      reason: reasons[i]!,
      value: values[i]!,
      cause: causes[i]!,
      winBackProbability: probs[i]!,
      secondLifetimeValue: sltvs[i]!,
      cost: costs[i]!,
      expectedReturn: returns[i]!,
      expectedNetValue: nets[i]!,
      selected: selected[i] === 1,
    };
  }
  const plan: RecoveryPlan = { entries, thresholds: { keyValue, smallValue } };
  return selection === undefined ? plan : { ...plan, budget: selection };
}

function selectWithinBudget(
  budget: Decimal,
  costs: readonly Decimal[],
  netF: Float64Array,
  candidate: Uint8Array,
  selected: Uint8Array,
  nets: readonly Decimal[],
  maxExactCells: number | undefined,
): BudgetSelection {
  const capacity = budget.times(100).floor().toNumber();
  // Candidates that fit alone; cost in whole cents (rounded up).
  const items: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < candidate.length; i++) {
    if (candidate[i] !== 1) continue;
    const cents = costs[i]!.times(100).ceil().toNumber();
    if (cents > capacity) continue;
    items.push(i);
    weight.push(cents);
  }
  const m = items.length;
  const cells = m * (capacity + 1);
  let method: "exact" | "greedy";
  let upper: Decimal | undefined;
  if (cells <= (maxExactCells ?? 20_000_000)) {
    method = "exact";
    const W = capacity;
    const best = new Float64Array(W + 1);
    const take = new Uint8Array(cells);
    for (let k = 0; k < m; k++) {
      const w = weight[k]!;
      const v = netF[items[k]!]!;
      const row = k * (W + 1);
      for (let c = W; c >= w; c--) {
        const with_ = best[c - w]! + v;
        if (with_ > best[c]!) {
          best[c] = with_;
          take[row + c] = 1;
        }
      }
    }
    let c = W;
    for (let k = m - 1; k >= 0; k--) {
      if (take[k * (W + 1) + c] === 1) {
        selected[items[k]!] = 1;
        c -= weight[k]!;
      }
    }
  } else {
    method = "greedy";
    const order = items.map((_, k) => k);
    // Value per cent, descending; zero-cost items first; ties by input order.
    order.sort((x, y) => {
      const wx = weight[x]!;
      const wy = weight[y]!;
      if (wx === 0 || wy === 0) {
        if (wx === 0 && wy === 0) return items[x]! - items[y]!;
        return wx === 0 ? -1 : 1;
      }
      const d = netF[items[y]!]! / wy - netF[items[x]!]! / wx;
      return d !== 0 ? d : items[x]! - items[y]!;
    });
    let room = capacity;
    let greedyValue = 0;
    let lp: number | undefined;
    let lpPrefix = 0;
    const chosen: number[] = [];
    for (const k of order) {
      const w = weight[k]!;
      const v = netF[items[k]!]!;
      if (w <= room) {
        room -= w;
        greedyValue += v;
        chosen.push(k);
        if (lp === undefined) lpPrefix += v;
      } else if (lp === undefined) {
        // Critical item: the fractional relaxation's bound.
        lp = lpPrefix + (v * (capacity - sumWeights(chosen, weight))) / w;
      }
    }
    let bestSingle = -1;
    for (let k = 0; k < m; k++) {
      if (bestSingle < 0 || netF[items[k]!]! > netF[items[bestSingle]!]!) bestSingle = k;
    }
    if (bestSingle >= 0 && netF[items[bestSingle]!]! > greedyValue) {
      selected[items[bestSingle]!] = 1;
    } else {
      for (const k of chosen) selected[items[k]!] = 1;
    }
    upper = new Money(lp ?? greedyValue);
  }
  const chosenIdx: number[] = [];
  for (let i = 0; i < selected.length; i++) if (selected[i] === 1) chosenIdx.push(i);
  const spend = sumMoney(chosenIdx.map((i) => costs[i]!));
  const total = sumMoney(chosenIdx.map((i) => nets[i]!));
  const upperBound = upper === undefined || upper.lessThan(total) ? total : upper;
  return {
    budget,
    method,
    guarantee: method === "exact" ? 1 : 0.5,
    spend,
    expectedNetValue: total,
    upperBound,
  };
}

function sumWeights(chosen: readonly number[], weight: readonly number[]): number {
  let s = 0;
  for (const k of chosen) s += weight[k]!;
  return s;
}
