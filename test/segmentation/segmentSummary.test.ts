import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentMigration, segmentSummary } from "../../src/index.js";
import { expectInvalid } from "./helpers.js";

const segmentNames = ["Champions", "At Risk", "Lost", "Other"] as const;
const customers = fc.array(
  fc.record({
    segment: fc.constantFrom(...segmentNames),
    cents: fc.integer({ min: 0, max: 1_000_000 }),
    recency: fc.integer({ min: 0, max: 500 }),
    frequency: fc.integer({ min: 1, max: 30 }),
  }),
  { minLength: 1, maxLength: 80 },
);

describe("segmentSummary", () => {
  it("hand-computed: counts, shares, exact revenue and means", () => {
    const summary = segmentSummary(
      new Map([
        ["a", "Champions"],
        ["b", "Lost"],
        ["c", "Champions"],
      ]),
      new Map([
        ["a", { recency: 3, frequency: 6, monetary: "0.10" }],
        ["b", { recency: 400, frequency: 1, monetary: new Decimal("0.3") }],
        ["c", { recency: 9, frequency: 4, monetary: 0.2 }],
      ]),
    );
    expect(summary.map((r) => r.segment)).toEqual(["Champions", "Lost"]);
    const [champions, lost] = summary;
    expect(champions!.revenue.toString()).toBe("0.3");
    expect(champions!.revenueShare).toBe(0.5);
    expect(champions!.meanRecency).toBe(6);
    expect(champions!.meanFrequency).toBe(5);
    expect(champions!.meanMonetary!.toString()).toBe("0.15");
    expect(lost!.customerShare).toBeCloseTo(1 / 3, 15);
  });

  it("without values: counts and shares only, zero revenue", () => {
    const [row] = segmentSummary(new Map([["a", "X"]]));
    expect(row).toMatchObject({ segment: "X", customers: 1, customerShare: 1, revenueShare: 0 });
    expect(row!.meanRecency).toBeUndefined();
    expect(row!.revenue.isZero()).toBe(true);
  });

  it("property: customer shares sum to 1, revenues sum exactly to the total", () => {
    fc.assert(
      fc.property(customers, (list) => {
        const assignments = new Map(list.map((c, i) => [`c${i}`, c.segment]));
        const values = new Map(
          list.map((c, i) => [
            `c${i}`,
            { recency: c.recency, frequency: c.frequency, monetary: (c.cents / 100).toFixed(2) },
          ]),
        );
        const summary = segmentSummary(assignments, values);
        expect(summary.reduce((s, r) => s + r.customerShare, 0)).toBeCloseTo(1, 12);
        const total = summary.reduce((s, r) => s.plus(r.revenue), new Decimal(0));
        const cents = list.reduce((s, c) => s + c.cents, 0);
        expect(total.toString()).toBe(new Decimal(cents).div(100).toString());
        if (cents > 0) expect(summary.reduce((s, r) => s + r.revenueShare, 0)).toBeCloseTo(1, 12);
        expect(summary.reduce((n, r) => n + r.customers, 0)).toBe(list.length);
      }),
    );
  });

  it("bad input with paths", () => {
    expectInvalid(
      () => segmentSummary(new Map([["a", "X"]]), new Map()),
      "segmentSummary",
      "values.a",
    );
    expectInvalid(
      () =>
        segmentSummary(
          new Map([["a", "X"]]),
          new Map([["a", { recency: 1, frequency: 1, monetary: "1,5" }]]),
        ),
      "segmentSummary",
      "values.a.monetary",
    );
    expectInvalid(
      () => segmentSummary(new Map([["a", 3 as unknown as string]])),
      "segmentSummary",
      "a",
    );
  });
});

describe("segmentMigration", () => {
  it("hand-computed transitions and rates", () => {
    const result = segmentMigration(
      new Map([
        ["a", "Champions"],
        ["b", "Champions"],
        ["c", "Champions"],
        ["d", "Lost"],
      ]),
      new Map([
        ["a", "Champions"],
        ["b", "At Risk"],
        ["c", "At Risk"],
        ["e", "New Customers"],
      ]),
    );
    expect(result.transitions).toEqual([
      { from: "Champions", to: "Champions", customers: 1, rate: 1 / 3 },
      { from: "Champions", to: "At Risk", customers: 2, rate: 2 / 3 },
      { from: "Lost", to: "(gone)", customers: 1, rate: 1 },
      { from: "(new)", to: "New Customers", customers: 1, rate: 1 },
    ]);
    expect(result.after.get("At Risk")).toBe(2);
  });

  it("property: row totals equal the before counts, column totals the after counts, rates sum to 1", () => {
    fc.assert(
      fc.property(customers, customers, (x, y) => {
        const before = new Map(x.map((c, i) => [`c${i}`, c.segment as string]));
        const after = new Map(y.map((c, i) => [`c${i + 3}`, c.segment as string]));
        const result = segmentMigration(before, after);
        const count = (m: Map<string, string>, s: string) =>
          [...m.values()].filter((v) => v === s).length;
        for (const s of segmentNames) {
          const row = result.matrix.get(s);
          const rowTotal = row === undefined ? 0 : [...row.values()].reduce((a, b) => a + b, 0);
          expect(rowTotal).toBe(count(before, s));
          const colTotal = [...result.matrix.values()].reduce((a, r) => a + (r.get(s) ?? 0), 0);
          expect(colTotal).toBe(count(after, s));
        }
        for (const from of result.matrix.keys()) {
          const rates = result.transitions
            .filter((t) => t.from === from)
            .reduce((a, t) => a + t.rate, 0);
          expect(rates).toBeCloseTo(1, 12);
        }
      }),
    );
  });

  it("bad input with paths", () => {
    expectInvalid(
      () => segmentMigration(new Map([["a", 1 as unknown as string]]), new Map()),
      "segmentMigration",
      "before.a",
    );
    expectInvalid(
      () => segmentMigration(new Map(), new Map([["b", null as unknown as string]])),
      "segmentMigration",
      "after.b",
    );
    expectInvalid(
      () => segmentMigration({} as Map<string, string>, new Map()),
      "segmentMigration",
      "before",
    );
    expectInvalid(
      () =>
        segmentMigration(new Map(), new Map(), { newName: "x" } as unknown as {
          enteredName: string;
        }),
      "segmentMigration",
      "options.newName",
    );
  });
});
