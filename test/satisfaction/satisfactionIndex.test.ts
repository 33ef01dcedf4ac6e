import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { satisfactionIndex } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "satisfactionIndex";
const means877 = [
  { name: "satisfaction", answers: [8] },
  { name: "expectancy", answers: [7] },
  { name: "performance", answers: [7] },
];

describe("satisfactionIndex — ACSI fixtures (Fornell et al. 1996 index; Verint's State of Ohio example)", () => {
  it("means (8, 7, 7) with the State of Ohio weights (Verint blog) → 70.98", () => {
    const r = satisfactionIndex(means877, { weights: [0.3885, 0.319, 0.2925] });
    expect(r.index).toBeCloseTo((7 * 0.3885 + 6 * 0.319 + 6 * 0.2925) / 0.09, 10);
    expect(Math.round(r.index * 100) / 100).toBe(70.98);
  });
  it("equal weights give the practitioners' (S + E + P − 3)/27 × 100 = 70.37", () => {
    const r = satisfactionIndex(means877, { weights: [1, 1, 1] });
    expect(r.index).toBeCloseTo(1900 / 27, 10);
    expect(r.items.map((i) => i.weight)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
  it("rescales other scales by (mean − min)/(max − min)", () => {
    const r = satisfactionIndex([{ name: "csat", answers: [5, 4, 3, 4] }], {
      weights: [2],
      scale: { min: 1, max: 5 },
    });
    expect(r.index).toBeCloseTo(75, 12);
    expect(r.items[0]).toMatchObject({ mean: 4, responseCount: 4, weight: 1 });
  });
  it("index stays in [0, 100]", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 20 }),
            fc.integer({ min: 1, max: 9 }),
          ),
          { minLength: 1, maxLength: 5 },
        ),
        (spec) => {
          const r = satisfactionIndex(
            spec.map(([answers], i) => ({ name: `item ${i}`, answers })),
            { weights: spec.map(([, w]) => w) },
          );
          expect(r.index).toBeGreaterThanOrEqual(0);
          expect(r.index).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
  it("rejects empty item lists, empty answer sets, bad answers and bad weights", () => {
    expectInvalid(() => satisfactionIndex([], { weights: [] }), fn, "items");
    expectInvalid(
      () =>
        satisfactionIndex(
          [
            { name: "a", answers: [8] },
            { name: "b", answers: [] },
          ],
          { weights: [1, 1] },
        ),
      fn,
      "items[1].answers",
    );
    expectInvalid(
      () => satisfactionIndex([{ name: "a", answers: [8, 11] }], { weights: [1] }),
      fn,
      "items[0].answers[1]",
    );
    expectInvalid(
      () => satisfactionIndex([{ name: "a", answers: [7.5] }], { weights: [1] }),
      fn,
      "items[0].answers[0]",
    );
    expectInvalid(() => satisfactionIndex(means877, { weights: [1, 1] }), fn, "options.weights");
    expectInvalid(() => satisfactionIndex(means877, { weights: [0, 0, 0] }), fn, "options.weights");
    expectInvalid(
      () => satisfactionIndex(means877, { weights: [1, -1, 1] }),
      fn,
      "options.weights[1]",
    );
  });
});
