import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type KanoAnswer,
  type KanoCategory,
  type KanoResponse,
  kanoClassify,
} from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "kanoClassify";
const ANSWERS: KanoAnswer[] = ["like", "must-be", "neutral", "live-with", "dislike"];
/** One (functional, dysfunctional) pair that lands in each category of the consensus table. */
const PAIR: Record<"A" | "O" | "M" | "I" | "R" | "Q", [KanoAnswer, KanoAnswer]> = {
  A: ["like", "neutral"],
  O: ["like", "dislike"],
  M: ["neutral", "dislike"],
  I: ["neutral", "neutral"],
  R: ["dislike", "like"],
  Q: ["like", "like"],
};

function survey(
  attribute: string,
  counts: Partial<Record<keyof typeof PAIR, number>>,
): KanoResponse[] {
  return Object.entries(counts).flatMap(([c, n]) => {
    const [functional, dysfunctional] = PAIR[c as keyof typeof PAIR];
    return Array.from({ length: n ?? 0 }, () => ({ attribute, functional, dysfunctional }));
  });
}

describe("kanoClassify — evaluation table (Sauerwein et al. 1996, Fig. 6)", () => {
  it("maps all 25 answer pairs as the consensus table", () => {
    const expected = ["Q A A A O", "R I I I M", "R I I I M", "R I I I M", "R R R R Q"];
    const letter: Record<KanoCategory, string> = {
      attractive: "A",
      "one-dimensional": "O",
      "must-be": "M",
      indifferent: "I",
      reverse: "R",
      questionable: "Q",
    };
    const rows = ANSWERS.flatMap((functional) =>
      ANSWERS.map((dysfunctional) => ({ attribute: "x", functional, dysfunctional })),
    );
    const { classes } = kanoClassify(rows);
    const grid = ANSWERS.map((_, i) =>
      classes
        .slice(5 * i, 5 * i + 5)
        .map((c) => letter[c])
        .join(" "),
    );
    expect(grid).toEqual(expected);
  });
  it("accepts a replacement table (e.g. JolanH's variant)", () => {
    const table: KanoCategory[][] = Array.from({ length: 5 }, () =>
      Array<KanoCategory>(5).fill("indifferent"),
    );
    (table[1] as KanoCategory[])[1] = "questionable";
    const r = kanoClassify([{ attribute: "x", functional: "must-be", dysfunctional: "must-be" }], {
      table,
    });
    expect(r.classes).toEqual(["questionable"]);
  });
});

describe("kanoClassify — Better/Worse (Timko in Berger et al. 1993)", () => {
  it('Sauerwein Fig. 11 "edge grip" A=7, O=33, M=50, I=10 → Better 0.40, Worse −0.83', () => {
    const a = kanoClassify(survey("edge grip", { A: 7, O: 33, M: 50, I: 10 })).attributes[0];
    expect(a?.better).toBeCloseTo(0.4, 12);
    expect(Math.abs((a?.worse ?? 0) - -0.83)).toBeLessThanOrEqual(0.005); // printed to 2 dp
    expect(a?.worse).toBeCloseTo(-0.83, 12);
    expect(a?.category).toBe("must-be");
    expect(a?.counts).toEqual({
      attractive: 7,
      oneDimensional: 33,
      mustBe: 50,
      indifferent: 10,
      reverse: 0,
      questionable: 0,
    });
  });
  it('"ease of turn" A=11, O=46, M=31, I=12 → Better 0.57, Worse −0.77; "service" A=66, O=22, M=3, I=9 → 0.88, −0.25', () => {
    const r = kanoClassify([
      ...survey("ease of turn", { A: 11, O: 46, M: 31, I: 12 }),
      ...survey("service", { A: 66, O: 22, M: 3, I: 9 }),
    ]);
    const [turn, service] = r.attributes;
    expect(turn?.better).toBeCloseTo(0.57, 12);
    expect(turn?.worse).toBeCloseTo(-0.77, 12);
    expect(turn?.category).toBe("one-dimensional");
    expect(service?.better).toBeCloseTo(0.88, 12);
    expect(service?.worse).toBeCloseTo(-0.25, 12);
    expect(service?.category).toBe("attractive");
  });
  it('Brand & Rese "app-based bonus": R and Q are excluded from the denominator → 0.486, −0.123', () => {
    const a = kanoClassify(survey("bonus", { A: 216, O: 56, M: 13, I: 275, R: 23, Q: 24 }))
      .attributes[0];
    expect(Math.abs((a?.better ?? 0) - 0.486)).toBeLessThanOrEqual(0.0005);
    expect(Math.abs((a?.worse ?? 0) - -0.123)).toBeLessThanOrEqual(0.0005);
    expect(a?.better).toBeCloseTo(272 / 560, 12);
    expect(a?.category).toBe("indifferent");
    expect(a?.responseCount).toBe(607);
  });
  it("omits Better/Worse when only R and Q answers exist (no NaN)", () => {
    const a = kanoClassify(survey("x", { R: 2, Q: 1 })).attributes[0];
    expect(a?.category).toBe("reverse");
    expect(a && "better" in a).toBe(false);
    expect(a && "worse" in a).toBe(false);
  });
});

describe("kanoClassify — tie-break M > O > A > I > R > Q", () => {
  it("resolves ties by the documented priority and says so", () => {
    const cases: [Partial<Record<keyof typeof PAIR, number>>, KanoCategory][] = [
      [{ A: 2, O: 2 }, "one-dimensional"],
      [{ A: 3, M: 3, I: 3 }, "must-be"],
      [{ I: 1, A: 1 }, "attractive"],
      [{ R: 1, Q: 1 }, "reverse"],
    ];
    for (const [counts, category] of cases) {
      const a = kanoClassify(survey("x", counts)).attributes[0];
      expect(a?.category).toBe(category);
      expect(a?.tied).toBe(true);
    }
    expect(kanoClassify(survey("x", { A: 3, M: 2 })).attributes[0]?.tied).toBe(false);
  });
});

describe("kanoClassify — properties", () => {
  const answer = fc.constantFrom(...ANSWERS);
  const response = fc.record({
    attribute: fc.constantFrom("a", "b", "__proto__"),
    functional: answer,
    dysfunctional: answer,
  });
  it("one class per respondent; counts add up; Better ∈ [0, 1], Worse ∈ [−1, 0]", () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 200 }), (rows) => {
        const r = kanoClassify(rows);
        expect(r.classes).toHaveLength(rows.length);
        const total = r.attributes.reduce((s, a) => s + a.responseCount, 0);
        expect(total).toBe(rows.length);
        for (const a of r.attributes) {
          const c = a.counts;
          expect(
            c.attractive + c.oneDimensional + c.mustBe + c.indifferent + c.reverse + c.questionable,
          ).toBe(a.responseCount);
          if (a.better !== undefined && a.worse !== undefined) {
            expect(a.better).toBeGreaterThanOrEqual(0);
            expect(a.better).toBeLessThanOrEqual(1);
            expect(a.worse).toBeGreaterThanOrEqual(-1);
            expect(a.worse).toBeLessThanOrEqual(0);
          }
        }
      }),
    );
  });
});

describe("kanoClassify — bad input", () => {
  it("rejects unknown answers, an empty answer set and a malformed table", () => {
    expectInvalid(
      () =>
        kanoClassify([
          { attribute: "x", functional: "love" as KanoAnswer, dysfunctional: "dislike" },
        ]),
      fn,
      "responses[0].functional",
    );
    expectInvalid(() => kanoClassify([]), fn, "responses");
    expectInvalid(() => kanoClassify(survey("x", { A: 1 }), { table: [] }), fn, "options.table");
    expectInvalid(
      () =>
        kanoClassify(survey("x", { A: 1 }), {
          table: Array.from({ length: 5 }, () => Array(5).fill("great")),
        }),
      fn,
      "options.table[0][0]",
    );
  });
});
