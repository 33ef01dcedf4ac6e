/**
 * lifetimes' Quickstart (docs/Quickstart.md of lifetimes 0.11.3, lines 264–340) on its own CDNOW
 * summary: the Gamma-Gamma's conditional expected average profit and the CLV table of
 * `ggf.customer_lifetime_value(bgf, …, time=12, discount_rate=0.01)`. lifetimes' loop takes steps
 * of 30 model units (its default `freq="D"`, on weekly data), so the CLV is reproduced by stating
 * time in those steps (docs/migrating.md explains it).
 */
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedSpend,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
} from "../../src/index.js";
import { cdnowSummaryWithSpend } from "../fixtures/load.js";

const customers = cdnowSummaryWithSpend();
const purchase = fitBgNbd(customers);
const spend = fitGammaGamma(customers);

/** The purchase model and the customers with time measured in steps of `step` model units. */
function inSteps(step: number) {
  return {
    purchase: { ...purchase, params: { ...purchase.params, alpha: purchase.params.alpha / step } },
    rows: customers.map((c) => ({ ...c, recency: c.recency / step, T: c.T / step })),
  };
}

describe("lifetimes' Quickstart on the CDNOW summary", () => {
  it("conditional expected average profit of customers 1–10 (Quickstart.md lines 283–292) and its mean 35.2529588256 (line 304)", () => {
    const printed = [
      24.658619, 18.911489, 35.170981, 35.170981, 35.170981, 71.462843, 18.911489, 35.170981,
      27.282408, 35.170981,
    ];
    const ours = conditionalExpectedSpend(spend, customers.slice(0, 10)).map((m) => m.toNumber());
    // lifetimes' optimiser stops a few 1e-7 (relative) from ours: 6 significant digits agree
    ours.forEach((m, i) => {
      expect(m).toBeCloseTo(printed[i]!, 4);
    });
    const all = conditionalExpectedSpend(spend, customers);
    expect(all.reduce((s, m) => s + m.toNumber(), 0) / all.length).toBeCloseTo(35.2529588256, 5);
  });

  it("CLV with time=12, discount_rate=0.01, freq='D' (Quickstart.md lines 325–334)", () => {
    const printed = [
      140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574,
      167.418216, 38.180574,
    ];
    const steps = inSteps(30);
    const clv = customerLifetimeValue(
      { purchase: steps.purchase, spend },
      steps.rows.slice(0, 10),
      {
        horizon: 12,
        discountRate: 0.01,
      },
    ).map((v) => v.toNumber());
    // relative agreement to 1e-6 (the fits differ in the 7th digit), i.e. every value to the cent
    clv.forEach((v, i) => {
      expect(Math.abs(v / printed[i]! - 1)).toBeLessThan(1e-6);
    });
  });

  it("is 3.9 times the value of 12 calendar months at 1 % a month for customer 1", () => {
    const months = customerLifetimeValue({ purchase, spend }, customers.slice(0, 1), {
      horizon: 12,
      discountRate: 0.01,
      unit: "month",
      unitConversion: "calendar-average",
    })[0]!.toNumber();
    expect(months).toBeCloseTo(36.2999, 3);
    expect(140.096211 / months).toBeCloseTo(3.86, 2);
  });
});
