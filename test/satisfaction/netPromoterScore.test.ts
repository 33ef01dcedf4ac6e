import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareNetPromoterScores, netPromoterScore } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const Z95 = 1.959963984540054; // Φ⁻¹(0.975)
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

function answersFrom(promoters: number, passives: number, detractors: number): number[] {
  return [
    ...Array<number>(promoters).fill(10),
    ...Array<number>(passives).fill(8),
    ...Array<number>(detractors).fill(3),
  ];
}

describe("netPromoterScore — published fixtures (Reichheld 2003 buckets)", () => {
  it("[10, 9, 10, 4] → 50 (gist referencing Medallia)", () => {
    const r = netPromoterScore([10, 9, 10, 4]);
    expect(r.score).toBe(50);
    expect([r.promoters, r.passives, r.detractors, r.responseCount]).toEqual([3, 0, 1, 4]);
  });
  it("one answer each 0..10 → −45.4545… (gist doctest: 2 promoters, 7 detractors, n = 11)", () => {
    const r = netPromoterScore([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.promoters).toBe(2);
    expect(r.detractors).toBe(7);
    expect(r.passives).toBe(2);
    expect(rel(r.score, -45.45454545454545)).toBeLessThan(1e-12);
  });
  it("100 promoters, 30 passives, 80 detractors → 9.5238… (MeasuringU via gist)", () => {
    const r = netPromoterScore(answersFrom(100, 30, 80));
    expect(rel(r.score, 9.523809523809524)).toBeLessThan(1e-12);
  });
  it("30 % promoters, 20 % detractors → 10 (DELA glossary); 40 % and 5 % → 35 (calculator README)", () => {
    expect(netPromoterScore(answersFrom(30, 50, 20)).score).toBeCloseTo(10, 10);
    expect(netPromoterScore(answersFrom(40, 55, 5)).score).toBeCloseTo(35, 10);
  });
  it("returns the rounding discriminators unrounded: 16.667 and −2.5", () => {
    expect(rel(netPromoterScore([9, 9, 7, 7, 7, 3]).score, 50 / 3)).toBeLessThan(1e-12);
    expect(netPromoterScore(answersFrom(10, 19, 11)).score).toBeCloseTo(-2.5, 12);
  });
});

describe("netPromoterScore — uncertainty", () => {
  it("standard error is 100·√((p + d − (p − d)²)/n) and the interval is score ± z·SE", () => {
    const r = netPromoterScore([10, 9, 10, 4]);
    const se = 100 * Math.sqrt((0.75 + 0.25 - 0.5 ** 2) / 4);
    expect(rel(r.standardError, se)).toBeLessThan(1e-12);
    expect(rel(r.confidenceInterval.lower, 50 - Z95 * se)).toBeLessThan(1e-9);
    expect(r.confidenceInterval.upper).toBe(100); // 50 + 84.9 clipped to the range
    expect(r.confidenceInterval.method).toBe("wald");
  });
  it("honours the confidence level (90 %: z = 1.6448536269514722)", () => {
    const r = netPromoterScore(answersFrom(100, 30, 80), { confidenceLevel: 0.9 });
    expect(
      rel(r.confidenceInterval.upper - r.score, 1.6448536269514722 * r.standardError),
    ).toBeLessThan(1e-9);
  });
  it("matches the variance of the ±1/0 coding computed directly", () => {
    const answers = [10, 9, 8, 7, 6, 0, 10, 3, 9, 9, 5];
    const x: number[] = answers.map((a) => (a >= 9 ? 1 : a <= 6 ? -1 : 0));
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    const variance = x.reduce((s, v) => s + (v - mean) ** 2, 0) / x.length;
    const r = netPromoterScore(answers);
    expect(rel(r.score, 100 * mean)).toBeLessThan(1e-12);
    expect(rel(r.standardError, 100 * Math.sqrt(variance / x.length))).toBeLessThan(1e-12);
  });
  it("adjusted-Wald (Rocks 2016; MeasuringU: +3/4 promoters, +3/4 detractors, n + 3)", () => {
    // [10, 9, 10, 4]: adjusted p = 3.75/7, d = 1.75/7, centred on 100·(p − d) = 28.571…
    const p = 3.75 / 7;
    const d = 1.75 / 7;
    const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / 7);
    const r = netPromoterScore([10, 9, 10, 4], { interval: "adjusted-wald" });
    expect(rel(r.confidenceInterval.lower, 100 * (p - d) - Z95 * se)).toBeLessThan(1e-9);
    expect(rel(r.confidenceInterval.upper, 100 * (p - d) + Z95 * se)).toBeLessThan(1e-9);
    expect(r.confidenceInterval.method).toBe("adjusted-wald");
    expect(r.score).toBe(50); // the score itself is never adjusted
    // A single promoter: the interval is wide and no longer collapses to a point.
    const one = netPromoterScore([10], { interval: "adjusted-wald" }).confidenceInterval;
    expect(one.upper - one.lower).toBeGreaterThan(100);
  });
  it("accepts the 1–10 input scale", () => {
    expect(netPromoterScore([1, 10, 9], { scale: { min: 1, max: 10 } }).score).toBeCloseTo(
      100 / 3,
      12,
    );
  });
});

describe("netPromoterScore — properties", () => {
  const answers = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });
  it("shares sum to 1, score in [−100, 100], CI contains the score, counts add up", () => {
    fc.assert(
      fc.property(answers, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, level) => {
        const r = netPromoterScore(a, { confidenceLevel: level });
        expect(Math.abs(r.promoterShare + r.passiveShare + r.detractorShare - 1)).toBeLessThan(
          1e-12,
        );
        expect(r.score).toBeGreaterThanOrEqual(-100);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.score);
        expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.score);
        expect(r.confidenceInterval.lower).toBeGreaterThanOrEqual(-100);
        expect(r.confidenceInterval.upper).toBeLessThanOrEqual(100);
        expect(r.promoters + r.passives + r.detractors).toBe(a.length);
        expect(Number.isFinite(r.standardError)).toBe(true);
      }),
    );
  });
  it("does not mutate its input", () => {
    const a = Object.freeze([10, 3, 8]);
    netPromoterScore(a);
    expect(a).toEqual([10, 3, 8]);
  });
});

describe("netPromoterScore — bad input", () => {
  it("rejects an empty answer set instead of returning NaN", () => {
    expectInvalid(() => netPromoterScore([]), "netPromoterScore", "answers");
  });
  it("rejects answers outside the scale", () => {
    expectInvalid(() => netPromoterScore([10, 9, 11]), "netPromoterScore", "answers[2]");
    expectInvalid(() => netPromoterScore([-1]), "netPromoterScore", "answers[0]");
    expectInvalid(
      () => netPromoterScore([0, 5], { scale: { min: 1, max: 10 } }),
      "netPromoterScore",
      "answers[0]",
    );
  });
  it("rejects non-integer and non-finite answers", () => {
    expectInvalid(() => netPromoterScore([10, 8.5]), "netPromoterScore", "answers[1]");
    expectInvalid(() => netPromoterScore([Number.NaN]), "netPromoterScore", "answers[0]");
  });
  it("rejects bad options", () => {
    expectInvalid(
      () => netPromoterScore([9], { confidenceLevel: 1 }),
      "netPromoterScore",
      "options.confidenceLevel",
    );
    expectInvalid(
      () => netPromoterScore([9], { rounding: 0 } as never),
      "netPromoterScore",
      "options",
    );
    expectInvalid(
      () => netPromoterScore([9], { interval: "wilson" } as never),
      "netPromoterScore",
      "options.interval",
    );
  });
});

describe("compareNetPromoterScores", () => {
  const q1 = [10, 10, 9, 9, 8, 7, 6, 3, 10, 9];
  const q2 = [10, 8, 7, 6, 5, 3, 9, 7, 2, 8];
  it("uses SE(Δ) = √(SE₁² + SE₂²) and a two-sided normal p-value (hand computation)", () => {
    const t = compareNetPromoterScores(q1, q2);
    // q1: p = .6, d = .2 → NPS 40, SE² = 100²·(.8 − .16)/10 = 640; q2: p = .2, d = .4 → −20, SE² = 560.
    expect(t.difference).toBeCloseTo(60, 12);
    expect(rel(t.standardError, Math.sqrt(1200))).toBeLessThan(1e-12);
    expect(rel(t.zStatistic, Math.sqrt(3))).toBeLessThan(1e-12);
    // 2·(1 − Φ(√3)) = 0.083264516663550 (R: 2*pnorm(-sqrt(3)))
    expect(rel(t.pValue, 0.08326451666355043)).toBeLessThan(1e-9);
    expect(rel(t.confidenceInterval.lower, 60 - Z95 * Math.sqrt(1200))).toBeLessThan(1e-9);
  });
  it("is antisymmetric in its arguments", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 100 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 100 }),
        (a, b) => {
          const ab = netPromoterScore(a).standardError + netPromoterScore(b).standardError;
          fc.pre(ab > 0);
          const x = compareNetPromoterScores(a, b);
          const y = compareNetPromoterScores(b, a);
          expect(x.difference).toBeCloseTo(-y.difference, 10);
          expect(x.pValue).toBeCloseTo(y.pValue, 12);
          expect(x.pValue).toBeGreaterThanOrEqual(0);
          expect(x.pValue).toBeLessThanOrEqual(1);
          expect(x.confidenceInterval.lower).toBeLessThanOrEqual(x.difference);
          expect(x.confidenceInterval.upper).toBeGreaterThanOrEqual(x.difference);
        },
      ),
    );
  });
  it("rejects empty or out-of-scale samples with their path", () => {
    expectInvalid(() => compareNetPromoterScores([], [9]), "compareNetPromoterScores", "first");
    expectInvalid(
      () => compareNetPromoterScores([9], [9, 12]),
      "compareNetPromoterScores",
      "second[1]",
    );
  });
  it("rejects two zero-variance samples (the z test is undefined)", () => {
    let caught: unknown;
    try {
      compareNetPromoterScores([10, 10], [3, 3]);
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).name).toBe("InvalidInputError");
    expect((caught as Error).message).toContain("zero variance");
  });
});
