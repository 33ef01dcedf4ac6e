import { describe, expect, it } from "vitest";
import { compareNetPromoterScores, netPromoterScore } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

const Z95 = 1.959963984540054; // Φ⁻¹(0.975)
const FIVE_POINT = {
  scale: { min: 1, max: 5 },
  categories: { detractorMax: 3, promoterMin: 5 },
} as const;

function codes(run: () => unknown): [string, string][] {
  return catchInvalidInput(run).issues.map((i) => [i.path.join("."), i.code]);
}

// Issue 16: "NPS with custom category breaks." Worked by hand below; the formula is Reichheld's
// (2003) on the three counts, the standard error the multinomial one (see netPromoterScore.ts).
describe("netPromoterScore with custom categories", () => {
  it("a 1–5 survey, promoters = 5, detractors ≤ 3: 20 answers worked by hand", () => {
    // 8 fives (promoters), 5 fours (passives), 4 threes + 2 twos + 1 one (7 detractors).
    const answers = [
      ...Array<number>(8).fill(5),
      ...Array<number>(5).fill(4),
      ...Array<number>(4).fill(3),
      2,
      2,
      1,
    ];
    const r = netPromoterScore(answers, FIVE_POINT);
    expect([r.promoters, r.passives, r.detractors, r.responseCount]).toEqual([8, 5, 7, 20]);
    // NPS = 100·(8/20 − 7/20) = 5; SE = 100·√((0.40 + 0.35 − 0.05²)/20) = 100·√0.037375 = 19.3326.
    expect(r.score).toBeCloseTo(5, 12);
    expect(r.standardError).toBeCloseTo(19.332614929181204, 10);
    expect(r.confidenceInterval.lower).toBeCloseTo(5 - Z95 * 19.332614929181204, 10);
    expect(r.confidenceInterval.upper).toBeCloseTo(42.8912, 4);
    // The same counts read on the standard question give the same result, field by field.
    const standard = netPromoterScore([
      ...Array<number>(8).fill(10),
      ...Array<number>(5).fill(8),
      ...Array<number>(7).fill(2),
    ]);
    expect(r).toEqual(standard);
  });

  it("the standard breaks given explicitly change nothing; stricter breaks on 0–10 move the score", () => {
    const answers = [10, 9, 9, 8, 7, 7, 6, 5, 2, 0];
    const r = netPromoterScore(answers);
    expect(netPromoterScore(answers, { categories: { detractorMax: 6, promoterMin: 9 } })).toEqual(
      r,
    );
    // Only 10 promotes, 7 or below detracts: 1 promoter, 6 detractors → −50 (standard: 3 − 4 → −10).
    expect(r.score).toBeCloseTo(-10, 12);
    const strict = netPromoterScore(answers, { categories: { detractorMax: 7, promoterMin: 10 } });
    expect([strict.promoters, strict.passives, strict.detractors]).toEqual([1, 3, 6]);
    expect(strict.score).toBeCloseTo(-50, 12);
    // Adjacent breaks: no passives at all.
    const noPassives = netPromoterScore([1, 2, 3, 4, 5], {
      scale: { min: 1, max: 5 },
      categories: { detractorMax: 2, promoterMin: 3 },
    });
    expect([noPassives.promoters, noPassives.passives, noPassives.detractors]).toEqual([3, 0, 2]);
  });

  it("validates the breaks against each other and the scale", () => {
    expect(codes(() => netPromoterScore([5], { scale: { min: 1, max: 5 } }))).toEqual([
      ["options.scale", "invalid_value"],
    ]);
    expect(
      codes(() =>
        netPromoterScore([5], {
          scale: { min: 1, max: 5 },
          categories: { detractorMax: 0, promoterMin: 6 },
        }),
      ),
    ).toEqual([
      ["options.categories.detractorMax", "too_small"],
      ["options.categories.promoterMin", "too_big"],
    ]);
    expect(
      codes(() => netPromoterScore([5], { categories: { detractorMax: 9, promoterMin: 9 } })),
    ).toEqual([["options.categories.promoterMin", "inconsistent"]]);
    expect(
      codes(() => netPromoterScore([5], { categories: { detractorMax: 6.5, promoterMin: 9 } })),
    ).toEqual([["options.categories.detractorMax", "not_integer"]]);
    expect(
      codes(() =>
        netPromoterScore([5], {
          categories: { detractorMax: 6, promoterMin: 9, passives: [7, 8] } as never,
        }),
      ),
    ).toEqual([["options.categories.passives", "unknown_key"]]);
    // Answers are still checked against the scale: 6 is off a 1–5 scale.
    expect(codes(() => netPromoterScore([6], FIVE_POINT))).toEqual([["answers.0", "too_big"]]);
  });

  it("compareNetPromoterScores takes the same breaks for both samples", () => {
    const first = [5, 5, 5, 4, 3, 1, 5, 4, 5, 2];
    const second = [4, 4, 3, 3, 2, 5, 1, 4, 3, 5];
    const test = compareNetPromoterScores(first, second, FIVE_POINT);
    expect(test.first).toEqual(netPromoterScore(first, FIVE_POINT));
    // first: 5 promoters, 3 detractors → 20; second: 2 promoters, 5 detractors → −30.
    expect(test.first.score).toBeCloseTo(20, 12);
    expect(test.second.score).toBeCloseTo(-30, 12);
    expect(test.difference).toBeCloseTo(50, 12);
    expect(
      codes(() => compareNetPromoterScores(first, second, { scale: FIVE_POINT.scale })),
    ).toEqual([["options.scale", "invalid_value"]]);
  });
});
