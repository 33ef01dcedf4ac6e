/**
 * Subscription retention with the shifted-beta-geometric model, on the two cohorts of Fader &
 * Hardie (2007), "How to project customer retention" (Table 1): fit on the first 8 years, project
 * survival and retention to year 12, value a subscriber. `npx tsx examples/subscription-retention.ts`
 */
import {
  expectedRemainingLifetime,
  fitSbg,
  retentionCurve,
  subscriptionLifetimeValue,
  survivalCurve,
} from "../src/index.js";

const cohorts = {
  regular: [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173],
  "high end": [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394],
};

console.log(
  "Shifted-beta-geometric retention — Fader & Hardie (2007) cohorts of 1,000 customers\n",
);
for (const [name, counts] of Object.entries(cohorts)) {
  const model = fitSbg(counts.slice(0, 8), { unit: "year" }); // calibrate on years 1–8
  const { alpha, beta } = model.params;
  console.log(
    `${name}: alpha ${alpha.toFixed(3)} (SE ${model.standardErrors.alpha.toFixed(3)}), beta ${beta.toFixed(3)} (SE ${model.standardErrors.beta.toFixed(3)}), log-likelihood ${model.logLikelihood.toFixed(2)}`,
  );
  console.log(
    `  mean churn probability alpha/(alpha+beta) = ${(alpha / (alpha + beta)).toFixed(3)}`,
  );
  const curve = survivalCurve(model, { periods: 12 });
  const rates = retentionCurve(model, { periods: 12 }); // r(1) … r(12)
  console.log("  renewals  actual  projected  retention");
  for (let t = 0; t <= 12; t++) {
    const mark = t >= 8 ? " (holdout)" : "";
    const retention = t === 0 ? "" : rates[t - 1]!.toFixed(3);
    console.log(
      `  ${String(t).padStart(8)}  ${String(counts[t]).padStart(6)}  ${(curve[t]! * 1000).toFixed(1).padStart(9)}  ${retention.padStart(9)}${mark}`,
    );
  }
  console.log("  value at 10 % per period, $100 per period (paid at the start of each period):");
  console.log(
    `    new subscriber (DEL):  $${subscriptionLifetimeValue(model, { pricePerPeriod: "100", discountRate: 0.1 }).toFixed(2)}`,
  );
  for (const renewals of [1, 4, 7]) {
    const derl = expectedRemainingLifetime(model, { renewals, discountRate: 0.1 });
    const value = subscriptionLifetimeValue(model, {
      pricePerPeriod: "100",
      discountRate: 0.1,
      renewals,
    });
    console.log(
      `    after ${renewals} renewal(s): DERL ${derl.toFixed(3)} payments, residual value $${value.toFixed(2)}`,
    );
  }
  console.log("");
}
