/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 * Each section below prints one table; later sections build on earlier ones.
 */
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)\n");
console.log(`Loaded ${transactions.length.toLocaleString("en-US")} transactions.`);

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
