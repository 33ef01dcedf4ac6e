import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../src/core/errors.js";
import { type ComparableModel, compareModels } from "../../src/models/compareModels.js";
import { fitSbg } from "../../src/models/shiftedBetaGeometric/fitShiftedBetaGeometric.js";

// Published log-likelihoods on CDNOW (Fader, Hardie & Lee 2005, "Counting your customers the easy
// way", Marketing Science 24(2)): BG/NBD −9582.4, Pareto/NBD −9595.0 (reproduced by the BTYD R package).
const bgNbd: ComparableModel = {
  kind: "bg-nbd",
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  logLikelihood: -9582.4,
  customerCount: 2357,
  unit: "week",
};
const pareto: ComparableModel = {
  kind: "pareto-nbd",
  params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 },
  logLikelihood: -9595.0,
  customerCount: 2357,
  unit: "week",
};

describe("compareModels", () => {
  it("AIC/BIC side by side for BG/NBD vs Pareto/NBD on CDNOW; BG/NBD recommended; no LRT", () => {
    const c = compareModels([pareto, bgNbd]);
    const [p, b] = c.rows;
    expect(b!.aic).toBeCloseTo(2 * 4 + 2 * 9582.4, 9);
    expect(b!.bic).toBeCloseTo(4 * Math.log(2357) + 2 * 9582.4, 9);
    expect(p!.deltaBic).toBeCloseTo(25.2, 9);
    expect(p!.deltaAic).toBeCloseTo(25.2, 9);
    expect(b!.deltaBic).toBe(0);
    expect(c.recommended).toBe(1);
    expect(b!.rank).toBe(1);
    expect(p!.rank).toBe(2);
    expect(c.likelihoodRatioTests).toEqual([]);
    expect(c.notes[0]).toContain("do not nest");
    expect(c.notes[1]).toContain("very strong");
  });
  it("likelihood-ratio test: homogeneous geometric churn nested in the sBG (Fader & Hardie 2007 regular cohort)", () => {
    const counts = [1000, 631, 468, 382, 326, 289, 262, 241];
    const sbg = fitSbg(counts, { unit: "year" });
    // Geometric MLE: θ = churners / customer-periods at risk; ℓ = Σ deaths·ln θ + Σ survivals·ln(1−θ)
    let deaths = 0;
    let exposure = 0;
    for (let t = 1; t < counts.length; t++) {
      deaths += counts[t - 1]! - counts[t]!;
      exposure += counts[t - 1]!;
    }
    const theta = deaths / exposure;
    const ll = deaths * Math.log(theta) + (exposure - deaths) * Math.log(1 - theta);
    const geometric = {
      kind: "sbg",
      params: { theta },
      logLikelihood: ll,
      customerCount: 1000,
      unit: "year" as const,
    };
    const c = compareModels([geometric, sbg], { nested: [[0, 1]] });
    const test = c.likelihoodRatioTests[0]!;
    expect(test.degreesOfFreedom).toBe(1);
    expect(test.statistic).toBeCloseTo(2 * (sbg.logLikelihood - ll), 9);
    expect(test.statistic).toBeGreaterThan(100);
    expect(test.pValue).toBeLessThan(1e-20);
    expect(c.recommended).toBe(1);
  });
  it("p-values match the chi-square distribution's known quantiles", () => {
    const base = { kind: "bg-nbd", customerCount: 100 };
    const mk = (k: number, ll: number): ComparableModel => ({
      ...base,
      params: Object.fromEntries(Array.from({ length: k }, (_, i) => [`p${i}`, 1])),
      logLikelihood: ll,
    });
    const cases: [number, number, number][] = [
      [1, 3.841458820694124, 0.05], // χ²₁ 95 % quantile
      [2, 5.991464547107979, 0.05],
      [4, 10, 0.04042768199451279],
      [3, 0.5, 0.9188914116546758], // closed forms: erfc, e^{−x/2}(1 + x/2), erf − √(2x/π)e^{−x/2}
    ];
    for (const [df, stat, p] of cases) {
      const c = compareModels([mk(1, -100), mk(1 + df, -100 + stat / 2)], { nested: [[0, 1]] });
      expect(Math.abs(c.likelihoodRatioTests[0]!.pValue - p)).toBeLessThanOrEqual(1e-10);
    }
  });
  it("property: ranks are a permutation, the recommended model has ΔBIC 0 and rank 1", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 1, max: 6 }), fc.double({ min: -1e5, max: -1, noNaN: true })),
          {
            minLength: 2,
            maxLength: 6,
          },
        ),
        (specs) => {
          const fits = specs.map(([k, ll]) => ({
            kind: "pareto-nbd",
            params: Object.fromEntries(Array.from({ length: k }, (_, i) => [`p${i}`, 1])),
            logLikelihood: ll,
            customerCount: 500,
          }));
          const c = compareModels(fits);
          expect(c.rows.map((r) => r.rank).sort((a, b) => a - b)).toEqual(
            fits.map((_, i) => i + 1),
          );
          expect(c.rows[c.recommended]!.deltaBic).toBe(0);
          expect(c.rows[c.recommended]!.rank).toBe(1);
          for (const r of c.rows) expect(r.deltaBic).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
  describe("bad input", () => {
    function expectInvalid(f: () => unknown, path: string): void {
      try {
        f();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        expect((error as Error).message.startsWith("compareModels:")).toBe(true);
        expect((error as Error).message).toContain(path);
        return;
      }
      throw new Error("expected an InvalidInputError");
    }
    it("fewer than two models", () => expectInvalid(() => compareModels([bgNbd]), "compareModels"));
    it("different kinds of data", () =>
      expectInvalid(() => compareModels([bgNbd, { ...bgNbd, kind: "sbg" }]), "→ at fits[1].kind"));
    it("different customers", () =>
      expectInvalid(
        () => compareModels([bgNbd, { ...pareto, customerCount: 10 }]),
        "→ at fits[1].customerCount",
      ));
    it("non-finite log-likelihood", () =>
      expectInvalid(
        () => compareModels([bgNbd, { ...pareto, logLikelihood: Number.NaN }]),
        "→ at fits[1].logLikelihood",
      ));
    it("models fitted in different time units (a log-likelihood depends on the unit)", () => {
      let caught: unknown;
      try {
        compareModels([bgNbd, { ...pareto, unit: "day" }, { ...pareto, unit: "week" }]);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidInputError);
      const issues = (caught as InvalidInputError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        path: ["fits", 1, "unit"],
        code: "unit_mismatch",
        received: "day",
      });
    });
    it("every problem in one pass", () => {
      let caught: unknown;
      try {
        compareModels([bgNbd, { ...pareto, kind: "sbg", customerCount: 10 }], { nested: [[0, 0]] });
      } catch (error) {
        caught = error;
      }
      expect((caught as InvalidInputError).issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["fits.1.kind", "inconsistent"],
        ["fits.1.customerCount", "inconsistent"],
      ]);
    });
    it("impossible nested pairs", () => {
      expectInvalid(
        () => compareModels([bgNbd, pareto], { nested: [[0, 1]] }),
        "→ at options.nested[0]",
      );
      expectInvalid(
        () => compareModels([bgNbd, pareto], { nested: [[0, 5]] }),
        "→ at options.nested[0]",
      );
      expectInvalid(() => compareModels([bgNbd, pareto], { extra: 1 } as never), "options");
    });
  });
});
