/**
 * Every chart of `customer-value/charts`, built from real results of the library on the CDNOW
 * sample (BG/NBD fit of Fader, Hardie & Lee 2005, test/fixtures/models.ts), the sBG "regular"
 * cohort of Fader & Hardie (2007: α = 0.668, β = 3.806) and small surveys. The render test and
 * the browser check draw these.
 */

import * as charts from "../../src/charts/index.js";
import {
  assignSegments,
  calibrationFrequencyFit,
  cumulativePurchaseTracking,
  customerLifetimeValue,
  customerValueMatrix,
  expectedPurchasesMatrix,
  heterogeneityDensities,
  holdoutComparison,
  netPromoterScore,
  portfolioMatrix,
  prioritizeRecovery,
  probabilityAliveMatrix,
  probabilityAlivePath,
  retentionCurve,
  rfmScores,
  rfmTable,
  segmentSummary,
  servqual,
  splitCalibrationHoldout,
  survivalCurve,
  valueMatrix,
} from "../../src/index.js";
import { cdnowSample } from "../fixtures/load.js";
import {
  CDNOW_BG_NBD,
  CDNOW_GAMMA_GAMMA,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
  sbgModel,
} from "../fixtures/models.js";

/** One spec per chart function (the function's name), plus variants under `name:variant`. */
export function allCharts(): Record<string, charts.VegaLiteSpec> {
  const transactions = cdnowSample();
  const rows = splitCalibrationHoldout(transactions, {
    calibrationEnd: "1997-09-30",
    observationEnd: "1998-06-30",
    unit: "week",
    bucketing: "elapsed",
  });
  const model = CDNOW_BG_NBD;
  const unit = "week" as const;
  const sbg = { ...sbgModel(0.668, 3.806), unit: "year" as const };
  const table = rfmTable(transactions, { asOf: "1998-07-01" });
  const scores = rfmScores(table);
  const clv = customerLifetimeValue(
    { purchase: model, spend: CDNOW_GAMMA_GAMMA },
    rows
      .filter((r) => r.frequency > 0)
      .slice(0, 400)
      .map((r) => ({ ...r, monetaryValue: r.frequency > 0 ? "25" : "0" })),
    {
      horizon: 52,
      discountRate: 0.0027,
    },
  );
  const valueRows = table.map((r) => ({
    customerId: r.customerId,
    current: r.totalSpend,
    potential: String(r.purchases * 10),
  }));
  const plan = prioritizeRecovery(
    table.slice(0, 60).map((r) => ({
      customerId: r.customerId,
      value: r.totalSpend,
      cause: "unknown" as const,
      cost: 5,
      daysSinceLastPurchase: r.daysSinceLastPurchase,
    })),
    { budget: 100 },
  );
  const survey = [10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5, 9, 9, 10, 2, 7, 8, 9, 10];
  const servqualRows = Array.from({ length: 22 }, (_, i) => ({
    item: i + 1,
    expectation: 7,
    perception: i < 4 ? 6 : i < 9 ? 5 : i < 13 ? 7 : 6,
  }));
  // the CDNOW customer with the most purchases: a path with many jumps
  const counts = new Map<string, number>();
  for (const t of transactions) counts.set(t.customerId, (counts.get(t.customerId) ?? 0) + 1);
  const busiest = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const path = probabilityAlivePath(
    model,
    transactions.filter((t) => t.customerId === busiest),
    { observationEnd: "1998-06-30" },
  );
  const actual = Array.from({ length: 20 }, (_, i) => 30 + 5 * i);
  return {
    frequencyHistogramChart: charts.frequencyHistogramChart(calibrationFrequencyFit(model, rows)),
    holdoutComparisonChart: charts.holdoutComparisonChart(holdoutComparison(model, rows)),
    "holdoutComparisonChart:recency": charts.holdoutComparisonChart(
      holdoutComparison(model, rows, { by: "recency", maxBin: 39 }),
      { by: "recency", unit },
    ),
    purchaseTrackingChart: charts.purchaseTrackingChart(
      cumulativePurchaseTracking(model, [800, 900, 657], { periods: 78, actual }),
      { unit, calibrationPeriods: 39 },
    ),
    probabilityAliveChart: charts.probabilityAliveChart(
      probabilityAliveMatrix(model, { maxFrequency: 20, maxT: 39 }),
      { unit },
    ),
    expectedPurchasesChart: charts.expectedPurchasesChart(
      expectedPurchasesMatrix(model, { maxFrequency: 20, maxT: 39, horizon: 39 }),
      { unit },
    ),
    survivalChart: charts.survivalChart({
      survival: survivalCurve(sbg, { periods: 12 }),
      retention: retentionCurve(sbg, { periods: 12 }),
      unit: sbg.unit,
    }),
    probabilityAlivePathChart: charts.probabilityAlivePathChart(path),
    heterogeneityChart: charts.heterogeneityChart(heterogeneityDensities(model), { unit }),
    "heterogeneityChart:pareto-nbd": charts.heterogeneityChart(
      heterogeneityDensities(CDNOW_PARETO_NBD),
      { unit },
    ),
    "heterogeneityChart:bg-bb": charts.heterogeneityChart(heterogeneityDensities(DONATIONS_BG_BB)),
    rfmHeatmapChart: charts.rfmHeatmapChart(scores),
    "rfmHeatmapChart:monetaryScore": charts.rfmHeatmapChart(scores, { colorBy: "monetaryScore" }),
    segmentShareChart: charts.segmentShareChart(
      segmentSummary(assignSegments(scores.scores), table),
    ),
    customerValueMatrixChart: charts.customerValueMatrixChart(customerValueMatrix(table)),
    portfolioMatrixChart: charts.portfolioMatrixChart(
      portfolioMatrix(
        table.map((r) => ({
          customerId: r.customerId,
          potentialVolume: r.totalSpend,
          relationshipStrength: r.purchases,
        })),
      ),
    ),
    valueMatrixChart: charts.valueMatrixChart(valueMatrix(valueRows)),
    netPromoterScoreChart: charts.netPromoterScoreChart(netPromoterScore(survey)),
    servqualGapChart: charts.servqualGapChart(servqual(servqualRows)),
    recoveryPlanChart: charts.recoveryPlanChart(plan, { currency: "USD" }),
    lifetimeValueChart: charts.lifetimeValueChart(clv, { currency: "USD" }),
    "lifetimeValueChart:intervals": charts.lifetimeValueChart(
      clv.map((value) => ({ value, lower: value.times(0.8), upper: value.times(1.3) })),
      { currency: "USD" },
    ),
  };
}
