/**
 * recencyChurnRisk: overdue ratio = (T − t_x)/(t_x/x), risk = 1 − e^{−ratio} (documented rule).
 * Example customers: the first two rows of cdnow_customers_summary.csv (weeks; Fader, Hardie & Lee
 * 2005 data): ID 1 (x 2, t_x 30.43, T 38.86), ID 2 (x 1, t_x 1.71, T 38.86).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type InputIssue, recencyChurnRisk, summarizeTransactions } from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";
import { cdnowSummary } from "../fixtures/load.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("recencyChurnRisk", () => {
  const rows = cdnowSummary();
  const result = recencyChurnRisk(rows);
  it("CDNOW customer 1: gap 15.215 weeks, 8.43 weeks since last purchase → active", () => {
    const r = result[0]!;
    expect(rel(r.typicalGap, 30.43 / 2)).toBeLessThan(1e-12);
    expect(rel(r.timeSinceLastPurchase, 38.86 - 30.43)).toBeLessThan(1e-12);
    expect(rel(r.overdueRatio, (38.86 - 30.43) / 15.215)).toBeLessThan(1e-12);
    expect(rel(r.riskScore, 1 - Math.exp(-(38.86 - 30.43) / 15.215))).toBeLessThan(1e-12);
    expect(r.level).toBe("active");
  });
  it("CDNOW customer 2: bought once more after 1.71 weeks, silent for 37 weeks → lapsed", () => {
    expect(result[1]!.level).toBe("lapsed");
    expect(rel(result[1]!.overdueRatio, (38.86 - 1.71) / 1.71)).toBeLessThan(1e-12);
  });
  it("one-time buyers get the median gap of the repeat buyers", () => {
    const gaps = rows
      .filter((r) => r.frequency > 0)
      .map((r) => r.recency / r.frequency)
      .sort((a, b) => a - b);
    const m = gaps.length >> 1;
    const median = gaps.length % 2 ? gaps[m]! : (gaps[m - 1]! + gaps[m]!) / 2;
    const once = result.find((r) => !r.ownGap)!;
    expect(once.typicalGap).toBe(median);
  });
  it("a customer first seen at the end of observation (T = 0) has just bought: active, risk 0", () => {
    const [first] = recencyChurnRisk([
      ...rows,
      { frequency: 0, recency: 0, T: 0, unit: "week" },
    ]).slice(-1);
    expect(first!.timeSinceLastPurchase).toBe(0);
    expect(first!.riskScore).toBe(0);
    expect(first!.level).toBe("active");
  });
  it("returns rows in input order carrying the input's customerId (none when the row has none)", () => {
    const withIds = recencyChurnRisk(rows.map((r) => ({ ...r, customerId: r.id })));
    expect(withIds.map((r) => r.customerId)).toEqual(rows.map((r) => r.id));
    expect(withIds.map(({ customerId: _, ...r }) => r)).toEqual(result);
    expect("customerId" in result[0]!).toBe(false);
    expect(structuredClone(withIds)).toEqual(withIds);
  });
  it("reads summarizeTransactions rows (buy-till-you-die recency: first to last purchase)", () => {
    const summary = summarizeTransactions(
      [
        { customerId: "ann", date: "2024-01-01", amount: 10 },
        { customerId: "ann", date: "2024-01-15", amount: 10 },
        { customerId: "ann", date: "2024-01-29", amount: 10 },
        { customerId: "bob", date: "2024-01-01", amount: 10 },
        { customerId: "bob", date: "2024-01-08", amount: 10 },
      ],
      { observationEnd: "2024-03-31", unit: "week" },
    );
    const [ann, bob] = recencyChurnRisk(summary);
    expect(ann!.customerId).toBe("ann");
    expect(ann!.typicalGap).toBe(2); // 4 weeks over 2 repeat purchases
    expect(bob!.customerId).toBe("bob");
    expect(bob!.typicalGap).toBe(1);
    expect(bob!.level).toBe("lapsed"); // last purchase in week 2 of 13
  });
  it("a defaultGap replaces the median", () => {
    const [r] = recencyChurnRisk([{ frequency: 0, recency: 0, T: 10 }], { defaultGap: 4 });
    expect(r!.overdueRatio).toBe(2.5);
    expect(r!.level).toBe("at-risk");
  });
  it("property: risk in [0, 1], monotone in the time since the last purchase", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (x, tx, e1, e2) => {
          const [a, b] = recencyChurnRisk([
            { frequency: x, recency: tx, T: tx + Math.min(e1, e2) },
            { frequency: x, recency: tx, T: tx + Math.max(e1, e2) },
          ]);
          for (const r of [a!, b!]) {
            expect(r.riskScore).toBeGreaterThanOrEqual(0);
            expect(r.riskScore).toBeLessThanOrEqual(1);
          }
          expect(b!.riskScore).toBeGreaterThanOrEqual(a!.riskScore);
        },
      ),
    );
  });
  const F = "recencyChurnRisk";
  const cases: [string, () => unknown, PropertyKey[], InputIssue["code"]][] = [
    [
      "recency > T",
      () => recencyChurnRisk([{ frequency: 1, recency: 5, T: 4 }]),
      ["customers", 0, "recency"],
      "inconsistent",
    ],
    [
      "fractional frequency",
      () => recencyChurnRisk([{ frequency: 1.5, recency: 1, T: 4 }]),
      ["customers", 0, "frequency"],
      "not_integer",
    ],
    [
      "T < 0",
      () => recencyChurnRisk([{ frequency: 0, recency: 0, T: -1 }]),
      ["customers", 0, "T"],
      "too_small",
    ],
    [
      "T = 0 with repeat purchases",
      () => recencyChurnRisk([{ frequency: 1, recency: 0, T: 0 }]),
      ["customers", 0, "recency"],
      "inconsistent",
    ],
    [
      "an RFM row (days since the last purchase, no T)",
      () =>
        recencyChurnRisk([
          { customerId: "a", daysSinceLastPurchase: 30, purchases: 3, totalSpend: "90" } as never,
        ]),
      ["customers", 0, "T"],
      "wrong_row_kind",
    ],
    [
      "numeric id",
      () => recencyChurnRisk([{ customerId: 4 as never, frequency: 1, recency: 1, T: 4 }]),
      ["customers", 0, "customerId"],
      "invalid_type",
    ],
    [
      "rows in two units",
      () =>
        recencyChurnRisk([
          { frequency: 1, recency: 1, T: 4, unit: "week" },
          { frequency: 1, recency: 1, T: 4, unit: "day" },
        ]),
      ["customers", 1, "unit"],
      "unit_mismatch",
    ],
    [
      "only one-time buyers",
      () => recencyChurnRisk([{ frequency: 0, recency: 0, T: 3 }]),
      ["options", "defaultGap"],
      "required",
    ],
    [
      "lapsedAfter < 1",
      () => recencyChurnRisk([], { lapsedAfter: 0.5 }),
      ["options", "lapsedAfter"],
      "too_small",
    ],
  ];
  it.each(cases)("%s → InvalidInputError with path and code", (_n, call, path, code) => {
    expectIssue(call, F, path, code);
  });
  it("lists every bad row in one error", () => {
    const error = expectIssue(
      () =>
        recencyChurnRisk([
          { frequency: -1, recency: 0, T: 4 },
          { frequency: 1, recency: 1, T: 4 },
          { frequency: 1, recency: 9, T: 4 },
        ]),
      F,
      ["customers", 0, "frequency"],
      "too_small",
    );
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [["customers", 0, "frequency"], "too_small"],
      [["customers", 2, "recency"], "inconsistent"],
    ]);
  });
});
