import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignSegments,
  CLASSIC_RFM_SEGMENTS,
  indexByCustomerId,
  PYMC_MARKETING_SEGMENTS,
  type RfmScoreInput,
  rfmScores,
  rfmTable,
  type SegmentRule,
  segmentSummary,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";
import { cdnowMaster } from "../fixtures/load.js";

const triple = (code: string, customerId = code): RfmScoreInput => ({
  customerId,
  recencyScore: Number(code[0]),
  frequencyScore: Number(code[1]),
  monetaryScore: Number(code[2]),
});

describe("assignSegments", () => {
  it("encodes the R rfm 0.2.x example bounds (recency_lower c(4,2,3,4,3,2,2,1,1,1) …)", () => {
    const at = (key: "recencyScore" | "frequencyScore", k: 0 | 1) =>
      CLASSIC_RFM_SEGMENTS.map((s) => s[key][k]);
    expect(at("recencyScore", 0)).toEqual([4, 2, 3, 4, 3, 2, 2, 1, 1, 1]);
    expect(at("recencyScore", 1)).toEqual([5, 5, 5, 5, 4, 3, 3, 2, 1, 2]);
    expect(at("frequencyScore", 0)).toEqual([4, 3, 1, 1, 1, 2, 1, 2, 4, 1]);
    expect(at("frequencyScore", 1)).toEqual([5, 5, 3, 1, 1, 3, 2, 5, 5, 2]);
    expect(CLASSIC_RFM_SEGMENTS.map((s) => s.monetaryScore)).toEqual(
      CLASSIC_RFM_SEGMENTS.map((s) => s.frequencyScore),
    );
  });

  it("first matching rule wins (overlapping rules), unmatched → Other", () => {
    const scores = [
      triple("555", "a"), // Champions (also Loyal Customers)
      triple("233", "b"), // Loyal Customers (also Need Attention)
      triple("122", "c"), // At Risk (also Lost)
      triple("514", "d"), // Other: New Customers needs M = 1
    ];
    const segments = assignSegments(scores);
    expect(segments).toEqual([
      { customerId: "a", segment: "Champions" },
      { customerId: "b", segment: "Loyal Customers" },
      { customerId: "c", segment: "At Risk" },
      { customerId: "d", segment: "Other" },
    ]);
    const reversed = assignSegments(scores, {
      rules: [...CLASSIC_RFM_SEGMENTS].reverse(),
      otherName: "Rest",
    });
    expect(reversed.map((s) => s.segment)).toEqual(["Loyal Customers", "At Risk", "Lost", "Rest"]);
  });

  it("PyMC-Marketing code lists: every listed code maps to its segment, the 18 others to Other", () => {
    const all: string[] = [];
    for (let r = 1; r <= 4; r++)
      for (let f = 1; f <= 4; f++) for (let m = 1; m <= 4; m++) all.push(`${r}${f}${m}`);
    const segments = indexByCustomerId(
      assignSegments(
        all.map((c) => triple(c)),
        { rules: PYMC_MARKETING_SEGMENTS },
      ),
    );
    expect(segments.get("344")?.segment).toBe("Premium Customer");
    expect(segments.get("232")?.segment).toBe("Repeat Customer");
    expect(segments.get("134")?.segment).toBe("Top Spender");
    expect(segments.get("214")?.segment).toBe("At Risk Customer");
    expect(segments.get("311")?.segment).toBe("Inactive Customer");
    expect([...segments.values()].filter((s) => s.segment === "Other")).toHaveLength(18);
  });

  it("property: segments partition the customers (each exactly once, input order)", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { maxLength: 60 }), (list) => {
        const scores = list.map(([r, f, m], i) => ({
          customerId: `id${i}`,
          recencyScore: r,
          frequencyScore: f,
          monetaryScore: m,
        }));
        const segments = assignSegments(scores);
        expect(segments.map((s) => s.customerId)).toEqual(scores.map((s) => s.customerId));
        const names = new Set([...CLASSIC_RFM_SEGMENTS.map((s) => s.name), "Other"]);
        for (const { segment } of segments) expect(names.has(segment)).toBe(true);
        const total = segmentSummary(segments).reduce((n, row) => n + row.customerCount, 0);
        expect(total).toBe(scores.length);
      }),
    );
  });

  it("CDNOW_master as of 1998-07-01: complete for all 23,570 customers; pinned 10-segment counts", () => {
    const table = rfmTable(cdnowMaster(), { asOf: "1998-07-01" });
    const scores = rfmScores(table);
    const segments = assignSegments(scores.scores);
    expect(scores.scores.length).toBe(23_570);
    expect(segments.length).toBe(23_570);
    const counts = Object.fromEntries(
      segmentSummary(segments).map((r) => [r.segment, r.customerCount]),
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
    const rows = table;
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
    const rScore = scorer(rows.map((r) => -r.daysSinceLastPurchase));
    const fScore = scorer(rows.map((r) => r.purchases));
    const mScore = scorer(rows.map((r) => r.totalSpend.toNumber()));
    const direct = rows.map((r) => [
      rScore(-r.daysSinceLastPurchase),
      fScore(r.purchases),
      mScore(r.totalSpend.toNumber()),
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
    const scores = [triple("555", "a")];
    it("a rule with lo > hi or out of 1..9", () => {
      const bad: SegmentRule = {
        name: "X",
        recencyScore: [5, 1],
        frequencyScore: [1, 5],
        monetaryScore: [1, 5],
      };
      expectIssue(
        () => assignSegments(scores, { rules: [bad] }),
        "assignSegments",
        ["options", "rules", 0, "recencyScore"],
        "inconsistent",
      );
      const out: SegmentRule = {
        name: "X",
        recencyScore: [1, 5],
        frequencyScore: [0, 5],
        monetaryScore: [1, 5],
      };
      expectIssue(
        () => assignSegments(scores, { rules: [out] }),
        "assignSegments",
        ["options", "rules", 0, "frequencyScore", 0],
        "too_small",
      );
      expectIssue(
        () => assignSegments(scores, { rules: [{ name: "Y", codes: ["55"] }] }),
        "assignSegments",
        ["options", "rules", 0, "codes", 0],
        "invalid_format",
      );
    });
    it("every bad score row is listed, with its path and code", () => {
      const rows = [
        { customerId: "z", recencyScore: 0, frequencyScore: 1, monetaryScore: 1 },
        { customerId: "y", recencyScore: 1, frequencyScore: 10, monetaryScore: 1 },
        { customerId: "x", recencyScore: 1, frequencyScore: 1, monetaryScore: 2.5 },
        { customerId: 4, recencyScore: 1, frequencyScore: 1, monetaryScore: 1 },
        { customerId: "w", recency: 1, frequency: 1, monetary: 1 },
      ] as unknown as RfmScoreInput[];
      const run = () => assignSegments(rows);
      const error = expectIssue(run, "assignSegments", ["scores", 0, "recencyScore"], "too_small");
      expectIssue(run, "assignSegments", ["scores", 1, "frequencyScore"], "too_big");
      expectIssue(run, "assignSegments", ["scores", 2, "monetaryScore"], "not_integer");
      expectIssue(run, "assignSegments", ["scores", 3, "customerId"], "invalid_type");
      // old field names: the score fields are missing
      expectIssue(run, "assignSegments", ["scores", 4, "recencyScore"], "required");
      expect(error.issues).toHaveLength(7);
    });
    it("unknown option", () => {
      expectIssue(
        () => assignSegments(scores, { preset: "rfm" } as unknown as { rules: SegmentRule[] }),
        "assignSegments",
        ["options", "preset"],
        "unknown_key",
      );
    });
  });
});
