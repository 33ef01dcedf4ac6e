import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indexByCustomerId, type RfmMeasures, rfmScores } from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

function rowsOf(values: readonly { r: number; f: number; m: number }[]): RfmMeasures[] {
  return values.map((v, i) => ({
    customerId: `c${i}`,
    daysSinceLastPurchase: v.r,
    purchases: v.f,
    totalSpend: v.m,
  }));
}

const tieFixture = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
const tieRows = rowsOf(tieFixture.map((f, i) => ({ r: i, f, m: i })));
const freq = (result: ReturnType<typeof rfmScores>) => result.scores.map((s) => s.frequencyScore);

describe("rfmScores — quantile bins", () => {
  it("equals NTILE when there are no ties (dplyr docs: ntile(1:8, 3) = 1 1 1 2 2 2 3 3)", () => {
    const rows = rowsOf([1, 2, 3, 4, 5, 6, 7, 8].map((x) => ({ r: 9 - x, f: x, m: x })));
    const result = rfmScores(rows, { bins: 3 });
    expect(freq(result)).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
    // recency reversed: the smallest recency (x = 8 → recency 1) scores 3
    expect(result.scores.map((s) => s.recencyScore)).toEqual([1, 1, 1, 2, 2, 2, 3, 3]);
  });

  // Tie-handling fixture: frequencies [1,1,1,1,1,1,2,2,3,5], 5 bins. NTILE (SQL; dplyr `ntile`)
  // would put the six 1s into bins 1-3; here ties are never split (IBM SPSS "RFM Binning": ties to
  // the same bin). Hand computation of ⌊rank·5/10⌋ + 1 with rank = first / mid / last position of
  // each tie group, as pandas `rank(method="min" | "average" | "max")` numbers them:
  it.each([
    ["min", [1, 1, 1, 1, 1, 1, 4, 4, 5, 5], [2, 2, 2, 3]], // ranks 0, 6, 8, 9
    ["average", [2, 2, 2, 2, 2, 2, 4, 4, 5, 5], [1, 2, 2, 3]], // ranks 2.5, 6.5, 8, 9
    ["max", [3, 3, 3, 3, 3, 3, 4, 4, 5, 5], [1, 1, 2, 3]], // ranks 5, 7, 8, 9
  ] as const)("tie rule %s keeps ties together: %j", (ties, expected, cuts) => {
    const result = rfmScores(tieRows, { ties });
    expect(freq(result)).toEqual(expected);
    expect(result.cutPoints.purchases).toEqual(cuts);
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
    expect(result.cutPoints.purchases).toEqual([2, 2, 2, 12]);
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
    expect(result.scores.map((s) => s.rfmCode)).toEqual(["111", "111", "111"]);
    expect(result.cutPoints.daysSinceLastPurchase).toEqual([null, null, null, null]);
  });

  it("accepts Decimal monetary values and returns code and sum", () => {
    const rows: RfmMeasures[] = [
      { customerId: "a", daysSinceLastPurchase: 1, purchases: 5, totalSpend: new Decimal("99.99") },
      { customerId: "b", daysSinceLastPurchase: 50, purchases: 1, totalSpend: "10" },
    ];
    const result = rfmScores(rows, { bins: 2 });
    expect(result.scores).toEqual([
      {
        customerId: "a",
        recencyScore: 2,
        frequencyScore: 2,
        monetaryScore: 2,
        rfmCode: "222",
        scoreSum: 6,
      },
      {
        customerId: "b",
        recencyScore: 1,
        frequencyScore: 1,
        monetaryScore: 1,
        rfmCode: "111",
        scoreSum: 3,
      },
    ]);
  });
});

describe("rfmScores — thresholds", () => {
  it("reproduces hand-computed scores (cut point belongs to the better bin)", () => {
    const rows = rowsOf([
      { r: 10, f: 1, m: 5 }, // R: ≤30 → 5; F 1 → 1; M <20 → 1
      { r: 30, f: 2, m: 20 }, // R: =30 → 5; F =2 → 2; M =20 → 2
      { r: 31, f: 4, m: 99.99 }, // R: ≤90 → 4; F 3..4 → 3; M <100 → 3
      { r: 365, f: 10, m: 500 }, // R: =365 → 2; F ≥10 → 5; M ≥500 → 5
      { r: 366, f: 7, m: 250 }, // R: >365 → 1; F 5..9 → 4; M 4
    ]);
    const result = rfmScores(rows, {
      method: "thresholds",
      thresholds: {
        daysSinceLastPurchase: [365, 180, 90, 30],
        purchases: [2, 3, 5, 10],
        totalSpend: [20, 50, 100, 500],
      },
    });
    expect(result.scores.map((s) => s.rfmCode)).toEqual(["511", "522", "433", "255", "144"]);
    expect(result.cutPoints.daysSinceLastPurchase).toEqual([365, 180, 90, 30]);
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
    expect(result.cutPoints.purchases).toEqual([]);
    // independent check: F score within an R group equals the independent score of that group alone
    for (const R of [1, 2]) {
      const members = rows.filter((_, i) => result.scores[i]!.recencyScore === R);
      const alone = indexByCustomerId(rfmScores(members, { bins: 2 }).scores);
      for (const s of result.scores.filter((x) => x.recencyScore === R))
        expect(s.frequencyScore).toBe(alone.get(s.customerId)!.frequencyScore);
      const group = result.nestedCutPoints!.purchases.find((g) => g.recencyScore === R);
      expect(group!.cutPoints).toEqual(rfmScores(members, { bins: 2 }).cutPoints.purchases);
    }
    // plain data: no Map in the nested cut points
    expect(structuredClone(result)).toEqual(result);
  });
});

/**
 * The definition, written plainly: rank the goodness values ascending; a tie group's rank is its
 * first / mid / last position (pandas `rank(method="min" | "average" | "max")` minus one) and every
 * member scores ⌊rank · bins / n⌋ + 1.
 */
function definitionScores(goodness: readonly number[], bins: number, ties: string): number[] {
  const sorted = [...goodness].sort((a, b) => a - b);
  const n = goodness.length;
  return goodness.map((v) => {
    const first = sorted.indexOf(v);
    const last = sorted.lastIndexOf(v);
    const rank = ties === "min" ? first : ties === "max" ? last : (first + last) / 2;
    return Math.min(bins, Math.floor((rank * bins) / n) + 1);
  });
}

describe("rfmScores — the quantile rule, customer by customer", () => {
  it("every score equals the plain definition (integers, cents and arbitrary floats)", () => {
    const measure = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.integer({ min: 0, max: 4000 }).map((k) => k / 100),
      fc.double({ min: 0, max: 1000, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ r: fc.integer({ min: 0, max: 60 }), f: measure, m: measure }), {
          minLength: 1,
          maxLength: 120,
        }),
        fc.integer({ min: 2, max: 9 }),
        fc.constantFrom("min" as const, "average" as const, "max" as const),
        (v, bins, ties) => {
          const { scores } = rfmScores(rowsOf(v), { bins, ties });
          expect(scores.map((s) => s.recencyScore)).toEqual(
            definitionScores(
              v.map((x) => -x.r),
              bins,
              ties,
            ),
          );
          expect(scores.map((s) => s.frequencyScore)).toEqual(
            definitionScores(
              v.map((x) => x.f),
              bins,
              ties,
            ),
          );
          expect(scores.map((s) => s.monetaryScore)).toEqual(
            definitionScores(
              v.map((x) => x.m),
              bins,
              ties,
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
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
        const scores = rfmScores(rowsOf(v), o).scores;
        expect(scores.map((s) => s.customerId)).toEqual(v.map((_, i) => `c${i}`));
        for (const s of scores) {
          for (const x of [s.recencyScore, s.frequencyScore, s.monetaryScore]) {
            expect(Number.isInteger(x) && x >= 1 && x <= o.bins).toBe(true);
          }
          expect(s.rfmCode).toBe(`${s.recencyScore}${s.frequencyScore}${s.monetaryScore}`);
          expect(s.scoreSum).toBe(s.recencyScore + s.frequencyScore + s.monetaryScore);
        }
      }),
    );
  });

  it("small-integer (histogram) and general (sorted) paths agree", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        const ints = rfmScores(rowsOf(v), o);
        // shifting by 1/3 keeps the order but forces the sorting path (not integers, not cents)
        const halves = rfmScores(
          rowsOf(v.map((x) => ({ r: x.r + 1 / 3, f: x.f + 1 / 3, m: x.m + 1 / 3 }))),
          o,
        );
        expect(halves.scores).toEqual(ints.scores);
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
        expect(sorted.scores).toEqual(withCents.scores);
        const amounts = new Set(cents.map((x) => x.m));
        for (const cut of withCents.cutPoints.totalSpend) {
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
          const s = result.scores[i]!.frequencyScore;
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
            const sx = result.scores[i]!;
            const sy = result.scores[j]!;
            if (x.m < y.m) expect(sx.monetaryScore).toBeLessThanOrEqual(sy.monetaryScore);
            if (x.r < y.r) expect(sx.recencyScore).toBeGreaterThanOrEqual(sy.recencyScore);
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
          const rows = rowsOf(v);
          const b = rfmScores(
            order.map((i) => rows[i]!),
            o,
          );
          expect(b.scores.map((s) => s.customerId)).toEqual(order.map((i) => `c${i}`));
          expect(b.scores).toEqual(order.map((i) => a.scores[i]));
        },
      ),
    );
  });

  it("the returned cut points, used as thresholds, reproduce the scores", () => {
    fc.assert(
      fc.property(values, options, (v, o) => {
        const q = rfmScores(rowsOf(v), { bins: o.bins, ties: o.ties });
        const {
          daysSinceLastPurchase: recency,
          purchases: frequency,
          totalSpend: monetary,
        } = q.cutPoints;
        const strict = (c: readonly (number | null)[], up: boolean) =>
          c.every((x, i) => x !== null && (i === 0 || (up ? x > c[i - 1]! : x < c[i - 1]!)));
        fc.pre(strict(recency, false) && strict(frequency, true) && strict(monetary, true));
        const t = rfmScores(rowsOf(v), {
          bins: o.bins,
          method: "thresholds",
          thresholds: {
            daysSinceLastPurchase: recency as number[],
            purchases: frequency as number[],
            totalSpend: monetary as number[],
          },
        });
        expect(t.scores).toEqual(q.scores);
      }),
    );
  });
});

describe("rfmScores — bad input", () => {
  const rows = rowsOf([{ r: 1, f: 1, m: 1 }]);
  it("bins outside 2..9", () => {
    expectIssue(() => rfmScores(rows, { bins: 1 }), "rfmScores", ["options", "bins"], "too_small");
    expectIssue(() => rfmScores(rows, { bins: 10 }), "rfmScores", ["options", "bins"], "too_big");
    expectIssue(
      () => rfmScores(rows, { bins: 2.5 }),
      "rfmScores",
      ["options", "bins"],
      "not_integer",
    );
  });
  it("unordered, overlapping or wrongly sized thresholds", () => {
    const good = {
      daysSinceLastPurchase: [365, 180, 90, 30],
      purchases: [2, 3, 5, 10],
      totalSpend: [20, 50, 100, 500],
    };
    const at = ["options", "thresholds"] as const;
    expectIssue(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, purchases: [2, 5, 3, 10] },
        }),
      "rfmScores",
      [...at, "purchases", 2],
      "inconsistent",
    );
    expectIssue(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, totalSpend: [20, 50, 50, 500] },
        }),
      "rfmScores",
      [...at, "totalSpend", 2],
      "inconsistent",
    );
    expectIssue(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, daysSinceLastPurchase: [30, 90, 180, 365] },
        }),
      "rfmScores",
      [...at, "daysSinceLastPurchase", 1],
      "inconsistent",
    );
    expectIssue(
      () => rfmScores(rows, { method: "thresholds", thresholds: { ...good, purchases: [2, 3] } }),
      "rfmScores",
      [...at, "purchases"],
      "inconsistent",
    );
    expectIssue(() => rfmScores(rows, { method: "thresholds" }), "rfmScores", at, "required");
    expectIssue(() => rfmScores(rows, { thresholds: good }), "rfmScores", at, "inconsistent");
    expectIssue(
      () => rfmScores(rows, { method: "thresholds", thresholds: good, nested: true }),
      "rfmScores",
      ["options", "nested"],
      "inconsistent",
    );
    // the old measure names are unknown keys, not silently ignored
    expectIssue(
      () =>
        rfmScores(rows, {
          method: "thresholds",
          thresholds: { ...good, recency: [1, 2, 3, 4] } as typeof good,
        }),
      "rfmScores",
      [...at, "recency"],
      "unknown_key",
    );
  });
  it("unknown tie rule, method or option", () => {
    expectIssue(
      () => rfmScores(rows, { ties: "random" as "min" }),
      "rfmScores",
      ["options", "ties"],
      "invalid_value",
    );
    expectIssue(
      () => rfmScores(rows, { method: "jenks" as "quantile" }),
      "rfmScores",
      ["options", "method"],
      "invalid_value",
    );
    expectIssue(
      () => rfmScores(rows, { bin: 4 } as never),
      "rfmScores",
      ["options", "bin"],
      "unknown_key",
    );
  });
  it("lists every bad row with its path and code, in one error", () => {
    const bad = [
      { customerId: "a", daysSinceLastPurchase: Number.NaN, purchases: 1, totalSpend: 1 },
      { customerId: "b", daysSinceLastPurchase: 1, purchases: 1, totalSpend: "3.x" },
      { customerId: 7, daysSinceLastPurchase: 1, purchases: 1, totalSpend: 1 },
      { customerId: "d", purchases: 1, totalSpend: 1 },
      null,
      { customerId: "ok", daysSinceLastPurchase: 1, purchases: 1, totalSpend: 1 },
    ] as unknown as RfmMeasures[];
    const error = expectIssue(
      () => rfmScores(bad),
      "rfmScores",
      ["customers", 0, "daysSinceLastPurchase"],
      "invalid_type",
    );
    expectIssue(() => rfmScores(bad), "rfmScores", ["customers", 1, "totalSpend"], "invalid_money");
    expectIssue(() => rfmScores(bad), "rfmScores", ["customers", 2, "customerId"], "invalid_type");
    expectIssue(
      () => rfmScores(bad),
      "rfmScores",
      ["customers", 3, "daysSinceLastPurchase"],
      "required",
    );
    expectIssue(() => rfmScores(bad), "rfmScores", ["customers", 4], "invalid_type");
    expect(error.issues).toHaveLength(5);
    expect(error.issues[1]!.received).toBe("3.x");
  });
  it("a Map or a non-array is refused at customers", () => {
    expectIssue(
      () => rfmScores(new Map() as unknown as RfmMeasures[]),
      "rfmScores",
      ["customers"],
      "invalid_type",
    );
  });
});
