/**
 * The Gamma-Gamma fit's data: validated spend rows, the rows left out (non-positive mean spend),
 * and the compression of identical `(x, z̄)` rows. Money becomes float64 here, once.
 * @internal
 * @module
 */
import { invalidInput } from "../../core/errors.js";
import { RowTable } from "../../internal/fast/rowTable.js";
import { canonicalOrder, permute } from "../history.js";
import { checkRows, countWeight, throwRowIssues } from "../historyValidation.js";
import { readSpend, type SpendReading, spendRowIssues } from "../spendValidation.js";

/** Distinct `(x, z̄)` rows with their multiplicities, and the customers left out. @internal */
export interface SpendData {
  /** Transactions per customer the mean is over: `frequency` (or `frequency + 1` with the first). */
  readonly x: Float64Array;
  /** Mean value per transaction z̄ (> 0). */
  readonly m: Float64Array;
  readonly weight: Float64Array;
  /** Customers fitted (Σ weight). */
  readonly customers: number;
  /** Customers (with their `count`) left out because their mean spend is ≤ 0. */
  readonly excluded: number;
}

/**
 * Validates spend rows and compresses them. With `reading.firstTransaction` `"exclude"`, rows
 * with frequency 0 are skipped (no repeat purchase, no spend information) and each repeat buyer
 * contributes x = `frequency` transactions of mean z̄ = `monetaryValue`; with `"include"`, every
 * row contributes x = `frequency + 1` transactions of mean z̄ = `totalSpend / (frequency + 1)`.
 * A mean z̄ ≤ 0 is left out and counted in `excluded`, or, with `reading.rejectNonPositive`, a
 * `too_small` problem. Paths `customers[i].field`; every bad row is reported (up to 100).
 * @internal
 */
export function readSpendData(
  fn: string,
  input: unknown,
  reading: SpendReading,
  argument = "customers",
): SpendData {
  const rows = checkRows(fn, input, argument, "customers");
  const table = new RowTable(Math.min(rows.length, 4096));
  const include = reading.firstTransaction === "include";
  const fail = (): never =>
    throwRowIssues(fn, rows, argument, (row, base) => spendRowIssues(row, base, reading));
  let customers = 0;
  let excluded = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) fail();
    const r = row as Record<string, unknown>;
    const x = r.frequency;
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0) fail();
    const frequency = x as number;
    if (frequency === 0 && !include) continue;
    const value = include ? r.totalSpend : r.monetaryValue; // each field read once
    const amount = value === undefined ? "required" : readSpend(value);
    if (typeof amount === "string") fail();
    const w = countWeight(r.count);
    if (w === 0) fail();
    const n = include ? frequency + 1 : frequency;
    const mean = include ? (amount as number) / n : (amount as number);
    if (!(mean > 0)) {
      if (reading.rejectNonPositive) fail();
      excluded += w;
      continue;
    }
    customers += w;
    table.add(n, mean, 0, w);
  }
  if (customers === 0) {
    throw invalidInput(
      fn,
      [argument],
      excluded > 0
        ? `No customer has a positive mean spend (${excluded} left out with a mean ≤ 0): the Gamma-Gamma model needs positive spends`
        : include
          ? "No customers: the Gamma-Gamma model needs at least one customer with a positive spend"
          : "No customer has a repeat purchase: the Gamma-Gamma model is fitted to repeat buyers only",
      "too_small",
    );
  }
  const order = canonicalOrder(table.a, table.b, table.c, table.size);
  return {
    x: permute(table.a, order),
    m: permute(table.b, order),
    weight: permute(table.w, order),
    customers,
    excluded,
  };
}
