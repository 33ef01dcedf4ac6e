/**
 * The row engine of the per-customer predictions: one pass over a million customers that validates
 * each history with the shared check ({@link isValidHistory}) and evaluates the prediction, caching
 * the factor g(x, T) of models that factorise as P(alive)·g; and the slow path that lists every bad
 * row once a first one is found.
 * @internal
 * @module
 */
import { collectRowIssues, InvalidInputError, invalidInput } from "../../core/errors.js";
import type { TimeUnit } from "../../core/time.js";
import { checkArray } from "../../core/validate.js";
import { historyIssues, historyProblem, isValidHistory } from "../historyValidation.js";
import { checkRowUnits } from "../rowUnits.js";

/**
 * The error of an invalid history row at `customers[i]` (see {@link historyProblem}); a row that
 * was valid when read again (a getter) is reported as a whole (`invalid_type`). @internal
 */
export function customerProblem(fn: string, row: unknown, i: number): InvalidInputError {
  const error = historyProblem(fn, row, i);
  if (error.issues.every((x) => x.code !== "custom")) return error;
  return new InvalidInputError(
    fn,
    error.issues.map((x) =>
      x.code === "custom" ? { ...x, code: "invalid_type" as const, received: row } : x,
    ),
  );
}

/**
 * Throws one `InvalidInputError` listing every invalid history row of `rows` (up to 100): the slow
 * path of a row loop that found a first bad row. @internal
 */
export function throwCustomerProblems(fn: string, rows: readonly unknown[], first: number): never {
  const firstError = customerProblem(fn, rows[first], first);
  collectRowIssues(fn, rows.length, (i) => {
    const found = historyIssues(rows[i], ["customers", i]);
    if (found.length > 0) throw new InvalidInputError(fn, found);
  });
  throw firstError; // a row that changed between reads: its first error
}

/**
 * Largest frequency whose g(x, T) is cached (the cache of a T is indexed by x): real customers
 * buy far fewer times; a row with x = 1e9 or 1e308 is computed directly instead of allocating an
 * array of that length.
 */
const MAX_CACHED_FREQUENCY = 65_535;

/** Most distinct T values whose g(x, T) is cached (continuous-time data have a distinct T per customer). */
const MAX_CACHED_T = 65_536;

/**
 * Validates every history in `input` and evaluates P(alive)·g per row in one pass, without
 * intermediate columns. When the kernel factorises, g(x, T) is computed once per distinct (x, T)
 * (a few thousand pairs for a million customers on day- or week-resolution data); else `direct`.
 * With `modelUnit`, a row carrying another `unit` is an error (`unit_mismatch` at `customers[i].unit`).
 * @internal
 */
export function conditionalOverRows(
  fn: string,
  input: unknown,
  alive: (x: number, tx: number, T: number) => number,
  ifAlive: ((x: number, T: number) => number) | undefined,
  direct: (x: number, tx: number, T: number) => number,
  modelUnit?: TimeUnit,
): Float64Array {
  checkArray(fn, input, "an array of customers", ["customers"]);
  const rows: readonly unknown[] = input;
  // A row in another unit than the model's would be read in the model's unit: refused.
  if (modelUnit !== undefined) checkRowUnits(fn, rows, modelUnit);
  const n = rows.length;
  const out = new Float64Array(n);
  const tIndex = new Map<number, number>();
  const caches: Float64Array[] = [];
  let lastT = Number.NaN;
  let lastK = -1;
  for (let i = 0; i < n; i++) {
    // Numbers once isValidHistory has checked them (each field is read once).
    const row = rows[i] as { frequency: number; recency: number; T: number } | undefined;
    const x = row?.frequency as number;
    const tx = row?.recency as number;
    const T = row?.T as number;
    if (!isValidHistory(x, tx, T)) throwCustomerProblems(fn, rows, i);
    if (ifAlive === undefined) {
      out[i] = direct(x, tx, T);
      continue;
    }
    const p = alive(x, tx, T);
    if (p === 0) continue;
    if (T !== lastT) {
      let k = tIndex.get(T);
      if (k === undefined && tIndex.size < MAX_CACHED_T) {
        k = caches.length;
        tIndex.set(T, k);
        caches.push(new Float64Array(16).fill(Number.NaN));
      }
      lastT = T;
      lastK = k ?? -1;
    }
    if (lastK < 0 || x > MAX_CACHED_FREQUENCY) {
      out[i] = p * ifAlive(x, T);
      continue;
    }
    let cache = caches[lastK]!;
    if (x >= cache.length) {
      const bigger = new Float64Array(Math.max(2 * cache.length, x + 1)).fill(Number.NaN);
      bigger.set(cache);
      caches[lastK] = cache = bigger;
    }
    let g = cache[x]!;
    if (Number.isNaN(g)) {
      g = ifAlive(x, T);
      cache[x] = g;
    }
    out[i] = p * g;
  }
  // No NaN leaves the library: a value outside float64's reach (e.g. the uncovered corner of the
  // ₂F₁ strategy, docs/numerics.md) is reported for the customer it concerns.
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i]!)) {
      throw invalidInput(
        fn,
        ["customers", i],
        "This customer's history lies outside the range the model's numerics support (result not finite)",
        "unsupported",
      );
    }
  }
  return out;
}
