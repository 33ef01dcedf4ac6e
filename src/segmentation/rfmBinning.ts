/**
 * The binning step of `rfmScores`: quantile scores with ties kept together, scores from cut
 * points, and nested (SPSS) binning. Every measure is given as goodness, larger is better
 * (`rfmScores` passes −days for recency).
 * @internal
 * @module
 */

import { bucketsBySmallKey } from "../internal/fast/keyBuckets.js";
import { tieGroups } from "../internal/fast/tieGroups.js";
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
 * The quantile cut points of `values` restricted to `members` (all when null): for score j = 2 …
 * `bins`, the smallest value whose tie group scores ≥ j by {@link quantileScore} (`null` when no
 * group does). Scores grow with the value, so these cut points score every customer exactly as
 * the rule does ({@link scoreByCutPoints}).
 * @internal
 */
export function quantileCutPoints(
  values: Float64Array,
  members: Int32Array | null,
  bins: number,
  ties: RfmTieRule,
): (number | null)[] {
  const n = members === null ? values.length : members.length;
  const groups = tieGroups(values, members);
  const cuts: (number | null)[] = new Array(bins - 1).fill(null);
  let first = 0;
  let reached = 1;
  for (let g = 0; g < groups.values.length; g++) {
    const count = groups.counts[g]!;
    const score = quantileScore(first, count, n, bins, ties);
    while (reached < score) cuts[++reached - 2] = groups.values[g]!;
    first += count;
  }
  return cuts;
}

/**
 * Scores by cut points (ascending, `bins − 1` of them, `null` = never reached): a value scores
 * 1 + the number of cut points at or below it, so a value equal to a cut point gets the better
 * score. Writes `out[i]` for every `i` in `members` (all when null).
 * @internal
 */
export function scoreByCutPoints(
  values: Float64Array,
  members: Int32Array | null,
  cuts: readonly (number | null)[],
  out: Uint8Array,
): void {
  const k = cuts.length;
  const at = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  for (let j = 0; j < k; j++) if (cuts[j] !== null) at[j] = cuts[j]!;
  const n = members === null ? values.length : members.length;
  for (let i = 0; i < n; i++) {
    const idx = members === null ? i : members[i]!;
    const v = values[idx]!;
    let score = 1;
    while (score <= k && v >= at[score - 1]!) score++;
    out[idx] = score;
  }
}

/** Quantile binning of one measure over `members`: writes the scores, returns the cut points. */
export function quantileBins(
  values: Float64Array,
  members: Int32Array | null,
  bins: number,
  ties: RfmTieRule,
  out: Uint8Array,
): (number | null)[] {
  const cuts = quantileCutPoints(values, members, bins, ties);
  scoreByCutPoints(values, members, cuts, out);
  return cuts;
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
