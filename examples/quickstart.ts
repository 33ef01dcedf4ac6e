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

// ── models: BG/NBD + Gamma-Gamma, fit quality and the top customers by 52-week CLV ──────────────
{
  const {
    conditionalExpectedPurchases,
    customerLifetimeValue,
    fitBgNbd,
    fitGammaGamma,
    probabilityAlive,
  } = await import("../src/index.js");
  // Per-customer summary in weeks (calibration 1997-01-01 … 1997-09-30, 39 weeks); same-day
  // purchases merged; frequency and monetaryValue count repeat purchases only. (In the full library
  // `summarizeTransactions` does this; it is spelled out here so the section stands alone.)
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const calibrationEnd = day("1997-09-30");
  const byCustomer = new Map<string, Map<number, number>>(); // id → day → cents
  const holdout = new Map<string, Set<number>>();
  for (const t of transactions) {
    const d = day(t.date);
    const cents = Math.round(Number(t.amount) * 100);
    if (d <= calibrationEnd) {
      const days = byCustomer.get(t.customerId) ?? new Map<number, number>();
      days.set(d, (days.get(d) ?? 0) + cents);
      byCustomer.set(t.customerId, days);
    } else {
      holdout.set(t.customerId, (holdout.get(t.customerId) ?? new Set()).add(d));
    }
  }
  const customers = [...byCustomer].map(([customerId, days]) => {
    const sorted = [...days].sort((a, b) => a[0] - b[0]);
    const first = sorted[0]![0];
    const repeat = sorted.slice(1);
    const frequency = repeat.length;
    const repeatCents = repeat.reduce((s, [, c]) => s + c, 0);
    return {
      customerId,
      frequency,
      recency: frequency === 0 ? 0 : (sorted.at(-1)![0] - first) / 7,
      T: (calibrationEnd - first) / 7,
      monetaryValue: frequency === 0 ? 0 : repeatCents / frequency / 100,
    };
  });

  const purchaseModel = fitBgNbd(customers);
  const spendModel = fitGammaGamma(customers.filter((c) => c.frequency > 0));
  const fmt = (params: object) =>
    Object.entries(params)
      .map(([k, v]) => `${k} ${(v as number).toFixed(4)}`)
      .join(", ");
  console.log("\nBG/NBD (weeks):", fmt(purchaseModel.params));
  console.log(
    `  log-likelihood ${purchaseModel.logLikelihood.toFixed(2)}, SEs ${fmt(purchaseModel.standardErrors)}`,
  );
  console.log(
    "Gamma-Gamma:",
    fmt(spendModel.params),
    `log-likelihood ${spendModel.logLikelihood.toFixed(2)}`,
  );

  // Fit quality: expected vs actual repeat purchases in the 39-week holdout.
  const expected = conditionalExpectedPurchases(purchaseModel, customers, 39);
  const predicted = expected.reduce((s, v) => s + v, 0);
  const actual = [...holdout.values()].reduce((s, days) => s + days.size, 0);
  console.log(
    `Holdout (39 weeks): predicted ${predicted.toFixed(1)} repeat purchases, actual ${actual}`,
  );

  // 52-week CLV, 15 % a year as a weekly rate, 30 % margin.
  const clv = customerLifetimeValue({
    purchaseModel,
    spendModel,
    customers,
    horizon: 52,
    discountRate: 1.15 ** (1 / 52) - 1,
    unit: "week",
    margin: 0.3,
  });
  const alive = probabilityAlive(purchaseModel, customers);
  const top = customers
    .map((c, i) => ({ ...c, clv: clv[i]!, alive: alive[i]! }))
    .sort((a, b) => b.clv.comparedTo(a.clv))
    .slice(0, 10);
  console.log("\nTop 10 customers by 52-week CLV (margin 30 %, 15 %/year):");
  console.log("customer  repeat  recency(w)  P(alive)  avg spend  CLV");
  for (const c of top) {
    console.log(
      `${c.customerId.padStart(8)}  ${String(c.frequency).padStart(6)}  ${c.recency.toFixed(1).padStart(10)}  ${c.alive.toFixed(3).padStart(8)}  ${c.monetaryValue.toFixed(2).padStart(9)}  ${c.clv.toFixed(2)}`,
    );
  }
}

// ── models: checking a model on a holdout (calibration vs holdout table, tracking) ──────────────
{
  const { fitBgNbd, holdoutComparison, splitCalibrationHoldout } = await import("../src/index.js");
  const rows = splitCalibrationHoldout(transactions, {
    calibrationEnd: "1997-09-30",
    observationEnd: "1998-06-30",
    unit: "week",
    bucketing: "elapsed",
  });
  const model = fitBgNbd(rows);
  const table = holdoutComparison(
    model,
    rows.map((r) => ({ ...r, holdoutDuration: 39 })),
    { by: "frequency", maxBin: 7 },
  );
  console.log(
    "\nHoldout check, BG/NBD: mean repeat purchases in the 39-week holdout by calibration frequency",
  );
  console.log("frequency  customers  actual  expected");
  for (const r of table.rows) {
    console.log(
      `${r.label.padStart(9)}  ${String(r.customers).padStart(9)}  ${r.actual.toFixed(3).padStart(6)}  ${r.expected.toFixed(3).padStart(8)}`,
    );
  }
  console.log(
    `mean absolute error ${table.meanAbsoluteError.toFixed(3)}; total actual ${table.totalActual}, expected ${table.totalExpected.toFixed(1)}`,
  );
}

// ── churn: top of the recovery plan (value at risk → tiers, actions, a $300 budget) ─────────────
{
  const { churnRisk, fitBgNbd, fitGammaGamma, prioritizeRecovery } = await import(
    "../src/index.js"
  );
  // Calibration summary in weeks (1997-01-01 … 1997-09-30), same-day purchases merged.
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const end = day("1997-09-30");
  const days = new Map<string, Map<number, number>>();
  for (const t of transactions) {
    const d = day(t.date);
    if (d > end) continue;
    const m = days.get(t.customerId) ?? new Map<number, number>();
    m.set(d, (m.get(d) ?? 0) + Math.round(Number(t.amount) * 100));
    days.set(t.customerId, m);
  }
  const customers = [...days].map(([customerId, m]) => {
    const s = [...m].sort((a, b) => a[0] - b[0]);
    const x = s.length - 1;
    const cents = s.slice(1).reduce((acc, [, c]) => acc + c, 0);
    return {
      customerId,
      frequency: x,
      recency: x === 0 ? 0 : (s[x]![0] - s[0]![0]) / 7,
      T: (end - s[0]![0]) / 7,
      monetaryValue: x === 0 ? 0 : cents / x / 100,
    };
  });
  const model = fitBgNbd(customers);
  const spendModel = fitGammaGamma(customers.filter((c) => c.frequency > 0));
  const risk = churnRisk(model, customers, {
    spendModel,
    horizon: 52,
    discountRate: 1.15 ** (1 / 52) - 1,
    unit: "week",
    margin: 0.3,
  });
  const plan = prioritizeRecovery(
    customers.map((c, i) => ({
      customerId: c.customerId,
      value: risk[i]!.residualValue,
      cause: "unknown" as const,
      cost: 4,
      recency: c.T - c.recency,
    })),
    { budget: 300, halfLife: 26 },
  );
  console.log(
    `\nTop of the recovery plan ($4 offer, $300 budget, ${plan.budget!.method} selection, spend $${plan.budget!.spend.toFixed(2)}, expected net $${plan.budget!.expectedNetValue.toFixed(2)}):`,
  );
  console.log("rank  customer  tier      action                 P(win-back)  net value  selected");
  for (const e of plan.entries.slice(0, 5)) {
    console.log(
      `${String(e.rank).padStart(4)}  ${String(e.customerId).padStart(8)}  ${e.tier.padEnd(8)}  ${e.action.padEnd(21)}  ${e.winBackProbability.toFixed(3).padStart(11)}  ${e.expectedNetValue.toFixed(2).padStart(9)}  ${e.selected ? "yes" : "no"}`,
    );
  }
}
// ── end churn ─────────────────────────────────────────────────────────────────────────────────────
