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

console.log(`RFM of ${table.size.toLocaleString("en-US")} customers as of 1998-07-01`);
console.log("cut points (score 2 → 5):");
console.log(`  recency   ≤ ${scored.cutPoints.recency.join(" / ")} days`);
console.log(`  frequency ≥ ${scored.cutPoints.frequency.join(" / ")} purchases`);
console.log(`  monetary  ≥ $${scored.cutPoints.monetary.join(" / $")}\n`);

const pad = (s: string, n: number) => s.padEnd(n);
const num = (s: string, n: number) => s.padStart(n);
console.log(
  `${pad("segment", 20)}${num("customers", 10)}${num("share", 8)}${num("revenue $", 13)}${num("rev. share", 11)}${num("mean R (d)", 11)}${num("mean F", 8)}`,
);
for (const row of segmentSummary(segments, table)) {
  console.log(
    pad(row.segment, 20) +
      num(String(row.customers), 10) +
      num(`${(100 * row.customerShare).toFixed(1)}%`, 8) +
      num(row.revenue.toFixed(2), 13) +
      num(`${(100 * row.revenueShare).toFixed(1)}%`, 11) +
      num((row.meanRecency ?? 0).toFixed(0), 11) +
      num((row.meanFrequency ?? 0).toFixed(2), 8),
  );
}

// Marcus (1998): restrict to active customers (bought in the last 180 days), then split at the means.
const active = new Map([...table].filter(([, row]) => row.recency <= 180));
const matrix = customerValueMatrix(active);
console.log(
  `\nCustomer value matrix of ${active.size} active customers (split: mean frequency ${matrix.splitPoints.frequency.toFixed(2)}, mean average purchase $${matrix.splitPoints.averageMonetary.toFixed(2)})`,
);
for (const [cell, count] of matrix.counts) {
  console.log(`  ${pad(cell, 10)}${num(String(count), 6)}  ${matrix.policies[cell]}`);
}
