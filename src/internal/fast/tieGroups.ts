/**
 * Tie groups of a column of numbers: its distinct values in ascending order and how often each
 * occurs — what a sort followed by run-length counting gives, found by counting instead of sorting
 * when the values allow it.
 * @internal
 * @module
 */

/** The distinct values of a column, ascending, with their multiplicities. @internal */
export interface TieGroups {
  /** The distinct values, strictly ascending; a zero is always `+0`. */
  readonly values: Float64Array;
  /** `counts[g]`: how many entries equal `values[g]` (all ≥ 1; they sum to the entries counted). */
  readonly counts: Int32Array;
  /**
   * How the groups were found, for {@link labelByTieGroup}: every value is k/`scale` for an
   * integer k ≥ `lowest` (`scale` 1 or 100: counted), or `scale` 0 (sorted).
   */
  readonly scale: number;
  /** The smallest k (counting strategies; 0 when sorted). */
  readonly lowest: number;
}

/**
 * Counting is used when the number of buckets is at most this many per entry (or
 * {@link MIN_BUCKETS}), so its cost stays linear in the number of entries.
 */
const BUCKETS_PER_ENTRY = 4;
/** Counting is always allowed up to this many buckets (cheap for small columns). */
const MIN_BUCKETS = 4096;

/**
 * The tie groups of `values[i]` for every `i` in `members` (all entries when `members` is null).
 * The values must be finite; −0 and +0 are one group, reported as `+0`.
 *
 * Three strategies, one result: small-range integers (days, purchase counts) are counted in
 * O(n + range); amounts that are all exact hundredths k/100 (money with cents, where
 * `Math.round(v·100) / 100 === v`, so k orders like v and gives v back) are counted by k; anything
 * else is sorted (O(n log n)). `test/internal/fast/tieGroups.test.ts` checks all three against a
 * sort and a `Map` of counts.
 * @internal
 */
export function tieGroups(values: Float64Array, members: Int32Array | null): TieGroups {
  const n = members === null ? values.length : members.length;
  if (n === 0)
    return { values: new Float64Array(0), counts: new Int32Array(0), scale: 0, lowest: 0 };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let integers = true;
  let hundredths = true;
  for (let i = 0; i < n; i++) {
    const v = values[members === null ? i : members[i]!]!;
    if (v < min) min = v;
    if (v > max) max = v;
    if (integers && !Number.isInteger(v)) integers = false;
    if (hundredths && Math.round(v * 100) / 100 !== v) hundredths = false;
  }
  const limit = Math.max(BUCKETS_PER_ENTRY * n, MIN_BUCKETS);
  if (integers && max - min < limit) return countScaled(values, members, n, min, max, 1);
  if (hundredths && Math.round(max * 100) - Math.round(min * 100) < limit)
    return countScaled(values, members, n, min, max, 100);
  return sortAndCount(values, members, n);
}

/**
 * Tie groups by counting the integers k = round(v·scale) over [round(min·scale),
 * round(max·scale)]; every value must be exactly k/scale.
 */
function countScaled(
  values: Float64Array,
  members: Int32Array | null,
  n: number,
  min: number,
  max: number,
  scale: number,
): TieGroups {
  const lo = Math.round(min * scale);
  const range = Math.round(max * scale) - lo + 1;
  const buckets = new Int32Array(range);
  for (let i = 0; i < n; i++)
    buckets[Math.round(values[members === null ? i : members[i]!]! * scale) - lo]!++;
  let distinct = 0;
  for (let k = 0; k < range; k++) if (buckets[k] !== 0) distinct++;
  const out = new Float64Array(distinct);
  const counts = new Int32Array(distinct);
  let g = 0;
  for (let k = 0; k < range; k++) {
    const c = buckets[k]!;
    if (c === 0) continue;
    out[g] = (k + lo) / scale + 0; // + 0 turns −0 into +0
    counts[g++] = c;
  }
  return { values: out, counts, scale, lowest: lo };
}

/** Tie groups by sorting a copy and counting runs of equal values. */
function sortAndCount(values: Float64Array, members: Int32Array | null, n: number): TieGroups {
  const sorted = new Float64Array(n);
  if (members === null) sorted.set(values);
  else for (let i = 0; i < n; i++) sorted[i] = values[members[i]!]!;
  sorted.sort();
  const out: number[] = [];
  const counts: number[] = [];
  let a = 0;
  while (a < n) {
    const v = sorted[a]!;
    let b = a + 1;
    while (b < n && sorted[b] === v) b++;
    out.push(v + 0);
    counts.push(b - a);
    a = b;
  }
  return { values: Float64Array.from(out), counts: Int32Array.from(counts), scale: 0, lowest: 0 };
}

/**
 * Writes `out[i] = labels[g]` for every `i` in `members` (all entries when null), where g is the
 * tie group of `values[i]` in `groups` (= `tieGroups(values, members)`). The labels must not
 * decrease from one group to the next (a step function of the value, such as a score).
 *
 * Counted groups are labelled through a table indexed by k (one lookup per entry); sorted groups
 * through the values where the label steps up (at most `max label − min label` comparisons per
 * entry, no search among the distinct values).
 * @internal
 */
export function labelByTieGroup(
  values: Float64Array,
  members: Int32Array | null,
  groups: TieGroups,
  labels: Uint8Array,
  out: Uint8Array,
): void {
  const n = members === null ? values.length : members.length;
  const { scale, lowest } = groups;
  if (scale !== 0) {
    const last = groups.values.length - 1;
    const table = new Uint8Array(
      last < 0 ? 0 : Math.round(groups.values[last]! * scale) - lowest + 1,
    );
    for (let g = 0; g <= last; g++)
      table[Math.round(groups.values[g]! * scale) - lowest] = labels[g]!;
    if (scale === 1) {
      for (let i = 0; i < n; i++) {
        const idx = members === null ? i : members[i]!;
        out[idx] = table[values[idx]! - lowest]!;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const idx = members === null ? i : members[i]!;
        out[idx] = table[Math.round(values[idx]! * scale) - lowest]!;
      }
    }
    return;
  }
  // Sorted groups: the first value of each step up, and the label from there on.
  const steps: number[] = [];
  const stepLabels: number[] = [];
  for (let g = 1; g < labels.length; g++) {
    if (labels[g] !== labels[g - 1]) {
      steps.push(groups.values[g]!);
      stepLabels.push(labels[g]!);
    }
  }
  const first = labels[0] ?? 0;
  for (let i = 0; i < n; i++) {
    const idx = members === null ? i : members[i]!;
    const v = values[idx]!;
    let s = 0;
    while (s < steps.length && v >= steps[s]!) s++;
    out[idx] = s === 0 ? first : stepLabels[s - 1]!;
  }
}
