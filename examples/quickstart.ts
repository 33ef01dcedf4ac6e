/**
 * The whole story on the bundled CDNOW sample: `npm run example`.
 * Each section below prints one table; later sections build on earlier ones.
 */
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
console.log("customer-value quickstart — CDNOW sample (2,357 customers, Jan 1997 – Jun 1998)\n");
console.log(`Loaded ${transactions.length.toLocaleString("en-US")} transactions.`);

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
