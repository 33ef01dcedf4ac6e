/**
 * Gamma-Gamma on the 946 CDNOW repeat buyers. Sources: Fader, Hardie & Lee (2005, JMR) / Hardie note
 * 025 [P] (p 6.25, q 3.74, v 15.44; spreadsheet conditional expectations, 2 decimals); lifetimes
 * 0.11.3 [L] (values and standard errors) and high-precision computations [C].
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  type GammaGammaModel,
  InvalidInputError,
} from "../../src/index.js";
import { cdnowSummaryWithSpend } from "../fixtures/load.js";

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const THETA = { p: 6.248802496074264, q: 3.744588460923312, v: 15.447748064932831 };
const model: GammaGammaModel = {
  kind: "gamma-gamma",
  params: THETA,
  logLikelihood: 0,
  standardErrors: { p: 0, q: 0, v: 0 },
  iterations: 0,
  converged: true,
  customerCount: 0,
};
const all = cdnowSummaryWithSpend();
const repeaters = all.filter((row) => row.frequency > 0);

describe("fitGammaGamma on CDNOW repeaters", () => {
  const fit = fitGammaGamma(repeaters);
  it("reproduces p 6.249, q 3.745, v 15.45, LL −4055.92 [P, C]", () => {
    expect(fit.params.p.toFixed(3)).toBe("6.249");
    expect(fit.params.q.toFixed(3)).toBe("3.745");
    expect(fit.params.v.toFixed(2)).toBe("15.45");
    expect(fit.logLikelihood.toFixed(2)).toBe("-4055.92");
    expect(fit.customerCount).toBe(946);
  });
  it("matches θ_GG to 2e-6, the LL to 1e-12 and the SEs to 1e-6", () => {
    for (const [k, v] of Object.entries(THETA)) {
      expect(rel(fit.params[k as keyof typeof THETA], v)).toBeLessThan(2e-6);
    }
    expect(rel(fit.logLikelihood, -4055.9232435028653)).toBeLessThan(1e-12);
    const se = { p: 1.18968704808, q: 0.290165617449, v: 4.15999392842 };
    for (const [k, v] of Object.entries(se)) {
      expect(rel(fit.standardErrors[k as keyof typeof se], v)).toBeLessThan(1e-6);
    }
  });
  it("gives the same fit from Decimal and number amounts", () => {
    const decimals = repeaters.map((r) => ({ ...r, monetaryValue: new Decimal(r.monetaryValue) }));
    const numbers = repeaters.map((r) => ({ ...r, monetaryValue: Number(r.monetaryValue) }));
    expect(fitGammaGamma(decimals).params).toEqual(fit.params);
    expect(fitGammaGamma(numbers).params).toEqual(fit.params);
  });
});

describe("conditionalExpectedSpend at θ_GG", () => {
  it("reference customers [L] (lifetimes 0.11.3)", () => {
    const cases: [number, string, number][] = [
      [2, "22.35", 24.6586161892],
      [1, "11.77", 18.9114798699],
      [0, "0", 35.1710021525],
      [29, "26.26", 26.3929476635],
      [5, "194.86", 181.965071445],
      [7, "14.60", 15.8145309346],
      [26, "39.97", 39.8902772302],
      [21, "299.63", 294.212114331],
      [4, "33.32", 33.5031390073],
    ];
    for (const [x, m, v] of cases) {
      const value = conditionalExpectedSpend(model, [{ frequency: x, monetaryValue: m }])[0]!;
      expect(Decimal.isDecimal(value)).toBe(true);
      expect(rel(value.toNumber(), v)).toBeLessThan(1e-10);
    }
  });
  it("Hardie's spreadsheet, first 10 CDNOW customers (2 decimals) [P]", () => {
    const printed = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    conditionalExpectedSpend(model, all.slice(0, 10)).forEach((spend, i) => {
      const value = spend.toNumber();
      expect(Math.abs(value - printed[i]!)).toBeLessThanOrEqual(0.01 + 1e-9);
    });
  });
  it("sum over the 946 repeaters [L]", () => {
    const total = conditionalExpectedSpend(model, repeaters).reduce(
      (s, spend) => s + spend.toNumber(),
      0,
    );
    expect(rel(total, 33464.93838376285)).toBeLessThan(1e-12);
  });
  it("errors: bad frequency, negative amount, q ≤ 1 for a new customer", () => {
    const check = (f: () => unknown, path: string) => {
      expect(f).toThrow(InvalidInputError);
      expect(f).toThrow(path);
    };
    check(
      () => conditionalExpectedSpend(model, [{ frequency: -1, monetaryValue: 1 }]),
      "customers[0].frequency",
    );
    check(
      () => conditionalExpectedSpend(model, [{ frequency: 2, monetaryValue: -0.01 }]),
      "customers[0].monetaryValue",
    );
    check(
      () => conditionalExpectedSpend(model, [{ frequency: 2, monetaryValue: "1,5" }]),
      "customers[0].monetaryValue",
    );
    const flat = { ...model, params: { ...THETA, q: 0.9 } };
    check(
      () => conditionalExpectedSpend(flat, [{ frequency: 0, monetaryValue: 0 }]),
      "model.params.q",
    );
    check(
      () =>
        conditionalExpectedSpend({ ...model, kind: "bg-nbd" } as never, [
          { frequency: 1, monetaryValue: 1 },
        ]),
      "model.kind",
    );
  });
});

describe("fitGammaGamma input errors", () => {
  it.each([
    ["negative frequency", [{ frequency: -1, monetaryValue: 10 }], "customers[0].frequency"],
    ["non-integer frequency", [{ frequency: 1.2, monetaryValue: 10 }], "customers[0].frequency"],
    ["bad amount", [{ frequency: 1, monetaryValue: "abc" }], "customers[0].monetaryValue"],
    ["bad count", [{ frequency: 1, monetaryValue: 1, count: 1.5 }], "customers[0].count"],
  ])("%s", (_name, rows, path) => {
    expect(() => fitGammaGamma(rows as never)).toThrow(InvalidInputError);
    expect(() => fitGammaGamma(rows as never)).toThrow(path);
  });
  it("empty data or no repeat buyer", () => {
    expect(() => fitGammaGamma([])).toThrow(InvalidInputError);
    expect(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }])).toThrow(/repeat buyers only/);
  });
  it("skips customers without repeat purchases (summarizeTransactions rows as they are)", () => {
    const fit = fitGammaGamma(all);
    expect(fit.customerCount).toBe(946);
    expect(rel(fit.logLikelihood, -4055.9232435028653)).toBeLessThan(1e-12);
  });
});
