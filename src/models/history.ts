/**
 * Boundary validation and row compression for customer histories (CONVENTIONS §4 and §7): one
 * hand-written pass over the rows that throws `InvalidInputError` with the path of the first bad
 * value, then a hash table on the raw float64 bits that merges identical rows into weighted rows.
 * @internal
 * @module
 */
import { invalidInput } from "../core/errors.js";
import { moneyProblem, toMoney } from "../core/money.js";

/** Distinct histories (columns) with their multiplicities. @internal */
export interface CompressedHistories {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Row k of the compressed table for input row i (only when requested). */
  readonly rowOf: Int32Array | undefined;
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

/** Validates one purchase history (frequency, recency, T); `path` prefixes the error path. */
export function checkHistory(
  fn: string,
  row: unknown,
  i: number | undefined,
): { x: number; tx: number; T: number } {
  const at = (key: string): PropertyKey[] => (i === undefined ? [key] : [i, key]);
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    throw invalidInput(
      fn,
      i === undefined ? [] : [i],
      `Expected an object, received ${describe(row)}`,
    );
  }
  const r = row as Record<string, unknown>;
  const num = (key: string): number => {
    const v = r[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw invalidInput(fn, at(key), `Expected a finite number, received ${describe(v)}`);
    }
    return v;
  };
  const x = num("frequency");
  const tx = num("recency");
  const T = num("T");
  if (!Number.isInteger(x) || x < 0) {
    throw invalidInput(fn, at("frequency"), `Expected an integer ≥ 0, received ${x}`);
  }
  if (!(T > 0)) throw invalidInput(fn, at("T"), `Expected T > 0, received ${T}`);
  if (tx < 0) throw invalidInput(fn, at("recency"), `Expected recency ≥ 0, received ${tx}`);
  if (tx > T) {
    throw invalidInput(fn, at("recency"), `recency ${tx} is greater than T ${T}`);
  }
  if (x === 0 && tx !== 0) {
    throw invalidInput(fn, at("recency"), `Expected recency 0 when frequency is 0, received ${tx}`);
  }
  return { x, tx, T };
}

/** Open-addressing hash table keyed on up to three float64 values. */
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
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
    const n = Math.max(expected, 1);
    this.a = new Float64Array(n);
    this.b = new Float64Array(n);
    this.c = new Float64Array(n);
    this.w = new Float64Array(n);
  }

  private mix(h: number, v: number): number {
    this.bits[0] = v === 0 ? 0 : v; // -0 and 0 are the same row
    h = Math.imul(h ^ this.words[0]!, 0x9e3779b1);
    h = Math.imul(h ^ this.words[1]!, 0x85ebca77);
    return h ^ (h >>> 15);
  }

  /** Adds weight `w` to row (a, b, c); returns its index. */
  add(a: number, b: number, c: number, w: number): number {
    let h = this.mix(this.mix(this.mix(0x12345, a), b), c) & this.mask;
    for (;;) {
      const k = this.slots[h]!;
      if (k < 0) {
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
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
    throw invalidInput(fn, [i, "count"], `Expected an integer ≥ 1, received ${describe(count)}`);
  }
  return count;
}

function checkArray(fn: string, rows: unknown): readonly unknown[] {
  if (!Array.isArray(rows)) {
    throw invalidInput(fn, [], `Expected an array of customers, received ${describe(rows)}`);
  }
  return rows;
}

/**
 * Validates purchase-history rows and compresses identical `(frequency, recency, T)` rows.
 * With `requireRepeat`, data without any repeat purchase is rejected (no finite maximiser).
 * @internal
 */
export function compressHistories(
  fn: string,
  input: unknown,
  { requireRepeat = false, keepRowMap = false, allowCount = true } = {},
): CompressedHistories {
  const rows = checkArray(fn, input);
  if (rows.length === 0) throw invalidInput(fn, [], "Expected at least one customer");
  const table = new RowTable(Math.min(rows.length, 1 << 20));
  const rowOf = keepRowMap ? new Int32Array(rows.length) : undefined;
  let customers = 0;
  let totalRepeat = 0;
  let maxT = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const { x, tx, T } = checkHistory(fn, row, i);
    const w = allowCount ? readCount(fn, row as Record<string, unknown>, i) : 1;
    customers += w;
    totalRepeat += w * x;
    if (T > maxT) maxT = T;
    const k = tableAdd(table, x, tx, T, w);
    if (rowOf !== undefined) rowOf[i] = k;
  }
  if (requireRepeat && totalRepeat === 0) {
    throw invalidInput(
      fn,
      [],
      "No customer has a repeat purchase (every frequency is 0): the model cannot be identified",
    );
  }
  const n = table.size;
  return {
    x: table.a.slice(0, n),
    tx: table.b.slice(0, n),
    T: table.c.slice(0, n),
    weight: table.w.slice(0, n),
    rowOf,
    customers,
    totalRepeat,
    maxT,
  };
}

/**
 * Indexes rows by the distinct values of up to three columns: `row[i]` is the index of row i's
 * distinct key, `count` the number of distinct keys, `first[k]` the first row with key k.
 * @internal
 */
export function indexDistinct(
  a: Float64Array,
  b: Float64Array,
  c: Float64Array | undefined,
): { row: Int32Array; count: number; first: Int32Array } {
  const n = a.length;
  const table = new RowTable(Math.min(n, 1 << 20));
  const row = new Int32Array(n);
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = table.size;
    const k = tableAdd(table, a[i]!, b[i]!, c === undefined ? 0 : c[i]!, 1);
    if (table.size > before) first.push(i);
    row[i] = k;
  }
  return { row, count: table.size, first: Int32Array.from(first) };
}

function tableAdd(table: RowTable, a: number, b: number, c: number, w: number): number {
  if (table.size === table.a.length) grow(table);
  return table.add(a, b, c, w);
}

function grow(table: RowTable): void {
  // Rebuild with twice the capacity (only reached when more than 2^20 distinct rows).
  const bigger = new RowTable(table.size * 2);
  for (let k = 0; k < table.size; k++) {
    bigger.add(table.a[k]!, table.b[k]!, table.c[k]!, table.w[k]!);
  }
  Object.assign(table, bigger);
}

/**
 * Validates spend rows (frequency ≥ 1, monetaryValue > 0) and compresses identical `(x, z̄)` rows.
 * Money is converted to float64 here, once: z̄ = Number(Decimal).
 * @internal
 */
export function compressSpend(
  fn: string,
  input: unknown,
): { x: Float64Array; m: Float64Array; weight: Float64Array; customers: number } {
  const rows = checkArray(fn, input);
  if (rows.length === 0) throw invalidInput(fn, [], "Expected at least one repeat buyer");
  const table = new RowTable(rows.length);
  let customers = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throw invalidInput(fn, [i], `Expected an object, received ${describe(row)}`);
    }
    const r = row as Record<string, unknown>;
    const x = numberField(fn, r, i, "frequency");
    if (!Number.isInteger(x) || x < 1) {
      throw invalidInput(
        fn,
        [i, "frequency"],
        `Expected an integer ≥ 1 (the Gamma-Gamma model is fitted to repeat buyers only), received ${x}`,
      );
    }
    const m = spendValue(fn, r.monetaryValue, [i, "monetaryValue"]);
    const w = readCount(fn, r, i);
    customers += w;
    table.add(x, m, 0, w);
  }
  const n = table.size;
  return {
    x: table.a.slice(0, n),
    m: table.b.slice(0, n),
    weight: table.w.slice(0, n),
    customers,
  };
}

/** A positive money amount converted to float64 (the one Decimal → number boundary). @internal */
export function spendValue(fn: string, value: unknown, path: readonly PropertyKey[]): number {
  let m: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) {
      throw invalidInput(fn, path, `Expected a finite amount, received ${value}`);
    }
    m = value;
  } else {
    const problem = moneyProblem(value);
    if (problem !== undefined) throw invalidInput(fn, path, problem);
    m = toMoney(value as string).toNumber();
  }
  if (!(m > 0)) throw invalidInput(fn, path, `Expected a positive amount, received ${m}`);
  return m;
}
