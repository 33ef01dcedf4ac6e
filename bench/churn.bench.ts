/**
 * Benchmarks of churn risk and recovery prioritisation, medians including validation.
 * `npm run bench -- churn`. Target: churnRisk + prioritizeRecovery (with budget) for 1,000,000
 * customers ≤ 2 s.
 */
import {
  type ChurnCause,
  churnRisk,
  fitBgNbd,
  fitGammaGamma,
  prioritizeRecovery,
  type RecoveryCandidate,
} from "../src/index.js";
import { inWeeks, millionDailyCustomers } from "./btydCustomers.js";
import { bench, report } from "./harness.js";

// 1,000,000 customers observed for 26–52 weeks (daily resolution, in weeks).
const customers = inWeeks(millionDailyCustomers(true, 11));
const model = fitBgNbd(customers, { unit: "week" });
const spendModel = fitGammaGamma(customers.filter((c) => c.frequency > 0));
const riskOptions = {
  horizon: 52,
  discountRate: 0.0027,
  unit: "week" as const,
  noPurchaseWindow: 4,
};
const causes: readonly ChurnCause[] = ["own", "third-party", "uncontrollable", "unknown"];
const offerCosts = [0, 2, 5, 10, 25];
// The ids, as a customer table would hold them: made once, outside the timed runs.
const ids = customers.map((_, i) => `c${i}`);

// The recipe of docs/churn-recovery.md: each churnRisk row is a candidate as it is (value at risk,
// P(alive), whole days since the last purchase).
function plan(risk: ReturnType<typeof churnRisk>) {
  const candidates: RecoveryCandidate[] = new Array(customers.length);
  for (let i = 0; i < customers.length; i++) {
    const r = risk[i]!;
    candidates[i] = {
      customerId: ids[i]!,
      value: r.valueAtRisk,
      probabilityAlive: r.probabilityAlive,
      daysSinceLastPurchase: r.daysSinceLastPurchase,
      cause: causes[i % 4]!,
      cost: offerCosts[i % 5]!,
    };
  }
  // Half-life 26 weeks.
  return prioritizeRecovery(candidates, { budget: 250_000, halfLifeDays: 182 });
}

// The pipeline first, while only its input is alive (a risk table kept for the single-step
// cases below would be a second million results for every collection to walk).
bench(
  "churnRisk + prioritizeRecovery (with budget), 1,000,000 customers",
  () => plan(churnRisk({ purchase: model, spend: spendModel }, customers, riskOptions)),
  { targetMs: 2000, runs: 5 },
);
bench(
  "churnRisk, 1,000,000 customers (52 weekly periods)",
  () => churnRisk({ purchase: model, spend: spendModel }, customers, riskOptions),
  { runs: 3 },
);
const risk = churnRisk({ purchase: model, spend: spendModel }, customers, riskOptions);
bench("prioritizeRecovery with budget (greedy), 1,000,000 customers", () => plan(risk), {
  runs: 3,
});
const small = Array.from({ length: 2000 }, (_, i) => ({
  customerId: `c${i}`,
  value: (i * 37) % 1000,
  cause: causes[i % 4]!,
  cost: (i % 7) + 1,
  winBackProbability: ((i * 13) % 100) / 100,
}));
bench("prioritizeRecovery exact DP, 2,000 candidates × budget 50.00 (≈ 10M cells)", () =>
  prioritizeRecovery(small, { budget: 50 }),
);
report();
