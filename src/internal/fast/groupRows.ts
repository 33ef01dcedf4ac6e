/**
 * Grouping a column of rows by a small integer key (a customer number) so that each group's rows
 * lie side by side: a stable counting sort in two steps — {@link groupByKey} finds where each row
 * goes, {@link scatterInt32} / {@link scatterFloat64} / {@link scatterItems} move the columns there
 * — plus {@link gatherInt32}, its inverse (read a column through a row index). The plain
 * implementation is a stable `Array.prototype.sort` by key; the differential test compares both.
 *
 * Moving each column once into group order lets the per-group pass read memory in order instead of
 * jumping around a million-row column.
 * @internal
 * @module
 */
import type { Scratch } from "./scratch.js";

/** Where {@link groupByKey} puts the rows. @internal */
export interface Grouping {
  /** Group g's rows are at positions `start[g] .. start[g + 1]` (length `groups + 1`). */
  readonly start: Int32Array;
  /** Position of each row in group order (rows of one group keep their input order). */
  readonly position: Int32Array;
}

/**
 * Stable counting sort of rows `0 .. n` by `key[row]` (an integer in `0 .. groups`). The arrays
 * are scratch memory of the caller's lease (buffers `<name>.start` and `<name>.position`).
 * @internal
 */
export function groupByKey(
  scratch: Scratch,
  name: string,
  key: Int32Array,
  n: number,
  groups: number,
): Grouping {
  const start = scratch.int32(`${name}.start`, groups + 1).fill(0);
  for (let k = 0; k < n; k++) start[key[k]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = scratch.int32(`${name}.next`, groups);
  next.set(start.subarray(0, groups));
  const position = scratch.int32(`${name}.position`, n);
  for (let k = 0; k < n; k++) position[k] = next[key[k]!]!++;
  return { start, position };
}

/** Writes `values[k]` to `out[position[k]]` for k in `0 .. n`; returns `out`. @internal */
export function scatterInt32(
  values: Int32Array,
  position: Int32Array,
  n: number,
  out: Int32Array,
): Int32Array {
  for (let k = 0; k < n; k++) out[position[k]!] = values[k]!;
  return out;
}

/** {@link scatterInt32} for a `Float64Array`. @internal */
export function scatterFloat64(
  values: Float64Array,
  position: Int32Array,
  n: number,
  out: Float64Array,
): Float64Array {
  for (let k = 0; k < n; k++) out[position[k]!] = values[k]!;
  return out;
}

/** {@link scatterInt32} for any items, into a new array. @internal */
export function scatterItems<T>(values: readonly T[], position: Int32Array, n: number): T[] {
  const out = new Array<T>(n);
  for (let k = 0; k < n; k++) out[position[k]!] = values[k]!;
  return out;
}

/** Writes `values[index[k]]` to `out[k]` for k in `0 .. n`; returns `out`. @internal */
export function gatherInt32(
  values: Int32Array,
  index: Int32Array,
  n: number,
  out: Int32Array,
): Int32Array {
  for (let k = 0; k < n; k++) out[k] = values[index[k]!]!;
  return out;
}
