/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 * Each section below prints one table; later sections build on earlier ones.
 */
import { summarizeTransactions } from "../src/index.js";
import { loadCdnowSample } from "./data/load.js";

/** Prints rows of cells as a table: first column left-aligned, the others right-aligned. */
function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(`\n${title}`);
  for (const row of rows) {
    console.log(
      `  ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("   ")}`,
    );
  }
}

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)");

// ── 1. The customer base: transaction log → one summary row per customer ─────────────────────
const summaries = summarizeTransactions(transactions, {
  observationEnd: "1998-06-30",
  unit: "week",
});
{
  const count = (n: number) => n.toLocaleString("en-US");
  // Exact amounts, formatted from their decimal digits (never through a float).
  const usd = (amount: { toFixed(digits: number): string }) =>
    `$${amount.toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",")}`;
  const repeatBuyers = summaries.filter((row) => row.frequency > 0).length;
  const totalSpend = summaries.map((row) => row.totalSpend).reduce((a, b) => a.plus(b));
  const transactionCount = summaries.reduce((n, row) => n + row.transactionCount, 0);
  printTable("1. The customer base (weeks, observation end 1998-06-30)", [
    ["customers", count(summaries.length)],
    ["transactions", count(transactionCount)],
    [
      "repeat buyers",
      `${count(repeatBuyers)} (${((100 * repeatBuyers) / summaries.length).toFixed(1)}%)`,
    ],
    ["total spend", usd(totalSpend)],
    ["mean spend per customer", usd(totalSpend.div(summaries.length))],
    [
      "repeat-purchase weeks per customer",
      (summaries.reduce((n, row) => n + row.frequency, 0) / summaries.length).toFixed(2),
    ],
  ]);
}
