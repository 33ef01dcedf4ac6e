import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignSegments,
  CLASSIC_RFM_SEGMENTS,
  PYMC_MARKETING_SEGMENTS,
  type RfmScoreTriple,
  rfmScores,
  rfmTable,
  type SegmentRule,
  segmentSummary,
} from "../../src/index.js";
import { cdnowMaster } from "../fixtures/load.js";
import { expectInvalid } from "./helpers.js";

const triple = (code: string): RfmScoreTriple => ({
  recency: Number(code[0]),
  frequency: Number(code[1]),
  monetary: Number(code[2]),
});

describe("assignSegments", () => {
  it("encodes the R rfm 0.2.x example bounds (recency_lower c(4,2,3,4,3,2,2,1,1,1) …)", () => {
    expect(CLASSIC_RFM_SEGMENTS.map((s) => s.recency[0])).toEqual([4, 2, 3, 4, 3, 2, 2, 1, 1, 1]);
    expect(CLASSIC_RFM_SEGMENTS.map((s) => s.recency[1])).toEqual([5, 5, 5, 5, 4, 3, 3, 2, 1, 2]);
    expect(CLASSIC_RFM_SEGMENTS.map((s) => s.frequency[0])).toEqual([4, 3, 1, 1, 1, 2, 1, 2, 4, 1]);
    expect(CLASSIC_RFM_SEGMENTS.map((s) => s.frequency[1])).toEqual([5, 5, 3, 1, 1, 3, 2, 5, 5, 2]);
    expect(CLASSIC_RFM_SEGMENTS.map((s) => s.monetary)).toEqual(
      CLASSIC_RFM_SEGMENTS.map((s) => s.frequency),
    );
  });

  it("first matching rule wins (overlapping rules), unmatched → Other", () => {
    const scores = new Map([
      ["a", triple("555")], // Champions (also Loyal Customers)
      ["b", triple("233")], // Loyal Customers (also Need Attention)
      ["c", triple("122")], // At Risk (also Lost)
      ["d", triple("514")], // Other: New Customers needs M = 1
    ]);
    const segments = assignSegments(scores);
    expect([...segments.values()]).toEqual(["Champions", "Loyal Customers", "At Risk", "Other"]);
    const reversed = assignSegments(scores, {
      rules: [...CLASSIC_RFM_SEGMENTS].reverse(),
      otherName: "Rest",
    });
    expect([...reversed.values()]).toEqual(["Loyal Customers", "At Risk", "Lost", "Rest"]);
  });

  it("PyMC-Marketing code lists: every listed code maps to its segment, the 18 others to Other", () => {
    const all: string[] = [];
    for (let r = 1; r <= 4; r++)
      for (let f = 1; f <= 4; f++) for (let m = 1; m <= 4; m++) all.push(`${r}${f}${m}`);
    const segments = assignSegments(new Map(all.map((c) => [c, triple(c)])), {
      rules: PYMC_MARKETING_SEGMENTS,
    });
    expect(segments.get("344")).toBe("Premium Customer");
    expect(segments.get("232")).toBe("Repeat Customer");
    expect(segments.get("134")).toBe("Top Spender");
    expect(segments.get("214")).toBe("At Risk Customer");
    expect(segments.get("311")).toBe("Inactive Customer");
    expect([...segments.values()].filter((s) => s === "Other")).toHaveLength(18);
  });

  it("property: segments partition the customers (each exactly once, input order)", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { maxLength: 60 }), (list) => {
        const scores = new Map(
          list.map(([r, f, m], i) => [`id${i}`, { recency: r, frequency: f, monetary: m }]),
        );
        const segments = assignSegments(scores);
        expect([...segments.keys()]).toEqual([...scores.keys()]);
        const names = new Set([...CLASSIC_RFM_SEGMENTS.map((s) => s.name), "Other"]);
        for (const name of segments.values()) expect(names.has(name)).toBe(true);
        const total = segmentSummary(segments).reduce((n, row) => n + row.customers, 0);
        expect(total).toBe(scores.size);
      }),
    );
  });

  it("CDNOW_master as of 1998-07-01: complete for all 23,570 customers; pinned 10-segment counts", () => {
    const table = rfmTable(cdnowMaster(), { asOf: "1998-07-01" });
    const scores = rfmScores(table);
    const segments = assignSegments(scores.scores);
    expect(scores.scores.size).toBe(23_570);
    expect(segments.size).toBe(23_570);
    const counts = Object.fromEntries(
      segmentSummary(segments).map((r) => [r.segment, r.customers]),
    );
    // Pinned from this implementation (quintiles, ties "min", R rfm 0.2.x rules in order).
    expect(counts).toEqual({
      Champions: 6314,
      "Loyal Customers": 4057,
      "Potential Loyalist": 3850,
      Lost: 3096,
      Other: 2923,
      "About To Sleep": 2893,
      "At Risk": 317,
      "Need Attention": 120,
    });
    // Independent check of two counts, without rfmScores: score = ⌊(customers strictly worse)·5/n⌋ + 1.
    const rows = [...table.values()];
    const n = rows.length;
    const scorer = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return (v: number) => {
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (sorted[mid]! < v) lo = mid + 1;
          else hi = mid;
        }
        return Math.min(5, Math.floor((lo * 5) / n) + 1);
      };
    };
    const rScore = scorer(rows.map((r) => -r.recency));
    const fScore = scorer(rows.map((r) => r.frequency));
    const mScore = scorer(rows.map((r) => r.monetary.toNumber()));
    const direct = rows.map((r) => [
      rScore(-r.recency),
      fScore(r.frequency),
      mScore(r.monetary.toNumber()),
    ]);
    const inRange = (x: number, lo: number, hi: number) => x >= lo && x <= hi;
    const champions = direct.filter(
      ([R, F, M]) => inRange(R!, 4, 5) && inRange(F!, 4, 5) && inRange(M!, 4, 5),
    );
    expect(champions.length).toBe(counts.Champions);
    // "Lost" = R 1–2, F 1–2, M 1–2 and none of the earlier rules; of those, only "About To Sleep"
    // (R 2–3, F 1–2, M 1–2) and "At Risk"/"Need Attention" can come first, so: R = 1, F 1–2, M 1–2.
    const lost = direct.filter(([R, F, M]) => R === 1 && inRange(F!, 1, 2) && inRange(M!, 1, 2));
    expect(lost.length).toBe(counts.Lost);
    // Frequency: 11,908 one-time buyers (50.5 %) share score 1.
    expect(direct.filter(([, F]) => F === 1).length).toBe(11_908);
  });

  describe("bad input", () => {
    const scores = new Map([["a", triple("555")]]);
    it("a rule with lo > hi or out of 1..9", () => {
      const bad: SegmentRule = { name: "X", recency: [5, 1], frequency: [1, 5], monetary: [1, 5] };
      expectInvalid(
        () => assignSegments(scores, { rules: [bad] }),
        "assignSegments",
        "rules[0].recency",
      );
      const out: SegmentRule = { name: "X", recency: [1, 5], frequency: [0, 5], monetary: [1, 5] };
      expectInvalid(() => assignSegments(scores, { rules: [out] }), "assignSegments", "rules[0]");
      expectInvalid(
        () => assignSegments(scores, { rules: [{ name: "Y", codes: ["55"] }] }),
        "assignSegments",
        "rules[0]",
      );
    });
    it("scores out of range", () => {
      expectInvalid(
        () => assignSegments(new Map([["z", { recency: 0, frequency: 1, monetary: 1 }]])),
        "assignSegments",
        "z.recency",
      );
      expectInvalid(
        () => assignSegments(new Map([["z", { recency: 1, frequency: 10, monetary: 1 }]])),
        "assignSegments",
        "z.frequency",
      );
      expectInvalid(
        () => assignSegments(new Map([["z", { recency: 1, frequency: 1, monetary: 2.5 }]])),
        "assignSegments",
        "z.monetary",
      );
    });
    it("unknown option", () => {
      const error = expectInvalid(
        () => assignSegments(scores, { preset: "rfm" } as unknown as { rules: SegmentRule[] }),
        "assignSegments",
        null,
      );
      expect(error.message).toContain("preset");
    });
  });
});
