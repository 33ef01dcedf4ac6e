/**
 * Parameter recovery: data simulated from known parameters (test/models/simulate.ts) are refitted,
 * and the estimates must lie within 4 standard errors of the truth (seeded, so deterministic).
 */
import { describe, expect, it } from "vitest";
import { fitBgNbd, fitGammaGamma, fitMbgNbd } from "../../src/index.js";
import { simulateCustomers } from "./simulate.js";

const truth = { r: 0.3, alpha: 5, a: 0.7, b: 2.5 };
const spend = { p: 5, q: 4, v: 20 };

function within<K extends string>(
  est: Record<K, number>,
  se: Record<K, number>,
  expected: Record<K, number>,
) {
  for (const key of Object.keys(expected) as K[]) {
    const z = Math.abs(est[key] - expected[key]) / se[key];
    expect(z, `${key}: estimate ${est[key]} ± ${se[key]} vs ${expected[key]}`).toBeLessThan(4);
  }
}

describe("refitting simulated data recovers the parameters", () => {
  it("BG/NBD (20,000 customers, weeks)", () => {
    const rows = simulateCustomers({ ...truth, n: 20000, minT: 26, maxT: 52, seed: 1 });
    const fit = fitBgNbd(rows, { unit: "week" });
    within(fit.params, fit.standardErrors, truth);
  });
  it("MBG/NBD (20,000 customers, weeks)", () => {
    const rows = simulateCustomers({
      ...truth,
      modified: 1,
      n: 20000,
      minT: 26,
      maxT: 52,
      seed: 2,
    });
    const fit = fitMbgNbd(rows, { unit: "week" });
    within(fit.params, fit.standardErrors, truth);
  });
  it("BG/NBD at daily resolution: α scales with the unit (×7)", () => {
    const daily = { ...truth, alpha: truth.alpha * 7 };
    const rows = simulateCustomers({
      ...daily,
      n: 20000,
      minT: 182,
      maxT: 365,
      resolution: 1,
      seed: 3,
    });
    const fit = fitBgNbd(rows, { unit: "day" });
    within(fit.params, fit.standardErrors, daily);
  });
  it("Gamma-Gamma (repeat buyers of 20,000 simulated customers)", () => {
    const rows = simulateCustomers({ ...truth, n: 20000, minT: 26, maxT: 52, spend, seed: 4 });
    const fit = fitGammaGamma(rows.filter((row) => row.frequency > 0));
    within(fit.params, fit.standardErrors, spend);
  });
});
