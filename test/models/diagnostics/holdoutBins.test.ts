/**
 * holdoutComparison's bins of width `binWidth` (by recency, and by frequency): bin k holds
 * k·w ≤ v < (k+1)·w, the last bin every v ≥ maxBin·w. Checked on rows binned by hand, and against
 * the per-customer `conditionalExpectedPurchases` grouped independently.
 */
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  fitBgNbd,
  holdoutComparison,
  splitCalibrationHoldout,
} from "../../../src/index.js";
import { expectIssue } from "../../expectInvalidAt.js";
import { exampleTransactions } from "../../fixtures/load.js";
import { CDNOW_BG_NBD, DONATIONS_BG_BB } from "../../fixtures/models.js";

const row = (recency: number, holdoutFrequency: number) => ({
  frequency: recency === 0 ? 0 : 2,
  recency,
  T: 40,
  holdoutFrequency,
  holdoutDuration: 39,
});

describe("holdoutComparison by recency with a bin width", () => {
  // By hand, width 4 and maxBin 3: [0, 4) ← 0, 3.9; [4, 8) ← 4, 7.99; [8, 12) ← 8; 12+ ← 12, 30.
  const rows = [row(0, 0), row(3.9, 2), row(4, 1), row(7.99, 3), row(8, 5), row(12, 1), row(30, 4)];
  const table = holdoutComparison(CDNOW_BG_NBD, rows, { by: "recency", binWidth: 4, maxBin: 3 });
  const each = conditionalExpectedPurchases(CDNOW_BG_NBD, rows, { horizon: 39 });
  it("labels say the range; the last bin is open", () => {
    expect(table.rows.map((r) => [r.bin, r.label, r.customerCount])).toEqual([
      [0, "[0, 4)", 2],
      [4, "[4, 8)", 2],
      [8, "[8, 12)", 1],
      [12, "12+", 2],
    ]);
  });
  it("actual means by hand, expected means the per-customer expectations averaged per bin", () => {
    expect(table.rows.map((r) => r.actual)).toEqual([1, 2, 5, 2.5]);
    const groups = [[0, 1], [2, 3], [4], [5, 6]];
    groups.forEach((members, k) => {
      const mean = members.reduce((s, i) => s + each[i]!, 0) / members.length;
      expect(table.rows[k]!.expected).toBeCloseTo(mean, 14);
    });
  });
  it("a bin edge is found exactly where the division rounds (0.3 / 0.1 = 2.9999999999999996)", () => {
    const fine = holdoutComparison(CDNOW_BG_NBD, [row(0.3, 1), row(0.29, 0)], {
      by: "recency",
      binWidth: 0.1,
      maxBin: 10,
    });
    expect(fine.rows.map((r) => r.label)).toEqual(["[0.2, 0.3)", "[0.3, 0.4)"]);
  });
  it("width 1 is the default: the same table as before ('0' … '7+')", () => {
    const by = { by: "recency" } as const;
    expect(holdoutComparison(CDNOW_BG_NBD, rows, { ...by, binWidth: 1 })).toEqual(
      holdoutComparison(CDNOW_BG_NBD, rows, by),
    );
    expect(holdoutComparison(CDNOW_BG_NBD, rows, by).rows.map((r) => r.label)).toEqual([
      "0",
      "3",
      "4",
      "7+",
    ]);
  });
  it("by frequency too: width 2 pools frequencies 0–1, 2–3, …", () => {
    const t = holdoutComparison(CDNOW_BG_NBD, rows, { binWidth: 2, maxBin: 2 });
    expect(t.rows.map((r) => [r.label, r.customerCount])).toEqual([
      ["[0, 2)", 1],
      ["[2, 4)", 6],
    ]);
  });
  it("by time since the last purchase, T − recency: 40 − 30 = 10 → [8, 12), 40 − 0 → 12+", () => {
    const since = holdoutComparison(CDNOW_BG_NBD, rows, {
      by: "timeSinceLastPurchase",
      binWidth: 4,
      maxBin: 3,
    });
    // T − recency: 40, 36.1, 36, 32.01, 32, 28, 10
    expect(since.rows.map((r) => [r.label, r.customerCount])).toEqual([
      ["[8, 12)", 1],
      ["12+", 6],
    ]);
    expect(since.rows[0]!.actual).toBe(4);
    expect(since.rows[0]!.expected).toBeCloseTo(each[6]!, 14);
  });
  it("BG/BB: time since the last purchase is periods − recency, in opportunities", () => {
    const table = holdoutComparison(
      DONATIONS_BG_BB,
      [
        { frequency: 3, recency: 4, periods: 6, holdoutFrequency: 2, holdoutPeriods: 5 },
        { frequency: 0, recency: 0, periods: 6, holdoutFrequency: 0, holdoutPeriods: 5 },
      ],
      { by: "timeSinceLastPurchase" },
    );
    expect(table.rows.map((r) => [r.label, r.actual])).toEqual([
      ["2", 2],
      ["6", 0],
    ]);
  });
  it("rejects a width that is not a positive number", () => {
    for (const binWidth of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expectIssue(
        () => holdoutComparison(CDNOW_BG_NBD, rows, { by: "recency", binWidth }),
        "holdoutComparison",
        ["options", "binWidth"],
        binWidth === 0 || binWidth === -1 ? "too_small" : "invalid_type",
      );
    }
  });
});

describe("by recency on lifetimes' example transactions (days): four-week bins spread the repeat buyers", () => {
  const rows = splitCalibrationHoldout(exampleTransactions(), {
    calibrationEnd: "2014-09-01",
    observationEnd: "2014-12-31",
    unit: "day",
  });
  const model = fitBgNbd(rows);
  const byFrequency = holdoutComparison(model, rows);
  const daily = holdoutComparison(model, rows, { by: "recency" });
  const monthly = holdoutComparison(model, rows, { by: "recency", binWidth: 28 });
  it("width 1 (days) lumps most customers into '0' and '7+'; width 28 spreads the repeat buyers over eight bins", () => {
    const first = daily.rows[0]!.customerCount;
    const last = daily.rows.at(-1)!.customerCount;
    expect((first + last) / 5000).toBeGreaterThan(0.85);
    expect(monthly.rows.map((r) => r.label)).toEqual([
      "[0, 28)",
      "[28, 56)",
      "[56, 84)",
      "[84, 112)",
      "[112, 140)",
      "[140, 168)",
      "[168, 196)",
      "196+",
    ]);
    // The 1,664 customers of "7+" (recency ≥ 7 days) are spread: 24 have recency ≥ 196 days. The
    // first bin keeps the 2,595 customers without repeat purchases (recency 0).
    expect(daily.rows.at(-1)!.customerCount).toBe(1664);
    expect(monthly.rows.at(-1)!.customerCount).toBe(24);
    expect(rows.filter((r) => r.frequency === 0)).toHaveLength(2595);
  });
  it("each bin counts the customers whose recency lies in it; totals do not depend on the binning", () => {
    for (const bin of monthly.rows) {
      const inBin = rows.filter(
        (r) => r.recency >= bin.bin && (bin.label.endsWith("+") || r.recency < bin.bin + 28),
      );
      expect(bin.customerCount).toBe(inBin.length);
      const actual = inBin.reduce((s, r) => s + r.holdoutFrequency, 0) / inBin.length;
      expect(bin.actual).toBeCloseTo(actual, 12);
    }
    expect(monthly.totalActual).toBe(byFrequency.totalActual);
    expect(monthly.totalExpected).toBeCloseTo(byFrequency.totalExpected, 9);
  });
});
