import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfmTable } from "../../src/index.js";
import { catchInvalidInput, expectIssue } from "../expectInvalidAt.js";
import { cdnowMaster } from "../fixtures/load.js";

describe("rfmTable", () => {
  it("computes recency in days, purchase count, exact total and mean spend (hand-computed)", () => {
    const table = rfmTable(
      [
        { customerId: "a", date: "2024-01-05", amount: "0.10" },
        { customerId: "b", date: "2024-03-31", amount: 5 },
        { customerId: "a", date: "2024-03-01", amount: "0.20" },
        { customerId: "a", date: "2024-02-01" },
        {
          customerId: "__proto__",
          date: new Date("2024-03-30T23:30:00Z"),
          amount: new Decimal("1e-8"),
        },
      ],
      { asOf: "2024-03-31" },
    );
    expect(table.map((row) => row.customerId)).toEqual(["a", "b", "__proto__"]);
    const a = table[0]!;
    expect(a.daysSinceLastPurchase).toBe(30);
    expect(a.purchases).toBe(3);
    expect(a.totalSpend.toString()).toBe("0.3");
    expect(a.averageSpend.toString()).toBe("0.1");
    expect(table[1]!.daysSinceLastPurchase).toBe(0);
    expect(table[2]!.totalSpend.toString()).toBe("1e-8");
    expect(table[2]!.daysSinceLastPurchase).toBe(1);
    expect(Object.keys(a).sort()).toEqual(
      ["averageSpend", "customerId", "daysSinceLastPurchase", "purchases", "totalSpend"].sort(),
    );
  });

  it("reads date-only strings as calendar days in timeZone", () => {
    // 2024-03-01T02:00Z is still 2024-02-29 in Los Angeles.
    const rows = [{ customerId: "x", date: new Date("2024-03-01T02:00:00Z"), amount: 1 }];
    expect(rfmTable(rows, { asOf: "2024-03-02" })[0]!.daysSinceLastPurchase).toBe(1);
    expect(
      rfmTable(rows, { asOf: "2024-03-02", timeZone: "America/Los_Angeles" })[0]!
        .daysSinceLastPurchase,
    ).toBe(2);
  });

  it("asOf is an inclusive day; later purchases are dropped, customers with none have no row", () => {
    const log = [
      { customerId: "a", date: "2024-01-01", amount: "10.00" },
      { customerId: "late", date: "2024-01-16", amount: 99 },
      { customerId: "a", date: "2024-01-15", amount: "5.00" },
      { customerId: "a", date: "2024-01-16", amount: "1000.00" },
      { customerId: "b", date: "2024-01-02T23:59:59Z", amount: 1 },
    ];
    const table = rfmTable(log, { asOf: "2024-01-15" });
    expect(table.map((row) => row.customerId)).toEqual(["a", "b"]);
    expect(table[0]!.purchases).toBe(2);
    expect(table[0]!.totalSpend.toString()).toBe("15");
    expect(table[0]!.daysSinceLastPurchase).toBe(0);
    expect(table[1]!.daysSinceLastPurchase).toBe(13);
    // a Date asOf counts as the day it falls on: the same table
    expect(rfmTable(log, { asOf: new Date("2024-01-15T00:00:01Z") })).toEqual(table);
  });

  it("sums exactly, also beyond the fast path (large and many-decimal amounts)", () => {
    const table = rfmTable(
      [
        { customerId: "big", date: "2024-01-01", amount: "999999999.999999" },
        { customerId: "big", date: "2024-01-02", amount: "999999999.999999" },
        { customerId: "big", date: "2024-01-03", amount: "0.0000001" },
        { customerId: "neg", date: "2024-01-03", amount: "-12.5" },
        { customerId: "neg", date: "2024-01-04", amount: 2.25 },
      ],
      { asOf: "2024-02-01" },
    );
    expect(table[0]!.totalSpend.toString()).toBe("1999999999.9999981");
    expect(table[1]!.totalSpend.toString()).toBe("-10.25");
    expect(table[1]!.averageSpend.toString()).toBe("-5.125");
  });

  it("property: totals equal the exact decimal sum, frequency counts rows, recency ≥ 0", () => {
    const tx = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "d"),
      day: fc.integer({ min: 0, max: 400 }),
      cents: fc.integer({ min: -100_000, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(tx, { minLength: 1, maxLength: 60 }), (rows) => {
        const input = rows.map((r) => ({
          customerId: r.customerId,
          date: new Date(Date.UTC(2023, 0, 1 + r.day)),
          amount: (r.cents / 100).toFixed(2),
        }));
        const table = rfmTable(input, { asOf: "2024-12-31" });
        expect(table.map((row) => row.customerId)).toEqual([
          ...new Set(rows.map((r) => r.customerId)),
        ]);
        for (const row of table) {
          const mine = rows.filter((r) => r.customerId === row.customerId);
          expect(row.purchases).toBe(mine.length);
          const cents = mine.reduce((s, r) => s + r.cents, 0);
          expect(row.totalSpend.toString()).toBe(new Decimal(cents).div(100).toString());
          const lastDay = Math.max(...mine.map((r) => r.day));
          // 2024-12-31 is day 730 after 2023-01-01
          expect(row.daysSinceLastPurchase).toBe(730 - lastDay);
          expect(row.daysSinceLastPurchase).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("CDNOW_master as of 1998-07-01: 23,570 customers, 69,659 purchases, revenue equal to the log's exact total", () => {
    const master = cdnowMaster();
    const table = rfmTable(master, { asOf: "1998-07-01" });
    expect(table.length).toBe(23_570);
    let purchases = 0;
    let revenue = new Decimal(0);
    for (const row of table) {
      purchases += row.purchases;
      revenue = revenue.plus(row.totalSpend);
    }
    expect(purchases).toBe(69_659);
    const direct = master.reduce((s, t) => s.plus(t.amount), new Decimal(0));
    expect(revenue.toString()).toBe(direct.toString());
    // last purchase in the log is 1998-06-30, so the most recent customer has recency 1
    expect(Math.min(...table.map((r) => r.daysSinceLastPurchase))).toBe(1);
  });

  describe("bad input", () => {
    const ok = { customerId: "a", date: "2024-01-01", amount: 1 };
    /** The transaction rows' paths come from the shared log parser: `…[i].field`. */
    const expectRow = (run: () => unknown, index: number, field?: string) => {
      const error = catchInvalidInput(run);
      expect(error.functionName).toBe("rfmTable");
      const tail = field === undefined ? [index] : [index, field];
      expect(
        error.issues.some(
          (i) => JSON.stringify(i.path.slice(-tail.length)) === JSON.stringify(tail),
        ),
      ).toBe(true);
    };
    it("invalid date, amount, customer id, row", () => {
      expectRow(
        () => rfmTable([ok, { ...ok, date: "2024-13-01" }], { asOf: "2024-12-31" }),
        1,
        "date",
      );
      expectRow(() => rfmTable([{ ...ok, amount: "12,5" }], { asOf: "2024-12-31" }), 0, "amount");
      expectRow(
        () => rfmTable([{ ...ok, amount: Number.NaN }], { asOf: "2024-12-31" }),
        0,
        "amount",
      );
      expectRow(
        () => rfmTable([{ ...ok, customerId: "" }], { asOf: "2024-12-31" }),
        0,
        "customerId",
      );
      expectRow(() => rfmTable([ok, null as unknown as typeof ok], { asOf: "2024-12-31" }), 1);
    });
    it("invalid options, at options.<key> with codes", () => {
      const error = expectIssue(
        () => rfmTable([ok], { asOf: "2024-02-30" }),
        "rfmTable",
        ["options", "asOf"],
        "invalid_date",
      );
      expect(error.issues[0]!.received).toBe("2024-02-30");
      expectIssue(
        () => rfmTable([ok], { asOf: "2024-12-31", timeZone: "Mars/Olympus" }),
        "rfmTable",
        ["options", "timeZone"],
        "invalid_value",
      );
      expectIssue(
        () => rfmTable([ok], { asOf: "2024-12-31", unit: "day" } as unknown as { asOf: string }),
        "rfmTable",
        ["options", "unit"],
        "unknown_key",
      );
    });
  });
});
