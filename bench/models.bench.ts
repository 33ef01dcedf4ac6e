/**
 * Continuous buy-till-you-die models (BG/NBD, MBG/NBD, Gamma–Gamma, CLV), medians including validation.
 * `npm run bench -- models`.
 */
import {
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  probabilityAlive,
} from "../src/index.js";
import { cdnow, cdnowSummaryWithSpend, inWeeks, millionDailyCustomers } from "./btydCustomers.js";
import { bench, report } from "./harness.js";

const repeaters = cdnowSummaryWithSpend().filter((row) => row.frequency > 0);

bench("fitBgNbd, CDNOW summary (2,357 customers)", () => fitBgNbd(cdnow), {
  targetMs: 10,
  runs: 15,
});
bench("fitMbgNbd, CDNOW summary", () => fitMbgNbd(cdnow), { runs: 15 });
bench("fitGammaGamma, CDNOW repeaters (946)", () => fitGammaGamma(repeaters), {
  targetMs: 5,
  runs: 15,
});

// 1,000,000 customers observed for 6–12 months, times in whole days.
const daily = millionDailyCustomers(true);
bench("fitBgNbd, 1,000,000 simulated customers (days)", () => fitBgNbd(daily, { unit: "day" }), {
  targetMs: 1500,
  runs: 3,
});

// The same customers in weeks (daily resolution), scored over the next 52 weeks.
const weekly = inWeeks(daily);
const model = fitBgNbd(weekly, { unit: "week" });
bench(
  "P(alive) + conditional expected purchases (52 weeks), 1,000,000 customers",
  () => {
    probabilityAlive(model, weekly);
    return conditionalExpectedPurchases(model, weekly, { horizon: 52 });
  },
  { targetMs: 300, runs: 5 },
);

const spendModel = fitGammaGamma(weekly.filter((c) => c.frequency > 0));
bench(
  "customerLifetimeValue, 1,000,000 customers (52 weekly periods)",
  () =>
    customerLifetimeValue({ purchase: model, spend: spendModel }, weekly, {
      horizon: 52,
      discountRate: 0.0027,
      unit: "week",
    }),
  { targetMs: 1000, runs: 3 },
);
report();
