/**
 * Lifetime value with the buy-till-you-die models on the CDNOW sample: `npx tsx examples/lifetime-value.ts`.
 *
 * Fits the three purchase models (BG/NBD, MBG/NBD, Pareto/NBD) and the Gamma-Gamma spend model on
 * the 39-week calibration period, compares them, and reads the predictions for three customers:
 * P(alive), expected purchases in the next 39 weeks, expected spend per purchase, DERT, and CLV over
 * 52 weeks and over an infinite horizon. See docs/lifetime-value.md.
 */
import {
  compareModels,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  probabilityAlive,
  splitCalibrationHoldout,
} from "../src/index.js";
import { loadCdnowSample } from "./data/load.js";
import { table } from "./lib/charts.js";

const customers = splitCalibrationHoldout(loadCdnowSample(), {
  calibrationEnd: "1997-09-30",
  observationEnd: "1998-06-30",
  unit: "week",
  bucketing: "elapsed",
});
const unit = { unit: "week" } as const;
const fits = [
  fitBgNbd(customers, unit),
  fitMbgNbd(customers, unit),
  fitParetoNbd(customers, unit),
] as const;
const spendModel = fitGammaGamma(customers);

console.log("Purchase models fitted to 2,357 CDNOW customers (weeks, calibration to 1997-09-30)\n");
const comparison = compareModels([...fits]);
console.log(
  table(
    ["model", "parameters", "log-likelihood", "BIC", "holdout: predicted / actual"],
    fits.map((model, i) => {
      const predicted = conditionalExpectedPurchases(model, customers, { horizon: 39 }).reduce(
        (s, v) => s + v,
        0,
      );
      const actual = customers.reduce((s, c) => s + c.holdoutFrequency, 0);
      return [
        model.kind,
        Object.entries(model.params)
          .map(([name, value]) => `${name} ${(value as number).toPrecision(4)}`)
          .join(", "),
        model.logLikelihood.toFixed(2),
        comparison.rows[i]!.bic.toFixed(1),
        `${predicted.toFixed(1)} / ${actual}`,
      ];
    }),
  ),
);
console.log(`recommended by BIC: ${fits[comparison.recommended]!.kind}`);
const s = spendModel.params;
console.log(
  `Gamma-Gamma spend model: p ${s.p.toFixed(4)}, q ${s.q.toFixed(4)}, v ${s.v.toFixed(4)}, log-likelihood ${spendModel.logLikelihood.toFixed(2)}`,
);

// ── predictions for three customers, BG/NBD ───────────────────────────────────────────────────
const [purchaseModel] = fits;
const annual = 0.15; // discount rate per year
const weekly = (1 + annual) ** (1 / 52) - 1; // per week, for period-by-period discounting
const picked = ["1", "509", "1000"].map((id) => customers.find((c) => c.customerId === id)!);
const clv52 = customerLifetimeValue({ purchase: purchaseModel, spend: spendModel }, picked, {
  horizon: 52,
  discountRate: weekly,
  unit: "week",
});
const clvForever = customerLifetimeValue({ purchase: purchaseModel, spend: spendModel }, picked, {
  horizon: "infinite",
  discountRate: weekly,
  unit: "week",
});
const dert = discountedExpectedResidualPurchases(purchaseModel, picked, {
  continuousDiscountRate: Math.log(1 + annual) / 52,
});
console.log("\nThree customers under the BG/NBD (revenue; 15 %/year; multiply by your margin)\n");
console.log(
  table(
    [
      "customer",
      "x",
      "t_x",
      "T",
      "P(alive)",
      "E[purchases, 39 w]",
      "E[spend]",
      "DERT",
      "CLV 52 w",
      "CLV ∞",
    ],
    picked.map((c, i) => [
      c.customerId,
      c.frequency,
      c.recency.toFixed(2),
      c.T.toFixed(2),
      probabilityAlive(purchaseModel, [c])[0]!.toFixed(4),
      conditionalExpectedPurchases(purchaseModel, [c], { horizon: 39 })[0]!.toFixed(4),
      conditionalExpectedSpend(spendModel, [c])[0]!.toFixed(2),
      dert[i]!.toFixed(3),
      clv52[i]!.toFixed(2),
      clvForever[i]!.toFixed(2),
    ]),
  ),
);
