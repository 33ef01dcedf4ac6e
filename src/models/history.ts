/**
 * Boundary validation and row compression for customer histories (CONVENTIONS §4 and §7): one
 * hand-written pass over the rows that throws `InvalidInputError` with the path of the first bad
 * value, then a hash table on the raw float64 bits that merges identical rows into weighted rows.
 * @internal
 * @module
 */
import { invalidInput } from "../core/errors.js";
import { moneyProblem, readMoney } from "../core/money.js";
import { assertArrayShape } from "../core/validate.js";

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

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? String(value) : typeof value;
}

/** Reads field `key` of row `i` as a number or throws. */
function numberField(fn: string, row: Record<string, unknown>, i: number, key: string): number {
  const v = row[key];
  if (typeof v !== "number" || !Number.isFinite(v)) {
    throw invalidInput(fn, [i, key], `Expected a finite number, received ${describe(v)}`);
  }
  return v;
}

/**
 * The rule every purchase history obeys: frequency x a whole number ≥ 0, 0 ≤ t_x ≤ T, T finite and
 * > 0, and t_x = 0 when x = 0. Callers check the three are numbers first (for type narrowing).
 * @internal
 */
export function isValidHistory(x: number, tx: number, T: number): boolean {
  return (
    Number.isInteger(x) &&
    x >= 0 &&
    T > 0 &&
    T < Number.POSITIVE_INFINITY &&
    tx >= 0 &&
    tx <= T &&
    (x > 0 || tx === 0)
  );
}

/** Validates one purchase history (frequency, recency, T); `i` is the row index for the error path. */
export function checkHistory(
  fn: string,
  row: unknown,
  i: number | undefined,
): { x: number; tx: number; T: number } {
  if (typeof row === "object" && row !== null) {
    const r = row as Record<string, unknown>;
    const x = r.frequency;
    const tx = r.recency;
    const T = r.T;
    // Fast path: everything valid (one branch per row).
    if (
      typeof x === "number" &&
      typeof tx === "number" &&
      typeof T === "number" &&
      isValidHistory(x, tx, T)
    ) {
      return { x, tx, T };
    }
  }
  throw historyProblem(fn, row, i);
}

/** The error for an invalid history (slow path of {@link checkHistory}). @internal */
export function historyProblem(fn: string, row: unknown, i: number | undefined): Error {
  const at = (key: string): PropertyKey[] => (i === undefined ? [key] : [i, key]);
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    return invalidInput(
      fn,
      i === undefined ? [] : [i],
      `Expected an object, received ${describe(row)}`,
    );
  }
  const r = row as Record<string, unknown>;
  for (const key of ["frequency", "recency", "T"]) {
    const v = r[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      return invalidInput(fn, at(key), `Expected a finite number, received ${describe(v)}`);
    }
  }
  const x = r.frequency as number;
  const tx = r.recency as number;
  const T = r.T as number;
  if (!Number.isInteger(x) || x < 0) {
    return invalidInput(fn, at("frequency"), `Expected an integer ≥ 0, received ${x}`);
  }
  if (!(T > 0)) return invalidInput(fn, at("T"), `Expected T > 0, received ${T}`);
  if (tx < 0) return invalidInput(fn, at("recency"), `Expected recency ≥ 0, received ${tx}`);
  if (tx > T) return invalidInput(fn, at("recency"), `recency ${tx} is greater than T ${T}`);
  return invalidInput(fn, at("recency"), `Expected recency 0 when frequency is 0, received ${tx}`);
}

/** MurmurHash3 block mixing of one 32-bit word into the hash state. */
function mixWord(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Open-addressing hash table keyed on three float64 values, growing as rows are added. */
class RowTable {
  private readonly bits = new Float64Array(1);
  private readonly words = new Uint32Array(this.bits.buffer);
  private slots: Int32Array;
  private mask: number;
  size = 0;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
  w: Float64Array;

  constructor(expected: number) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = cap >> 1;
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.c = new Float64Array(n);
    this.w = new Float64Array(n);
  }

  private hash(a: number, b: number, c: number): number {
    const bits = this.bits;
    const words = this.words;
    bits[0] = a === 0 ? 0 : a; // -0 and 0 are the same row
    let h = mixWord(mixWord(0x12345, words[0]!), words[1]!);
    bits[0] = b === 0 ? 0 : b;
    h = mixWord(mixWord(h, words[0]!), words[1]!);
    bits[0] = c === 0 ? 0 : c;
    h = mixWord(mixWord(h, words[0]!), words[1]!);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return h ^ (h >>> 16);
  }

  private grow(): void {
    const cap = this.slots.length * 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = cap >> 1;
    const copy = (from: Float64Array) => {
      const to = new Float64Array(n);
      to.set(from);
      return to;
    };
    this.a = copy(this.a);
    this.b = copy(this.b);
    this.c = copy(this.c);
    this.w = copy(this.w);
    for (let k = 0; k < this.size; k++) {
      let h = this.hash(this.a[k]!, this.b[k]!, this.c[k]!) & this.mask;
      while (this.slots[h]! >= 0) h = (h + 1) & this.mask;
      this.slots[h] = k;
    }
  }

  /** Adds weight `w` to row (a, b, c); returns its index. */
  add(a: number, b: number, c: number, w: number): number {
    let h = this.hash(a, b, c) & this.mask;
    for (;;) {
      const k = this.slots[h]!;
      if (k < 0) {
        if (this.size === this.a.length) {
          this.grow();
          return this.add(a, b, c, w);
        }
        const idx = this.size++;
        this.slots[h] = idx;
        this.a[idx] = a;
        this.b[idx] = b;
        this.c[idx] = c;
        this.w[idx] = w;
        return idx;
      }
      if (this.a[k] === a && this.b[k] === b && this.c[k] === c) {
        this.w[k] = this.w[k]! + w;
        return k;
      }
      h = (h + 1) & this.mask;
    }
  }
}

function readCount(fn: string, r: Record<string, unknown>, i: number): number {
  const count = r.count;
  if (count === undefined) return 1;
  if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 1) {
    throw invalidInput(
      fn,
      [i, "count"],
      `Expected an integer from 1 to 2^53 − 1, received ${describe(count)}`,
    );
  }
  return count;
}

function checkArray(fn: string, rows: unknown): readonly unknown[] {
  assertArrayShape(fn, rows);
  if (!Array.isArray(rows)) {
    throw invalidInput(fn, [], `Expected an array of customers, received ${describe(rows)}`);
  }
  return rows;
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
 * @internal
 */
export function compressHistories(
  fn: string,
  input: unknown,
  { requireRepeat = false } = {},
): CompressedHistories {
  const rows = checkArray(fn, input);
  if (rows.length === 0) throw invalidInput(fn, [], "Expected at least one customer");
  const table = new RowTable(Math.min(rows.length, 4096));
  let customers = 0;
  let totalRepeat = 0;
  let maxT = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Record<string, unknown>;
    const x = row?.frequency;
    const tx = row?.recency;
    const T = row?.T;
    if (
      !(
        typeof x === "number" &&
        typeof tx === "number" &&
        typeof T === "number" &&
        isValidHistory(x, tx, T)
      )
    ) {
      throw historyProblem(fn, row, i);
    }
    const w = row.count !== undefined ? readCount(fn, row, i) : 1;
    customers += w;
    totalRepeat += w * x;
    if (T > maxT) maxT = T;
    table.add(x, tx, T, w);
  }
  if (requireRepeat && totalRepeat === 0) {
    throw invalidInput(
      fn,
      [],
      "No customer has a repeat purchase (every frequency is 0): the model cannot be identified",
    );
  }
  const order = canonicalOrder(table.a, table.b, table.c, table.size);
  return {
    x: permute(table.a, order),
    tx: permute(table.b, order),
    T: permute(table.c, order),
    weight: permute(table.w, order),
    customers,
    totalRepeat,
    maxT,
  };
}

/**
 * Validates spend rows (frequency integer ≥ 0; monetaryValue > 0 for repeat buyers), skips the
 * customers without repeat purchases and compresses identical `(x, z̄)` rows.
 * Money is converted to float64 here, once: z̄ = Number(Decimal).
 * @internal
 */
export function compressSpend(
  fn: string,
  input: unknown,
): { x: Float64Array; m: Float64Array; weight: Float64Array; customers: number } {
  const rows = checkArray(fn, input);
  if (rows.length === 0) throw invalidInput(fn, [], "Expected at least one repeat buyer");
  const table = new RowTable(Math.min(rows.length, 4096));
  let customers = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw invalidInput(fn, [i], `Expected an object, received ${describe(row)}`);
    }
    const r = row as Record<string, unknown>;
    const x = numberField(fn, r, i, "frequency");
    if (!Number.isInteger(x) || x < 0) {
      throw invalidInput(fn, [i, "frequency"], `Expected an integer ≥ 0, received ${x}`);
    }
    // Customers without repeat purchases carry no spend information: skipped, so that the rows of
    // `summarizeTransactions` can be passed as they are.
    if (x === 0) continue;
    const m = spendValue(fn, r.monetaryValue, [i, "monetaryValue"]);
    const w = readCount(fn, r, i);
    customers += w;
    table.add(x, m, 0, w);
  }
  if (customers === 0) {
    throw invalidInput(
      fn,
      [],
      "No customer has a repeat purchase: the Gamma-Gamma model is fitted to repeat buyers only",
    );
  }
  const order = canonicalOrder(table.a, table.b, table.c, table.size);
  return {
    x: permute(table.a, order),
    m: permute(table.b, order),
    weight: permute(table.w, order),
    customers,
  };
}

/** A positive money amount converted to float64 (the one Decimal → number boundary). @internal */
export function spendValue(fn: string, value: unknown, path: readonly PropertyKey[]): number {
  let m: number;
  if (typeof value === "number") {
    const problem = moneyProblem(value);
    if (problem !== undefined) throw invalidInput(fn, path, problem);
    m = value;
  } else {
    const amount = readMoney(value);
    if (typeof amount === "string") throw invalidInput(fn, path, amount);
    m = amount.toNumber();
  }
  if (!(m > 0)) throw invalidInput(fn, path, `Expected a positive amount, received ${m}`);
  return m;
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
