import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type SegmentInput,
  type SegmentSummaryValues,
  segmentMigration,
  segmentSummary,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

const segmentNames = ["Champions", "At Risk", "Lost", "Other"] as const;
const customers = fc.array(
  fc.record({
    segment: fc.constantFrom(...segmentNames),
    cents: fc.integer({ min: 0, max: 1_000_000 }),
    days: fc.integer({ min: 0, max: 500 }),
    purchases: fc.integer({ min: 1, max: 30 }),
  }),
  { minLength: 1, maxLength: 80 },
);

const seg = (customerId: string, segment: string): SegmentInput => ({ customerId, segment });

describe("segmentSummary", () => {
  it("hand-computed: counts, shares, exact spend and means; joined by id, not position", () => {
    const summary = segmentSummary(
      [seg("a", "Champions"), seg("b", "Lost"), seg("c", "Champions")],
      [
        // another order than the segments, plus a customer without a segment (ignored)
        { customerId: "c", daysSinceLastPurchase: 9, purchases: 4, totalSpend: 0.2 },
        { customerId: "a", daysSinceLastPurchase: 3, purchases: 6, totalSpend: "0.10" },
        { customerId: "zz", daysSinceLastPurchase: 1, purchases: 1, totalSpend: 1000 },
        {
          customerId: "b",
          daysSinceLastPurchase: 400,
          purchases: 1,
          totalSpend: new Decimal("0.3"),
        },
      ],
    );
    expect(summary.map((r) => r.segment)).toEqual(["Champions", "Lost"]);
    const [champions, lost] = summary;
    expect(champions!.customerCount).toBe(2);
    expect(champions!.totalSpend.toString()).toBe("0.3");
    expect(champions!.spendShare).toBe(0.5);
    expect(champions!.meanDaysSinceLastPurchase).toBe(6);
    expect(champions!.meanPurchases).toBe(5);
    expect(champions!.meanTotalSpend!.toString()).toBe("0.15");
    expect(lost!.customerShare).toBeCloseTo(1 / 3, 15);
  });

  it("without measures: counts and shares only, zero spend", () => {
    const [row] = segmentSummary([seg("a", "X")]);
    expect(row).toMatchObject({ segment: "X", customerCount: 1, customerShare: 1, spendShare: 0 });
    expect(row!.meanDaysSinceLastPurchase).toBeUndefined();
    expect(row!.totalSpend.isZero()).toBe(true);
  });

  it("property: customer shares sum to 1, spends sum exactly to the total", () => {
    fc.assert(
      fc.property(customers, (list) => {
        const segments = list.map((c, i) => seg(`c${i}`, c.segment));
        const values: SegmentSummaryValues[] = list.map((c, i) => ({
          customerId: `c${i}`,
          daysSinceLastPurchase: c.days,
          purchases: c.purchases,
          totalSpend: (c.cents / 100).toFixed(2),
        }));
        const summary = segmentSummary(segments, values);
        expect(summary.reduce((s, r) => s + r.customerShare, 0)).toBeCloseTo(1, 12);
        const total = summary.reduce((s, r) => s.plus(r.totalSpend), new Decimal(0));
        const cents = list.reduce((s, c) => s + c.cents, 0);
        expect(total.toString()).toBe(new Decimal(cents).div(100).toString());
        if (cents > 0) expect(summary.reduce((s, r) => s + r.spendShare, 0)).toBeCloseTo(1, 12);
        expect(summary.reduce((n, r) => n + r.customerCount, 0)).toBe(list.length);
      }),
    );
  });

  it("bad input: every problem listed with its path and code", () => {
    const run = () =>
      segmentSummary(
        [
          seg("a", "X"),
          seg("b", 3 as unknown as string),
          seg("a", "Y"),
          seg("c", "X"),
          null as unknown as SegmentInput,
        ],
        [
          { customerId: "a", daysSinceLastPurchase: 1, purchases: 1, totalSpend: "1,5" },
          { customerId: "b", daysSinceLastPurchase: 1, purchases: 1, totalSpend: 1 },
          { customerId: "b", daysSinceLastPurchase: 1, purchases: 1, totalSpend: 1 },
        ],
      );
    const error = expectIssue(run, "segmentSummary", ["segments", 1, "segment"], "invalid_type");
    expectIssue(run, "segmentSummary", ["segments", 2, "customerId"], "duplicate");
    expectIssue(run, "segmentSummary", ["segments", 4], "invalid_type");
    expectIssue(run, "segmentSummary", ["customers", 0, "totalSpend"], "invalid_money");
    expectIssue(run, "segmentSummary", ["customers", 2, "customerId"], "duplicate");
    // "c" has no measures; "a" has invalid ones (reported at customers[0] only)
    expectIssue(run, "segmentSummary", ["segments", 3, "customerId"], "inconsistent");
    expect(error.issues).toHaveLength(6);
  });

  it("buy-till-you-die rows are refused (wrong_row_kind), never read as RFM", () => {
    const btyd = [{ customerId: "a", frequency: 3, recency: 40, T: 52, monetaryValue: 10 }];
    const error = expectIssue(
      // @ts-expect-error BTYD rows are not RFM measures
      () => segmentSummary([seg("a", "X")], btyd),
      "segmentSummary",
      ["customers", 0, "recency"],
      "wrong_row_kind",
    );
    expect(error.issues[0]!.message).toContain("daysSinceLastPurchase");
  });
});

describe("segmentMigration", () => {
  it("hand-computed transitions, rates, totals and moves", () => {
    const result = segmentMigration(
      [seg("a", "Champions"), seg("b", "Champions"), seg("c", "Champions"), seg("d", "Lost")],
      [seg("a", "Champions"), seg("b", "At Risk"), seg("c", "At Risk"), seg("e", "New Customers")],
    );
    expect(result.transitions).toEqual([
      { from: "Champions", to: "Champions", customerCount: 1, rate: 1 / 3 },
      { from: "Champions", to: "At Risk", customerCount: 2, rate: 2 / 3 },
      { from: "Lost", to: "(gone)", customerCount: 1, rate: 1 },
      { from: "(new)", to: "New Customers", customerCount: 1, rate: 1 },
    ]);
    expect(result.after).toEqual([
      { segment: "Champions", customerCount: 1 },
      { segment: "At Risk", customerCount: 2 },
      { segment: "(gone)", customerCount: 1 },
      { segment: "New Customers", customerCount: 1 },
    ]);
    expect(result.moves.map((m) => `${m.customerId}:${m.from}>${m.to}`)).toEqual([
      "a:Champions>Champions",
      "b:Champions>At Risk",
      "c:Champions>At Risk",
      "d:Lost>(gone)",
      "e:(new)>New Customers",
    ]);
    // plain data
    expect(structuredClone(result)).toEqual(result);
  });

  it("property: row totals equal the before counts, column totals the after counts, rates sum to 1", () => {
    fc.assert(
      fc.property(customers, customers, (x, y) => {
        const before = x.map((c, i) => seg(`c${i}`, c.segment));
        const after = y.map((c, i) => seg(`c${i + 3}`, c.segment));
        const result = segmentMigration(before, after);
        const count = (rows: SegmentInput[], s: string) =>
          rows.filter((r) => r.segment === s).length;
        for (const s of segmentNames) {
          const rowTotal = result.transitions
            .filter((t) => t.from === s)
            .reduce((a, t) => a + t.customerCount, 0);
          expect(rowTotal).toBe(count(before, s));
          expect(result.before.find((b) => b.segment === s)?.customerCount ?? 0).toBe(
            count(before, s),
          );
          const colTotal = result.transitions
            .filter((t) => t.to === s)
            .reduce((a, t) => a + t.customerCount, 0);
          expect(colTotal).toBe(count(after, s));
        }
        for (const { segment } of result.before) {
          const rates = result.transitions
            .filter((t) => t.from === segment)
            .reduce((a, t) => a + t.rate, 0);
          expect(rates).toBeCloseTo(1, 12);
        }
        expect(result.moves).toHaveLength(
          new Set([...before, ...after].map((r) => r.customerId)).size,
        );
      }),
    );
  });

  it("bad input with paths and codes", () => {
    const run = () =>
      segmentMigration(
        [seg("a", 1 as unknown as string), seg("z", "X"), seg("z", "X")],
        [seg("b", null as unknown as string)],
      );
    expectIssue(run, "segmentMigration", ["before", 0, "segment"], "invalid_type");
    expectIssue(run, "segmentMigration", ["before", 2, "customerId"], "duplicate");
    expectIssue(run, "segmentMigration", ["after", 0, "segment"], "invalid_type");
    expectIssue(
      () => segmentMigration(new Map() as unknown as SegmentInput[], []),
      "segmentMigration",
      ["before"],
      "invalid_type",
    );
    expectIssue(
      () =>
        segmentMigration([], [], { newName: "x" } as unknown as {
          enteredName: string;
        }),
      "segmentMigration",
      ["options", "newName"],
      "unknown_key",
    );
    expectIssue(
      () => segmentMigration([], [], { leftName: "" }),
      "segmentMigration",
      ["options", "leftName"],
      "too_small",
    );
  });
});
