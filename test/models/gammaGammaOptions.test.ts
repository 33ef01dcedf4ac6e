/**
 * The Gamma-Gamma's options (issue 16): non-positive mean spends left out and counted
 * (`excludedCount`, `nonPositiveSpend`), predictions at a mean of 0, the q > 1 constraint
 * (`constrainFiniteMean`, lifetimes' `q_constraint`) and the first transaction in the mean
 * (`firstTransaction`, CLVTools' `remove.first.transaction = FALSE`). References: lifetimes 0.11.3
 * tests/test_estimation.py:268-280 [L]; [computed] by test/fixtures/lifetimesPenalty.py (scipy on
 * the Gamma-Gamma likelihood of note 025; CDNOW_master summarised per day in Python, independently
 * of `summarizeTransactions`), stored in test/fixtures/lifetimesPenalty.json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedSpend,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  InvalidInputError,
  ModelFitError,
  summarizeTransactions,
} from "../../src/index.js";
import { cdnowMaster, cdnowSummaryWithSpend } from "../fixtures/load.js";
import { gamma, random } from "./simulate.js";

const reference = JSON.parse(
  readFileSync(new URL("../fixtures/lifetimesPenalty.json", import.meta.url), "utf8"),
) as Record<string, number[]>;
const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const expectParams = (params: { p: number; q: number; v: number }, want: number[]) => {
  expect(rel(params.p, want[0]!)).toBeLessThan(1e-5);
  expect(rel(params.q, want[1]!)).toBeLessThan(1e-5);
  expect(rel(params.v, want[2]!)).toBeLessThan(1e-5);
};

describe("CDNOW_master: a zero-spend repeat buyer no longer stops the CLV run (issue 16)", () => {
  // Days as periods, so that [computed] can summarise the log the same way in Python.
  const rows = summarizeTransactions(cdnowMaster(), {
    observationEnd: "1998-06-30",
    unit: "day",
    bucketing: "calendar",
  });
  const zero = rows[10243]!;
  const spend = fitGammaGamma(rows);
  it("customers[10243] is the repeat buyer of mean spend 0 (customer 10244)", () => {
    expect(zero.customerId).toBe("10244");
    expect(zero.frequency).toBe(1);
    expect(zero.monetaryValue.toString()).toBe("0");
    expect(zero.totalSpend.toString()).toBe("15.96");
  });
  it("fitGammaGamma leaves that customer out and counts them [computed]", () => {
    const [p, q, v, fitted, left] = reference["gammaGamma master exclude"]!;
    expect(spend.excludedCount).toBe(left);
    expect(spend.excludedCount).toBe(1);
    expect(spend.customerCount).toBe(fitted);
    expect(spend.firstTransaction).toBe("exclude");
    expectParams(spend.params, [p!, q!, v!]);
  });
  it('nonPositiveSpend: "error" restores the error, at that row', () => {
    expect(() => fitGammaGamma(rows, { nonPositiveSpend: "error" })).toThrow(
      /Expected a positive amount, received 0\n {2}→ at customers\[10243\]\.monetaryValue/,
    );
  });
  it("the expected spend at a mean of 0 is p·v/(p·x + q − 1), and the CLV is finite", () => {
    const { p, q, v } = spend.params;
    const [expected] = conditionalExpectedSpend(spend, [zero]);
    expect(rel(expected!.toNumber(), (p * v) / (p + q - 1))).toBeLessThan(1e-14);
    const purchase = fitBgNbd(rows);
    const clv = customerLifetimeValue({ purchase, spend }, rows, {
      horizon: 52,
      unit: "week",
      unitConversion: "calendar-average",
      discountRate: 0.01,
    });
    expect(clv.length).toBe(23_570);
    expect(clv[10243]!.toNumber()).toBeGreaterThan(0);
    expect(Number.isFinite(clv[10243]!.toNumber())).toBe(true);
  });
  it("a negative mean is still an error in the predictions", () => {
    expect(() => conditionalExpectedSpend(spend, [{ frequency: 1, monetaryValue: -1 }])).toThrow(
      /Expected an amount ≥ 0, received -1\n {2}→ at customers\[0\]\.monetaryValue/,
    );
  });

  it('firstTransaction: "include" fits every customer on totalSpend / (frequency + 1) [computed]', () => {
    const [p, q, v, fitted, left] = reference["gammaGamma master include"]!;
    const all = fitGammaGamma(rows, { firstTransaction: "include" });
    expect(all.firstTransaction).toBe("include");
    expect(all.customerCount).toBe(fitted);
    expect(all.excludedCount).toBe(left);
    expectParams(all.params, [p!, q!, v!]);
    // Predictions read the same convention: x = frequency + 1, z̄ = totalSpend / x.
    const [e] = conditionalExpectedSpend(all, [zero]);
    const x = 2;
    const zbar = 15.96 / 2;
    const want = (all.params.p * (all.params.v + x * zbar)) / (all.params.p * x + all.params.q - 1);
    expect(rel(e!.toNumber(), want)).toBeLessThan(1e-14);
    expect(() => conditionalExpectedSpend(all, [{ frequency: 1, monetaryValue: 5 }])).toThrow(
      /customers\[0\]\.totalSpend/,
    );
    // customerLifetimeValue's spend path reads it the same way.
    const purchase = fitBgNbd(rows);
    const options = { horizon: "infinite", discountRate: 0.001 } as const;
    const a = customerLifetimeValue({ purchase, spend: all }, [zero], options)[0]!.toNumber();
    const b = customerLifetimeValue({ purchase, spend }, [zero], options)[0]!.toNumber();
    const [eExcluded] = conditionalExpectedSpend(spend, [zero]);
    expect(rel(a / b, e!.toNumber() / eExcluded!.toNumber())).toBeLessThan(1e-12);
  });
});

describe("constrainFiniteMean (lifetimes' q_constraint)", () => {
  const repeaters = cdnowSummaryWithSpend().filter((row) => row.frequency > 0);
  it("CDNOW: p 6.25, q 3.74, v 15.44 as lifetimes' q_constraint test [L], the free fit's estimates", () => {
    const free = fitGammaGamma(repeaters);
    const constrained = fitGammaGamma(repeaters, { constrainFiniteMean: true });
    expect(constrained.params.p.toFixed(2)).toBe("6.25");
    expect(constrained.params.q.toFixed(2)).toBe("3.74");
    expect(constrained.params.v.toFixed(2)).toBe("15.45"); // lifetimes asserts 15.44 to decimal=2
    for (const k of ["p", "q", "v"] as const) {
      expect(rel(constrained.params[k], free.params[k])).toBeLessThan(1e-5);
      // An interior maximum: the delta-method SE of q = 1 + e^θ is the free fit's.
      expect(rel(constrained.standardErrors[k], free.standardErrors[k])).toBeLessThan(1e-3);
    }
  });
  it("data favouring q ≤ 1: the free fit gives q < 1, the constrained one says the maximum is at q → 1", () => {
    // Spend rates ν ~ Gamma(q = 0.6, v = 10): the population mean p·v/(q − 1) is infinite.
    const u = random(16);
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const x = 1 + (i % 6);
      const nu = gamma(u, 0.6, 10);
      let total = 0;
      for (let k = 0; k < x; k++) total += gamma(u, 4, nu);
      return { frequency: x, monetaryValue: total / x };
    });
    const free = fitGammaGamma(rows);
    expect(free.params.q).toBeLessThan(1);
    expect(() => fitGammaGamma(rows, { constrainFiniteMean: true })).toThrow(ModelFitError);
    expect(() => fitGammaGamma(rows, { constrainFiniteMean: true })).toThrow(/boundary q → 1/);
    // The same on CDNOW under penalty 0.01, where the penalised q is 0.968 [computed].
    const penalised = fitGammaGamma(repeaters, { penalty: 0.01 });
    expect(rel(penalised.params.q, reference["gammaGamma 0.01"]![1]!)).toBeLessThan(1e-5);
    expect(() => fitGammaGamma(repeaters, { penalty: 0.01, constrainFiniteMean: true })).toThrow(
      /boundary q → 1/,
    );
  });
  it("a starting q ≤ 1 is an input error under the constraint", () => {
    expect(() =>
      fitGammaGamma(repeaters, { constrainFiniteMean: true, initial: { q: 1 } }),
    ).toThrow(/options\.initial\.q/);
  });
});

describe("Gamma-Gamma option errors", () => {
  it("bad option values and bad rows in one error", () => {
    let error: unknown;
    try {
      fitGammaGamma([{ frequency: -1, monetaryValue: 1 }], {
        nonPositiveSpend: "drop",
        firstTransaction: true,
        penalty: -1,
      } as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const paths = (error as InvalidInputError).issues.map((i) => i.path.join("."));
    expect(paths).toEqual([
      "options.nonPositiveSpend",
      "options.firstTransaction",
      "options.penalty",
      "customers.0.frequency",
    ]);
  });
  it("every customer with a mean ≤ 0: an error that says how many were left out", () => {
    expect(() => fitGammaGamma([{ frequency: 2, monetaryValue: 0, count: 3 }])).toThrow(
      /No customer has a positive mean spend \(3 left out/,
    );
  });
  it('"include" needs totalSpend on every row', () => {
    expect(() =>
      fitGammaGamma([{ frequency: 0, monetaryValue: 0 }], { firstTransaction: "include" }),
    ).toThrow(/customers\[0\]\.totalSpend/);
  });
});
