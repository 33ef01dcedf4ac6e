import { z } from "zod";
import { CustomerTable, isReadonlyMap } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import { type Decimal as DecimalValue, readMoney } from "../core/money.js";
import { parseInput } from "../core/validate.js";

const FN = "rfmScores";

/** The three RFM measures of one customer, as {@link rfmScores} reads them (an {@link RfmRow} fits). */
export interface RfmValues {
  /** Days (or any unit) since the last purchase; smaller is better. */
  readonly recency: number;
  /** Number of purchases; larger is better. */
  readonly frequency: number;
  /** Spend (total or mean, your choice); larger is better. A `Decimal` is compared as a float64. */
  readonly monetary: number | DecimalValue;
}

/**
 * How a tie group (customers with equal values) whose rank range straddles a quantile boundary is
 * placed. Ties are never split: every customer of the group gets the same score.
 * - `"min"`: the group gets the bin of its lowest-ranked member (SQL `RANK`, pandas `rank(method="min")`);
 * - `"average"`: the bin of its mid-rank (pandas `rank(method="average")`);
 * - `"max"`: the bin of its highest-ranked member (pandas `rank(method="max")`).
 */
export type RfmTieRule = "min" | "average" | "max";

/** User cut points, listed from the one that earns score 2 to the one that earns score `bins`. */
export interface RfmThresholds {
  /** Recency cut points in days, strictly decreasing: `recency ≤ cᵢ` earns at least score i + 1. */
  readonly recency: readonly number[];
  /** Frequency cut points, strictly increasing: `frequency ≥ cᵢ` earns at least score i + 1. */
  readonly frequency: readonly number[];
  /** Monetary cut points, strictly increasing: `monetary ≥ cᵢ` earns at least score i + 1. */
  readonly monetary: readonly number[];
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

/** The scores of one customer. */
export interface RfmScore {
  /** Recency score, 1..bins; `bins` = most recent. */
  readonly recency: number;
  /** Frequency score, 1..bins; `bins` = most frequent. */
  readonly frequency: number;
  /** Monetary score, 1..bins; `bins` = highest spend. */
  readonly monetary: number;
  /** The three digits R, F, M as a string, e.g. `"545"` (equals `100·R + 10·F + M` in decimal). */
  readonly code: string;
  /** R + F + M, in 3..3·bins. */
  readonly sum: number;
}

/**
 * Cut points actually used, listed from the one that earns score 2 to the one that earns score
 * `bins` (`bins − 1` entries, in the directions of {@link RfmThresholds}). A repeated value means an
 * empty bin; `null` means no customer reached that score or any higher one.
 */
export interface RfmCutPoints {
  /** Recency cut points (days, decreasing): `recency ≤ c` earns the next score. */
  readonly recency: readonly (number | null)[];
  /** Frequency cut points (increasing): `frequency ≥ c` earns the next score. Empty when nested. */
  readonly frequency: readonly (number | null)[];
  /** Monetary cut points (increasing): `monetary ≥ c` earns the next score. Empty when nested. */
  readonly monetary: readonly (number | null)[];
}

/** Per-group cut points of nested binning. */
export interface RfmNestedCutPoints {
  /** Frequency cut points within each recency score (key `"5"` = customers with R = 5). */
  readonly frequency: ReadonlyMap<string, readonly (number | null)[]>;
  /** Monetary cut points within each (R, F) pair (key `"54"` = R = 5, F = 4). */
  readonly monetary: ReadonlyMap<string, readonly (number | null)[]>;
}

/** Result of {@link rfmScores}. */
export interface RfmScoresResult {
  /**
   * Scores per customer, in input order (a read-only map; `get` builds its id index on first use).
   * Customers with the same scores share one frozen object.
   */
  readonly scores: ReadonlyMap<string, RfmScore>;
  /** Number of scores per measure. */
  readonly bins: number;
  /** The binning method used. */
  readonly method: "quantile" | "thresholds";
  /** The tie rule used (quantile method). */
  readonly ties: RfmTieRule;
  /** Whether binning was nested. */
  readonly nested: boolean;
  /** The cut points used (for nested binning: recency only; see `nestedCutPoints`). */
  readonly cutPoints: RfmCutPoints;
  /** Group-wise cut points, present only with `nested: true`. */
  readonly nestedCutPoints?: RfmNestedCutPoints;
}

const finiteArray = z.array(z.number().finite());

const optionsSchema = z
  .strictObject({
    bins: z.number().int().min(2).max(9).exactOptional(),
    method: z.enum(["quantile", "thresholds"]).exactOptional(),
    thresholds: z
      .strictObject({ recency: finiteArray, frequency: finiteArray, monetary: finiteArray })
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
        });
        return;
      }
      if (o.nested === true) {
        ctx.addIssue({
          code: "custom",
          path: ["nested"],
          message: 'nested binning needs method "quantile"',
        });
      }
      for (const key of ["recency", "frequency", "monetary"] as const) {
        const cuts = o.thresholds[key];
        if (cuts.length !== bins - 1) {
          ctx.addIssue({
            code: "custom",
            path: ["thresholds", key],
            message: `Expected ${bins - 1} cut points for ${bins} bins, received ${cuts.length}`,
          });
          continue;
        }
        for (let i = 1; i < cuts.length; i++) {
          const ordered = key === "recency" ? cuts[i]! < cuts[i - 1]! : cuts[i]! > cuts[i - 1]!;
          if (!ordered) {
            ctx.addIssue({
              code: "custom",
              path: ["thresholds", key, i],
              message: `Cut points must be strictly ${key === "recency" ? "decreasing (days: the score-2 cut first)" : "increasing"}; ${cuts[i]} follows ${cuts[i - 1]}`,
            });
          }
        }
      }
    } else if (o.thresholds !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["thresholds"],
        message: 'thresholds need method "thresholds"',
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
 * Scores each customer 1..`bins` on recency, frequency and monetary value (higher is better on all
 * three), by quantiles of the data or by your cut points, and combines them into a code and a sum.
 *
 * Quantile method: the customers are ranked by each measure (recency descending, so the most recent
 * rank highest); a customer of rank r (0-based, of n) gets score `⌊r·bins/n⌋ + 1` — equal-count
 * bins as in Hughes's quintiles and SQL `NTILE`, larger bins first when n is not a multiple of
 * `bins`. **Ties are never split**: all customers with the same value share one rank chosen by the
 * `ties` rule (`"min"` default: the group's lowest rank, so a large tie group — say 70 % one-time
 * buyers — all get score 1 and the scores above start where the group ends; `"average"` and
 * `"max"` move the group up). Bins can therefore be unequal or empty, and the cut points returned
 * show exactly where they fell. This is the SPSS "assign ties to the same bin" rule; the
 * alternatives are NTILE / `rank(method="first")` (splits ties: equal customers get different
 * scores) and pandas `qcut(duplicates="drop")` / R `rfm` (fewer bins, labels shift).
 *
 * Threshold method: `frequency ≥ cᵢ` (monetary likewise) or `recency ≤ cᵢ` earns score i + 1 — a
 * cut point belongs to the better bin, like R `rfm`'s `lower ≤ x < upper`.
 *
 * Nested binning (SPSS, `nested: true`): recency is scored on everyone, frequency within each
 * recency score, monetary within each (recency, frequency) pair; F and M are then not comparable
 * across groups but combined codes are spread more evenly.
 *
 * Combined: `code` = the digits R F M (`"545"`, i.e. 100·R + 10·F + M), `sum` = R + F + M.
 *
 * @param rows - RFM measures per customer (e.g. the result of {@link rfmTable})
 * @param options - `bins`, `method`, `thresholds`, `ties`, `nested`
 * @returns scores per customer plus the cut points used
 * @throws {@link InvalidInputError} when `bins` is outside 2..9, thresholds are missing, of the
 *   wrong length, unordered or overlapping, `nested` is combined with thresholds, a measure is not
 *   finite (path `[id].recency` etc.), a key is not a string, or the map yields a different number of
 *   entries than its `size`. Each row's fields are read once.
 * @example
 * ```ts
 * import { rfmScores } from "customer-value";
 * const rows = new Map(
 *   [1, 1, 1, 1, 1, 1, 2, 2, 3, 5].map((f, i) => [`c${i}`, { recency: i, frequency: f, monetary: 10 * f }]),
 * );
 * const result = rfmScores(rows, { bins: 5 });
 * [...result.scores.values()].map((s) => s.frequency); // => [1, 1, 1, 1, 1, 1, 4, 4, 5, 5]
 * result.cutPoints.frequency; // => [2, 2, 2, 3]
 * result.scores.get("c0")?.code; // => "511"
 * result.scores.get("c9")?.sum; // => 11
 * ```
 * @category Segmentation
 * @see Hughes, A. M. (1994). *Strategic Database Marketing*. Probus.
 * @see IBM SPSS Statistics, "RFM Binning" (nested vs independent binning, tie handling).
 */
export function rfmScores(
  rows: ReadonlyMap<string, RfmValues>,
  options: RfmScoresOptions = {},
): RfmScoresResult {
  const opts = parseInput(FN, optionsSchema, options);
  if (!isReadonlyMap(rows))
    throw invalidInput(
      FN,
      [],
      "Expected a Map from customer id to { recency, frequency, monetary }",
    );
  const bins = opts.bins ?? 5;
  const method = opts.method ?? "quantile";
  const ties = opts.ties ?? "min";
  const nested = opts.nested ?? false;
  const n = rows.size;
  const ids: string[] = new Array(n);
  const r = new Float64Array(n);
  const f = new Float64Array(n);
  const m = new Float64Array(n);
  let i = 0;
  rows.forEach((row, id: unknown) => {
    if (typeof id !== "string") {
      throw invalidInput(FN, [], `Expected customer ids (strings) as keys, received ${typeof id}`);
    }
    if (i >= n) throw invalidInput(FN, [], `The map has more entries than its size ${n}`);
    if (typeof row !== "object" || row === null) {
      throw invalidInput(FN, [id], "Expected { recency, frequency, monetary }");
    }
    const rec = row.recency;
    const fre = row.frequency;
    const mon = row.monetary as unknown;
    if (typeof rec !== "number" || !Number.isFinite(rec))
      throw invalidInput(FN, [id, "recency"], "Expected a finite number");
    if (typeof fre !== "number" || !Number.isFinite(fre))
      throw invalidInput(FN, [id, "frequency"], "Expected a finite number");
    let mv = Number.NaN;
    let problem = "Expected a finite number or Decimal";
    if (typeof mon === "number") {
      mv = mon;
    } else if (typeof mon === "object" && mon !== null) {
      // A Decimal (of any copy of decimal.js) is read through the money reader: a malformed or
      // out-of-range one is rejected here, not by a decimal.js error.
      const amount = readMoney(mon);
      if (typeof amount === "string") problem = amount;
      else mv = amount.toNumber();
    }
    if (!Number.isFinite(mv)) throw invalidInput(FN, [id, "monetary"], problem);
    ids[i] = id;
    r[i] = rec === 0 ? 0 : -rec;
    f[i] = fre;
    m[i] = mv;
    i++;
  });
  if (i !== n) throw invalidInput(FN, [], `The map has fewer entries than its size ${n}`);
  const rs = new Uint8Array(n);
  const fs = new Uint8Array(n);
  const ms = new Uint8Array(n);
  let cutPoints: RfmCutPoints;
  let nestedCutPoints: RfmNestedCutPoints | undefined;
  if (method === "thresholds") {
    const t = opts.thresholds!;
    thresholdBins(
      r,
      t.recency.map((c) => (c === 0 ? 0 : -c)),
      rs,
    );
    thresholdBins(f, t.frequency, fs);
    thresholdBins(m, t.monetary, ms);
    cutPoints = { recency: [...t.recency], frequency: [...t.frequency], monetary: [...t.monetary] };
  } else if (!nested) {
    cutPoints = {
      recency: negate(quantileBins(r, null, bins, ties, rs)),
      frequency: quantileBins(f, null, bins, ties, fs),
      monetary: quantileBins(m, null, bins, ties, ms),
    };
  } else {
    const recency = negate(quantileBins(r, null, bins, ties, rs));
    const byR = groupBy(rs, n, (j) => rs[j]!);
    const fCuts = new Map<string, (number | null)[]>();
    for (const [key, members] of byR)
      fCuts.set(String(key), quantileBins(f, members, bins, ties, fs));
    const byRF = groupBy(rs, n, (j) => rs[j]! * 10 + fs[j]!);
    const mCuts = new Map<string, (number | null)[]>();
    for (const [key, members] of byRF)
      mCuts.set(String(key), quantileBins(m, members, bins, ties, ms));
    cutPoints = { recency, frequency: [], monetary: [] };
    nestedCutPoints = { frequency: fCuts, monetary: mCuts };
  }
  // Scores are immutable values with at most 9³ distinct combinations: one frozen object per
  // combination is shared by the customers who have it (saves a million allocations).
  const shared: (RfmScore | undefined)[] = new Array(1000);
  const scoreOf: RfmScore[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const key = rs[j]! * 100 + fs[j]! * 10 + ms[j]!;
    let score = shared[key];
    if (score === undefined) {
      const R = rs[j]!;
      const F = fs[j]!;
      const M = ms[j]!;
      score = Object.freeze({
        recency: R,
        frequency: F,
        monetary: M,
        code: CODES[key]!,
        sum: R + F + M,
      });
      shared[key] = score;
    }
    scoreOf[j] = score;
  }
  const scores = new CustomerTable(ids, scoreOf);
  const result = { scores, bins, method, ties, nested, cutPoints };
  return nestedCutPoints === undefined ? result : { ...result, nestedCutPoints };
}

function groupBy(_: Uint8Array, n: number, key: (j: number) => number): Map<number, Int32Array> {
  const counts = new Map<number, number>();
  for (let j = 0; j < n; j++) counts.set(key(j), (counts.get(key(j)) ?? 0) + 1);
  const groups = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [k, c] of [...counts].sort((a, b) => a[0] - b[0])) {
    groups.set(k, new Int32Array(c));
    fill.set(k, 0);
  }
  for (let j = 0; j < n; j++) {
    const k = key(j);
    const at = fill.get(k)!;
    groups.get(k)![at] = j;
    fill.set(k, at + 1);
  }
  return groups;
}
