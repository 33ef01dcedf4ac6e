/**
 * Indices grouped by a small integer key, by one counting pass (a counting sort of the indices).
 * @internal
 * @module
 */

/** One bucket of {@link bucketsBySmallKey}: a key and the indices that have it, ascending. @internal */
export interface KeyBucket {
  /** The key. */
  readonly key: number;
  /** The indices `j` with `keyOf(j) === key`, in ascending order. */
  readonly members: Int32Array;
}

/**
 * The indices 0..n−1 grouped by `keyOf(j)`, an integer in [0, keyRange): one bucket per key that
 * occurs, keys ascending, members ascending within a bucket. O(n + keyRange); `keyOf` is called
 * twice per index and must answer the same both times.
 * @internal
 */
export function bucketsBySmallKey(
  n: number,
  keyRange: number,
  keyOf: (j: number) => number,
): KeyBucket[] {
  const counts = new Int32Array(keyRange);
  for (let j = 0; j < n; j++) counts[keyOf(j)]!++;
  const buckets: KeyBucket[] = [];
  const byKey: (Int32Array | undefined)[] = new Array(keyRange);
  for (let key = 0; key < keyRange; key++) {
    if (counts[key] === 0) continue;
    const members = new Int32Array(counts[key]!);
    byKey[key] = members;
    buckets.push({ key, members });
  }
  const fill = new Int32Array(keyRange);
  for (let j = 0; j < n; j++) {
    const key = keyOf(j);
    byKey[key]![fill[key]!++] = j;
  }
  return buckets;
}
