/**
 * Models know their time unit: a lifetime value asked in another
 * unit than the model's converts the horizon and the rate (before, `unit` changed nothing), and an
 * implausible rate is an error. CDNOW BG/NBD (weeks; Fader, Hardie & Lee 2005) and Gamma-Gamma (Fader & Hardie 2013).
 */
import { describe, expect, it } from "vitest";
import type { DiscretePurchaseHistoryRow } from "../../src/index.js";
import {
  type BgBbModel,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
} from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";
import { cdnowSummaryWithSpend } from "../fixtures/load.js";
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from "../fixtures/models.js";

const model = { purchase: CDNOW_BG_NBD, spend: CDNOW_GAMMA_GAMMA };
/** Fader, Hardie & Shang (2010) donations fit: one opportunity a year. */
const DONATIONS: BgBbModel = {
  kind: "bg-bb",
  params: { alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 },
  logLikelihood: -33225.58,
  standardErrors: { alpha: 0.0694, beta: 0.0294, gamma: 0.051, delta: 0.3208 },
  iterations: 10,
  converged: true,
  customerCount: 11104,
  unit: "year",
};
/** Weeks per calendar-average month: 365.2425/12 days of 7. */
const c = 365.2425 / 12 / 7;
const customers = cdnowSummaryWithSpend().slice(0, 300);
const profitMargin = 0.3;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("customerLifetimeValue in another unit than the model's", () => {
  const spend = conditionalExpectedSpend(model.spend, customers).map((d) => d.toNumber());

  it("52 weeks vs 12 calendar-average months at d = 0 differ exactly by margin·spend·(E[X(12c)] − E[X(52)])", () => {
    const weeks = customerLifetimeValue(model, customers, {
      horizon: 52,
      discountRate: 0,
      profitMargin,
    });
    const months = customerLifetimeValue(model, customers, {
      horizon: 12,
      discountRate: 0,
      unit: "month",
      unitConversion: "calendar-average",
      profitMargin,
    });
    const at52 = conditionalExpectedPurchases(model.purchase, customers, { horizon: 52 });
    const at12c = conditionalExpectedPurchases(model.purchase, customers, { horizon: 12 * c });
    let differing = 0;
    for (let i = 0; i < customers.length; i++) {
      const difference = months[i]!.toNumber() - weeks[i]!.toNumber();
      const expected = profitMargin * spend[i]! * (at12c[i]! - at52[i]!);
      // 12 months are 52.18 weeks: the month value is larger by the purchases of 0.18 weeks.
      expect(Math.abs(difference - expected)).toBeLessThanOrEqual(
        1e-12 * Math.max(1, months[i]!.toNumber()),
      );
      if (expected > 1e-6) differing++;
    }
    expect(differing).toBeGreaterThan(100);
  });

  it("with a positive monthly rate, the value is the sum over month boundaries k·c discounted by (1 + d)^−k", () => {
    const d = 0.01;
    const months = customerLifetimeValue(model, customers, {
      horizon: 12,
      discountRate: d,
      unit: "month",
      unitConversion: "calendar-average",
      profitMargin,
    });
    const expected = new Float64Array(customers.length);
    let previous: Float64Array = new Float64Array(customers.length);
    for (let k = 1; k <= 12; k++) {
      const current = conditionalExpectedPurchases(model.purchase, customers, { horizon: k * c });
      for (let i = 0; i < customers.length; i++) {
        expected[i]! += (current[i]! - previous[i]!) / (1 + d) ** k;
      }
      previous = current;
    }
    for (let i = 0; i < customers.length; i++) {
      expect(rel(months[i]!.toNumber(), profitMargin * spend[i]! * expected[i]!)).toBeLessThan(
        1e-12,
      );
    }
  });

  it("infinite horizon: a yearly rate i is δ = ln(1 + i)/c per week, the DERT of that δ", () => {
    const yearly = customerLifetimeValue(model, customers.slice(0, 20), {
      horizon: "infinite",
      discountRate: 0.15,
      unit: "year",
      unitConversion: "calendar-average",
    });
    const weeksPerYear = 365.2425 / 7;
    const dert = discountedExpectedResidualPurchases(model.purchase, customers.slice(0, 20), {
      continuousDiscountRate: Math.log(1.15) / weeksPerYear,
    });
    for (let i = 0; i < 20; i++) {
      expect(rel(yearly[i]!.toNumber(), spend[i]! * dert[i]!)).toBeLessThan(1e-12);
    }
  });

  it("months without unitConversion are an InvalidInputError unit_mismatch at options.unit", () => {
    const error = catchInvalidInput(() =>
      customerLifetimeValue(model, customers, { horizon: 12, discountRate: 0, unit: "month" }),
    );
    expect(error.functionName).toBe("customerLifetimeValue");
    expect(error.issues[0]!.path).toEqual(["options", "unit"]);
    expect(error.issues[0]!.code).toBe("unit_mismatch");
    expect(error.issues[0]!.received).toBe("month");
  });

  it("day, week and month now give different values (the unit used to change nothing)", () => {
    const options = { horizon: 12, discountRate: 0.01 } as const;
    const one = customers.slice(0, 5);
    const day = customerLifetimeValue(model, one, { ...options, unit: "day" });
    const week = customerLifetimeValue(model, one, { ...options, unit: "week" });
    const month = customerLifetimeValue(model, one, {
      ...options,
      unit: "month",
      unitConversion: "calendar-average",
    });
    const repeat = one.findIndex((row) => row.frequency > 0);
    expect(day[repeat]!.lt(week[repeat]!)).toBe(true);
    expect(week[repeat]!.lt(month[repeat]!)).toBe(true);
    // Days and weeks convert exactly: 84 days undiscounted are 12 weeks undiscounted.
    const days84 = customerLifetimeValue(model, one, { horizon: 84, discountRate: 0, unit: "day" });
    const weeks12 = customerLifetimeValue(model, one, { horizon: 12, discountRate: 0 });
    for (let i = 0; i < one.length; i++) {
      expect(rel(days84[i]!.toNumber(), weeks12[i]!.toNumber())).toBeLessThan(1e-12);
    }
  });

  it("a discount rate of 10 (meant as 10 %) is implausible_rate unless allowLargeDiscountRate", () => {
    const error = catchInvalidInput(() =>
      customerLifetimeValue(model, customers, { horizon: 12, discountRate: 10 }),
    );
    expect(error.issues[0]!.path).toEqual(["options", "discountRate"]);
    expect(error.issues[0]!.code).toBe("implausible_rate");
    expect(error.issues[0]!.received).toBe(10);
    const allowed = customerLifetimeValue(model, customers.slice(0, 3), {
      horizon: 12,
      discountRate: 10,
      allowLargeDiscountRate: true,
    });
    expect(allowed[0]!.isFinite()).toBe(true);
  });
});

describe("all problems of the options in one pass", () => {
  it("a rate of 10 and months without conversion are reported together", () => {
    const error = catchInvalidInput(() =>
      customerLifetimeValue(model, customers, { horizon: 12, discountRate: 10, unit: "month" }),
    );
    expect(error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["options.discountRate", "implausible_rate"],
      ["options.unit", "unit_mismatch"],
    ]);
    const dert = catchInvalidInput(() =>
      discountedExpectedResidualPurchases(model.purchase, customers, {
        discountRate: 10,
        unit: "month",
      }),
    );
    expect(dert.issues.map((i) => i.code)).toEqual(["implausible_rate", "unit_mismatch"]);
  });
});

describe("the other predictions convert units the same way", () => {
  it("expectedPurchases and conditionalExpectedPurchases: 1 year = 365.2425/7 weeks, 14 days = 2 weeks", () => {
    const weeksPerYear = 365.2425 / 7;
    expect(
      expectedPurchases(model.purchase, {
        horizon: 1,
        unit: "year",
        unitConversion: "calendar-average",
      }),
    ).toBe(expectedPurchases(model.purchase, { horizon: weeksPerYear }));
    const rows = customers.slice(0, 10);
    expect(
      conditionalExpectedPurchases(model.purchase, rows, { horizon: 14, unit: "day" }),
    ).toEqual(conditionalExpectedPurchases(model.purchase, rows, { horizon: 2 }));
    const error = catchInvalidInput(() =>
      expectedPurchases(model.purchase, { horizon: 1, unit: "year" }),
    );
    expect(error.issues[0]!.code).toBe("unit_mismatch");
  });
  it("the BG/BB takes horizons in its own unit only", () => {
    const bgbb = DONATIONS;
    const error = catchInvalidInput(() =>
      expectedPurchases(bgbb, { horizon: 5, unit: "month", unitConversion: "calendar-average" }),
    );
    expect(error.issues[0]!.path).toEqual(["options", "unit"]);
    expect(error.issues[0]!.code).toBe("unit_mismatch");
    expect(expectedPurchases(bgbb, { horizon: 5, unit: "year" })).toBe(
      expectedPurchases(bgbb, { horizon: 5 }),
    );
  });
});

describe("rows in another unit than the model's are refused, not read in the model's unit", () => {
  it("every per-customer prediction reports unit_mismatch at customers[i].unit", async () => {
    const api = await import("../../src/index.js");
    const { DONATIONS_BG_BB, CDNOW_PARETO_NBD } = await import("../fixtures/models.js");
    const { expectIssue } = await import("../expectInvalidAt.js");
    // A row from summarizeTransactions(…, { unit: "day" }) scored by a weekly model would be read as
    // 213 weeks of age; the row says days, so it is an error.
    const dayRow = { frequency: 2, recency: 213, T: 272, unit: "day" as const };
    const weekRow = { frequency: 2, recency: 30.43, T: 38.86, unit: "week" as const };
    const pair = { purchase: CDNOW_BG_NBD, spend: CDNOW_GAMMA_GAMMA };
    const spendRow = { ...dayRow, monetaryValue: 22.35 };
    const calls: [string, () => unknown][] = [
      ["probabilityAlive", () => api.probabilityAlive(CDNOW_BG_NBD, [weekRow, dayRow])],
      [
        "probabilityAlive",
        () => api.probabilityAlive(CDNOW_PARETO_NBD, [weekRow, dayRow], { horizon: 4 }),
      ],
      [
        "conditionalExpectedPurchases",
        () => api.conditionalExpectedPurchases(CDNOW_BG_NBD, [weekRow, dayRow], { horizon: 39 }),
      ],
      [
        "discountedExpectedResidualPurchases",
        () =>
          api.discountedExpectedResidualPurchases(CDNOW_BG_NBD, [weekRow, dayRow], {
            discountRate: 0.002,
          }),
      ],
      [
        "conditionalPurchaseCountProbability",
        () =>
          api.conditionalPurchaseCountProbability(CDNOW_BG_NBD, [weekRow, dayRow], {
            purchases: 0,
            horizon: 39,
          }),
      ],
      ["customerLogLikelihood", () => api.customerLogLikelihood(CDNOW_BG_NBD, [weekRow, dayRow])],
      ["posteriorMeanRates", () => api.posteriorMeanRates(CDNOW_BG_NBD, [weekRow, dayRow])],
      [
        "customerLifetimeValue",
        () =>
          api.customerLifetimeValue(pair, [{ ...weekRow, monetaryValue: 22.35 }, spendRow], {
            horizon: 52,
            discountRate: 0.002,
          }),
      ],
      [
        "churnRisk",
        () =>
          api.churnRisk(
            pair,
            [
              { ...weekRow, monetaryValue: 22.35, customerId: "a" },
              { ...spendRow, customerId: "b" },
            ],
            {
              horizon: 52,
              discountRate: 0.002,
            },
          ),
      ],
    ];
    for (const [fn, call] of calls)
      expectIssue(call, fn, ["customers", 1, "unit"], "unit_mismatch");
    // BG/BB: opportunities of the model's unit (years here).
    const drive = { frequency: 1, recency: 1, periods: 6 };
    const drives: DiscretePurchaseHistoryRow[] = [drive, { ...drive, unit: "month" }];
    const yearly: DiscretePurchaseHistoryRow[] = [{ ...drive, unit: "year" }];
    expectIssue(
      () => api.probabilityAlive(DONATIONS_BG_BB, drives),
      "probabilityAlive",
      ["customers", 1, "unit"],
      "unit_mismatch",
    );
    // Rows in the model's unit, or without one, are scored as before.
    expect(api.probabilityAlive(CDNOW_BG_NBD, [weekRow])[0]).toBeCloseTo(0.7266, 4);
    expect(api.probabilityAlive(DONATIONS_BG_BB, yearly).length).toBe(1);
  });
});
