/**
 * Compression of validated customer histories into weighted distinct rows — the columns every
 * likelihood sums over (each distinct history once, times its multiplicity) — and their indexes.
 * Validation is in historyValidation.ts; the merging hash table in internal/fast/rowTable.ts.
 * @internal
 * @module
 */
import { invalidInput } from "../core/errors.js";
import { RowTable } from "../internal/fast/rowTable.js";
import {
  checkRows,
  countWeight,
  historyRowIssues,
  isValidHistory,
  throwRowIssues,
} from "./historyValidation.js";

/** The slow-path lister of every bad row, re-exported for the fits that import it from here. @internal */
export { throwRowIssues };

/** Distinct histories (columns) with their multiplicities. @internal */
export interface CompressedHistories {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Total weight (customers). */
  readonly customers: number;
  /** Σ w·x over all rows. */
  readonly totalRepeat: number;
  /** Largest T. */
  readonly maxT: number;
}

/**
 * The indices 0…n−1 of distinct rows (a, b, c) sorted by a, then b, then c: the canonical order in
 * which a likelihood sums its rows. Floating-point addition is not associative, so summing in
 * first-seen order would let the order of the input rows change the last bits of the likelihood and
 * with them, on a flat likelihood, the optimiser's path and outcome; in this order it cannot.
 * Rows are distinct, so the order is total.
 * @internal
 */
export function canonicalOrder(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
  n: number,
): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((i, j) => a[i]! - a[j]! || b[i]! - b[j]! || c[i]! - c[j]!);
}

/** `values` at the positions of `order` (a new array; −0 becomes 0). @internal */
export function permute(values: Float64Array, order: Uint32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = values[order[k]!]! + 0;
  return out;
}

/**
 * Validates purchase-history rows and compresses identical `(frequency, recency, T)` rows.
 * With `requireRepeat`, data without any repeat purchase is rejected (no finite maximiser).
 * Paths name the rows by `argument` (default `"customers"`): `customers[3].recency`; a bad row is
 * reported with every other bad row (up to 100).
 * @internal
 */
export function compressHistories(
  fn: string,
  input: unknown,
  { requireRepeat = false, argument = "customers" } = {},
): CompressedHistories {
  const rows = checkRows(fn, input, argument, "customers");
  const table = new RowTable(Math.min(rows.length, 4096));
  let customers = 0;
  let totalRepeat = 0;
  let maxT = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const x = row?.frequency;
    const tx = row?.recency;
    const T = row?.T;
    if (!isValidHistory(x, tx, T)) throwRowIssues(fn, rows, argument, historyRowIssues);
    const w = countWeight(row.count);
    if (w === 0) throwRowIssues(fn, rows, argument, historyRowIssues);
    customers += w;
    totalRepeat += w * (x as number);
    if ((T as number) > maxT) maxT = T as number;
    table.add(x as number, tx as number, T as number, w);
  }
  if (requireRepeat && maxT === 0) {
    // Only customers first seen at the end of observation: each contributes ln 1 = 0 to every
    // likelihood, so there is nothing to fit (and no time scale to rescale by).
    throw invalidInput(
      fn,
      [argument],
      "Every customer has T = 0 (first purchase at the end of observation): the data say nothing about the model yet",
      "too_small",
    );
  }
  if (requireRepeat && totalRepeat === 0) {
    throw invalidInput(
      fn,
      [argument],
      "No customer has a repeat purchase (every frequency is 0): the model cannot be identified",
      "too_small",
    );
  }
  const distinct = distinctRows(table);
  return {
    x: distinct.a,
    tx: distinct.b,
    T: distinct.c,
    weight: distinct.w,
    customers,
    totalRepeat,
    maxT,
  };
}

/** The distinct rows of `table` as columns in {@link canonicalOrder} (−0 becomes 0). */
function distinctRows(table: RowTable): {
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  w: Float64Array;
} {
  const order = canonicalOrder(table.a, table.b, table.c, table.size);
  return {
    a: permute(table.a, order),
    b: permute(table.b, order),
    c: permute(table.c, order),
    w: permute(table.w, order),
  };
}

/**
 * The gradient tolerance used for a fit to `customers` customers: the user's tolerance (default
 * 1e-6) per 10,000 customers. The log-likelihood is a sum, so its rounding noise and its gradient
 * grow with the data; a fixed absolute tolerance would be unreachable on millions of customers,
 * while the distance to the optimum measured in standard errors, about |gradient|/√customers,
 * only gets smaller with this scaling.
 * @internal
 */
export function scaledTolerance(tolerance: number | undefined, customers: number): number {
  return (tolerance ?? 1e-6) * Math.max(1, customers / 10_000);
}

/** Compressed histories indexed by distinct frequency and distinct observation time. @internal */
export interface HistoryIndex {
  /** The distinct frequencies, ascending. */
  readonly distinct: number[];
  /** Each row's index into `distinct`. */
  readonly xi: Int32Array;
  /** Total weight per distinct frequency. */
  readonly wx: Float64Array;
  /** The distinct observation times (t_x and T together), in first-seen order. */
  readonly times: number[];
  /** Each row's index of T into `times`. */
  readonly ti: Int32Array;
  /** Each row's index of t_x into `times`. */
  readonly txi: Int32Array;
}

/**
 * Indexes compressed histories by distinct frequency and by distinct observation time, so that a
 * likelihood evaluation computes its gamma-function terms once per frequency and its logarithms
 * once per time value (on day- or week-resolution data there are only a few hundred).
 * @internal
 */
export function indexHistories(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weight: Float64Array,
): HistoryIndex {
  const n = x.length;
  const distinct = Array.from(new Set(x)).sort((u, v) => u - v);
  const where = new Map(distinct.map((v, k) => [v, k]));
  const xi = new Int32Array(n);
  const wx = new Float64Array(distinct.length);
  for (let i = 0; i < n; i++) {
    const k = where.get(x[i]!)!;
    xi[i] = k;
    wx[k] = wx[k]! + weight[i]!;
  }
  const timeIndex = new Map<number, number>();
  const times: number[] = [];
  const indexOf = (v: number): number => {
    let k = timeIndex.get(v);
    if (k === undefined) {
      k = times.length;
      timeIndex.set(v, k);
      times.push(v);
    }
    return k;
  };
  const ti = new Int32Array(n);
  const txi = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    ti[i] = indexOf(T[i]!);
    txi[i] = indexOf(tx[i]!);
  }
  return { distinct, xi, wx, times, ti, txi };
}
