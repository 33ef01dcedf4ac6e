/**
 * Order statistics of float64 columns without sorting them: the k-th smallest value by three-way
 * quickselect (Hoare 1961, "Algorithm 65: Find"; median-of-three pivot), and the nearest-rank
 * percentile built on it. Expected linear time; after 64 partitioning rounds (adversarial input) the
 * remaining range is sorted instead, so the worst case is O(n log n).
 * @internal
 * @module
 */

/**
 * The `k`-th smallest value (0-based) of `values`, which is reordered in place (values below it end
 * up before it, values above after it). Values must not be NaN; −0 and +0 compare equal, so either
 * may be returned where a sort would hold the other (see {@link nearestRankPercentile}).
 * @internal
 */
export function selectKth(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  for (let round = 0; lo < hi; round++) {
    if (round === 64) return values.subarray(lo, hi + 1).sort()[k - lo]!;
    const x = values[lo]!;
    const y = values[(lo + hi) >>> 1]!;
    const z = values[hi]!;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = values[i]!;
      if (v < pivot) {
        values[i] = values[lt]!;
        values[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt]!;
        values[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return values[k]!;
}

/**
 * Nearest-rank percentile of float64 values (no NaN): the value an ascending typed-array sort puts
 * at rank `⌈share·n⌉` (1-based, at least 1), including the sign of a zero (the sort puts −0 before
 * +0); 0 for no values. `values` is reordered in place.
 * @internal
 */
export function nearestRankPercentile(values: Float64Array, share: number): number {
  const n = values.length;
  if (n === 0) return 0;
  const k = Math.max(1, Math.ceil(share * n)) - 1;
  const v = selectKth(values, k);
  if (v !== 0) return v;
  // The sort puts −0 before +0: rank k holds −0 when more than k values are negative or −0.
  let below = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x < 0 || Object.is(x, -0)) below++;
  }
  return below > k ? -0 : 0;
}
