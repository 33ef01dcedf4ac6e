import { z } from "zod";
import { IssueCollector, invalidInput } from "../core/errors.js";
import { type MoneyInput, readMoney } from "../core/money.js";
import { checkArray, describeReceived, parseInput } from "../core/validate.js";
import { checkRowKind } from "./rowKind.js";

const FN = "rfmScores";

/**
 * The RFM measures of one customer, as {@link rfmScores} reads them: an {@link RfmRow} of
 * {@link rfmTable} fits as it is. A buy-till-you-die row (`frequency`, `recency`, `T`, from
 * `summarizeTransactions`) does not: its `recency` is the time from the first to the last purchase,
 * the opposite of `daysSinceLastPurchase`, so a row carrying `recency` or `T` is a type error and,
 * at run time, an `InvalidInputError` with code `"wrong_row_kind"`.
 */
export interface RfmMeasures {
  /** The customer's id. */
  readonly customerId: string;
  /** Calendar days from the last purchase to the analysis day (RFM recency); smaller is better. */
  readonly daysSinceLastPurchase: number;
  /** Number of purchases, the first one included (RFM frequency); larger is better. */
  readonly purchases: number;
  /** The customer's total spend (RFM monetary value); larger is better. Compared as a float64. */
  readonly totalSpend: MoneyInput;
  /** Not accepted: `recency` is the buy-till-you-die recency (first to last purchase). Use `daysSinceLastPurchase`. */
  readonly recency?: never;
  /** Not accepted: `T` marks a buy-till-you-die row. Use {@link rfmTable}'s rows. */
  readonly T?: never;
}

/**
 * How a tie group (customers with equal values) whose rank range straddles a quantile boundary is
 * placed. Ties are never split: every customer of the group gets the same score.
 * - `"min"`: the group gets the bin of its lowest-ranked member (SQL `RANK`, pandas `rank(method="min")`);
 * - `"average"`: the bin of its mid-rank (pandas `rank(method="average")`);
 * - `"max"`: the bin of its highest-ranked member (pandas `rank(method="max")`).
 */
export type RfmTieRule = "min" | "average" | "max";

/**
 * User cut points per measure, named after the measure they cut, listed from the one that earns
 * score 2 to the one that earns score `bins`.
 */
export interface RfmThresholds {
  /** Cut points in days, strictly decreasing: `daysSinceLastPurchase ≤ cᵢ` earns at least recency score i + 2. */
  readonly daysSinceLastPurchase: readonly number[];
  /** Cut points, strictly increasing: `purchases ≥ cᵢ` earns at least frequency score i + 2. */
  readonly purchases: readonly number[];
  /** Cut points, strictly increasing: `totalSpend ≥ cᵢ` earns at least monetary score i + 2. */
  readonly totalSpend: readonly number[];
}

/** Options of {@link rfmScores}. */
export interface RfmScoresOptions {
  /** Number of scores per measure, 2..9 (default 5, quintiles). */
  readonly bins?: number;
  /** `"quantile"` (default): equal-count bins from the data; `"thresholds"`: your cut points. */
  readonly method?: "quantile" | "thresholds";
  /** Cut points for `method: "thresholds"`, `bins − 1` per measure. */
  readonly thresholds?: RfmThresholds;
  /** Tie rule for quantile bins (default `"min"`). */
  readonly ties?: RfmTieRule;
  /** Nested binning (SPSS): F ranked within each R score, M within each (R, F) pair. Default `false`. */
  readonly nested?: boolean;
}

/** The scores of one customer (a row of `rfmScores(...).scores`). */
export interface RfmScoreRow {
  /** The customer's id, from the input row. */
  readonly customerId: string;
  /** Recency score, 1..bins; `bins` = most recent (fewest days since the last purchase). */
  readonly recencyScore: number;
  /** Frequency score, 1..bins; `bins` = most purchases. */
  readonly frequencyScore: number;
  /** Monetary score, 1..bins; `bins` = highest total spend. */
  readonly monetaryScore: number;
  /** The three digits R, F, M as a string, e.g. `"545"` (equals `100·R + 10·F + M` in decimal). */
  readonly rfmCode: string;
  /** R + F + M, in 3..3·bins. */
  readonly scoreSum: number;
}

/**
 * Cut points actually used, per measure, listed from the one that earns score 2 to the one that
 * earns score `bins` (`bins − 1` entries, in the directions of {@link RfmThresholds}). A repeated
 * value means an empty bin; `null` means no customer reached that score or any higher one.
 */
export interface RfmCutPoints {
  /** Days (decreasing): `daysSinceLastPurchase ≤ c` earns the next recency score. */
  readonly daysSinceLastPurchase: readonly (number | null)[];
  /** Purchases (increasing): `purchases ≥ c` earns the next frequency score. Empty when nested. */
  readonly purchases: readonly (number | null)[];
  /** Total spend (increasing): `totalSpend ≥ c` earns the next monetary score. Empty when nested. */
  readonly totalSpend: readonly (number | null)[];
}

/** Purchase cut points of nested binning within one recency score. */
export interface RfmNestedPurchaseCuts {
  /** The recency score of the group. */
  readonly recencyScore: number;
  /** Cut points of `purchases` within the group (increasing). */
  readonly cutPoints: readonly (number | null)[];
}

/** Spend cut points of nested binning within one (recency, frequency) score pair. */
export interface RfmNestedSpendCuts {
  /** The recency score of the group. */
  readonly recencyScore: number;
  /** The frequency score of the group. */
  readonly frequencyScore: number;
  /** Cut points of `totalSpend` within the group (increasing). */
  readonly cutPoints: readonly (number | null)[];
}

/** Per-group cut points of nested binning, one row per non-empty group, in score order. */
export interface RfmNestedCutPoints {
  /** Purchase cut points within each recency score. */
  readonly purchases: readonly RfmNestedPurchaseCuts[];
  /** Total-spend cut points within each (recency, frequency) pair. */
  readonly totalSpend: readonly RfmNestedSpendCuts[];
}

/** Result of {@link rfmScores}: plain data. */
export interface RfmScoresResult {
  /** One row of scores per input row, in input order. */
  readonly scores: RfmScoreRow[];
  /** Number of scores per measure. */
  readonly bins: number;
  /** The binning method used. */
  readonly method: "quantile" | "thresholds";
  /** The tie rule used (quantile method). */
  readonly ties: RfmTieRule;
  /** Whether binning was nested. */
  readonly nested: boolean;
  /** The cut points used (for nested binning: days only; see `nestedCutPoints`). */
  readonly cutPoints: RfmCutPoints;
  /** Group-wise cut points, present only with `nested: true`. */
  readonly nestedCutPoints?: RfmNestedCutPoints;
}

const finiteArray = z.array(z.number().finite());
const MEASURES = ["daysSinceLastPurchase", "purchases", "totalSpend"] as const;

const optionsSchema = z
  .strictObject({
    bins: z.number().int().min(2).max(9).exactOptional(),
    method: z.enum(["quantile", "thresholds"]).exactOptional(),
    thresholds: z
      .strictObject({
        daysSinceLastPurchase: finiteArray,
        purchases: finiteArray,
        totalSpend: finiteArray,
      })
      .exactOptional(),
    ties: z.enum(["min", "average", "max"]).exactOptional(),
    nested: z.boolean().exactOptional(),
  })
  .superRefine((o, ctx) => {
    const bins = o.bins ?? 5;
    const method = o.method ?? "quantile";
    if (method === "thresholds") {
      if (o.thresholds === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["thresholds"],
          message: 'method "thresholds" needs thresholds',
          input: undefined,
          params: { code: "required" },
        });
        return;
      }
      if (o.nested === true) {
        ctx.addIssue({
          code: "custom",
          path: ["nested"],
          message: 'nested binning needs method "quantile"',
          input: o.nested,
          params: { code: "inconsistent" },
        });
      }
      for (const key of MEASURES) {
        const cuts = o.thresholds[key];
        if (cuts.length !== bins - 1) {
          ctx.addIssue({
            code: "custom",
            path: ["thresholds", key],
            message: `Expected ${bins - 1} cut points for ${bins} bins, received ${cuts.length}`,
            input: cuts,
            params: { code: "inconsistent" },
          });
          continue;
        }
        for (let i = 1; i < cuts.length; i++) {
          const days = key === "daysSinceLastPurchase";
          const ordered = days ? cuts[i]! < cuts[i - 1]! : cuts[i]! > cuts[i - 1]!;
          if (!ordered) {
            ctx.addIssue({
              code: "custom",
              path: ["thresholds", key, i],
              message: `Cut points must be strictly ${days ? "decreasing (days: the score-2 cut first)" : "increasing"}; ${cuts[i]} follows ${cuts[i - 1]}`,
              input: cuts[i],
              params: { code: "inconsistent" },
            });
          }
        }
      }
    } else if (o.thresholds !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["thresholds"],
        message: 'thresholds need method "thresholds"',
        input: o.thresholds,
        params: { code: "inconsistent" },
      });
    }
  }) satisfies z.ZodType<unknown, RfmScoresOptions>;

const CODES: string[] = [];
for (let r = 0; r < 10; r++)
  for (let f = 0; f < 10; f++) for (let m = 0; m < 10; m++) CODES.push(`${r}${f}${m}`);

/**
 * Quantile scores of `values` (goodness: larger is better) restricted to `members` (indices), with
 * ties kept together. Writes scores into `out` and returns the goodness cut points.
 */
function quantileBins(
  values: Float64Array,
  members: Int32Array | null,
  bins: number,
  ties: RfmTieRule,
  out: Uint8Array,
): (number | null)[] {
  const n = members === null ? values.length : members.length;
  // Small-integer measures (days, purchase counts) are grouped by a histogram in O(n + range);
  // anything else is sorted.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  for (let i = 0; i < n; i++) {
    const v = values[members === null ? i : members[i]!]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
  }
  const distinct: number[] = [];
  const groupScore: number[] = [];
  const scoreOf = (a: number, b: number): number => {
    const rank = ties === "min" ? a : ties === "max" ? b - 1 : (a + b - 1) / 2;
    return Math.min(bins, Math.floor((rank * bins) / n) + 1);
  };
  if (n > 0 && integers && max - min <= Math.max(4 * n, 4096)) {
    const range = max - min + 1;
    const counts = new Int32Array(range);
    for (let i = 0; i < n; i++) counts[values[members === null ? i : members[i]!]! - min]!++;
    const byValue = new Uint8Array(range);
    let a = 0;
    for (let v = 0; v < range; v++) {
      const c = counts[v]!;
      if (c === 0) continue;
      const score = scoreOf(a, a + c);
      distinct.push(v + min === 0 ? 0 : v + min);
      groupScore.push(score);
      byValue[v] = score;
      a += c;
    }
    for (let i = 0; i < n; i++) {
      const idx = members === null ? i : members[i]!;
      out[idx] = byValue[values[idx]! - min]!;
    }
    return cutPointsOf(distinct, groupScore, bins);
  }
  const groups =
    n > 0 && !integers
      ? hundredthsHistogram(values, members, n, min, max, scoreOf, out)
      : undefined;
  if (groups !== undefined) return cutPointsOf(groups.distinct, groups.groupScore, bins);
  const sorted = new Float64Array(n);
  if (members === null) sorted.set(values);
  else for (let i = 0; i < n; i++) sorted[i] = values[members[i]!]!;
  sorted.sort();
  // distinct values and the score of each tie group
  let a = 0;
  while (a < n) {
    const v = sorted[a]!;
    let b = a + 1;
    while (b < n && sorted[b] === v) b++;
    distinct.push(v);
    groupScore.push(scoreOf(a, b));
    a = b;
  }
  // Scores grow with the value, so a value's score is 1 + the number of cut points at or below
  // it: at most bins − 1 comparisons per customer instead of a search among the distinct values.
  const cuts = cutPointsOf(distinct, groupScore, bins);
  const thresholds = new Float64Array(bins - 1).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < bins - 1; j++) {
    const c = cuts[j];
    if (c !== null && c !== undefined) thresholds[j] = c;
  }
  const count = members === null ? values.length : members.length;
  for (let i = 0; i < count; i++) {
    const idx = members === null ? i : members[i]!;
    const v = values[idx]!;
    let score = 1;
    while (score < bins && v >= thresholds[score - 1]!) score++;
    out[idx] = score;
  }
  return cuts;
}

/** Tie groups found by {@link hundredthsHistogram}: the distinct values and the score of each. */
interface TieGroups {
  readonly distinct: number[];
  readonly groupScore: number[];
}

/**
 * The histogram path for amounts in hundredths (money with cents): when every value v is exactly
 * k/100 for an integer k (`Math.round(v·100) / 100 === v`, so k orders like v and k/100 gives v
 * back), no value is zero (keeps the sign of a zero cut point as the sorting path has it) and the
 * range of k is small, the tie groups come from counting k instead of sorting. Returns undefined
 * (and does nothing) otherwise; on success fills `out` and returns the tie groups.
 */
function hundredthsHistogram(
  values: Float64Array,
  members: Int32Array | null,
  n: number,
  min: number,
  max: number,
  scoreOf: (a: number, b: number) => number,
  out: Uint8Array,
): TieGroups | undefined {
  const lo = Math.round(min * 100);
  const range = Math.round(max * 100) - lo + 1;
  if (!(range <= Math.max(4 * n, 4096))) return undefined;
  for (let i = 0; i < n; i++) {
    const v = values[members === null ? i : members[i]!]!;
    if (v === 0 || Math.round(v * 100) / 100 !== v) return undefined;
  }
  const counts = new Int32Array(range);
  for (let i = 0; i < n; i++)
    counts[Math.round(values[members === null ? i : members[i]!]! * 100) - lo]!++;
  const byValue = new Uint8Array(range);
  const distinct: number[] = [];
  const groupScore: number[] = [];
  let a = 0;
  for (let k = 0; k < range; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    const score = scoreOf(a, a + c);
    distinct.push((k + lo) / 100);
    groupScore.push(score);
    byValue[k] = score;
    a += c;
  }
  for (let i = 0; i < n; i++) {
    const idx = members === null ? i : members[i]!;
    out[idx] = byValue[Math.round(values[idx]! * 100) - lo]!;
  }
  return { distinct, groupScore };
}

/** Cut point for score j = the smallest value scored ≥ j (null when none). */
function cutPointsOf(
  distinct: readonly number[],
  groupScore: readonly number[],
  bins: number,
): (number | null)[] {
  const cuts: (number | null)[] = new Array(bins - 1).fill(null);
  for (let g = distinct.length - 1; g >= 0; g--) {
    const s = groupScore[g]!;
    for (let j = 2; j <= s; j++) cuts[j - 2] = distinct[g]!;
  }
  return cuts;
}

function thresholdBins(values: Float64Array, cuts: readonly number[], out: Uint8Array): void {
  const k = cuts.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let s = 1;
    while (s <= k && v >= cuts[s - 1]!) s++;
    out[i] = s;
  }
}

function negate(cuts: readonly (number | null)[]): (number | null)[] {
  return cuts.map((c) => (c === null ? null : c === 0 ? 0 : -c));
}

/**
 * Scores each customer 1..`bins` on recency (days since the last purchase), frequency (purchases)
 * and monetary value (total spend) — higher is better on all three — by quantiles of the data or
 * by your cut points, and combines them into a code and a sum.
 *
 * Quantile method: the customers are ranked by each measure (`daysSinceLastPurchase` descending,
 * so the most recent rank highest); a customer of rank r (0-based, of n) gets score
 * `⌊r·bins/n⌋ + 1` — equal-count bins as in Hughes's quintiles and SQL `NTILE`, larger bins first
 * when n is not a multiple of `bins`. **Ties are never split**: all customers with the same value
 * share one rank chosen by the `ties` rule (`"min"` default: the group's lowest rank, so a large
 * tie group — say 70 % one-time buyers — all get score 1 and the scores above start where the group
 * ends; `"average"` and `"max"` move the group up). Bins can therefore be unequal or empty, and the
 * cut points returned show exactly where they fell. This is the SPSS "assign ties to the same bin"
 * rule; the alternatives are NTILE / `rank(method="first")` (splits ties: equal customers get
 * different scores) and pandas `qcut(duplicates="drop")` / R `rfm` (fewer bins, labels shift).
 *
 * Threshold method: `purchases ≥ cᵢ` (`totalSpend` likewise) or `daysSinceLastPurchase ≤ cᵢ` earns
 * score i + 2 — a cut point belongs to the better bin, like R `rfm`'s `lower ≤ x < upper`.
 *
 * Nested binning (SPSS, `nested: true`): recency is scored on everyone, frequency within each
 * recency score, monetary within each (recency, frequency) pair; F and M are then not comparable
 * across groups but combined codes are spread more evenly.
 *
 * Combined: `rfmCode` = the digits R F M (`"545"`, i.e. 100·R + 10·F + M), `scoreSum` = R + F + M.
 *
 * The rows must be RFM rows ({@link rfmTable}'s). A buy-till-you-die row of
 * `summarizeTransactions` is refused (code `"wrong_row_kind"`): its `recency` counts from the first
 * to the last purchase, so scoring it as RFM recency would rank the most loyal customers as the
 * most lapsed.
 *
 * @param customers - RFM measures per customer ({@link rfmTable}'s rows fit as they are)
 * @param options - `bins`, `method`, `thresholds`, `ties`, `nested`
 * @returns one row of scores per customer, in input order, plus the cut points used
 * @throws {@link InvalidInputError} listing every problem: an option out of range or inconsistent
 *   (`options.bins`, `options.thresholds.purchases`, …); a row that is not an object
 *   (`customers[i]`), a customer id that is not a string (`customers[i].customerId`), a measure
 *   that is missing or not finite (`customers[i].daysSinceLastPurchase`, `.purchases`,
 *   `.totalSpend`); a buy-till-you-die row (`customers[i].recency` or `.T`, code
 *   `"wrong_row_kind"`). Each row's fields are read once.
 * @example
 * ```ts
 * import { rfmScores } from "customer-value";
 * const customers = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5].map((purchases, i) => ({
 *   customerId: `c${i}`,
 *   daysSinceLastPurchase: i,
 *   purchases,
 *   totalSpend: 10 * purchases,
 * }));
 * const result = rfmScores(customers, { bins: 5 });
 * result.scores.map((s) => s.frequencyScore); // => [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
 * result.cutPoints.purchases; // => [2, 2, 2, 3]
 * result.scores[0]; // => { customerId: "c0", recencyScore: 5, frequencyScore: 1, monetaryScore: 1, rfmCode: "511", scoreSum: 7 }
 * result.scores[9]?.scoreSum; // => 11
 * ```
 * @category Segmentation
 * @see Hughes, A. M. (1994). *Strategic Database Marketing*. Probus.
 * @see IBM SPSS Statistics, "RFM Binning" (nested vs independent binning, tie handling).
 */
export function rfmScores(
  customers: readonly RfmMeasures[],
  options: RfmScoresOptions = {},
): RfmScoresResult {
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  checkArray(FN, customers, "an array of RFM rows", ["customers"]);
  const bins = opts.bins ?? 5;
  const method = opts.method ?? "quantile";
  const ties = opts.ties ?? "min";
  const nested = opts.nested ?? false;
  const n = customers.length;
  const ids: string[] = new Array(n);
  const r = new Float64Array(n);
  const f = new Float64Array(n);
  const m = new Float64Array(n);
  // Fast pass: every field read once into a local that is both checked and used. The first bad
  // row stops it; the report pass then lists every problem.
  for (let i = 0; i < n; i++) {
    const row = customers[i];
    if (typeof row !== "object" || row === null) reportRows(customers);
    const {
      customerId,
      daysSinceLastPurchase: days,
      purchases,
      totalSpend,
      recency,
      T,
    } = row as unknown as Record<string, unknown>;
    if (
      typeof customerId !== "string" ||
      recency !== undefined ||
      T !== undefined ||
      typeof days !== "number" ||
      !Number.isFinite(days) ||
      typeof purchases !== "number" ||
      !Number.isFinite(purchases)
    ) {
      reportRows(customers);
    }
    let spend: number;
    if (
      typeof totalSpend === "number" &&
      Number.isFinite(totalSpend) &&
      Math.abs(totalSpend) < 1e21
    ) {
      spend = totalSpend;
    } else {
      const amount = readMoney(totalSpend);
      if (typeof amount === "string") reportRows(customers);
      spend = (amount as Exclude<typeof amount, string>).toNumber();
    }
    ids[i] = customerId;
    r[i] = days === 0 ? 0 : -days;
    f[i] = purchases;
    m[i] = spend;
  }
  const rs = new Uint8Array(n);
  const fs = new Uint8Array(n);
  const ms = new Uint8Array(n);
  let cutPoints: RfmCutPoints;
  let nestedCutPoints: RfmNestedCutPoints | undefined;
  if (method === "thresholds") {
    const t = opts.thresholds!;
    thresholdBins(
      r,
      t.daysSinceLastPurchase.map((c) => (c === 0 ? 0 : -c)),
      rs,
    );
    thresholdBins(f, t.purchases, fs);
    thresholdBins(m, t.totalSpend, ms);
    cutPoints = {
      daysSinceLastPurchase: [...t.daysSinceLastPurchase],
      purchases: [...t.purchases],
      totalSpend: [...t.totalSpend],
    };
  } else if (!nested) {
    cutPoints = {
      daysSinceLastPurchase: negate(quantileBins(r, null, bins, ties, rs)),
      purchases: quantileBins(f, null, bins, ties, fs),
      totalSpend: quantileBins(m, null, bins, ties, ms),
    };
  } else {
    const days = negate(quantileBins(r, null, bins, ties, rs));
    const purchaseCuts: RfmNestedPurchaseCuts[] = [];
    for (const [key, members] of groupBy(n, (j) => rs[j]!))
      purchaseCuts.push({
        recencyScore: key,
        cutPoints: quantileBins(f, members, bins, ties, fs),
      });
    const spendCuts: RfmNestedSpendCuts[] = [];
    for (const [key, members] of groupBy(n, (j) => rs[j]! * 10 + fs[j]!))
      spendCuts.push({
        recencyScore: Math.floor(key / 10),
        frequencyScore: key % 10,
        cutPoints: quantileBins(m, members, bins, ties, ms),
      });
    cutPoints = { daysSinceLastPurchase: days, purchases: [], totalSpend: [] };
    nestedCutPoints = { purchases: purchaseCuts, totalSpend: spendCuts };
  }
  const scores: RfmScoreRow[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const R = rs[j]!;
    const F = fs[j]!;
    const M = ms[j]!;
    scores[j] = {
      customerId: ids[j]!,
      recencyScore: R,
      frequencyScore: F,
      monetaryScore: M,
      rfmCode: CODES[R * 100 + F * 10 + M]!,
      scoreSum: R + F + M,
    };
  }
  const result = { scores, bins, method, ties, nested, cutPoints };
  return nestedCutPoints === undefined ? result : { ...result, nestedCutPoints };
}

/** The report pass of {@link rfmScores}: lists the problems of every row (up to the cap) and throws. */
function reportRows(customers: readonly unknown[]): never {
  const issues = new IssueCollector();
  for (let i = 0; i < customers.length && !issues.full; i++) {
    const row = customers[i];
    if (typeof row !== "object" || row === null) {
      issues.add(
        ["customers", i],
        `Expected an RFM row { customerId, daysSinceLastPurchase, purchases, totalSpend }, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      );
      continue;
    }
    const { customerId, daysSinceLastPurchase, purchases, totalSpend, recency, T } = row as Record<
      string,
      unknown
    >;
    if (checkRowKind(issues, "customers", i, recency, T)) continue;
    if (typeof customerId !== "string") {
      issues.add(
        ["customers", i, "customerId"],
        `Expected a customer id (string), received ${describeReceived(customerId)}`,
        customerId === undefined ? "required" : "invalid_type",
        customerId,
      );
    }
    for (const [field, value] of [
      ["daysSinceLastPurchase", daysSinceLastPurchase],
      ["purchases", purchases],
    ] as const) {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        issues.add(
          ["customers", i, field],
          `Expected a finite number, received ${describeReceived(value)}`,
          value === undefined ? "required" : "invalid_type",
          value,
        );
      }
    }
    const amount = readMoney(totalSpend);
    if (typeof amount === "string")
      issues.add(
        ["customers", i, "totalSpend"],
        amount,
        totalSpend === undefined ? "required" : "invalid_money",
        totalSpend,
      );
  }
  issues.throwIfAny(FN);
  // The fast pass saw a problem the report pass did not (a getter that changed its answer).
  throw invalidInput(FN, ["customers"], "The rows changed while they were read", "unreadable");
}

/** Members (row indices) of each key, keys ascending. */
function groupBy(n: number, key: (j: number) => number): [number, Int32Array][] {
  const counts = new Int32Array(1000);
  for (let j = 0; j < n; j++) counts[key(j)]!++;
  const groups: [number, Int32Array][] = [];
  const byKey: (Int32Array | undefined)[] = new Array(1000);
  for (let k = 0; k < 1000; k++) {
    if (counts[k] === 0) continue;
    const members = new Int32Array(counts[k]!);
    byKey[k] = members;
    groups.push([k, members]);
  }
  const fill = new Int32Array(1000);
  for (let j = 0; j < n; j++) {
    const k = key(j);
    byKey[k]![fill[k]!++] = j;
  }
  return groups;
}
