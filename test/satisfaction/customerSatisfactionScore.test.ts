import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerSatisfactionScore } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "customerSatisfactionScore";
const five = { min: 1, max: 5 };

describe("customerSatisfactionScore — vendor definitions (SoGoSurvey, QuestionPro; Hayes 2008 top-box reporting)", () => {
  it("top-2-box on 1–5 counts 4s and 5s (SoGoSurvey: #(4 or 5)/#responses × 100)", () => {
    const answers = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4];
    const r = customerSatisfactionScore(answers, { scale: five });
    expect(r.method).toBe("top-2-box");
    expect(r.satisfied).toBe(7);
    expect(r.score).toBeCloseTo(70, 12);
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt((0.7 * 0.3) / 10), 12);
  });
  it("QuestionPro's 10-point example: 10 of 20 answering 9–10 → 50 % (our top-2-box on 1–10)", () => {
    const answers = [
      ...Array<number>(6).fill(10),
      ...Array<number>(4).fill(9),
      ...Array<number>(10).fill(6),
    ];
    expect(customerSatisfactionScore(answers, { scale: { min: 1, max: 10 } }).score).toBeCloseTo(
      50,
      12,
    );
    expect(
      customerSatisfactionScore(answers, { scale: { min: 1, max: 10 }, method: "top-box" }).score,
    ).toBeCloseTo(30, 12);
  });
  it("mean: QuestionPro's sum 137 over 20 respondents is 6.85 (the page's printed 6.7 is a slip)", () => {
    const answers = [...Array<number>(17).fill(7), 6, 6, 6]; // 119 + 18 = 137
    const r = customerSatisfactionScore(answers, { scale: { min: 1, max: 10 }, method: "mean" });
    expect(r.score).toBeCloseTo(6.85, 12);
    expect(r.mean).toBeCloseTo(6.85, 12);
    const sd = Math.sqrt((17 * 0.15 ** 2 + 3 * 0.85 ** 2) / 19);
    expect(r.standardError).toBeCloseTo(sd / Math.sqrt(20), 12);
  });
  it("a single answer has zero standard error for the mean", () => {
    const r = customerSatisfactionScore([3], { scale: five, method: "mean" });
    expect(r.standardError).toBe(0);
    expect(r.confidenceInterval).toMatchObject({ lower: 3, upper: 3 });
  });
});

describe("customerSatisfactionScore — properties", () => {
  it("box scores in [0, 100], mean on the scale, CI contains the score", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 11 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), {
          minLength: 1,
          maxLength: 200,
        }),
        fc.constantFrom("top-box" as const, "top-2-box" as const, "mean" as const),
        (max, u, method) => {
          const answers = u.map((x) => 1 + Math.floor(x * max));
          const r = customerSatisfactionScore(answers, { scale: { min: 1, max }, method });
          const [lo, hi] = method === "mean" ? [1, max] : [0, 100];
          expect(r.score).toBeGreaterThanOrEqual(lo);
          expect(r.score).toBeLessThanOrEqual(hi);
          expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.score);
          expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.score);
          if (method === "top-box") {
            const topTwo = customerSatisfactionScore(answers, { scale: { min: 1, max } }).score;
            expect(topTwo).toBeGreaterThanOrEqual(r.score);
          }
        },
      ),
    );
  });
});

describe("customerSatisfactionScore — bad input", () => {
  it("rejects empty, non-integer and out-of-scale answers with their path", () => {
    expectInvalid(() => customerSatisfactionScore([], { scale: five }), fn, "answers");
    expectInvalid(() => customerSatisfactionScore([4, 4.5], { scale: five }), fn, "answers[1]");
    expectInvalid(() => customerSatisfactionScore([4, 6], { scale: five }), fn, "answers[1]");
    expectInvalid(() => customerSatisfactionScore([0], { scale: five }), fn, "answers[0]");
  });
  it("requires an explicit valid scale", () => {
    expectInvalid(() => customerSatisfactionScore([4], {} as never), fn, "options.scale");
    expectInvalid(
      () => customerSatisfactionScore([4], { scale: { min: 5, max: 1 } }),
      fn,
      "options.scale.max",
    );
    expectInvalid(
      () => customerSatisfactionScore([1], { scale: { min: 0, max: 1 } }),
      fn,
      "options.method",
    );
  });
  it("rejects an unknown method", () => {
    expectInvalid(
      () => customerSatisfactionScore([4], { scale: five, method: "top-3-box" as never }),
      fn,
      "options.method",
    );
  });
});
