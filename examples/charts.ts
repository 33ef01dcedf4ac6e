/**
 * Five charts from the library's results, as SVG files in examples/output/:
 * `npx tsx examples/charts.ts` (the quickstart calls {@link writeCharts} too).
 *
 * Each spec comes from `customer-value/charts` (a Vega-Lite v5 spec, plain JSON with the data
 * inlined); vega renders it headlessly to SVG here (examples/lib/charts.ts). In a page, hand the
 * same spec to vega-embed.
 *
 * 1. tracking.svg — cumulative and weekly repeat purchases, actual vs BG/NBD expected
 * 2. calibration-vs-holdout.svg — mean holdout purchases by calibration frequency, actual vs expected
 * 3. p-alive-heatmap.svg — P(alive) by frequency and recency (T = 39 weeks)
 * 4. rfm-segments.svg — share of customers and share of revenue per RFM segment
 * 5. nps-distribution.svg — detractors, passives and promoters, and the NPS with its interval
 */
import { fileURLToPath } from "node:url";
import {
  holdoutComparisonChart,
  netPromoterScoreChart,
  probabilityAliveChart,
  purchaseTrackingChart,
  segmentShareChart,
} from "../src/charts/index.js";
import {
  assignSegments,
  cumulativePurchaseTracking,
  fitBgNbd,
  holdoutComparison,
  netPromoterScore,
  probabilityAliveMatrix,
  rfmScores,
  rfmTable,
  segmentSummary,
  splitCalibrationHoldout,
} from "../src/index.js";
import { type ExampleTransaction, loadCdnowSample } from "./data/load.js";
import { writeChart } from "./lib/charts.js";

const calibrationEnd = "1997-09-30";
const observationEnd = "1998-06-30";
const trackingWeeks = 78;

/** Days since 1997-01-01 of an ISO date. */
const dayOf = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1997, 0, 1)) / 86_400_000;

/** Actual repeat purchases per week since 1997-01-01 (same-day purchases merged, first purchase excluded). */
function weeklyRepeatPurchases(transactions: readonly ExampleTransaction[]): number[] {
  const days = new Map<string, Set<number>>();
  for (const t of transactions) {
    const set = days.get(t.customerId) ?? new Set<number>();
    set.add(dayOf(t.date));
    days.set(t.customerId, set);
  }
  const weekly = new Array<number>(trackingWeeks).fill(0);
  for (const set of days.values()) {
    const sorted = [...set].sort((a, b) => a - b);
    for (const day of sorted.slice(1)) {
      const week = Math.floor(day / 7);
      if (week < trackingWeeks) weekly[week]! += 1;
    }
  }
  return weekly;
}

/** A deterministic 200-answer NPS survey (the one examples/satisfaction.ts uses). */
function surveyAnswers(): number[] {
  let seed = 20260501;
  const uniform = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const weights = [2, 1, 2, 3, 4, 8, 10, 22, 30, 38, 80];
  const total = weights.reduce((s, w) => s + w, 0);
  return Array.from({ length: 200 }, () => {
    let u = uniform() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i]!;
      if (u < 0) return i;
    }
    return weights.length - 1;
  });
}

/** Renders the five charts; returns the paths of the SVG files written. */
export async function writeCharts(
  transactions: readonly ExampleTransaction[] = loadCdnowSample(),
): Promise<string[]> {
  const rows = splitCalibrationHoldout(transactions, {
    calibrationEnd,
    observationEnd,
    unit: "week",
    bucketing: "elapsed",
  });
  const model = fitBgNbd(rows);
  const paths: string[] = [];

  // ── 1. tracking: weekly and cumulative, actual vs expected ─────────────────────────────────
  const cohortSizes = new Array<number>(84).fill(0); // first purchases on days 0…83 of 1997
  for (const row of rows) cohortSizes[dayOf(row.firstPurchase)]! += 1;
  const tracking = cumulativePurchaseTracking(model, cohortSizes, {
    periods: trackingWeeks,
    cohortSpacing: 1 / 7,
    actual: weeklyRepeatPurchases(transactions),
  });
  const trackingTitle = "Repeat purchases, actual vs BG/NBD expected (calibration ends at week 39)";
  paths.push(
    await writeChart(
      "tracking",
      purchaseTrackingChart(tracking, {
        unit: "week",
        calibrationPeriods: 39,
        title: trackingTitle,
      }),
    ),
  );

  // ── 2. calibration vs holdout, by frequency ────────────────────────────────────────────────
  const byFrequency = holdoutComparison(model, rows, { by: "frequency", maxBin: 7 });
  paths.push(await writeChart("calibration-vs-holdout", holdoutComparisonChart(byFrequency)));

  // ── 3. P(alive) heat map ───────────────────────────────────────────────────────────────────
  const alive = probabilityAliveMatrix(model, { maxFrequency: 20, maxT: 39 });
  const aliveTitle = "P(alive) after 39 weeks, by frequency and recency (BG/NBD, CDNOW)";
  paths.push(
    await writeChart(
      "p-alive-heatmap",
      probabilityAliveChart(alive, { unit: "week", title: aliveTitle }),
    ),
  );

  // ── 4. RFM segments ────────────────────────────────────────────────────────────────────────
  const table = rfmTable(transactions, { asOf: "1998-07-01" });
  const summary = segmentSummary(assignSegments(rfmScores(table).scores), table);
  const segmentsTitle = "RFM segments as of 1998-07-01: share of customers and of revenue";
  paths.push(
    await writeChart("rfm-segments", segmentShareChart(summary, { title: segmentsTitle })),
  );

  // ── 5. NPS distribution ────────────────────────────────────────────────────────────────────
  const nps = netPromoterScore(surveyAnswers());
  paths.push(await writeChart("nps-distribution", netPromoterScoreChart(nps)));
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = await writeCharts();
  console.log("Charts written (SVG):");
  for (const path of paths) console.log(`  ${path}`);
}
