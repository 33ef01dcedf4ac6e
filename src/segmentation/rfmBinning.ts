/**
 * The binning step of `rfmScores`: quantile scores with ties kept together, scores from cut
 * points, and nested (SPSS) binning. Every measure is given as goodness, larger is better
 * (`rfmScores` passes −days for recency).
 * @internal
 * @module
 */

import { bucketsBySmallKey } from "../internal/fast/keyBuckets.js";
import { labelByTieGroup, tieGroups } from "../internal/fast/tieGroups.js";
import type { RfmTieRule } from "./rfmScores.js";

/**
 * The RFM quantile score of a tie group — the per-customer rule of `rfmScores`. The customers are
 * ranked by the measure, 0-based and ascending (of `n`); the `count` customers sharing one value
 * occupy ranks `first … first + count − 1` and share one rank r chosen by `ties` (`"min"`: the
 * first, `"max"`: the last, `"average"`: the mid-rank). Every one of them scores
 * `min(bins, ⌊r · bins / n⌋ + 1)`: equal-count bins (Hughes's quintiles, SQL `NTILE` when there
 * are no ties), larger bins first when n is not a multiple of `bins`, ties never split.
 * @internal
 */
export function quantileScore(
  first: number,
  count: number,
  n: number,
  bins: number,
  ties: RfmTieRule,
): number {
  const rank =
    ties === "min" ? first : ties === "max" ? first + count - 1 : first + (count - 1) / 2;
  return Math.min(bins, Math.floor((rank * bins) / n) + 1);
}

/**
 * Quantile binning of one measure over `members` (all customers when null), ties kept together:
 * each tie group gets its {@link quantileScore}, every member the score of its group. Writes the
 * scores into `out` and returns the cut points: for score j = 2 … `bins`, the smallest value
 * scored ≥ j (`null` when none is).
 * @internal
 */
export function quantileBins(
  values: Float64Array,
  members: Int32Array | null,
  bins: number,
  ties: RfmTieRule,
  out: Uint8Array,
): (number | null)[] {
  const n = members === null ? values.length : members.length;
  const groups = tieGroups(values, members);
  const scores = new Uint8Array(groups.values.length);
  const cuts: (number | null)[] = new Array(bins - 1).fill(null);
  let first = 0;
  for (let g = 0; g < scores.length; g++) {
    const count = groups.counts[g]!;
    const score = quantileScore(first, count, n, bins, ties);
    for (let j = g === 0 ? 2 : scores[g - 1]! + 1; j <= score; j++) cuts[j - 2] = groups.values[g]!;
    scores[g] = score;
    first += count;
  }
  labelByTieGroup(values, members, groups, scores, out);
  return cuts;
}

/**
 * Scores by your cut points (ascending, `bins − 1` of them): a value scores 1 + the number of cut
 * points at or below it, so a value equal to a cut point gets the better score.
 * @internal
 */
export function scoreByCutPoints(
  values: Float64Array,
  cuts: readonly number[],
  out: Uint8Array,
): void {
  const k = cuts.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let score = 1;
    while (score <= k && v >= cuts[score - 1]!) score++;
    out[i] = score;
  }
}

/** Cut points of nested binning, per group (see `RfmNestedCutPoints`). @internal */
export interface NestedCuts {
  readonly purchases: { recencyScore: number; cutPoints: (number | null)[] }[];
  readonly totalSpend: {
    recencyScore: number;
    frequencyScore: number;
    cutPoints: (number | null)[];
  }[];
}

/**
 * Nested binning (SPSS): frequency binned within each recency score, monetary within each
 * (recency, frequency) pair; the recency scores `rs` must be written already.
 * @internal
 */
export function nestedBins(
  f: Float64Array,
  m: Float64Array,
  rs: Uint8Array,
  fs: Uint8Array,
  ms: Uint8Array,
  bins: number,
  ties: RfmTieRule,
): NestedCuts {
  const n = rs.length;
  const purchases = bucketsBySmallKey(n, 10, (j) => rs[j]!).map(({ key, members }) => ({
    recencyScore: key,
    cutPoints: quantileBins(f, members, bins, ties, fs),
  }));
  const totalSpend = bucketsBySmallKey(n, 100, (j) => rs[j]! * 10 + fs[j]!).map(
    ({ key, members }) => ({
      recencyScore: Math.floor(key / 10),
      frequencyScore: key % 10,
      cutPoints: quantileBins(m, members, bins, ties, ms),
    }),
  );
  return { purchases, totalSpend };
}
