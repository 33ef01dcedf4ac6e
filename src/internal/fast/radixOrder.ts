/**
 * Stable sort of a permutation by float64 keys, by least-significant-digit radix sort on the keys'
 * bits (four passes of 16 bits, skipping passes where every key has the same digit). On a million
 * rows this is several times faster than `Uint32Array.prototype.sort` with a comparator, allocates
 * only a few typed arrays, and — being stable — keeps the incoming order of equal keys, which is how
 * callers break ties deterministically. Also the counting sort of indices by a small integer key
 * ({@link orderBySmallKey}).
 * @internal
 * @module
 */

import type { Scratch } from "./scratch.js";

const RADIX = 1 << 16;
const MASK = RADIX - 1;
const SIGN = 0x80000000;

/**
 * Returns `order` (a permutation of indices into `keys`) sorted stably by ascending `keys[index]`,
 * or by descending keys when `descending` is true (equal keys keep their incoming order either way).
 * Keys must not be NaN; −0 and +0 are treated as equal. The input array is not modified. The work
 * arrays and the result are arrays of the lease `scratch` named after `scratchName` (see
 * `scratch.ts`): the result is valid until the next sort with the same name on that lease.
 * @internal
 */
export function sortIndicesByKey(
  keys: Float64Array,
  order: Uint32Array,
  scratch: Scratch,
  scratchName: string,
  descending = false,
): Uint32Array {
  const n = order.length;
  if (n < 2) return order.slice();
  const work = (part: string) => scratch.uint32(`${scratchName}.${part}`, n);
  const cell = new Float64Array(1);
  const bits = new Uint32Array(cell.buffer);
  let hi = work("hi");
  let lo = work("lo");
  let idx = work("idx");
  idx.set(order);
  // Descending: the complement of the ascending digits (equal keys stay equal, so stable still).
  const flip = descending ? -1 : 0;
  for (let j = 0; j < n; j++) {
    cell[0] = keys[idx[j]!]! + 0; // −0 + 0 = +0
    // Map the IEEE bits to an unsigned integer of the same order (little-endian word order).
    const h = bits[1]!;
    const l = bits[0]!;
    if (h & SIGN) {
      hi[j] = (~h ^ flip) >>> 0;
      lo[j] = (~l ^ flip) >>> 0;
    } else {
      hi[j] = ((h | SIGN) ^ flip) >>> 0;
      lo[j] = (l ^ flip) >>> 0;
    }
  }
  let hi2 = work("hi2");
  let lo2 = work("lo2");
  let idx2 = work("idx2");
  const counts = new Uint32Array(RADIX);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let j = 0; j < n; j++) counts[(word[j]! >>> shift) & MASK]!++;
    if (counts[(word[0]! >>> shift) & MASK] === n) continue; // one digit value: nothing to do
    let total = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = counts[b]!;
      counts[b] = total;
      total += c;
    }
    for (let j = 0; j < n; j++) {
      const to = counts[(word[j]! >>> shift) & MASK]!++;
      hi2[to] = hi[j]!;
      lo2[to] = lo[j]!;
      idx2[to] = idx[j]!;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}

/**
 * The indices `0 … n−1` of `keys` (small integers in `[0, buckets)`) ordered stably by key: a
 * counting sort, O(n + buckets), equal keys in index order. The result is the scratch array
 * `scratchName` of the lease `scratch` (valid until the next request of that name on the lease).
 * @internal
 */
export function orderBySmallKey(
  keys: Uint8Array,
  buckets: number,
  scratch: Scratch,
  scratchName: string,
): Uint32Array {
  const n = keys.length;
  const next = new Uint32Array(buckets + 1);
  for (let i = 0; i < n; i++) next[keys[i]! + 1]!++;
  for (let b = 1; b <= buckets; b++) next[b]! += next[b - 1]!;
  const order = scratch.uint32(scratchName, n);
  for (let i = 0; i < n; i++) order[next[keys[i]!]!++] = i;
  return order;
}
