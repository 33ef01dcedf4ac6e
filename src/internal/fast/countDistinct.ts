/**
 * Counting the distinct values of a short integer list (a customer's purchase periods) without
 * allocating: sort in place, then count the changes. The plain implementation is
 * `new Set(values).size`; the differential test compares both.
 * @internal
 * @module
 */

/**
 * Number of distinct values in `values[0 .. n]`, which it sorts ascending in place (insertion sort
 * for short lists — usually already in order — and the native typed-array sort otherwise).
 * @internal
 */
export function countDistinct(values: Int32Array, n: number): number {
  sortPrefix(values, n);
  let distinct = n === 0 ? 0 : 1;
  for (let j = 1; j < n; j++) if (values[j] !== values[j - 1]) distinct++;
  return distinct;
}

/** Sorts `a[0 .. n]` ascending in place: insertion sort for short runs, native sort otherwise. */
function sortPrefix(a: Int32Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= 0 && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
