/**
 * R rfm 0.3.0 on its own data (`rfm_data_orders`, test/fixtures/rfm_data_orders.csv): the scores
 * and segment counts its README, vignette and tests print, reproduced with rfmTable → rfmScores
 * (method "thresholds", rfm's cut points) → assignSegments → segmentSummary. docs/migrating.md
 * shows the same recipe.
 */
import { describe, expect, it } from "vitest";
import {
  assignSegments,
  CLASSIC_RFM_SEGMENTS,
  type RfmRow,
  rfmScores,
  rfmTable,
  type SegmentRangeRule,
  segmentSummary,
} from "../../src/index.js";
import { rfmDataOrders } from "../fixtures/rfmData.js";

/** R's default `quantile()` (type 7: linear interpolation between order statistics). */
function quantileType7(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * rfm's cut points (R/utils.R `bins`: the inner quantiles at 0.2 … 0.8, plus 1; a value v gets
 * bin i when lower_i ≤ v < upper_i) as rfmScores thresholds (score ≥ j when v ≥ cut): the same
 * numbers for purchases and spend; for whole days, `days < q + 1` is `days ≤ ⌈q + 1⌉ − 1`, and the
 * days cuts run from the score-2 cut down.
 */
function rfmPackageThresholds(table: readonly RfmRow[]) {
  const cuts = (values: number[]) => [0.2, 0.4, 0.6, 0.8].map((p) => quantileType7(values, p) + 1);
  return {
    daysSinceLastPurchase: cuts(table.map((r) => r.daysSinceLastPurchase))
      .map((c) => Math.ceil(c) - 1)
      .reverse(),
    purchases: cuts(table.map((r) => r.purchases)),
    totalSpend: cuts(table.map((r) => r.totalSpend.toNumber())),
  };
}

const table = rfmTable(rfmDataOrders(), { asOf: "2006-12-31" });
const scores = rfmScores(table, { method: "thresholds", thresholds: rfmPackageThresholds(table) });

describe("R rfm's rfm_data_orders", () => {
  it("has 995 customers and 4,906 orders (rfm tests/testthat/test-rfm-table.R: sum(transaction_count) = 4906)", () => {
    expect(table).toHaveLength(995);
    expect(table.reduce((n, r) => n + r.purchases, 0)).toBe(4906);
  });

  it("scores the README's first five customers as rfm_table_order does (rfm README.md: 343, 412, 323, 544, 433)", () => {
    const byId = new Map(scores.scores.map((s) => [s.customerId, s.rfmCode]));
    const ids = ["Abbey O'Reilly", "Add Senger", "Aden Lesch", "Aden Murphy", "Admiral Senger"];
    expect(ids.map((id) => byId.get(id))).toEqual(["343", "412", "323", "544", "433"]);
    const abbey = table.find((r) => r.customerId === "Abbey O'Reilly")!;
    // README: recency_days 205, transaction_count 6, amount 472
    expect([abbey.daysSinceLastPurchase, abbey.purchases, abbey.totalSpend.toString()]).toEqual([
      205,
      6,
      "472",
    ]);
  });

  it("reproduces the vignette's segment summary (rfm inst/doc/rfm-introduction.html, rfm_segment_summary)", () => {
    const rule = (
      name: string,
      r: [number, number],
      f: [number, number],
      m: [number, number],
    ): SegmentRangeRule => ({ name, recencyScore: r, frequencyScore: f, monetaryScore: m });
    const rules = [
      rule("Champions", [5, 5], [5, 5], [5, 5]),
      rule("Potential Loyalist", [3, 5], [3, 5], [2, 5]),
      rule("Loyal Customers", [2, 4], [2, 4], [2, 4]),
      rule("Promising", [3, 4], [1, 3], [3, 5]),
      rule("New Customers", [4, 5], [1, 3], [1, 5]),
      rule("Can't Lose Them", [1, 2], [3, 4], [4, 5]),
      rule("At Risk", [1, 2], [2, 5], [4, 5]),
      rule("Need Attention", [1, 3], [3, 5], [3, 5]),
      rule("About To Sleep", [2, 3], [1, 3], [1, 4]),
      rule("Lost", [1, 1], [1, 5], [1, 5]),
    ];
    const summary = segmentSummary(
      assignSegments(scores.scores, { rules, otherName: "Others" }),
      table,
    );
    const printed = summary
      .map((s) => [
        s.segment,
        s.customerCount,
        Math.round(s.meanPurchases! * s.customerCount),
        s.totalSpend.toNumber(),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // segment, customers, orders, revenue as printed (tibble, alphabetical)
    expect(printed).toEqual([
      ["About To Sleep", 102, 283, 23449],
      ["At Risk", 28, 216, 22227],
      ["Can't Lose Them", 47, 274, 32446],
      ["Champions", 35, 316, 31646],
      ["Lost", 148, 393, 35324],
      ["Loyal Customers", 170, 799, 76562],
      ["Need Attention", 10, 57, 4562],
      ["New Customers", 104, 329, 28837],
      ["Potential Loyalist", 342, 2211, 204856],
      ["Promising", 9, 28, 4249],
    ]);
  });

  it("reproduces the 0.2.x rules' Champions with CLASSIC_RFM_SEGMENTS (rfm tests/testthat/test-rfm-segment.R: 158 customers, 1234 orders, 120178 revenue)", () => {
    const summary = segmentSummary(
      assignSegments(scores.scores, { rules: CLASSIC_RFM_SEGMENTS }),
      table,
    );
    const champions = summary.find((s) => s.segment === "Champions")!;
    expect(champions.customerCount).toBe(158);
    expect(Math.round(champions.meanPurchases! * champions.customerCount)).toBe(1234);
    expect(champions.totalSpend.toString()).toBe("120178");
  });

  it("differs from rfm under this library's own quantile rule (ties kept together, equal-count bins)", () => {
    const own = rfmScores(table);
    const differing = own.scores.filter((s, i) => s.rfmCode !== scores.scores[i]!.rfmCode);
    // the same customers, a few scores apart: cut points one day / one dollar from rfm's
    expect(own.cutPoints.daysSinceLastPurchase).toEqual([480, 296, 179, 113]);
    expect(scores.cutPoints.daysSinceLastPurchase).toEqual([481, 297, 180, 114]);
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.length).toBeLessThan(100);
  });
});
