import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RfmValues, rfmScores } from "../../src/index.js";
import { expectInvalid } from "./helpers.js";

function rowsOf(values: readonly { r: number; f: number; m: number }[]): Map<string, RfmValues> {
  return new Map(values.map((v, i) => [`c${i}`, { recency: v.r, frequency: v.f, monetary: v.m }]));
}

const tieFixture = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
const tieRows = rowsOf(tieFixture.map((f, i) => ({ r: i, f, m: i })));
const freq = (result: ReturnType<typeof rfmScores>) =>
  [...result.scores.values()].map((s) => s.frequency);

describe("rfmScores — quantile bins", () => {
  it("equals NTILE when there are no ties (dplyr docs: ntile(1:8, 3) = 1 1 1 2 2 2 3 3)", () => {
    const rows = rowsOf([1, 2, 3, 4, 5, 6, 7, 8].map((x) => ({ r: 9 - x, f: x, m: x })));
    const result = rfmScores(rows, { bins: 3 });
    expect(freq(result)).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    // recency reversed: the smallest recency (x = 8 → recency 1) scores 3
    expect([...result.scores.values()].map((s) => s.recency)).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
  });

  // Fixture of formulas.md §5.1 ("Fixture for tie handling"): frequencies [1,1,1,1,1,1,2,2,3,5], 5 bins.
  // NTILE would put the six 1s into bins 1-3; here ties are never split. Hand computation of
  // ⌊rank·5/10⌋ + 1 with rank = first / mid / last position of each tie group:
  it.each([
    ["min", [1, 1, 1, 1, 1, 1, 4, 4, 5, 5], [2, 2, 2, 3]], // ranks 0, 6, 8, 9
    ["average", [2, 2, 2, 2, 2, 2, 4, 4, 5, 5], [1, 2, 2, 3]], // ranks 2.5, 6.5, 8, 9
    ["max", [3, 3, 3, 3, 3, 3, 4, 4, 5, 5], [1, 1, 2, 3]], // ranks 5, 7, 8, 9
  ] as const)("tie rule %s keeps ties together: %j", (ties, expected, cuts) => {
    const result = rfmScores(tieRows, { ties });
    expect(freq(result)).toEqual(expected);
    expect(result.cutPoints.frequency).toEqual(cuts);
    expect(result.ties).toBe(ties);
  });

  it("70 % one-time buyers: valid scores, no crash, no split ties, documented empty bins", () => {
    const frequencies = Array.from({ length: 100 }, (_, i) => (i < 70 ? 1 : i - 68));
    const result = rfmScores(rowsOf(frequencies.map((f, i) => ({ r: i, f, m: f * 10 }))));
    const f = freq(result);
    expect(new Set(f.slice(0, 70))).toEqual(new Set([1]));
    // the next group starts at rank 70: ⌊70·5/100⌋ + 1 = 4, so scores 2 and 3 are empty
    expect(f[70]).toBe(4);
    expect(f.filter((s) => s === 2 || s === 3)).toEqual([]);
    expect(result.cutPoints.frequency).toEqual([2, 2, 2, 12]);
    expect(f.every((s) => s >= 1 && s <= 5)).toBe(true);
  });

  it("all customers equal: everyone gets score 1 under min, null cut points", () => {
    const result = rfmScores(
      rowsOf([
        { r: 5, f: 1, m: 3 },
        { r: 5, f: 1, m: 3 },
        { r: 5, f: 1, m: 3 },
      ]),
    );
    expect([...result.scores.values()].map((s) => s.code)).toEqual(["111", "111", "111"]);
    expect(result.cutPoints.recency).toEqual([null, null, null, null]);
  });

  it("accepts Decimal monetary values and returns code and sum", () => {
    const rows = new Map<string, RfmValues>([
      ["a", { recency: 1, frequency: 5, monetary: new Decimal("99.99") }],
      ["b", { recency: 50, frequency: 1, monetary: new Decimal("10") }],
    ]);
    const result = rfmScores(rows, { bins: 2 });
    expect(result.scores.get("a")).toEqual({
      recency: 2,
      frequency: 2,
      monetary: 2,
      code: "222",
      sum: 6,
    });
    expect(result.scores.get("b")).toEqual({
      recency: 1,
      frequency: 1,
      monetary: 1,
      code: "111",
      sum: 3,
    });
  });
});

describe("rfmScores — thresholds", () => {
  it("reproduces hand-computed scores (cut point belongs to the better bin)", () => {
    const rows = new Map<string, RfmValues>([
      ["a", { recency: 10, frequency: 1, monetary: 5 }], // R: ≤30 → 5; F 1 → 1; M <20 → 1
      ["b", { recency: 30, frequency: 2, monetary: 20 }], // R: =30 → 5; F =2 → 2; M =20 → 2
      ["c", { recency: 31, frequency: 4, monetary: 99.99 }], // R: ≤90 → 4; F 3..4 → 3; M <100 → 3
      ["d", { recency: 365, frequency: 10, monetary: 500 }], // R: =365 → 2; F ≥10 → 5; M ≥500 → 5
      ["e", { recency: 366, frequency: 7, monetary: 250 }], // R: >365 → 1; F 5..9 → 4; M 4
    ]);
    const result = rfmScores(rows, {
      method: "thresholds",
      thresholds: {
        recency: [365, 180, 90, 30],
        frequency: [2, 3, 5, 10],
        monetary: [20, 50, 100, 500],
      },
    });
    expect([...result.scores.values()].map((s) => s.code)).toEqual([
      "511",
      "522",
      "433",
      "255",
      "144",
    ]);
    expect(result.cutPoints.recency).toEqual([365, 180, 90, 30]);
    expect(result.method).toBe("thresholds");
  });
});

describe("rfmScores — nested", () => {
  it("ranks F within each R score and M within each (R, F) pair", () => {
    const values = Array.from({ length: 40 }, (_, i) => ({
      r: i % 4,
      f: (i * 7) % 11,
      m: (i * 13) % 17,
    }));
    const rows = rowsOf(values);
    const result = rfmScores(rows, { bins: 2, nested: true });
    expect(result.nested).toBe(true);
    expect(result.cutPoints.frequency).toEqual([]);
    // independent check: F score within an R group equals the independent score of that group alone
    for (const R of [1, 2]) {
      const ids = [...result.scores].filter(([, s]) => s.recency === R).map(([id]) => id);
      const sub = new Map(ids.map((id) => [id, rows.get(id)!]));
      const alone = rfmScores(sub, { bins: 2 });
      for (const id of ids)
        expect(result.scores.get(id)!.frequency).toBe(alone.scores.get(id)!.frequency);
      expect(result.nestedCutPoints!.frequency.get(String(R))).toEqual(alone.cutPoints.frequency);
    }
  });
});

describe("rfmScores — properties", () => {
  const values = fc.array(
    fc.record({
      r: fc.integer({ min: 0, max: 30 }),
      f: fc.integer({ min: 1, max: 6 }),
      m: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 80 },
  );
  const options = fc.record({
    bins: fc.integer({ min: 2, max: 9 }),
    ties: fc.constantFrom("min" as const, "average" as const, "max" as const),
    nested: fc.boolean(),
  });

  it("scores are in 1..bins, code and sum agree", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        for (const s of rfmScores(rowsOf(v), o).scores.values()) {
          for (const x of [s.recency, s.frequency, s.monetary]) {
            expect(Number.isInteger(x) && x >= 1 && x <= o.bins).toBe(true);
          }
          expect(s.code).toBe(`${s.recency}${s.frequency}${s.monetary}`);
          expect(s.sum).toBe(s.recency + s.frequency + s.monetary);
        }
      }),
    );
  });

  it("small-integer (histogram) and general (sorted) paths agree", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        const ints = rfmScores(rowsOf(v), o);
        // shifting by 0.5 keeps the order but forces the sorting path
        const halves = rfmScores(
          rowsOf(v.map((x) => ({ r: x.r + 0.5, f: x.f + 0.5, m: x.m + 0.5 }))),
          o,
        );
        for (const [id, s] of ints.scores) expect(halves.scores.get(id)).toEqual(s);
      }),
    );
  });

  it("amounts in cents (hundredths histogram) and general (sorted) paths agree", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        // (m + 1) / 100: non-zero amounts with cents; adding 1/3 keeps the order but forces the
        // sorting path
        const cents = v.map((x) => ({ r: x.r, f: x.f, m: (x.m + 1) / 100 }));
        const withCents = rfmScores(rowsOf(cents), o);
        const sorted = rfmScores(rowsOf(cents.map((x) => ({ ...x, m: x.m + 1 / 3 }))), o);
        for (const [id, s] of withCents.scores) expect(sorted.scores.get(id)).toEqual(s);
        const amounts = new Set(cents.map((x) => x.m));
        for (const cut of withCents.cutPoints.monetary) {
          if (cut !== null) expect(amounts.has(cut)).toBe(true);
        }
      }),
    );
  });

  it("equal inputs get equal scores (ties never split)", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        const result = rfmScores(rowsOf(v), { ...o, nested: false });
        const byF = new Map<number, number>();
        v.forEach((x, i) => {
          const s = result.scores.get(`c${i}`)!.frequency;
          expect(byF.get(x.f) ?? s).toBe(s);
          byF.set(x.f, s);
        });
      }),
    );
  });

  it("monotone: a better value never gets a lower score", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        const result = rfmScores(rowsOf(v), { ...o, nested: false });
        v.forEach((x, i) => {
          v.forEach((y, j) => {
            const sx = result.scores.get(`c${i}`)!;
            const sy = result.scores.get(`c${j}`)!;
            if (x.m < y.m) expect(sx.monetary).toBeLessThanOrEqual(sy.monetary);
            if (x.r < y.r) expect(sx.recency).toBeGreaterThanOrEqual(sy.recency);
          });
        });
      }),
    );
  });

  it("permuting customers permutes the scores", () => {
    fc.assert(
      fc.property(
        values.chain((v) =>
          fc.tuple(
            fc.constant(v),
            fc.shuffledSubarray(
              v.map((_, i) => i),
              { minLength: v.length },
            ),
          ),
        ),
        options,
        ([v, order], o) => {
          const a = rfmScores(rowsOf(v), o);
          const permuted = new Map(
            order.map((i) => [
              `c${i}`,
              { recency: v[i]!.r, frequency: v[i]!.f, monetary: v[i]!.m },
            ]),
          );
          const b = rfmScores(permuted, o);
          expect([...b.scores.keys()]).toEqual(order.map((i) => `c${i}`));
          for (const [id, s] of a.scores) expect(b.scores.get(id)).toEqual(s);
        },
      ),
    );
  });

  it("the returned cut points, used as thresholds, reproduce the scores", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        const q = rfmScores(rowsOf(v), { bins: o.bins, ties: o.ties });
        const { recency, frequency, monetary } = q.cutPoints;
        const strict = (c: readonly (number | null)[], up: boolean) =>
          c.every((x, i) => x !== null && (i === 0 || (up ? x > c[i - 1]! : x < c[i - 1]!)));
        fc.pre(strict(recency, false) && strict(frequency, true) && strict(monetary, true));
        const t = rfmScores(rowsOf(v), {
          bins: o.bins,
          method: "thresholds",
          thresholds: {
            recency: recency as number[],
            frequency: frequency as number[],
            monetary: monetary as number[],
          },
        });
        for (const [id, s] of q.scores) expect(t.scores.get(id)).toEqual(s);
      }),
    );
  });
});

describe("rfmScores — bad input", () => {
  const rows = rowsOf([{ r: 1, f: 1, m: 1 }]);
  it("bins outside 2..9", () => {
    expectInvalid(() => rfmScores(rows, { bins: 1 }), "rfmScores", "bins");
    expectInvalid(() => rfmScores(rows, { bins: 10 }), "rfmScores", "bins");
    expectInvalid(() => rfmScores(rows, { bins: 2.5 }), "rfmScores", "bins");
  });
  it("unordered, overlapping or wrongly sized thresholds", () => {
    const good = {
      recency: [365, 180, 90, 30],
      frequency: [2, 3, 5, 10],
      monetary: [20, 50, 100, 500],
    };
    expectInvalid(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, frequency: [2, 5, 3, 10] },
        }),
      "rfmScores",
      "thresholds.frequency[2]",
    );
    expectInvalid(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, monetary: [20, 50, 50, 500] },
        }),
      "rfmScores",
      "thresholds.monetary[2]",
    );
    expectInvalid(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, recency: [30, 90, 180, 365] },
        }),
      "rfmScores",
      "thresholds.recency[1]",
    );
    expectInvalid(
      () => rfmScores(rows, { method: "thresholds", thresholds: { ...good, frequency: [2, 3] } }),
      "rfmScores",
      "thresholds.frequency",
    );
    expectInvalid(() => rfmScores(rows, { method: "thresholds" }), "rfmScores", "thresholds");
    expectInvalid(() => rfmScores(rows, { thresholds: good }), "rfmScores", "thresholds");
    expectInvalid(
      () => rfmScores(rows, { method: "thresholds", thresholds: good, nested: true }),
      "rfmScores",
      "nested",
    );
  });
  it("unknown tie rule or method", () => {
    expectInvalid(() => rfmScores(rows, { ties: "random" as "min" }), "rfmScores", "ties");
    expectInvalid(() => rfmScores(rows, { method: "jenks" as "quantile" }), "rfmScores", "method");
  });
  it("non-finite measures, with the customer id in the path", () => {
    expectInvalid(
      () => rfmScores(new Map([["x", { recency: Number.NaN, frequency: 1, monetary: 1 }]])),
      "rfmScores",
      "x.recency",
    );
    expectInvalid(
      () =>
        rfmScores(
          new Map([["x", { recency: 1, frequency: 1, monetary: "3" as unknown as number }]]),
        ),
      "rfmScores",
      "x.monetary",
    );
    expectInvalid(() => rfmScores([] as unknown as Map<string, RfmValues>), "rfmScores", null);
  });
});
