/**
 * Five charts from the library's diagnostic rows, as SVG files in examples/output/:
 * `npx tsx examples/charts.ts` (the quickstart calls {@link writeCharts} too).
 *
 * The library returns chart data as plain rows; rendering is the examples' business. Here the rows
 * become Vega-Lite specs, rendered headlessly to SVG by vega (examples/lib/charts.ts).
 *
 * 1. tracking.svg — weekly and cumulative repeat purchases, actual vs BG/NBD expected
 * 2. calibration-vs-holdout.svg — mean holdout purchases by calibration frequency, actual vs expected
 * 3. p-alive-heatmap.svg — P(alive) by frequency and recency (T = 39 weeks)
 * 4. rfm-segments.svg — customers and revenue share per RFM segment
 * 5. nps-distribution.svg — answers 0–10 coloured by promoter / passive / detractor
 */
import { fileURLToPath } from "node:url";
import type { TopLevelSpec } from "vega-lite";
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
  const trackingValues = tracking.flatMap((row) => [
    { week: row.period, series: "actual", view: "weekly", purchases: row.actualIncremental ?? 0 },
    { week: row.period, series: "expected", view: "weekly", purchases: row.expectedIncremental },
    {
      week: row.period,
      series: "actual",
      view: "cumulative",
      purchases: row.actualCumulative ?? 0,
    },
    {
      week: row.period,
      series: "expected",
      view: "cumulative",
      purchases: row.expectedCumulative,
    },
  ]);
  const trackingPanel = (view: "weekly" | "cumulative", title: string) => ({
    title,
    width: 560,
    height: 200,
    transform: [{ filter: `datum.view === '${view}'` }],
    layer: [
      {
        mark: { type: "line" as const },
        encoding: {
          x: { field: "week", type: "quantitative" as const, title: "week since 1997-01-01" },
          y: { field: "purchases", type: "quantitative" as const, title: "repeat purchases" },
          color: { field: "series", type: "nominal" as const, title: "series" },
          strokeDash: { field: "series", type: "nominal" as const },
        },
      },
      {
        mark: { type: "rule" as const, color: "#888" },
        encoding: { x: { datum: 39 } },
      },
    ],
  });
  paths.push(
    await writeChart("tracking", {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      title: "Repeat purchases, actual vs BG/NBD expected (calibration ends at week 39)",
      data: { values: trackingValues },
      vconcat: [trackingPanel("cumulative", "cumulative"), trackingPanel("weekly", "weekly")],
    } as TopLevelSpec),
  );

  // ── 2. calibration vs holdout, by frequency ────────────────────────────────────────────────
  const byFrequency = holdoutComparison(model, rows, { by: "frequency", maxBin: 7 });
  paths.push(
    await writeChart("calibration-vs-holdout", {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      title: "Mean repeat purchases in the 39-week holdout, by calibration frequency",
      width: 480,
      height: 260,
      data: {
        values: byFrequency.rows.flatMap((row) => [
          { bin: row.bin, label: row.label, series: "actual", value: row.actual },
          { bin: row.bin, label: row.label, series: "expected", value: row.expected },
        ]),
      },
      mark: { type: "line", point: true },
      encoding: {
        x: {
          field: "label",
          type: "ordinal",
          sort: { field: "bin" },
          title: "repeat purchases in calibration",
        },
        y: { field: "value", type: "quantitative", title: "mean purchases in holdout" },
        color: { field: "series", type: "nominal", title: "series" },
      },
    }),
  );

  // ── 3. P(alive) heat map ───────────────────────────────────────────────────────────────────
  const alive = probabilityAliveMatrix(model, { maxFrequency: 20, maxT: 39 });
  paths.push(
    await writeChart("p-alive-heatmap", {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      title: "P(alive) after 39 weeks, by frequency and recency (BG/NBD, CDNOW)",
      width: 520,
      height: 300,
      data: { values: alive.map((row) => ({ ...row })) },
      mark: "rect",
      encoding: {
        x: { field: "recency", type: "ordinal", title: "recency (weeks, age at last purchase)" },
        y: { field: "frequency", type: "ordinal", sort: "descending", title: "frequency" },
        color: {
          field: "probabilityAlive",
          type: "quantitative",
          title: "P(alive)",
          scale: { domain: [0, 1], scheme: "viridis" },
        },
      },
    }),
  );

  // ── 4. RFM segments ────────────────────────────────────────────────────────────────────────
  const table = rfmTable(transactions, { asOf: "1998-07-01" });
  const summary = segmentSummary(assignSegments(rfmScores(table).scores), table);
  paths.push(
    await writeChart("rfm-segments", {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      title: "RFM segments as of 1998-07-01: customers (bars) and share of revenue (labels)",
      width: 460,
      height: 280,
      data: {
        values: [...summary]
          .sort((a, b) => b.customerCount - a.customerCount)
          .map((row) => ({
            segment: row.segment,
            customers: row.customerCount,
            revenueShare: `${(100 * row.spendShare).toFixed(1)}% of revenue`,
          })),
      },
      encoding: {
        y: {
          field: "segment",
          type: "nominal",
          sort: null, // the rows are sorted by customers below
          title: null,
        },
        x: { field: "customers", type: "quantitative", title: "customers" },
      },
      layer: [
        { mark: { type: "bar", color: "#4c78a8" } },
        {
          mark: { type: "text", align: "left", dx: 4 },
          encoding: { text: { field: "revenueShare" } },
        },
      ],
    }),
  );

  // ── 5. NPS distribution ────────────────────────────────────────────────────────────────────
  const answers = surveyAnswers();
  const nps = netPromoterScore(answers);
  const counts = Array.from({ length: 11 }, (_, answer) => ({
    answer,
    responses: answers.filter((a) => a === answer).length,
    group: answer >= 9 ? "promoter" : answer >= 7 ? "passive" : "detractor",
  }));
  paths.push(
    await writeChart("nps-distribution", {
      $schema: "https://vega.github.io/schema/vega-lite/v5.json",
      title: `Would you recommend us? 200 answers, NPS ${nps.score.toFixed(1)} (95 % CI ${nps.confidenceInterval.lower.toFixed(1)} to ${nps.confidenceInterval.upper.toFixed(1)})`,
      width: 440,
      height: 240,
      data: { values: counts },
      mark: "bar",
      encoding: {
        x: {
          field: "answer",
          type: "ordinal",
          title: "answer (0 = not at all likely, 10 = extremely likely)",
        },
        y: { field: "responses", type: "quantitative", title: "responses" },
        color: {
          field: "group",
          type: "nominal",
          title: "group",
          scale: {
            domain: ["detractor", "passive", "promoter"],
            range: ["#e45756", "#bab0ac", "#54a24b"],
          },
        },
      },
    }),
  );
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = await writeCharts();
  console.log("Charts written (SVG):");
  for (const path of paths) console.log(`  ${path}`);
}
