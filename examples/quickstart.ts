/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 *
 * 1. the customer base: transaction log → one summary row per customer
 * 2. a purchase model (BG/NBD) and a spend model (Gamma-Gamma): parameters and fit quality on a
 *    39-week holdout
 * 3. what customers are worth: the top 10 by 52-week CLV (and the textbook retention formula)
 * 4. which segment they are in: RFM segments
 * 5. how satisfied and loyal they are: a small survey
 * 6. who to win back first: the top of a budgeted recovery plan
 * 7. charts: five SVG files in examples/output/ (see examples/charts.ts)
 *
 * Each section prints one table; later sections reuse the rows and models of earlier ones.
 */
import {
  assignSegments,
  churnRisk,
  customerLifetimeValue,
  customerSatisfactionScore,
  fitBgNbd,
  fitGammaGamma,
  holdoutComparison,
  netPromoterScore,
  prioritizeRecovery,
  probabilityAlive,
  retentionLifetimeValue,
  rfmScores,
  rfmTable,
  satisfactionLoyaltySegment,
  segmentSummary,
  splitCalibrationHoldout,
  summarizeTransactions,
} from "../src/index.js";
import { writeCharts } from "./charts.js";
import { loadCdnowSample } from "./data/load.js";
import { table } from "./lib/charts.js";

/** Prints a numbered section title and a table. */
function section(title: string, header: readonly string[], rows: (string | number)[][]): void {
  console.log(`\n${title}\n${table(header, rows)}`);
}
const count = (n: number) => n.toLocaleString("en-US");
// Exact amounts, formatted from their decimal digits (never through a float).
const usd = (amount: { toFixed(digits: number): string }) =>
  `$${amount.toFixed(2).replace(/\B(?=(\d{3})+\.)/g, ",")}`;

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)");

// ── 1. The customer base: transaction log → one summary row per customer ─────────────────────
{
  const summaries = summarizeTransactions(transactions, {
    observationEnd: "1998-06-30",
    unit: "week",
  });
  const repeatBuyers = summaries.filter((row) => row.frequency > 0).length;
  const totalSpend = summaries.map((row) => row.totalSpend).reduce((a, b) => a.plus(b));
  const transactionCount = summaries.reduce((n, row) => n + row.transactionCount, 0);
  section(
    "1. The customer base (weeks, observation end 1998-06-30)",
    ["measure", "value"],
    [
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
    ],
  );
}

// ── 2. Models: fit on the calibration period, check on the holdout ───────────────────────────
// Calibration 1997-01-01 … 1997-09-30 (39 weeks), holdout to 1998-06-30 (39 weeks); weeks are
// elapsed days / 7; same-day purchases merged; frequency and monetaryValue count repeat purchases.
const customers = splitCalibrationHoldout(transactions, {
  calibrationEnd: "1997-09-30",
  observationEnd: "1998-06-30",
  unit: "week",
  bucketing: "elapsed",
});
const purchaseModel = fitBgNbd(customers);
const spendModel = fitGammaGamma(customers); // repeat buyers only
{
  const p = purchaseModel.params;
  const se = purchaseModel.standardErrors;
  const g = spendModel.params;
  section(
    "2. Models fitted on the 39-week calibration period",
    ["model", "parameters (standard errors)", "log-likelihood"],
    [
      [
        "BG/NBD (weeks)",
        `r ${p.r.toFixed(4)} (${se.r.toFixed(4)}), alpha ${p.alpha.toFixed(4)} (${se.alpha.toFixed(4)}), a ${p.a.toFixed(4)} (${se.a.toFixed(4)}), b ${p.b.toFixed(4)} (${se.b.toFixed(4)})`,
        purchaseModel.logLikelihood.toFixed(2),
      ],
      [
        "Gamma-Gamma (spend)",
        `p ${g.p.toFixed(4)}, q ${g.q.toFixed(4)}, v ${g.v.toFixed(4)}`,
        spendModel.logLikelihood.toFixed(2),
      ],
    ],
  );
  const check = holdoutComparison(purchaseModel, customers, { by: "frequency", maxBin: 7 });
  section(
    "   Fit quality: mean repeat purchases in the 39-week holdout, by calibration frequency",
    ["frequency", "customers", "actual", "expected"],
    check.rows.map((r) => [r.label, r.customerCount, r.actual.toFixed(3), r.expected.toFixed(3)]),
  );
  console.log(
    `   total: predicted ${check.totalExpected.toFixed(1)} repeat purchases, actual ${check.totalActual}; mean absolute error per bin ${check.meanAbsoluteError.toFixed(3)}`,
  );
}

// ── 3. What customers are worth ───────────────────────────────────────────────────────────────
// 52-week CLV, 15 % a year as a weekly rate, 30 % margin.
const weeklyDiscountRate = 1.15 ** (1 / 52) - 1;
{
  const clv = customerLifetimeValue({ purchase: purchaseModel, spend: spendModel }, customers, {
    horizon: 52, // weeks: the models' unit
    discountRate: weeklyDiscountRate,
    profitMargin: 0.3,
  });
  const alive = probabilityAlive(purchaseModel, customers);
  const top = customers
    .map((c, i) => ({ ...c, clv: clv[i]!, alive: alive[i]! }))
    .sort((a, b) => b.clv.comparedTo(a.clv))
    .slice(0, 10);
  section(
    "3. Top 10 customers by 52-week CLV (margin 30 %, 15 %/year)",
    ["customer", "repeat", "recency (w)", "P(alive)", "avg spend", "CLV"],
    top.map((c) => [
      c.customerId,
      c.frequency,
      c.recency.toFixed(1),
      c.alive.toFixed(3),
      c.monetaryValue.toFixed(2),
      c.clv.toFixed(2),
    ]),
  );
  // The textbook formula, for comparison: margin 100/yr, retention 80 %, discount 10 %.
  const inputs = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
  section(
    "   Retention-formula lifetime value (margin 100/yr, retention 80 %, discount 10 %), by timing convention",
    ["timing", "value"],
    (["first-payment-now", "start-of-period", "end-of-period"] as const).map((timing) => [
      timing,
      retentionLifetimeValue({ ...inputs, timing }).value.toFixed(2),
    ]),
  );
}

// ── 4. Which segment they are in: RFM ─────────────────────────────────────────────────────────
{
  const rfm = rfmTable(transactions, { asOf: "1998-07-01" });
  const segments = assignSegments(rfmScores(rfm).scores);
  section(
    "4. RFM segments as of 1998-07-01 (quintiles, 10 classic segments)",
    ["segment", "customers", "share", "revenue $"],
    segmentSummary(segments, rfm).map((row) => [
      row.segment,
      row.customerCount,
      `${(100 * row.customerShare).toFixed(1)}%`,
      row.totalSpend.toFixed(2),
    ]),
  );
}

// ── 5. How satisfied and loyal: a 12-answer survey (see examples/satisfaction.ts) ─────────────
{
  const recommend = [10, 9, 9, 8, 7, 10, 6, 3, 9, 10, 8, 5];
  const satisfied = [5, 4, 4, 5, 3, 5, 2, 1, 4, 5, 4, 3];
  const loyalty = [5, 4, 5, 3, 2, 5, 4, 1, 3, 5, 4, 2];
  const nps = netPromoterScore(recommend);
  const csat = customerSatisfactionScore(satisfied, { scale: { min: 1, max: 5 } });
  const { counts } = satisfactionLoyaltySegment(
    satisfied.map((satisfaction, i) => ({
      customerId: `c${i + 1}`,
      satisfaction,
      loyalty: loyalty[i]!,
    })),
  );
  section(
    "5. Satisfaction to loyalty — a 12-answer survey",
    ["measure", "value"],
    [
      [
        "NPS",
        `${nps.score.toFixed(1)} (SE ${nps.standardError.toFixed(1)}, 95 % CI ${nps.confidenceInterval.lower.toFixed(1)} to ${nps.confidenceInterval.upper.toFixed(1)})`,
      ],
      ["CSAT top-2-box", `${csat.score.toFixed(1)} %`],
      [
        "Jones & Sasser segments",
        Object.entries(counts)
          .map(([segment, n]) => `${segment} ${n}`)
          .join(", "),
      ],
    ],
  );
}

// ── 6. Who to win back first: value at risk → tiers, actions, a $300 budget ───────────────────
// The recipe of docs/churn-recovery.md, the README and examples/churn-recovery.ts: each churnRisk
// row is a candidate as it is (value at risk, P(alive), whole days since the last purchase).
{
  const risk = churnRisk({ purchase: purchaseModel, spend: spendModel }, customers, {
    horizon: 52,
    discountRate: weeklyDiscountRate,
    profitMargin: 0.3,
  });
  const plan = prioritizeRecovery(
    risk.map((r) => ({
      customerId: r.customerId!,
      value: r.valueAtRisk, // (1 − P(alive)) × value if alive: what a win-back restores
      probabilityAlive: r.probabilityAlive, // above aliveThreshold: "retain", no win-back spend
      daysSinceLastPurchase: r.daysSinceLastPurchase, // whole days, like halfLifeDays
      cause: "unknown" as const,
      cost: 4,
    })),
    { budget: 300, halfLifeDays: 182, aliveThreshold: 0.5 },
  );
  const retained = plan.entries.filter((e) => e.action === "retain").length;
  section(
    `6. Top of the recovery plan ($4 offer, $300 budget, ${plan.budget!.method} selection, spend $${plan.budget!.spend.toFixed(2)}, expected net $${plan.budget!.expectedNetValue.toFixed(2)}; ${count(retained)} customers still likely active: retain)`,
    ["rank", "customer", "tier", "action", "P(alive)", "P(win-back)", "net value", "selected"],
    [...plan.byRank].slice(0, 5).map((i) => {
      const e = plan.entries[i]!;
      return [
        e.rank,
        e.customerId,
        e.tier,
        e.action,
        risk[i]!.probabilityAlive.toFixed(3),
        e.winBackProbability.toFixed(3),
        e.expectedNetValue.toFixed(2),
        e.selected ? "yes" : "no",
      ];
    }),
  );
}

// ── 7. Charts ─────────────────────────────────────────────────────────────────────────────────
{
  const paths = await writeCharts(transactions);
  console.log("\n7. Charts written to examples/output/ (SVG):");
  for (const path of paths) console.log(`   ${path.split(/[\\/]/).at(-1)}`);
}
