/**
 * RFM segmentation of the bundled CDNOW sample: `npx tsx examples/segmentation.ts`.
 * Builds the RFM table as of 1998-07-01, scores quintiles, names the 10 classic segments, prints a
 * segment summary, and places the active customers in Marcus's customer value matrix.
 */
import {
  assignSegments,
  CLASSIC_RFM_SEGMENTS,
  customerValueMatrix,
  rfmScores,
  rfmTable,
  segmentSummary,
} from "../src/index.js";
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
const table = rfmTable(transactions, { asOf: "1998-07-01" });
const scored = rfmScores(table, { bins: 5, ties: "min" });
const segments = assignSegments(scored.scores, { rules: CLASSIC_RFM_SEGMENTS });

console.log(`RFM of ${table.length.toLocaleString("en-US")} customers as of 1998-07-01`);
console.log("cut points (score 2 → 5):");
console.log(`  days since last purchase ≤ ${scored.cutPoints.daysSinceLastPurchase.join(" / ")}`);
console.log(`  purchases                ≥ ${scored.cutPoints.purchases.join(" / ")}`);
console.log(`  total spend              ≥ $${scored.cutPoints.totalSpend.join(" / $")}\n`);

const pad = (s: string, n: number) => s.padEnd(n);
const num = (s: string, n: number) => s.padStart(n);
console.log(
  `${pad("segment", 20)}${num("customers", 10)}${num("share", 8)}${num("spend $", 13)}${num("spend share", 12)}${num("mean days", 10)}${num("mean purch.", 12)}`,
);
for (const row of segmentSummary(segments, table)) {
  console.log(
    pad(row.segment, 20) +
      num(String(row.customerCount), 10) +
      num(`${(100 * row.customerShare).toFixed(1)}%`, 8) +
      num(row.totalSpend.toFixed(2), 13) +
      num(`${(100 * row.spendShare).toFixed(1)}%`, 12) +
      num((row.meanDaysSinceLastPurchase ?? 0).toFixed(0), 10) +
      num((row.meanPurchases ?? 0).toFixed(2), 12),
  );
}

// Marcus (1998): restrict to active customers (bought in the last 180 days), then split at the means.
const active = table.filter((row) => row.daysSinceLastPurchase <= 180);
const matrix = customerValueMatrix(active);
console.log(
  `\nCustomer value matrix of ${active.length} active customers (split: mean purchases ${matrix.splitPoints.purchases.toFixed(2)}, mean average spend $${matrix.splitPoints.averageSpend.toFixed(2)})`,
);
for (const cell of ["Best", "Spenders", "Frequent", "Uncertain"] as const) {
  console.log(`  ${pad(cell, 10)}${num(String(matrix.counts[cell]), 6)}  ${matrix.policies[cell]}`);
}
