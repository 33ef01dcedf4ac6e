import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../../../src/core/errors.js";
import { fitBgNbd } from "../../../src/models/bgNbd/fitBgNbd.js";
import { compareModels } from "../../../src/models/compareModels.js";
import { calibrationFrequencyFit } from "../../../src/models/diagnostics/calibrationFrequencyFit.js";
import { cumulativePurchaseTracking } from "../../../src/models/diagnostics/cumulativePurchaseTracking.js";
import { holdoutComparison } from "../../../src/models/diagnostics/holdoutComparison.js";
import { probabilityAliveMatrix } from "../../../src/models/diagnostics/probabilityAliveMatrix.js";
import { fitMbgNbd } from "../../../src/models/modifiedBgNbd/fitModifiedBgNbd.js";
import { fitParetoNbd } from "../../../src/models/paretoNbd/fitParetoNbd.js";
import { probabilityAlive } from "../../../src/models/predictions/probabilityAlive.js";
import { splitCalibrationHoldout } from "../../../src/transactions/splitCalibrationHoldout.js";
import { cdnowSample } from "../../fixtures/load.js";

// BTYD walkthrough on the CDNOW sample (BTYD R package vignette): 39-week calibration (1997-01-01 … 09-30),
// 39-week holdout, weeks as the time unit, same-day purchases merged.
const transactions = cdnowSample();
const rows = splitCalibrationHoldout(transactions, {
  calibrationEnd: "1997-09-30",
  observationEnd: "1998-06-30",
  unit: "week",
  bucketing: "elapsed",
});
const model = fitBgNbd(rows, { unit: "week" });

describe("holdoutComparison — BG/NBD on CDNOW (BTYD R package vignette table)", () => {
  const table = holdoutComparison(
    model,
    rows.map((r) => ({ ...r, holdoutDuration: 39 })),
    { by: "frequency", maxBin: 7 },
  );
  it("bin sizes 1411, 439, 214, 100, 62, 38, 29, 64", () => {
    expect(table.rows.map((r) => r.customerCount)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(table.rows.at(-1)!.label).toBe("7+");
  });
  it("actual means 0.2367 … 6.3594 (printed precision)", () => {
    expect(table.rows.map((r) => r.actual.toFixed(4))).toEqual([
      "0.2367",
      "0.6970",
      "1.3925",
      "1.5600",
      "2.5323",
      "2.9474",
      "3.8621",
      "6.3594",
    ]);
    expect(table.totalActual).toBe(1882);
  });
  it("expected means 0.2251 … 6.1570 (to 2e-4: BTYD's estimates differ from the MLE in the 5th digit)", () => {
    const printed = [0.2251, 0.5231, 1.0441, 1.5203, 2.1638, 2.6538, 3.504, 6.157];
    for (const [i, v] of printed.entries()) {
      expect(Math.abs(table.rows[i]!.expected - v)).toBeLessThanOrEqual(2.5e-4);
    }
    // Σ CET(39) over all customers = 1,653.4 [BTYD R package, computed]
    expect(table.totalExpected.toFixed(1)).toBe("1653.4");
    // MAE of the printed table: mean of |actual − expected| over the 8 bins = 0.2245
    expect(Math.abs(table.meanAbsoluteError - 0.2245)).toBeLessThanOrEqual(2.5e-4);
  });
});

function firstDatesOf(byCustomer: Map<string, Set<number>>): string[] {
  const start = Date.UTC(1997, 0, 1);
  return [...byCustomer.values()].map((days) =>
    new Date(start + Math.min(...days) * 86_400_000).toISOString().slice(0, 10),
  );
}

describe("cumulativePurchaseTracking — BG/NBD weekly tracking, weeks 20–25 (BTYD R package vignette)", () => {
  // daily cohorts of first purchases (84 days of 1997 Q1), tracked in weeks
  const start = Date.UTC(1997, 0, 1);
  const dayOf = (date: string) => Math.round((Date.parse(date) - start) / 86_400_000);
  const byCustomer = new Map<string, Set<number>>();
  for (const t of transactions) {
    const days = byCustomer.get(t.customerId) ?? new Set<number>();
    days.add(dayOf(t.date));
    byCustomer.set(t.customerId, days);
  }
  const cohortSizes = new Array<number>(84).fill(0);
  const actual = new Array<number>(78).fill(0);
  for (const days of byCustomer.values()) {
    const sorted = [...days].sort((a, b) => a - b);
    cohortSizes[sorted[0]!]! += 1;
    for (const d of sorted.slice(1)) {
      const week = Math.floor(d / 7);
      if (week < 78) actual[week]! += 1;
    }
  }
  const tracking = cumulativePurchaseTracking(model, cohortSizes, {
    periods: 78,
    actual,
    cohortSpacing: 1 / 7,
  });
  const weeks = tracking.slice(19, 25);
  it("first-purchase dates give the same tracking as daily cohort sizes", () => {
    const firstDates = [...byCustomer.values()].map((days) => {
      const d = Math.min(...days);
      return new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    });
    const fromDates = cumulativePurchaseTracking(model, firstDates, { periods: 30, unit: "week" });
    for (let t = 0; t < 30; t++) {
      expect(fromDates[t]!.expectedCumulative).toBeCloseTo(tracking[t]!.expectedCumulative, 9);
    }
    let caught: unknown;
    try {
      cumulativePurchaseTracking(model, ["1997-01-01", "1997-02-30"], { periods: 3 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).issues[0]).toMatchObject({
      path: ["cohorts", 1],
      code: "invalid_date",
      received: "1997-02-30",
    });
  });
  it('tracked in days (unit: "day"), day 7k equals week k of the weekly tracking', () => {
    const daily = cumulativePurchaseTracking(model, cohortSizes, { periods: 7 * 30, unit: "day" });
    for (let k = 1; k <= 30; k++) {
      const week = tracking[k - 1]!.expectedCumulative;
      expect(Math.abs(daily[7 * k - 1]!.expectedCumulative - week)).toBeLessThanOrEqual(
        1e-9 * week,
      );
    }
    // a month has no fixed length in weeks: only with the calendar-average conversion
    let caught: unknown;
    try {
      cumulativePurchaseTracking(model, cohortSizes, { periods: 3, unit: "month" });
    } catch (error) {
      caught = error;
    }
    expect((caught as InvalidInputError).issues[0]).toMatchObject({
      path: ["options", "unit"],
      code: "unit_mismatch",
    });
    const monthly = cumulativePurchaseTracking(model, firstDatesOf(byCustomer), {
      periods: 3,
      unit: "month",
      unitConversion: "calendar-average",
    });
    const weekly = cumulativePurchaseTracking(model, firstDatesOf(byCustomer), { periods: 14 });
    // 3 calendar-average months = 13.04 weeks: between weeks 13 and 14 of the weekly tracking
    expect(monthly[2]!.expectedCumulative).toBeGreaterThan(weekly[12]!.expectedCumulative);
    expect(monthly[2]!.expectedCumulative).toBeLessThan(weekly[13]!.expectedCumulative);
  });
  it("actual incremental 73, 55, 70, 33, 56, 99 and cumulative 1359 … 1672", () => {
    expect(weeks.map((w) => w.actualIncremental)).toEqual([73, 55, 70, 33, 56, 99]);
    expect(weeks.map((w) => w.actualCumulative)).toEqual([1359, 1414, 1484, 1517, 1573, 1672]);
  });
  it("expected incremental 76.86531 … 68.18213 and cumulative 1312.458 … 1669.6 (to 1e-5 relative)", () => {
    const inc = [76.86531, 74.88843, 73.04554, 71.32166, 69.70412, 68.18213];
    const cum = [1312.458, 1387.346, 1460.392, 1531.713, 1601.418, 1669.6];
    for (const [i, w] of weeks.entries()) {
      expect(Math.abs(w.expectedIncremental - inc[i]!)).toBeLessThanOrEqual(1e-5 * inc[i]!);
      expect(Math.abs(w.expectedCumulative - cum[i]!)).toBeLessThanOrEqual(1e-5 * cum[i]!);
    }
  });
});

describe("Pareto/NBD on CDNOW (BTYD R package vignette)", () => {
  const pareto = fitParetoNbd(rows, { unit: "week" });
  it("holdout expected means 0.138 … 6.403 (printed precision)", () => {
    const table = holdoutComparison(
      pareto,
      rows.map((r) => ({ ...r, holdoutDuration: 39 })),
      { by: "frequency", maxBin: 7 },
    );
    const printed = [0.138, 0.6, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403];
    for (const [i, v] of printed.entries()) {
      expect(Math.abs(table.rows[i]!.expected - v)).toBeLessThanOrEqual(1e-3);
    }
    // Σ CET(39) = 1,665.6 [BTYD R package, computed]
    expect(Math.abs(table.totalExpected - 1665.6)).toBeLessThanOrEqual(0.2);
  });
  it("weekly tracking weeks 20–25: 78.308 … 69.933 and 1308.856 … 1674.253", () => {
    const start = Date.UTC(1997, 0, 1);
    const cohortSizes = new Array<number>(84).fill(0);
    const firstDay = new Map<string, number>();
    for (const t of transactions) {
      const d = Math.round((Date.parse(t.date) - start) / 86_400_000);
      firstDay.set(t.customerId, Math.min(firstDay.get(t.customerId) ?? d, d));
    }
    for (const d of firstDay.values()) cohortSizes[d]! += 1;
    const weeks = cumulativePurchaseTracking(pareto, cohortSizes, {
      periods: 25,
      cohortSpacing: 1 / 7,
    }).slice(19, 25);
    const inc = [78.308, 76.419, 74.648, 72.983, 71.414, 69.933];
    const cum = [1308.856, 1385.275, 1459.923, 1532.906, 1604.32, 1674.253];
    // BTYD prints at its own estimates (β 11.656 vs the MLE 11.669; flat likelihood): 1e-4 relative
    for (const [i, w] of weeks.entries()) {
      expect(Math.abs(w.expectedIncremental - inc[i]!)).toBeLessThanOrEqual(1e-4 * inc[i]!);
      expect(Math.abs(w.expectedCumulative - cum[i]!)).toBeLessThanOrEqual(1e-4 * cum[i]!);
    }
  });
});

describe("compareModels on the three CDNOW fits", () => {
  it("MBG/NBD −9582.1, BG/NBD −9582.4, Pareto/NBD −9595.0 (Fader, Hardie & Lee 2005; Batislam, Denizel & Filiztekin 2007): MBG/NBD recommended, no LRT", () => {
    const fits = [model, fitMbgNbd(rows, { unit: "week" }), fitParetoNbd(rows, { unit: "week" })];
    const c = compareModels(fits);
    expect(c.rows.map((r) => r.logLikelihood.toFixed(1))).toEqual([
      "-9582.4",
      "-9582.1",
      "-9595.0",
    ]);
    expect(c.recommended).toBe(1);
    expect(c.rows.map((r) => r.rank)).toEqual([2, 1, 3]);
    expect(c.rows[0]!.deltaBic).toBeCloseTo(
      2 * (fits[1]!.logLikelihood - fits[0]!.logLikelihood),
      9,
    );
    expect(c.likelihoodRatioTests).toEqual([]);
    expect(c.notes[0]).toContain("do not nest");
  });
});

describe("continuous models in the other diagnostics", () => {
  it("probabilityAliveMatrix cells equal probabilityAlive", () => {
    const cells = probabilityAliveMatrix(model, { maxFrequency: 5, maxT: 39 });
    expect(cells.length).toBe(1 + 5 * 39);
    for (const c of cells.slice(0, 60)) {
      expect(c.probabilityAlive).toBeCloseTo(
        probabilityAlive(model, [{ frequency: c.frequency, recency: c.recency, T: 39 }])[0]!,
        14,
      );
    }
  });
  it("calibrationFrequencyFit: expected histogram sums to the 2,357 customers; x = 0 bin near 1,411", () => {
    const fit = calibrationFrequencyFit(model, rows, { maxBin: 7 });
    const total = fit.rows.reduce((s, r) => s + r.expected, 0);
    expect(Math.abs(total - 2357)).toBeLessThan(1e-8);
    expect(fit.rows[0]!.actual).toBe(1411);
    expect(Math.abs(fit.rows[0]!.expected - 1411) / 1411).toBeLessThan(0.02);
    expect(fit.degreesOfFreedom).toBe(3);
  });
});
