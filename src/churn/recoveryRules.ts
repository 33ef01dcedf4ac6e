/**
 * The per-customer rules of `prioritizeRecovery`, each a short pure function: the win-back
 * probability ({@link derivedWinBackProbability}), the expected net value
 * ({@link expectedNetValue}) and the recovery tier, action and reason ({@link classify}, with its
 * outcomes defined right above it). The engine (`recoveryEngine.ts`) applies them to every customer.
 * @internal
 * @module
 */
import type { Decimal } from "../core/money.js";

/**
 * Why a customer left (or is leaving): the firm's own fault (`"own"`), a third party's (a
 * competitor, a partner, another customer: `"third-party"`), beyond anyone's control (moved away,
 * went out of business: `"uncontrollable"`), or not known (`"unknown"`).
 * @category Churn
 */
export type ChurnCause = "own" | "third-party" | "uncontrollable" | "unknown";

/**
 * Value tier of a lost or at-risk customer (the course rule set: 关键客户 key, 普通客户 ordinary,
 * 小客户 small, 劣质客户 not worth recovering), or `"active"`: a customer still likely alive
 * (P(alive) above `aliveThreshold`), who is no recovery case at all.
 * @category Churn
 */
export type RecoveryTier = "key" | "ordinary" | "small" | "not-worth-recovering" | "active";

/**
 * Recommended action (极力挽回 recover strongly, 尽力挽回 recover when possible, 见机行事 minimal
 * effort, 彻底放弃 let go), or `"retain"` for an `"active"` customer: keep serving them as a current
 * customer — no win-back offer, no win-back budget.
 * @category Churn
 */
export type RecoveryAction =
  | "recover-strongly"
  | "recover-when-possible"
  | "minimal-effort"
  | "let-go"
  | "retain";

/** The causes; a cause's position is its code in the engine's columns. @internal */
export const CAUSES = ["own", "third-party", "uncontrollable", "unknown"] as const;

/** Default base win-back probability per cause (before the recency decay). @internal */
export const DEFAULT_BASE_WIN_BACK: Readonly<Record<ChurnCause, number>> = {
  own: 0.5,
  "third-party": 0.3,
  unknown: 0.2,
  uncontrollable: 0.05,
};

/** Default of `options.aliveThreshold`: more likely alive than gone. @internal */
export const DEFAULT_ALIVE_THRESHOLD = 0.5;

/** Default of `options.halfLifeDays`: 26 weeks, about six months. @internal */
export const DEFAULT_HALF_LIFE_DAYS = 182;

/**
 * The documented win-back heuristic: the cause's base probability, halved every `halfLifeDays`
 * days since the last purchase, `base × 0.5^(daysSinceLastPurchase / halfLifeDays)` (Kumar, Bhagwat
 * & Zhang 2015: the reason for defection drives reacquisition, and the chance fades with time).
 * @internal
 */
export function derivedWinBackProbability(
  base: number,
  daysSinceLastPurchase: number,
  halfLifeDays: number,
): number {
  return base * 0.5 ** (daysSinceLastPurchase / halfLifeDays);
}

/**
 * `P(win-back) × second lifetime value − cost` in float64 (Stauss & Friege 1999's regain profit;
 * Thomas, Blattberg & Fox 2004's second lifetime). Not finite when the amounts overflow float64.
 * @internal
 */
export function expectedNetValue(
  winBackProbability: number,
  secondLifetimeValue: number,
  cost: number,
): number {
  return winBackProbability * secondLifetimeValue - cost;
}

/** One outcome of the tier rule: the tier, the action and the reason given for it. @internal */
export interface RecoveryOutcome {
  /** The outcome's position in {@link OUTCOMES} (the engine keeps one byte per customer). */
  readonly code: number;
  readonly tier: RecoveryTier;
  readonly action: RecoveryAction;
  readonly reason: string;
}

/** The outcomes of {@link classify}, by name. */
const OUTCOME = {
  flagged: outcome(
    0,
    "not-worth-recovering",
    "let-go",
    "marked not worth recovering: give up entirely",
  ),
  noValue: outcome(
    1,
    "not-worth-recovering",
    "let-go",
    "no positive value to recover: give up entirely",
  ),
  key: outcome(2, "key", "recover-strongly", "key customer: recover strongly and at once"),
  keyNegative: outcome(
    3,
    "key",
    "recover-strongly",
    "key customer: recover strongly, although the expected net value is not positive",
  ),
  ordinary: outcome(
    4,
    "ordinary",
    "recover-when-possible",
    "ordinary customer with positive expected net value: make a real effort",
  ),
  ordinaryLetGo: outcome(
    5,
    "ordinary",
    "let-go",
    "ordinary customer whose recovery is not expected to pay: let go",
  ),
  smallTry: outcome(
    6,
    "small",
    "minimal-effort",
    "small customer, recovery costs next to nothing: try with minimal effort",
  ),
  smallCostly: outcome(
    7,
    "small",
    "let-go",
    "small customer, recovery costs more than a trivial effort: let go",
  ),
  smallLetGo: outcome(
    8,
    "small",
    "let-go",
    "small customer whose recovery is not expected to pay: let go",
  ),
  retain: outcome(
    9,
    "active",
    "retain",
    "still likely active (P(alive) above the threshold): retain, no win-back spend",
  ),
} as const;
const BASE_OUTCOMES: readonly RecoveryOutcome[] = Object.values(OUTCOME);
/** Each outcome with the note for a cause beyond anyone's control, by the plain outcome's code. */
const WITH_UNCONTROLLABLE_NOTE: readonly RecoveryOutcome[] = BASE_OUTCOMES.map((o) =>
  outcome(
    o.code + BASE_OUTCOMES.length,
    o.tier,
    o.action,
    `${o.reason} (cause beyond anyone's control: expect a low win-back rate)`,
  ),
);

/** Every outcome, by code: the plain ones, then the same with the uncontrollable note. @internal */
export const OUTCOMES: readonly RecoveryOutcome[] = [...BASE_OUTCOMES, ...WITH_UNCONTROLLABLE_NOTE];

function outcome(
  code: number,
  tier: RecoveryTier,
  action: RecoveryAction,
  reason: string,
): RecoveryOutcome {
  return { code, tier, action, reason };
}

/** An amount as float64 and, for comparisons the floats cannot decide, exactly. @internal */
export interface ComparableAmount {
  /** The amount in float64 (finite). */
  float: number;
  /** The amount exactly. */
  exact: Decimal;
}

/** What {@link classify} reads of one customer. @internal */
export interface TierCandidate {
  /** The customer was marked not worth recovering. */
  notWorthRecovering: boolean;
  /** The customer's value. */
  value: ComparableAmount;
  /** The cost of the attempt, float64. */
  cost: number;
  /** {@link expectedNetValue}, as reported (15 significant digits). */
  expectedNetValue: number;
  /** Why the customer left. */
  cause: ChurnCause;
  /** P(alive) when the candidate gave one, else −1. */
  probabilityAlive: number;
}

/** The tier thresholds (options or their percentile defaults). @internal */
export interface TierThresholds {
  /** Value at or above which a customer is key. */
  readonly keyValue: ComparableAmount;
  /** Value below which a customer is small. */
  readonly smallValue: ComparableAmount;
  /** Largest cost of a "trivial effort" for a small customer, float64. */
  readonly smallCostLimit: number;
  /** P(alive) above which a customer is active (retained, not recovered). */
  readonly aliveThreshold: number;
}

/**
 * The recovery tier rule (the course rule set): the customer's tier, action and reason.
 * - marked `notWorthRecovering` → not worth recovering, let go;
 * - P(alive) given and above `aliveThreshold` → active, retain (no recovery tier, no budget);
 * - value ≤ 0 → not worth recovering, let go;
 * - value ≥ `keyValue` → key, recover strongly (even when the expected net value is not positive);
 * - value ≥ `smallValue` → ordinary: recover when possible if the expected net value is positive,
 *   else let go;
 * - otherwise small: minimal effort if the expected net value is positive and the cost is at most
 *   `smallCostLimit`, else let go.
 * An attempted recovery for an uncontrollable cause carries a note that the win-back rate is low.
 * @internal
 */
export function classify(c: TierCandidate, t: TierThresholds): RecoveryOutcome {
  const positive = c.expectedNetValue > 0;
  let o: RecoveryOutcome;
  if (c.notWorthRecovering) o = OUTCOME.flagged;
  else if (c.probabilityAlive > t.aliveThreshold) return OUTCOME.retain;
  else if (!(c.value.float > 0)) o = OUTCOME.noValue;
  else if (atLeast(c.value, t.keyValue)) o = positive ? OUTCOME.key : OUTCOME.keyNegative;
  else if (atLeast(c.value, t.smallValue)) o = positive ? OUTCOME.ordinary : OUTCOME.ordinaryLetGo;
  else if (!positive) o = OUTCOME.smallLetGo;
  else o = c.cost <= t.smallCostLimit ? OUTCOME.smallTry : OUTCOME.smallCostly;
  return c.cause === "uncontrollable" && o.action !== "let-go"
    ? WITH_UNCONTROLLABLE_NOTE[o.code]!
    : o;
}

/** `a ≥ b`, in float64 unless the floats are equal, then exactly. */
function atLeast(a: ComparableAmount, b: ComparableAmount): boolean {
  return a.float === b.float ? a.exact.greaterThanOrEqualTo(b.exact) : a.float > b.float;
}
