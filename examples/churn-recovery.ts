/**
 * Churn recovery on the bundled CDNOW sample: `npx tsx examples/churn-recovery.ts`.
 * 1. Summarise the calibration period (1997-01-01 … 1997-09-30) in weeks, fit BG/NBD + Gamma-Gamma.
 * 2. churnRisk: P(alive), P(no purchase in the next 4 weeks), residual value, value at risk.
 * 3. prioritizeRecovery on the churnRisk rows as they are (the recipe of docs/churn-recovery.md and
 *    the README: value = value at risk, P(alive), days since the last purchase), a $4 offer and a
 *    $300 budget; recoveryPlanSummary.
 * 4. Model-free: recencyChurnRisk, lifecycleStage and churnRate on the same data.
 */
import {
  churnRate,
  churnRisk,
  fitBgNbd,
  fitGammaGamma,
  lifecycleStage,
  prioritizeRecovery,
  recencyChurnRisk,
  recoveryPlanSummary,
  summarizeTransactions,
} from "../src/index.js";
import { loadCdnowSample } from "./data/load.js";

const transactions = loadCdnowSample();
// The 39-week calibration period, in weeks (elapsed days / 7, same-day purchases merged).
const customers = summarizeTransactions(
  transactions.filter((t) => t.date <= "1997-09-30"),
  { observationEnd: "1997-09-30", unit: "week", bucketing: "elapsed" },
);
const model = fitBgNbd(customers);
const spendModel = fitGammaGamma(customers.filter((c) => c.frequency > 0));
const risk = churnRisk({ purchase: model, spend: spendModel }, customers, {
  horizon: 52,
  discountRate: 1.15 ** (1 / 52) - 1,
  profitMargin: 0.3,
  noPurchaseWindow: 4,
});

console.log("Top 5 customers by value at risk (52-week CLV at 30 % margin):");
console.log("customer  P(alive)  P(no buy, 4w)  residual  if alive  at risk  days");
const ranked = [...risk].sort((a, b) => b.valueAtRisk.comparedTo(a.valueAtRisk));
for (const r of ranked.slice(0, 5)) {
  console.log(
    `${r.customerId!.padStart(8)}  ${r.probabilityAlive.toFixed(3).padStart(8)}  ${r.probabilityNoPurchase.toFixed(3).padStart(13)}  ${r.residualValue.toFixed(2).padStart(8)}  ${r.valueIfAlive.toFixed(2).padStart(8)}  ${r.valueAtRisk.toFixed(2).padStart(7)}  ${String(r.daysSinceLastPurchase).padStart(4)}`,
  );
}

// Every churnRisk row is a candidate as it is: a $4 offer each, $300 budget.
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
const summary = recoveryPlanSummary(plan);
console.log(
  `\nRecovery plan for ${customers.length} customers, ${summary.byAction.retain.customerCount} still likely active (retain): ${plan.budget!.method} selection, spend $${plan.budget!.spend.toFixed(2)} of $300, expected net value $${plan.budget!.expectedNetValue.toFixed(2)} (bound $${plan.budget!.upperBound.toFixed(2)})`,
);
// Entries are in input order, each with its rank; byRank lists them from rank 1 down.
for (const i of [...plan.byRank].slice(0, 5)) {
  const e = plan.entries[i]!;
  console.log(
    `  #${e.rank} ${e.customerId.padStart(5)} ${e.tier.padEnd(8)} ${e.action.padEnd(21)} P(alive) ${risk[i]!.probabilityAlive.toFixed(3)}  P(win-back) ${e.winBackProbability.toFixed(3)}  net $${e.expectedNetValue.toFixed(2)}  ${e.selected ? "selected" : ""}`,
  );
}
for (const [tier, t] of Object.entries(summary.byTier)) {
  console.log(
    `  ${tier.padEnd(21)} ${String(t.customerCount).padStart(5)} customers, ${String(t.selectedCount).padStart(4)} selected, spend $${t.spend.toFixed(2)}, expected return $${t.expectedReturn.toFixed(2)}`,
  );
}

// Model-free views.
const levels = recencyChurnRisk(customers);
const count = (level: string) => levels.filter((l) => l.level === level).length;
console.log(
  `\nRecency rule: ${count("active")} active, ${count("at-risk")} at risk, ${count("lapsed")} lapsed`,
);
const firstId = customers[0]!.customerId;
const history = transactions
  .filter((t) => t.customerId === firstId)
  .map((t) => ({ date: t.date, amount: t.amount }));
console.log(
  `Customer ${firstId}: lifecycle stage on 1998-06-30 = ${lifecycleStage(history, { asOf: "1998-06-30", unit: "month" }).stage}`,
);
const last = new Map<string, string>();
const first = new Map<string, string>();
for (const t of transactions) {
  if (!first.has(t.customerId) || t.date < first.get(t.customerId)!)
    first.set(t.customerId, t.date);
  if (!last.has(t.customerId) || t.date > last.get(t.customerId)!) last.set(t.customerId, t.date);
}
// Declare a customer lost 26 weeks after the last purchase (a convention for this example).
const tenures = [...first].map(([id, acquiredAt]) => {
  const lost = new Date(Date.parse(`${last.get(id)!}T00:00:00Z`) + 182 * 86_400_000);
  return lost < new Date("1998-07-01T00:00:00Z") ? { acquiredAt, churnedAt: lost } : { acquiredAt };
});
const q = churnRate(tenures, { periodStart: "1998-01-01", periodEnd: "1998-03-31" }); // both inclusive
console.log(
  `Q1 1998: ${q.customerCountAtStart} customers at the start, ${q.lostCustomerCount} lost → churn ${(q.churnRate * 100).toFixed(1)} %, retention ${(q.retentionRate * 100).toFixed(1)} %`,
);
