/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 * Each section below prints one table; later sections build on earlier ones.
 */
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)\n");
console.log(`Loaded ${transactions.length.toLocaleString("en-US")} transactions.`);

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
