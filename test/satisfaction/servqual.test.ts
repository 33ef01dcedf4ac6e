import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { raterIndex, type ServqualResponse, servqual } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "servqual";
const ZPB_WEIGHTS = {
  tangibles: 11,
  reliability: 32,
  responsiveness: 22,
  assurance: 19,
  empathy: 16,
};
const dimensionOfItem = (item: number) =>
  item <= 4 ? 0 : item <= 9 ? 1 : item <= 13 ? 2 : item <= 17 ? 3 : 4;

/**
 * Hand-made 22-item example, two respondents, 1988 item map (T 1–4, Rel 5–9, Resp 10–13, A 14–17,
 * E 18–22). Respondent 1: E = 7 everywhere, P by dimension 6/5/6/7/4. Respondent 2: E = 6, P
 * 6/4/5/6/5. Item gaps by dimension: T (−1 + 0)/2 = −0.5, Rel −2, Resp −1, A 0, E (−3 − 1)/2 = −2.
 * Adequate 5 everywhere; desired 7, except 6 on the assurance items.
 */
function handMade(withZone: boolean): ServqualResponse[] {
  const p1 = [6, 5, 6, 7, 4];
  const p2 = [6, 4, 5, 6, 5];
  const rows: ServqualResponse[] = [];
  for (const [e, p] of [
    [7, p1],
    [6, p2],
  ] as const) {
    for (let item = 1; item <= 22; item++) {
      const d = dimensionOfItem(item);
      const base = { item, expectation: e, perception: p[d] as number };
      rows.push(withZone ? { ...base, adequate: 5, desired: d === 3 ? 6 : 7 } : base);
    }
  }
  return rows;
}

describe("servqual — hand-made 22-item example", () => {
  it("item and dimension gaps P − E", () => {
    const r = servqual(handMade(false));
    expect(r.items).toHaveLength(22);
    expect(r.items[0]).toMatchObject({
      item: 1,
      dimension: "tangibles",
      responseCount: 2,
      expectation: 6.5,
      perception: 6,
      gap: -0.5,
    });
    expect(r.items[21]).toMatchObject({ item: 22, dimension: "empathy", gap: -2 });
    expect(r.dimensions.map((d) => d.dimension)).toEqual([
      "tangibles",
      "reliability",
      "responsiveness",
      "assurance",
      "empathy",
    ]);
    expect(r.dimensions.map((d) => d.gap)).toEqual([-0.5, -2, -1, 0, -2]);
    expect(r.dimensions.map((d) => d.itemCount)).toEqual([4, 5, 4, 4, 5]);
  });
  it("unweighted = −5.5/5 = −1.1; weighted with (11, 32, 22, 19, 16)/100 = −1.235", () => {
    const r = servqual(handMade(false), { weights: ZPB_WEIGHTS });
    expect(r.unweightedScore).toBeCloseTo(-1.1, 12);
    expect(r.weightedScore).toBeCloseTo(-0.055 - 0.64 - 0.22 - 0.32, 12);
    expect(r.dimensions[1]?.weight).toBeCloseTo(0.32, 15);
    expect(servqual(handMade(false)).weightedScore).toBeCloseTo(-1.1, 12); // equal weights
  });
  it("zone of tolerance: MSA = P − A, MSS = P − D, below / within / above", () => {
    const r = servqual(handMade(true));
    const zones = r.dimensions.map((d) => d.tolerance?.zone);
    expect(zones).toEqual(["within", "below", "within", "above", "below"]);
    expect(r.dimensions[1]?.tolerance).toMatchObject({
      adequacyGap: -0.5,
      superiorityGap: -2.5,
      invertedZone: false,
    });
    expect(r.dimensions[3]?.tolerance).toMatchObject({
      adequate: 5,
      desired: 6,
      superiorityGap: 0.5,
    });
    expect(r.items[14]?.tolerance?.zone).toBe("above");
  });
  it("flags an inverted zone (desired below adequate)", () => {
    const rows = handMade(true).map((row) => ({ ...row, adequate: 6, desired: 4 }));
    expect(servqual(rows).dimensions.every((d) => d.tolerance?.invertedZone)).toBe(true);
  });
});

describe("servqual — 12manage forum fixture (Parasuraman, Zeithaml & Berry 1988 gap scores)", () => {
  it("dimension gaps T −0.65, Rel −1.10, Resp −0.83, A −0.70, E −1.01 → unweighted −0.858, weighted −0.9007", () => {
    const gaps = [-0.65, -1.1, -0.83, -0.7, -1.01];
    const rows: ServqualResponse[] = [];
    for (let item = 1; item <= 22; item++) {
      const units = Math.round(-100 * (gaps[dimensionOfItem(item)] as number));
      const twos = Math.max(0, units - 100);
      const ones = units - 2 * twos;
      for (let k = 0; k < 100; k++) {
        const gap = k < twos ? 2 : k < twos + ones ? 1 : 0;
        rows.push({ item, expectation: 7, perception: 7 - gap });
      }
    }
    const r = servqual(rows, { weights: ZPB_WEIGHTS });
    r.dimensions.forEach((d, i) => {
      expect(d.gap).toBeCloseTo(gaps[i] as number, 12);
    });
    expect(r.unweightedScore).toBeCloseTo(-0.858, 12); // printed −0.86 by the source
    expect(r.weightedScore).toBeCloseTo(-0.9007, 12);
    expect(
      raterIndex(
        {
          tangibles: -0.65,
          reliability: -1.1,
          responsiveness: -0.83,
          assurance: -0.7,
          empathy: -1.01,
        },
        { scale: { min: -6, max: 6 } },
      ).index,
    ).toBeCloseTo((100 * (6 - 0.858)) / 12, 10);
  });
});

describe("servqual — options", () => {
  it("reverse-scores negatively worded items as min + max − x", () => {
    const rows = handMade(false).map((row) =>
      row.item === 10 ? { ...row, expectation: 2, perception: 3 } : row,
    );
    expect(servqual(rows).items[9]?.gap).toBe(1);
    const reversed = servqual(rows, { reverseScored: [10] }).items[9];
    expect(reversed).toMatchObject({ expectation: 6, perception: 5, gap: -1 });
  });
  it("accepts a custom item map (a 5-item short form) and a 5-point scale", () => {
    const rows = [1, 2, 3, 4, 5].map((item) => ({ item, expectation: 5, perception: item }));
    const r = servqual(rows, {
      dimensions: {
        tangibles: [1],
        reliability: [2],
        responsiveness: [3],
        assurance: [4],
        empathy: [5],
      },
      scale: { min: 1, max: 5 },
    });
    expect(r.dimensions.map((d) => d.gap)).toEqual([-4, -3, -2, -1, 0]);
  });
  it("averages a dimension over its answered items", () => {
    const rows = handMade(false).filter((row) => row.item !== 1 || row.expectation === 7);
    expect(servqual(rows).items[0]?.responseCount).toBe(1);
  });
});

describe("servqual — properties", () => {
  it("weighted score lies between the smallest and largest dimension gap; does not mutate input", () => {
    const answer = fc.integer({ min: 1, max: 7 });
    const weight = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(answer, answer), { minLength: 22, maxLength: 22 }),
        fc.tuple(weight, weight, weight, weight, weight).filter((w) => w.some((x) => x > 0)),
        (pairs, [t, rel, resp, a, e]) => {
          const rows = Object.freeze(
            pairs.map(([expectation, perception], i) =>
              Object.freeze({ item: i + 1, expectation, perception }),
            ),
          );
          const r = servqual(rows, {
            weights: {
              tangibles: t,
              reliability: rel,
              responsiveness: resp,
              assurance: a,
              empathy: e,
            },
          });
          const gaps = r.dimensions.map((d) => d.gap);
          expect(r.weightedScore).toBeGreaterThanOrEqual(Math.min(...gaps) - 1e-12);
          expect(r.weightedScore).toBeLessThanOrEqual(Math.max(...gaps) + 1e-12);
          expect(Math.abs(r.dimensions.reduce((s, d) => s + d.weight, 0) - 1)).toBeLessThan(1e-12);
        },
      ),
    );
  });
});

describe("servqual — bad input", () => {
  const rows = handMade(false);
  it("rejects unknown item ids", () => {
    expectInvalid(
      () => servqual([...rows, { item: 23, expectation: 5, perception: 5 }]),
      fn,
      "responses[44].item",
    );
    expectInvalid(() => servqual(rows, { reverseScored: [0] }), fn, "options.reverseScored[0]");
  });
  it("rejects answers outside the scale and non-integer answers", () => {
    expectInvalid(
      () => servqual([{ item: 1, expectation: 8, perception: 5 }, ...rows]),
      fn,
      "responses[0].expectation",
    );
    expectInvalid(
      () => servqual([{ item: 1, expectation: 5, perception: 5.5 }, ...rows]),
      fn,
      "responses[0].perception",
    );
  });
  it("rejects weights that do not sum to a positive number, and negative weights", () => {
    const zero = { tangibles: 0, reliability: 0, responsiveness: 0, assurance: 0, empathy: 0 };
    expectInvalid(() => servqual(rows, { weights: zero }), fn, "options.weights");
    expectInvalid(
      () => servqual(rows, { weights: { ...zero, tangibles: -1, empathy: 3 } }),
      fn,
      "options.weights.tangibles",
    );
  });
  it("rejects an empty answer set and a dimension without answers", () => {
    expectInvalid(() => servqual([]), fn, "responses");
    expectInvalid(() => servqual(rows.filter((row) => row.item < 18)), fn, "responses");
  });
  it("rejects malformed rows (not an object, a missing field); ignores fields of your own", () => {
    expectInvalid(() => servqual([null as never, ...rows]), fn, "responses[0]");
    expectInvalid(
      () => servqual([{ item: 1, expectation: 5 } as never, ...rows]),
      fn,
      "responses[0].perception",
    );
    const withRespondent = { item: 1, expectation: 5, perception: 5, respondent: "r1" };
    expect(servqual([withRespondent, ...rows])).toEqual(
      servqual([{ item: 1, expectation: 5, perception: 5 }, ...rows]),
    );
    expectInvalid(() => servqual("rows" as never), fn, "responses");
  });
  it("rejects an item listed twice in the map", () => {
    const dimensions = {
      tangibles: [1],
      reliability: [1],
      responsiveness: [3],
      assurance: [4],
      empathy: [5],
    };
    expectInvalid(() => servqual(rows, { dimensions }), fn, "options.dimensions.reliability[0]");
  });
  it("rejects adequate without desired, and zone levels on only some rows", () => {
    const zoned = handMade(true);
    expectInvalid(
      () => servqual([{ item: 1, expectation: 5, perception: 5, adequate: 4 }, ...zoned]),
      fn,
      "responses[0].desired",
    );
    expectInvalid(
      () => servqual([...zoned, { item: 1, expectation: 5, perception: 5 }]),
      fn,
      "responses[44].adequate",
    );
  });
});
