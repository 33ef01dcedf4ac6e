/**
 * lifecycleStage and lifecyclePattern: the documented rule set (Dwyer, Schurr & Oh 1987 in the
 * four-stage adaptation 考察期 / 形成期 / 稳定期 / 退化期; there is no published formula, so the
 * example histories are hand-made to sit clearly inside each rule).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type InputIssue,
  type LifecyclePurchase,
  lifecyclePattern,
  lifecycleStage,
  toPlainData,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

/** One purchase on the 5th of each listed month of 2024 (month 0 = January), `amount` each. */
function monthly(
  months: readonly number[],
  amount: number | ((m: number) => number) = 20,
): LifecyclePurchase[] {
  return months.map((m) => ({
    date: new Date(Date.UTC(2024, m, 5, 12)),
    amount: typeof amount === "number" ? amount : amount(m),
  }));
}
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const monthEnd = (m: number) => new Date(Date.UTC(2024, m + 1, 0)).toISOString().slice(0, 10);

describe("lifecycleStage", () => {
  it("exploration: too little history", () => {
    const r = lifecycleStage(monthly([0, 1]), { asOf: monthEnd(1), unit: "month" });
    expect(r.stage).toBe("exploration");
    expect(r.periodsObserved).toBe(2);
  });
  it("build-up: spend per month doubling", () => {
    const r = lifecycleStage(
      monthly(range(0, 5), (m) => (m < 3 ? 10 : 25)),
      { asOf: monthEnd(5), unit: "month" },
    );
    expect(r.stage).toBe("build-up");
    expect(r.previousSpend.toString()).toBe("30");
    expect(r.recentSpend.toString()).toBe("75");
  });
  it("maturity: steady monthly purchases", () => {
    expect(lifecycleStage(monthly(range(0, 11)), { asOf: monthEnd(11), unit: "month" }).stage).toBe(
      "maturity",
    );
  });
  it("decline: purchase rate halves", () => {
    const r = lifecycleStage(monthly([...range(0, 8), 10]), { asOf: monthEnd(11), unit: "month" });
    expect(r.stage).toBe("decline");
    expect(r.recentPurchases).toBe(1);
    expect(r.previousPurchases).toBe(3);
  });
  it("decline: silent for a whole window", () => {
    expect(lifecycleStage(monthly(range(0, 5)), { asOf: monthEnd(8), unit: "month" }).stage).toBe(
      "decline",
    );
  });
  it("the unit and window are options", () => {
    const history = monthly(range(0, 5));
    expect(lifecycleStage(history, { asOf: monthEnd(5), unit: "quarter", window: 1 }).stage).toBe(
      "maturity",
    );
    expect(lifecycleStage(history, { asOf: monthEnd(5), unit: "month", window: 4 }).stage).toBe(
      "exploration",
    );
  });
  it("is the same under any process time zone (explicit timeZone)", () => {
    const history: LifecyclePurchase[] = [
      { date: "2024-01-31T23:30:00Z", amount: "10.00" },
      { date: "2024-02-10", amount: "10.00" },
    ];
    const utc = lifecycleStage(history, { asOf: "2024-02-29", unit: "month" });
    const tokyo = lifecycleStage(history, {
      asOf: "2024-02-29",
      unit: "month",
      timeZone: "Asia/Tokyo",
    });
    expect(utc.periodsObserved).toBe(2);
    expect(tokyo.periodsObserved).toBe(1); // 23:30 UTC on 31 Jan is February in Tokyo
  });
  it("drops purchases after asOf (the cut-off rule): the stage as it was on that day", () => {
    const history = monthly(range(0, 11));
    const asOfJune = lifecycleStage(history, { asOf: monthEnd(5), unit: "month" });
    const onlyToJune = lifecycleStage(monthly(range(0, 5)), { asOf: monthEnd(5), unit: "month" });
    expect(asOfJune).toEqual(onlyToJune);
    expect(asOfJune.purchases).toBe(6);
    // asOf is inclusive: a purchase on the asOf day counts.
    const onTheDay = lifecycleStage([{ date: "2024-03-31", amount: 5 }], {
      asOf: "2024-03-31",
      unit: "day",
    });
    expect(onTheDay.purchases).toBe(1);
  });
  it("results are plain data (structuredClone keeps them)", () => {
    const stage = lifecycleStage(monthly(range(0, 11)), { asOf: monthEnd(11), unit: "month" });
    // Money is Decimal: toPlainData turns it into its exact digits for structuredClone.
    expect(structuredClone(toPlainData(stage))).toEqual(toPlainData(stage));
    expect(toPlainData(stage).recentSpend).toBe("60");
    const pattern = lifecyclePattern(monthly(range(0, 9)), { unit: "month" });
    expect(structuredClone(pattern)).toEqual(pattern);
  });
  it("property: the stage assignment is total", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            d: fc.integer({ min: 0, max: 700 }),
            a: fc.integer({ min: 0, max: 10_000 }),
          }),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom("day", "week", "month", "quarter", "year" as const),
        (rows, extra, unit) => {
          const history = rows.map((r) => ({
            date: new Date(Date.UTC(2022, 0, 1 + r.d)),
            amount: r.a / 100,
          }));
          const last = Math.max(...rows.map((r) => r.d));
          const asOf = new Date(Date.UTC(2022, 0, 1 + last + extra));
          const r = lifecycleStage(history, { asOf, unit });
          expect(["exploration", "build-up", "maturity", "decline"]).toContain(r.stage);
          expect(r.purchases).toBe(rows.length);
          const p = lifecyclePattern(history, { unit });
          expect(["early-aborted", "mid-way-aborted", "early-exit", "long-kept"]).toContain(
            p.pattern,
          );
        },
      ),
    );
  });
  const one = [{ date: "2024-01-01", amount: 1 }];
  const S = "lifecycleStage";
  const cases: [string, () => unknown, string, PropertyKey[], InputIssue["code"]][] = [
    [
      "empty history",
      () => lifecycleStage([], { asOf: "2024-01-01", unit: "month" }),
      S,
      ["purchases"],
      "too_small",
    ],
    [
      "bad date",
      () =>
        lifecycleStage(
          [
            { date: "2024-01-01", amount: 1 },
            { date: "2024-13-01", amount: 1 },
          ],
          { asOf: "2024-12-31", unit: "month" },
        ),
      S,
      ["purchases", 1, "date"],
      "invalid_date",
    ],
    [
      "negative amount",
      () =>
        lifecycleStage([{ date: "2024-01-01", amount: -1 }], { asOf: "2024-12-31", unit: "month" }),
      S,
      ["purchases", 0, "amount"],
      "too_small",
    ],
    [
      "unreadable amount",
      () =>
        lifecycleStage([{ date: "2024-01-01", amount: "1,5" }], {
          asOf: "2024-12-31",
          unit: "month",
        }),
      S,
      ["purchases", 0, "amount"],
      "invalid_money",
    ],
    [
      "every purchase after asOf (dropped, none left)",
      () =>
        lifecycleStage([{ date: "2025-01-01", amount: 1 }], { asOf: "2024-12-31", unit: "month" }),
      S,
      ["purchases"],
      "too_small",
    ],
    [
      "missing asOf",
      () => lifecycleStage(one, { unit: "month" } as never),
      S,
      ["options", "asOf"],
      "required",
    ],
    [
      "missing unit",
      () => lifecycleStage(one, { asOf: "2024-12-31" } as never),
      S,
      ["options", "unit"],
      "required",
    ],
    [
      "unknown unit",
      () => lifecycleStage(one, { asOf: "2024-12-31", unit: "fortnight" as never }),
      S,
      ["options", "unit"],
      "invalid_value",
    ],
    [
      "bad asOf",
      () => lifecycleStage(one, { asOf: "later", unit: "month" }),
      S,
      ["options", "asOf"],
      "invalid_date",
    ],
    [
      "not an array",
      () => lifecycleStage("x" as never, { asOf: "2024-12-31", unit: "month" }),
      S,
      ["purchases"],
      "invalid_type",
    ],
    [
      "pattern without a unit",
      () => lifecyclePattern(one, {} as never),
      "lifecyclePattern",
      ["options", "unit"],
      "required",
    ],
    [
      "tolerance 1",
      () => lifecyclePattern(one, { unit: "month", tolerance: 1 }),
      "lifecyclePattern",
      ["options", "tolerance"],
      "too_big",
    ],
    [
      "unknown option",
      () => lifecyclePattern(one, { unit: "month", asOf: "x" } as never),
      "lifecyclePattern",
      ["options", "asOf"],
      "unknown_key",
    ],
  ];
  it.each(cases)("%s → InvalidInputError with path and code", (_n, call, fn, path, code) => {
    expectIssue(call, fn, path, code);
  });
  it("lists every bad purchase in one error", () => {
    const error = expectIssue(
      () =>
        lifecycleStage(
          [
            { date: "2024-02-30", amount: 1 },
            { date: "2024-01-01", amount: 1 },
            { date: "2024-13-01", amount: -2 },
          ],
          { asOf: "2024-12-31", unit: "month" },
        ),
      S,
      ["purchases", 0, "date"],
      "invalid_date",
    );
    expect(error.issues.map((i) => [i.path, i.code])).toEqual([
      [["purchases", 0, "date"], "invalid_date"],
      [["purchases", 2, "date"], "invalid_date"],
      [["purchases", 2, "amount"], "too_small"],
    ]);
  });
});

describe("lifecyclePattern", () => {
  it("early-aborted: ends during exploration", () => {
    expect(lifecyclePattern(monthly([0, 1, 2]), { unit: "month" }).pattern).toBe("early-aborted");
  });
  it("mid-way-aborted: grows, then stops before settling", () => {
    const r = lifecyclePattern(
      monthly(range(0, 6), (m) => (m < 3 ? 10 : 40)),
      { unit: "month" },
    );
    expect(r.furthestStage).toBe("build-up");
    expect(r.pattern).toBe("mid-way-aborted");
  });
  it("early-exit: matures, then leaves within a few months", () => {
    const r = lifecyclePattern(monthly(range(0, 9)), { unit: "month" });
    expect(r.furthestStage).toBe("maturity");
    expect(r.maturityPeriods).toBe(5);
    expect(r.pattern).toBe("early-exit");
  });
  it("long-kept: a steady customer for two years", () => {
    const history = Array.from({ length: 24 }, (_, m) => ({
      date: new Date(Date.UTC(2022, m, 5)),
      amount: 20,
    }));
    const r = lifecyclePattern(history, { unit: "month" });
    expect(r.maturityPeriods).toBe(19);
    expect(r.pattern).toBe("long-kept");
    expect(r.stages.length).toBe(24);
  });
});
