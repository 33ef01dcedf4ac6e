/**
 * Boundary validation and row compression for customer histories (CONVENTIONS §4 and §7): one
 * hand-written pass over the rows; on the first bad row, a second pass lists every problem of every
 * row (up to 100) with its path `customers[i].field`, its code and the value received. Then a hash
 * table on the raw float64 bits merges identical rows into weighted rows.
 * @internal
 * @module
 */
import {
  type InputIssue,
  InvalidInputError,
  type IssueCode,
  IssueCollector,
  invalidInput,
  issue,
} from "../core/errors.js";
import { moneyProblem, readMoney } from "../core/money.js";
import { checkArray, describeReceived } from "../core/validate.js";

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

/** Where row `i` of `argument` is: `customers[3]`, or `customer` for a single row (`i` undefined). */
function rowPath(argument: string, i: number | undefined): PropertyKey[] {
  return i === undefined ? [argument] : [argument, i];
}

/**
 * The problem with a value that must be a finite number, or `undefined`: missing (`required`),
 * another type or not finite (`invalid_type`).
 */
function numberIssue(value: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return undefined;
  return issue(
    path,
    `Expected a finite number, received ${describeReceived(value)}`,
    value === undefined ? "required" : "invalid_type",
    value,
  );
}

/** The problem with a row that must be an object, or `undefined`. */
function objectIssue(row: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (typeof row === "object" && row !== null && !Array.isArray(row)) return undefined;
  return issue(
    path,
    `Expected an object, received ${describeReceived(row)}`,
    row === undefined ? "required" : "invalid_type",
    row,
  );
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

/**
 * Every problem of one purchase-history row `{ frequency, recency, T }` at `base` (the row's path):
 * a missing field (`required`), a field that is not a finite number (`invalid_type`), a fractional
 * frequency (`not_integer`), a negative frequency or recency or T ≤ 0 (`too_small`), and recency > T
 * or recency ≠ 0 with frequency 0 (`inconsistent`, at `recency`). Empty for a valid row.
 * @internal
 */
export function historyIssues(row: unknown, base: readonly PropertyKey[]): InputIssue[] {
  const notObject = objectIssue(row, base);
  if (notObject) return [notObject];
  const r = row as Record<string, unknown>;
  const x = r.frequency;
  const tx = r.recency;
  const T = r.T;
  const found: InputIssue[] = [];
  const at = (key: string): PropertyKey[] => [...base, key];
  const bad = (value: unknown, key: string): boolean => {
    const problem = numberIssue(value, at(key));
    if (problem) found.push(problem);
    return problem !== undefined;
  };
  const xBad = bad(x, "frequency");
  const txBad = bad(tx, "recency");
  const TBad = bad(T, "T");
  if (!xBad) {
    const xv = x as number;
    if (!Number.isInteger(xv)) {
      found.push(
        issue(at("frequency"), `Expected an integer ≥ 0, received ${xv}`, "not_integer", xv),
      );
    } else if (xv < 0) {
      found.push(
        issue(at("frequency"), `Expected an integer ≥ 0, received ${xv}`, "too_small", xv),
      );
    }
  }
  if (!TBad && !((T as number) > 0)) {
    found.push(issue(at("T"), `Expected T > 0, received ${T as number}`, "too_small", T));
  }
  if (!txBad && (tx as number) < 0) {
    found.push(
      issue(at("recency"), `Expected recency ≥ 0, received ${tx as number}`, "too_small", tx),
    );
  }
  if (found.length > 0) return found;
  const xv = x as number;
  const txv = tx as number;
  const Tv = T as number;
  if (txv > Tv) {
    found.push(issue(at("recency"), `recency ${txv} is greater than T ${Tv}`, "inconsistent", txv));
  } else if (xv === 0 && txv !== 0) {
    found.push(
      issue(
        at("recency"),
        `Expected recency 0 when frequency is 0, received ${txv}`,
        "inconsistent",
        txv,
      ),
    );
  }
  return found;
}

/**
 * Validates one purchase history (frequency, recency, T). `i` is the row's index in `argument` (the
 * argument's name as the signature spells it, default `"customers"`), for the error path
 * `customers[i].field`; without `i` the path is `customers.field`.
 */
export function checkHistory(
  fn: string,
  row: unknown,
  i: number | undefined,
  argument = "customers",
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
  throw historyProblem(fn, row, i, argument);
}

/**
 * The error for an invalid history (slow path of {@link checkHistory}): every problem of the row,
 * at `argument[i].field`.
 * @internal
 */
export function historyProblem(
  fn: string,
  row: unknown,
  i: number | undefined,
  argument = "customers",
): InvalidInputError {
  const found = historyIssues(row, rowPath(argument, i));
  return new InvalidInputError(
    fn,
    found.length > 0
      ? found
      : [issue(rowPath(argument, i), "Expected a valid purchase history", "custom")],
  );
}

/**
 * The problem with a row's optional `count` (an integer from 1 to 2^53 − 1), or `undefined`.
 * @internal
 */
export function countIssue(count: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (count === undefined) return undefined;
  if (typeof count === "number" && Number.isSafeInteger(count) && count >= 1) return undefined;
  let code: IssueCode = "invalid_type";
  if (typeof count === "number" && Number.isFinite(count)) {
    code = !Number.isInteger(count) ? "not_integer" : count < 1 ? "too_small" : "too_big";
  }
  return issue(
    path,
    `Expected an integer from 1 to 2^53 − 1, received ${describeReceived(count)}`,
    code,
    count,
  );
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

/** Checks that `rows` is a non-empty array of rows (path `customers`). */
function checkRows(fn: string, rows: unknown, argument: string, what: string): readonly unknown[] {
  checkArray(fn, rows, `an array of ${what}`, [argument]);
  if (rows.length === 0) {
    throw invalidInput(
      fn,
      [argument],
      `Expected at least one ${what.replace(/s$/, "")}`,
      "too_small",
      rows,
    );
  }
  return rows;
}

/**
 * Lists every problem of every row (the first 100, then how many more): the slow path taken after
 * the fast pass found one.
 * `rowIssues` returns a row's problems (empty for a good row). Always throws.
 * @internal
 */
export function throwRowIssues(
  fn: string,
  rows: readonly unknown[],
  argument: string,
  rowIssues: (row: unknown, base: readonly PropertyKey[]) => readonly InputIssue[],
): never {
  const issues = new IssueCollector();
  // Every row is scanned (the slow path only), so that the error says how many more problems
  // there are beyond the 100 it lists.
  for (let i = 0; i < rows.length; i++) issues.addAll(rowIssues(rows[i], [argument, i]));
  issues.throwIfAny(fn);
  // Unreachable unless a row changed between the passes (a getter): report the row as a whole.
  throw invalidInput(fn, [argument], "The rows changed while they were read", "unreadable");
}

/** Every problem of a history row including its `count`. */
function historyRowIssues(row: unknown, base: readonly PropertyKey[]): InputIssue[] {
  const found = historyIssues(row, base);
  if (typeof row === "object" && row !== null && !Array.isArray(row)) {
    const problem = countIssue((row as { count?: unknown }).count, [...base, "count"]);
    if (problem) found.push(problem);
  }
  return found;
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
    if (
      !(
        typeof x === "number" &&
        typeof tx === "number" &&
        typeof T === "number" &&
        isValidHistory(x, tx, T)
      )
    ) {
      throwRowIssues(fn, rows, argument, historyRowIssues);
    }
    const count = row.count;
    const w =
      count === undefined
        ? 1
        : typeof count === "number" && Number.isSafeInteger(count) && count >= 1
          ? count
          : throwRowIssues(fn, rows, argument, historyRowIssues);
    customers += w;
    totalRepeat += w * x;
    if (T > maxT) maxT = T;
    table.add(x, tx, T, w);
  }
  if (requireRepeat && totalRepeat === 0) {
    throw invalidInput(
      fn,
      [argument],
      "No customer has a repeat purchase (every frequency is 0): the model cannot be identified",
      "too_small",
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
 * Every problem of a spend row `{ frequency, monetaryValue, count? }`: frequency as for a history
 * (`required`, `invalid_type`, `not_integer`, `too_small`); for a repeat buyer a `monetaryValue`
 * that is not an amount (`invalid_money`, or `required`) or not positive (`too_small`); `count`.
 */
function spendRowIssues(row: unknown, base: readonly PropertyKey[]): InputIssue[] {
  const notObject = objectIssue(row, base);
  if (notObject) return [notObject];
  const r = row as Record<string, unknown>;
  const x = r.frequency;
  const found: InputIssue[] = [];
  const xPath = [...base, "frequency"];
  const xProblem = numberIssue(x, xPath);
  if (xProblem) found.push(xProblem);
  else if (!Number.isInteger(x as number) || (x as number) < 0) {
    found.push(
      issue(
        xPath,
        `Expected an integer ≥ 0, received ${x as number}`,
        Number.isInteger(x as number) ? "too_small" : "not_integer",
        x,
      ),
    );
  }
  if (found.length === 0) {
    // Customers without repeat purchases are skipped by the fit: nothing else of theirs is read.
    if (x === 0) return found;
    const problem = spendIssue(r.monetaryValue, [...base, "monetaryValue"]);
    if (problem) found.push(problem);
  }
  const c = countIssue(r.count, [...base, "count"]);
  if (c) found.push(c);
  return found;
}

/** The problem with a repeat buyer's mean spend, or `undefined`. */
function spendIssue(value: unknown, path: readonly PropertyKey[]): InputIssue | undefined {
  if (value === undefined) {
    return issue(
      path,
      "Expected an amount (Decimal, number or decimal string), received undefined",
      "required",
      value,
    );
  }
  const m = readSpend(value);
  if (typeof m === "string") return issue(path, m, "invalid_money", value);
  if (!(m > 0)) return issue(path, `Expected a positive amount, received ${m}`, "too_small", value);
  return undefined;
}

/** A money amount as a float64, or the reason it is not an amount. */
function readSpend(value: unknown): number | string {
  if (typeof value === "number") return moneyProblem(value) ?? value;
  const amount = readMoney(value);
  return typeof amount === "string" ? amount : amount.toNumber();
}

/**
 * Validates spend rows (frequency integer ≥ 0; monetaryValue > 0 for repeat buyers), skips the
 * customers without repeat purchases and compresses identical `(x, z̄)` rows.
 * Money is converted to float64 here, once: z̄ = Number(Decimal). Paths `customers[i].field`
 * (`argument`); every bad row is reported (up to 100).
 * @internal
 */
export function compressSpend(
  fn: string,
  input: unknown,
  argument = "customers",
): { x: Float64Array; m: Float64Array; weight: Float64Array; customers: number } {
  const rows = checkRows(fn, input, argument, "customers");
  const table = new RowTable(Math.min(rows.length, 4096));
  let customers = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      throwRowIssues(fn, rows, argument, spendRowIssues);
    }
    const r = row as Record<string, unknown>;
    const x = r.frequency;
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0) {
      throwRowIssues(fn, rows, argument, spendRowIssues);
    }
    // Customers without repeat purchases carry no spend information: skipped, so that the rows of
    // `summarizeTransactions` can be passed as they are.
    if (x === 0) continue;
    const m = readSpend(r.monetaryValue);
    if (typeof m === "string" || !(m > 0)) throwRowIssues(fn, rows, argument, spendRowIssues);
    const count = r.count;
    const w =
      count === undefined
        ? 1
        : typeof count === "number" && Number.isSafeInteger(count) && count >= 1
          ? count
          : throwRowIssues(fn, rows, argument, spendRowIssues);
    customers += w;
    table.add(x, m, 0, w);
  }
  if (customers === 0) {
    throw invalidInput(
      fn,
      [argument],
      "No customer has a repeat purchase: the Gamma-Gamma model is fitted to repeat buyers only",
      "too_small",
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

/**
 * A positive money amount converted to float64 (the one Decimal → number boundary); an
 * `InvalidInputError` at `path` otherwise (`invalid_money`, `required` or `too_small`).
 * @internal
 */
export function spendValue(fn: string, value: unknown, path: readonly PropertyKey[]): number {
  const problem = spendIssue(value, path);
  if (problem) throw new InvalidInputError(fn, [problem]);
  return readSpend(value) as number;
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
