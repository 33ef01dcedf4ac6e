import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { raterIndex } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "raterIndex";

describe("raterIndex", () => {
  it("equal weights: the mean of the min–max rescaled dimension scores", () => {
    const r = raterIndex({
      tangibles: 6,
      reliability: 5,
      responsiveness: 5.5,
      assurance: 6,
      empathy: 4,
    });
    expect(r.index).toBeCloseTo((100 * (5.3 - 1)) / 6, 12);
    expect(r.dimensions.empathy).toBeCloseTo(50, 12);
    expect(r.weights.reliability).toBeCloseTo(0.2, 15);
  });
  it("Zeithaml, Parasuraman & Berry (1990) 100-point weights are normalised", () => {
    const scores = { tangibles: 7, reliability: 1, responsiveness: 1, assurance: 1, empathy: 1 };
    const r = raterIndex(scores, {
      weights: { tangibles: 11, reliability: 32, responsiveness: 22, assurance: 19, empathy: 16 },
    });
    expect(r.index).toBeCloseTo(11, 12);
  });
  it("stays in [0, 100] and between the extreme dimensions", () => {
    const score = fc.double({ min: 1, max: 7, noNaN: true });
    const weight = fc.double({ min: 0, max: 10, noNaN: true });
    fc.assert(
      fc.property(
        fc.tuple(score, score, score, score, score),
        fc
          .tuple(weight, weight, weight, weight, weight)
          .filter((w) => w.reduce((s, x) => s + x, 0) > 1e-6),
        ([t, rel, resp, a, e], [wt, wrel, wresp, wa, we]) => {
          const r = raterIndex(
            { tangibles: t, reliability: rel, responsiveness: resp, assurance: a, empathy: e },
            {
              weights: {
                tangibles: wt,
                reliability: wrel,
                responsiveness: wresp,
                assurance: wa,
                empathy: we,
              },
            },
          );
          expect(r.index).toBeGreaterThanOrEqual(0);
          expect(r.index).toBeLessThanOrEqual(100);
          const parts = Object.values(r.dimensions);
          expect(r.index).toBeGreaterThanOrEqual(Math.min(...parts) - 1e-9);
          expect(r.index).toBeLessThanOrEqual(Math.max(...parts) + 1e-9);
        },
      ),
    );
  });
  it("rejects scores outside the range, zero-sum weights and unknown dimensions", () => {
    const ok = { tangibles: 6, reliability: 5, responsiveness: 5, assurance: 6, empathy: 4 };
    expectInvalid(() => raterIndex({ ...ok, empathy: 8 }), fn, "scores.empathy");
    expectInvalid(
      () =>
        raterIndex(ok, {
          weights: { tangibles: 0, reliability: 0, responsiveness: 0, assurance: 0, empathy: 0 },
        }),
      fn,
      "options.weights",
    );
    expectInvalid(() => raterIndex({ ...ok, courtesy: 3 } as never), fn, "scores");
    expectInvalid(() => raterIndex(ok, { scale: { min: 7, max: 1 } }), fn, "options.scale.max");
  });
});
