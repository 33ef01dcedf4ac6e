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

// ── satisfaction to loyalty (self-contained; see examples/satisfaction.ts) ─────────────────
{
  const { netPromoterScore, customerSatisfactionScore, satisfactionLoyaltySegment } = await import(
    "../src/index.js"
  );
  console.log("\nSatisfaction to loyalty — a 12-answer survey");
  const recommend = [10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5];
  const nps = netPromoterScore(recommend);
  console.log(
    `NPS ${nps.score.toFixed(1)} (SE ${nps.standardError.toFixed(1)}, 95 % CI ` +
      `${nps.confidenceInterval.lower.toFixed(1)} to ${nps.confidenceInterval.upper.toFixed(1)})`,
  );
  const satisfied = [5, 4, 4, 5, 3, 5, 2, 1, 4, 5, 4, 3];
  const csat = customerSatisfactionScore(satisfied, { scale: { min: 1, max: 5 } });
  console.log(`CSAT top-2-box ${csat.score.toFixed(1)} %`);
  const loyalty = [5, 4, 5, 3, 2, 5, 4, 1, 3, 5, 4, 2];
  const { counts } = satisfactionLoyaltySegment(
    satisfied.map((satisfaction, i) => ({
      id: `c${i + 1}`,
      satisfaction,
      loyalty: loyalty[i] ?? 1,
    })),
  );
  console.log(
    "Jones & Sasser segments:",
    Object.entries(counts)
      .map(([segment, count]) => `${segment} ${count}`)
      .join(", "),
  );
}
// ── end of satisfaction section ─────────────────────────────────────────────────────────────
// ── segmentation: RFM segment summary ───────────────────────────────────────────────────────
// (self-contained: uses only `transactions` loaded above)
{
  const { assignSegments, rfmScores, rfmTable, segmentSummary } = await import("../src/index.js");
  const rfm = rfmTable(transactions, { asOf: "1998-07-01" });
  const segments = assignSegments(rfmScores(rfm).scores);
  console.log("\nRFM segments as of 1998-07-01 (quintiles, 10 classic segments)");
  console.log(
    `${"segment".padEnd(20)}${"customers".padStart(10)}${"share".padStart(8)}${"revenue $".padStart(13)}`,
  );
  for (const row of segmentSummary(segments, rfm)) {
    console.log(
      row.segment.padEnd(20) +
        String(row.customers).padStart(10) +
        `${(100 * row.customerShare).toFixed(1)}%`.padStart(8) +
        row.revenue.toFixed(2).padStart(13),
    );
  }
}

// ── value: what is an average customer worth under the three conventions? ─────────────────────
// Self-contained: textbook inputs, not the CDNOW data. Rates are per year.
{
  const { retentionLifetimeValue } = await import("../src/index.js");
  const inputs = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
  console.log("\nLifetime value of a customer (margin 100/yr, retention 80%, discount 10%)");
  for (const timing of ["first-payment-now", "start-of-period", "end-of-period"] as const) {
    const { value } = retentionLifetimeValue({ ...inputs, timing });
    console.log(`  ${timing.padEnd(18)} ${value.toFixed(2).padStart(8)}`);
  }
}
