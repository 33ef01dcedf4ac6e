import type { MoneyInput } from "../core/money.js";
import { checkArray, parseInput } from "../core/validate.js";
import { nestedBins, quantileBins, scoreByCutPoints } from "./rfmBinning.js";
import { type RfmColumns, readRfmColumns, rfmScoresOptionsSchema } from "./rfmScoresInput.js";

const FN = "rfmScores";

/**
 * The RFM measures of one customer, as {@link rfmScores} reads them: an {@link RfmRow} of
 * {@link rfmTable} fits as it is. A buy-till-you-die row (`frequency`, `recency`, `T`, from
 * `summarizeTransactions`) does not: its `recency` is the time from the first to the last purchase,
 * the opposite of `daysSinceLastPurchase`, so a row carrying `recency` or `T` is a type error and,
 * at run time, an `InvalidInputError` with code `"wrong_row_kind"`.
 * @category Segmentation
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
 * @category Segmentation
 */
export type RfmTieRule = "min" | "average" | "max";

/**
 * User cut points per measure, named after the measure they cut, listed from the one that earns
 * score 2 to the one that earns score `bins`.
 * @category Segmentation
 */
export interface RfmThresholds {
  /** Cut points in days, strictly decreasing: `daysSinceLastPurchase ≤ cᵢ` earns at least recency score i + 2. */
  readonly daysSinceLastPurchase: readonly number[];
  /** Cut points, strictly increasing: `purchases ≥ cᵢ` earns at least frequency score i + 2. */
  readonly purchases: readonly number[];
  /** Cut points, strictly increasing: `totalSpend ≥ cᵢ` earns at least monetary score i + 2. */
  readonly totalSpend: readonly number[];
}

/**
 * Options of {@link rfmScores}.
 * @category Segmentation
 */
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

/**
 * The scores of one customer (a row of `rfmScores(...).scores`).
 * @category Segmentation
 */
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
 * @category Segmentation
 */
export interface RfmCutPoints {
  /** Days (decreasing): `daysSinceLastPurchase ≤ c` earns the next recency score. */
  readonly daysSinceLastPurchase: readonly (number | null)[];
  /** Purchases (increasing): `purchases ≥ c` earns the next frequency score. Empty when nested. */
  readonly purchases: readonly (number | null)[];
  /** Total spend (increasing): `totalSpend ≥ c` earns the next monetary score. Empty when nested. */
  readonly totalSpend: readonly (number | null)[];
}

/**
 * Purchase cut points of nested binning within one recency score.
 * @category Segmentation
 */
export interface RfmNestedPurchaseCuts {
  /** The recency score of the group. */
  readonly recencyScore: number;
  /** Cut points of `purchases` within the group (increasing). */
  readonly cutPoints: readonly (number | null)[];
}

/**
 * Spend cut points of nested binning within one (recency, frequency) score pair.
 * @category Segmentation
 */
export interface RfmNestedSpendCuts {
  /** The recency score of the group. */
  readonly recencyScore: number;
  /** The frequency score of the group. */
  readonly frequencyScore: number;
  /** Cut points of `totalSpend` within the group (increasing). */
  readonly cutPoints: readonly (number | null)[];
}

/**
 * Per-group cut points of nested binning, one row per non-empty group, in score order.
 * @category Segmentation
 */
export interface RfmNestedCutPoints {
  /** Purchase cut points within each recency score. */
  readonly purchases: readonly RfmNestedPurchaseCuts[];
  /** Total-spend cut points within each (recency, frequency) pair. */
  readonly totalSpend: readonly RfmNestedSpendCuts[];
}

/**
 * Result of {@link rfmScores}: plain data.
 * @category Segmentation
 */
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
 * The rule is one short function, `quantileScore` in `src/segmentation/rfmBinning.ts`; the scores
 * are then applied through the cut points it implies.
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
  const opts = parseInput(FN, rfmScoresOptionsSchema, options, ["options"]);
  checkArray(FN, customers, "an array of RFM rows", ["customers"]);
  const bins = opts.bins ?? 5;
  const method = opts.method ?? "quantile";
  const ties = opts.ties ?? "min";
  const nested = opts.nested ?? false;
  const columns = readRfmColumns(customers);
  const binned =
    method === "thresholds"
      ? thresholdScores(columns, opts.thresholds!)
      : quantileScores(columns, bins, ties, nested);
  const scores = scoreRows(columns.ids, binned);
  const result = { scores, bins, method, ties, nested, cutPoints: binned.cutPoints };
  return binned.nestedCutPoints === undefined
    ? result
    : { ...result, nestedCutPoints: binned.nestedCutPoints };
}

/** The three scores of every customer (1..bins each) and the cut points that produced them. */
interface Binned {
  readonly recency: Uint8Array;
  readonly frequency: Uint8Array;
  readonly monetary: Uint8Array;
  readonly cutPoints: RfmCutPoints;
  readonly nestedCutPoints?: RfmNestedCutPoints;
}

/** The threshold method: your cut points, days negated into goodness. */
function thresholdScores(columns: RfmColumns, thresholds: RfmThresholds): Binned {
  const n = columns.ids.length;
  const binned = {
    recency: new Uint8Array(n),
    frequency: new Uint8Array(n),
    monetary: new Uint8Array(n),
    cutPoints: {
      daysSinceLastPurchase: [...thresholds.daysSinceLastPurchase],
      purchases: [...thresholds.purchases],
      totalSpend: [...thresholds.totalSpend],
    },
  };
  const days = thresholds.daysSinceLastPurchase.map((c) => -c + 0);
  scoreByCutPoints(columns.recency, days, binned.recency);
  scoreByCutPoints(columns.frequency, thresholds.purchases, binned.frequency);
  scoreByCutPoints(columns.monetary, thresholds.totalSpend, binned.monetary);
  return binned;
}

/** The quantile method, independent or nested. */
function quantileScores(
  columns: RfmColumns,
  bins: number,
  ties: RfmTieRule,
  nested: boolean,
): Binned {
  const n = columns.ids.length;
  const recency = new Uint8Array(n);
  const frequency = new Uint8Array(n);
  const monetary = new Uint8Array(n);
  const days = negate(quantileBins(columns.recency, null, bins, ties, recency));
  if (nested) {
    const { frequency: f, monetary: m } = columns;
    const nestedCutPoints = nestedBins(f, m, recency, frequency, monetary, bins, ties);
    const cutPoints = { daysSinceLastPurchase: days, purchases: [], totalSpend: [] };
    return { recency, frequency, monetary, cutPoints, nestedCutPoints };
  }
  const cutPoints = {
    daysSinceLastPurchase: days,
    purchases: quantileBins(columns.frequency, null, bins, ties, frequency),
    totalSpend: quantileBins(columns.monetary, null, bins, ties, monetary),
  };
  return { recency, frequency, monetary, cutPoints };
}

/** The result rows: one plain object per customer, in input order. */
function scoreRows(ids: readonly string[], binned: Binned): RfmScoreRow[] {
  const { recency, frequency, monetary } = binned;
  const n = ids.length;
  const scores: RfmScoreRow[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const R = recency[j]!;
    const F = frequency[j]!;
    const M = monetary[j]!;
    scores[j] = {
      customerId: ids[j]!,
      recencyScore: R,
      frequencyScore: F,
      monetaryScore: M,
      rfmCode: RFM_CODES[R * 100 + F * 10 + M]!,
      scoreSum: R + F + M,
    };
  }
  return scores;
}

/** The code strings `"000"` … `"999"`, indexed by 100·R + 10·F + M (built once, read-only). */
const RFM_CODES: readonly string[] = Object.freeze(
  Array.from({ length: 1000 }, (_, k) => String(k).padStart(3, "0")),
);

/** Days ↔ goodness: cut points negated (zero stays +0). */
function negate(cuts: readonly (number | null)[]): (number | null)[] {
  return cuts.map((c) => (c === null ? null : -c + 0));
}
