/**
 * `penalty` is lifetimes' `penalizer_coef` (issue 16). lifetimes 0.11.3 (lifetimes/fitters/*.py)
 * minimises −Σℓ/N + λ·Σp² (BG/NBD, MBG/NBD, BG/BB, Gamma-Gamma; times rescaled to max T = 1) and
 * −Σℓ + λ·Σp² (Pareto/NBD: `/ weights.mean()`, 1 with unit weights). lifetimes' own tests assert
 * no penalised estimates, so the references are [computed] by test/fixtures/lifetimesPenalty.py:
 * those objectives written out in numpy and minimised by scipy (Nelder-Mead, then BFGS to a
 * gradient of 1e-10), stored in test/fixtures/lifetimesPenalty.json.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitSbg,
} from "../../src/index.js";
import { cdnowSummary, cdnowSummaryWithSpend, donations } from "../fixtures/load.js";

const reference = JSON.parse(
  readFileSync(new URL("../fixtures/lifetimesPenalty.json", import.meta.url), "utf8"),
) as Record<string, number[]>;
const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const cdnow = cdnowSummary();

function expectParams(params: object, key: string, tolerance: number) {
  const want = reference[key]!;
  const got = Object.values(params) as number[];
  expect(got.length).toBe(want.length > 3 ? 4 : 3);
  for (const [j, value] of got.entries()) {
    expect(rel(value, want[j]!), `${key} #${j}`).toBeLessThan(tolerance);
  }
}

describe("penalty = lifetimes' penalizer_coef, on CDNOW [computed]", () => {
  it("BG/NBD, penalty 0.1: a = 0.129 as lifetimes gives (issue 16), not 0.742", () => {
    const fit = fitBgNbd(cdnow, { penalty: 0.1 });
    expect(fit.params.a.toFixed(3)).toBe("0.129");
    expectParams(fit.params, "bgNbd 0.1", 1e-5);
  });
  it.each([0.001, 0.01])("BG/NBD, penalty %s", (penalty) => {
    expectParams(fitBgNbd(cdnow, { penalty }).params, `bgNbd ${penalty}`, 1e-5);
  });
  it.each([0.001, 0.01, 0.1])("MBG/NBD, penalty %s", (penalty) => {
    expectParams(fitMbgNbd(cdnow, { penalty }).params, `modifiedBgNbd ${penalty}`, 1e-5);
  });
  it.each([0.1, 1])("Pareto/NBD, penalty %s (on the total, as lifetimes)", (penalty) => {
    expectParams(fitParetoNbd(cdnow, { penalty }).params, `paretoNbd ${penalty.toFixed(1)}`, 1e-5);
  });
  it.each([0.001, 0.01])("Gamma-Gamma, penalty %s (946 repeat buyers)", (penalty) => {
    const fit = fitGammaGamma(cdnowSummaryWithSpend(), { penalty });
    expectParams(fit.params, `gammaGamma ${penalty}`, 1e-5);
  });
  it.each([0.01, 0.1])("BG/BB, penalty %s (donations, 11,104 donors)", (penalty) => {
    expectParams(
      fitBgBb(donations(), { penalty }).params,
      `betaGeometricBetaBinomial ${penalty}`,
      1e-5,
    );
  });
  it("reports the log-likelihood without the penalty", () => {
    const plain = fitBgNbd(cdnow);
    const penalised = fitBgNbd(cdnow, { penalty: 0.1 });
    expect(penalised.logLikelihood).toBeLessThan(plain.logLikelihood);
  });
});

describe("the penalty weighs against the mean log-likelihood", () => {
  const doubled = <T extends object>(rows: readonly T[]) =>
    rows.map((row) => ({ ...row, count: 2 * ((row as { count?: number }).count ?? 1) }));
  it("BG/NBD, BG/BB and sBG: twice every customer, the same estimates", () => {
    const bg = fitBgNbd(cdnow, { penalty: 0.05 }).params;
    const bg2 = fitBgNbd(doubled(cdnow), { penalty: 0.05 }).params;
    for (const k of ["r", "alpha", "a", "b"] as const)
      expect(rel(bg2[k], bg[k])).toBeLessThan(1e-5);
    const bb = fitBgBb(donations(), { penalty: 0.05 }).params;
    const bb2 = fitBgBb(doubled(donations()), { penalty: 0.05 }).params;
    for (const k of ["alpha", "beta", "gamma", "delta"] as const) {
      expect(rel(bb2[k], bb[k])).toBeLessThan(1e-5);
    }
    // sBG (not in lifetimes): defined the same way, −Σℓ/N + λ(α² + β²).
    const survivors = [1000, 631, 468, 382, 326, 289, 262, 241];
    const sbg = fitSbg(survivors, { unit: "year", penalty: 0.05 }).params;
    const sbg2 = fitSbg(
      survivors.map((n) => 2 * n),
      { unit: "year", penalty: 0.05 },
    ).params;
    const plain = fitSbg(survivors, { unit: "year" }).params;
    expect(rel(sbg2.alpha, sbg.alpha)).toBeLessThan(1e-5);
    expect(rel(sbg2.beta, sbg.beta)).toBeLessThan(1e-5);
    expect(sbg.alpha + sbg.beta).toBeLessThan(plain.alpha + plain.beta);
  });
  it("Pareto/NBD (lifetimes' total): twice every customer halves the penalty's weight", () => {
    const once = fitParetoNbd(cdnow, { penalty: 1 }).params;
    const twice = fitParetoNbd(doubled(cdnow), { penalty: 2 }).params;
    for (const k of ["r", "alpha", "s", "beta"] as const) {
      expect(rel(twice[k], once[k])).toBeLessThan(1e-5);
    }
  });
});
