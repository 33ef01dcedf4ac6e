import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  type CustomerSummary,
  InvalidInputError,
  summarizeTransactions,
  type Transaction,
} from "../../src/index.js";
import { cdnowMaster } from "../fixtures/load.js";

/** Reference arithmetic at the library's documented precision (34 significant digits). */
const Decimal34 = Decimal.clone({ precision: 34 });

function sum(rows: readonly CustomerSummary[], key: "frequency" | "recency" | "T"): number {
  return rows.reduce((total, row) => total + row[key], 0);
}

/** Runs `run`, expects an InvalidInputError, and returns it. */
function invalid(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error("expected an InvalidInputError");
}

const end = { unit: "day", observationEnd: "1997-12-31" } as const;

describe("summarizeTransactions on CDNOW_master (Python lifetimes reference figures)", () => {
  // Figures computed with the Python lifetimes library's
  // summary_data_from_transaction_data(freq="W") on the full CDNOW master log
  // (Fader, Hardie & Lee 2005 data, observation end 1998-06-30).
  const rows = summarizeTransactions(cdnowMaster(), {
    observationEnd: "1998-06-30",
    unit: "week",
    bucketing: "calendar",
  });
  it("has one row per customer", () => {
    expect(rows.length).toBe(23_570);
    expect(new Set(rows.map((row) => row.customerId)).size).toBe(23_570);
  });
  it("reproduces the sums of frequency, recency and T in calendar weeks", () => {
    expect(sum(rows, "frequency")).toBe(40_629);
    expect(sum(rows, "recency")).toBe(454_205);
    expect(sum(rows, "T")).toBe(1_697_280);
  });
  it("keeps every transaction and every cent", () => {
    const master = cdnowMaster();
    expect(rows.reduce((n, row) => n + row.transactionCount, 0)).toBe(master.length);
    const expected = master.reduce((t, tx) => t.plus(tx.amount), new Decimal(0));
    const actual = rows.reduce((t, row) => t.plus(row.totalSpend), new Decimal(0));
    expect(actual.toString()).toBe(expected.toString());
  });
  it("returns rows in first-seen order with the purchase dates", () => {
    expect(rows[0]?.customerId).toBe("00001");
    expect(rows[0]?.firstPurchase).toBe("1997-01-01");
    // Customer 00002 bought twice on 1997-01-12 (merged: 89.00 in one period) and never again.
    expect(rows[1]).toMatchObject({
      customerId: "00002",
      frequency: 0,
      recency: 0,
      transactionCount: 2,
      lastPurchase: "1997-01-12",
    });
    expect(rows[1]?.totalSpend.toString()).toBe("89");
    expect(rows[1]?.monetaryValue.toString()).toBe("0");
  });
});

describe("summarizeTransactions: conventions", () => {
  const log: Transaction[] = [
    { customerId: "a", date: "1997-01-05", amount: "1.00" }, // Sunday
    { customerId: "a", date: "1997-01-06", amount: "2.00" }, // Monday: a new calendar week
    { customerId: "a", date: "1997-01-06", amount: "3.00" }, // same day, same period
    { customerId: "a", date: "1997-01-12", amount: "4.00" }, // Sunday of that week
    { customerId: "a", date: "1997-02-01", amount: "5.00" },
  ];
  it("merges purchases per Monday week in calendar mode (lifetimes weekly mode)", () => {
    const [row] = summarizeTransactions(log, { observationEnd: "1997-02-02", unit: "week" });
    // Weeks: 1996-12-30 (f), 1997-01-06, 1997-01-27; observation end in week 1997-01-27.
    expect(row?.frequency).toBe(2);
    expect(row?.recency).toBe(4);
    expect(row?.T).toBe(4);
    // Repeat periods: 2 + 3 + 4 = 9 and 5 → mean 7.
    expect(row?.monetaryValue.toString()).toBe("7");
    expect(row?.totalSpend.toString()).toBe("15");
  });
  it("merges purchases per calendar day and divides elapsed days in elapsed mode", () => {
    const [row] = summarizeTransactions(log, {
      observationEnd: "1997-02-02",
      unit: "week",
      bucketing: "elapsed",
    });
    expect(row?.frequency).toBe(3);
    expect(row?.recency).toBeCloseTo(27 / 7, 12);
    expect(row?.T).toBeCloseTo(28 / 7, 12);
    // Repeat days: 5, 4, 5 → mean 14/3 to 34 digits.
    expect(row?.monetaryValue.toString()).toBe(new Decimal34(14).div(3).toString());
  });
  it("counts calendar months, quarters and years", () => {
    const rows = (unit: "month" | "quarter" | "year") =>
      summarizeTransactions(log, { observationEnd: "1998-01-01", unit })[0];
    expect(rows("month")).toMatchObject({ frequency: 1, recency: 1, T: 12 });
    expect(rows("quarter")).toMatchObject({ frequency: 0, recency: 0, T: 4 });
    expect(rows("year")).toMatchObject({ frequency: 0, recency: 0, T: 1 });
  });
  it("uses days by default", () => {
    const [row] = summarizeTransactions(log, { unit: "day", observationEnd: "1997-02-01" });
    expect(row).toMatchObject({ frequency: 3, recency: 27, T: 27, transactionCount: 5 });
  });
  it("reads Date and date-time inputs on their calendar day in the time zone", () => {
    const rows = summarizeTransactions(
      [
        { customerId: "x", date: new Date("1997-01-01T05:00:00Z") }, // 31 Dec in Los Angeles
        { customerId: "x", date: "1997-01-01T10:00:00+00:00" }, // 1 Jan, 02:00 in Los Angeles
      ],
      { unit: "day", observationEnd: "1997-01-01", timeZone: "America/Los_Angeles" },
    );
    expect(rows[0]).toMatchObject({
      frequency: 1,
      recency: 1,
      T: 1,
      firstPurchase: "1996-12-31",
      lastPurchase: "1997-01-01",
    });
    const utc = summarizeTransactions(
      [{ customerId: "x", date: new Date("1997-01-01T05:00:00Z") }],
      { unit: "day", observationEnd: "1997-01-01" },
    );
    expect(utc[0]?.firstPurchase).toBe("1997-01-01");
  });
});

describe("summarizeTransactions: valid edge cases", () => {
  it("accepts zero amounts and refunds", () => {
    const [row] = summarizeTransactions(
      [
        { customerId: "a", date: "1997-01-01", amount: "10.00" },
        { customerId: "a", date: "1997-01-02", amount: 0 },
        { customerId: "a", date: "1997-01-03", amount: "-4.50" },
      ],
      end,
    );
    expect(row?.frequency).toBe(2);
    expect(row?.totalSpend.toString()).toBe("5.5");
    expect(row?.monetaryValue.toString()).toBe("-2.25");
  });
  it('treats "__proto__" as an ordinary customer id', () => {
    const rows = summarizeTransactions(
      [
        { customerId: "__proto__", date: "1997-01-01", amount: 1 },
        { customerId: "constructor", date: "1997-01-02", amount: 2 },
        { customerId: "__proto__", date: "1997-01-03", amount: 3 },
      ],
      end,
    );
    expect(rows.map((row) => [row.customerId, row.frequency])).toEqual([
      ["__proto__", 1],
      ["constructor", 0],
    ]);
  });
  it("accepts unsorted input and keeps first-seen order", () => {
    const rows = summarizeTransactions(
      [
        { customerId: "b", date: "1997-03-01", amount: 1 },
        { customerId: "a", date: "1997-02-01", amount: 1 },
        { customerId: "b", date: "1997-01-01", amount: 5 },
      ],
      end,
    );
    expect(rows.map((row) => row.customerId)).toEqual(["b", "a"]);
    expect(rows[0]).toMatchObject({ frequency: 1, recency: 59, firstPurchase: "1997-01-01" });
    // The first purchase (5) is not a repeat: mean repeat spend is 1.
    expect(rows[0]?.monetaryValue.toString()).toBe("1");
  });
  it("includes a purchase exactly on observationEnd and leaves later ones out", () => {
    const rows = summarizeTransactions(
      [
        { customerId: "a", date: "1997-12-01", amount: 1 },
        { customerId: "a", date: "1997-12-31", amount: 2 },
        { customerId: "a", date: "1998-01-01", amount: 4 },
        { customerId: "late", date: "1998-01-01", amount: 8 },
        { customerId: "new", date: "1997-12-31T23:59:59" },
      ],
      end,
    );
    expect(rows.map((row) => row.customerId)).toEqual(["a", "new"]);
    expect(rows[0]).toMatchObject({ frequency: 1, recency: 30, T: 30, transactionCount: 2 });
    expect(rows[0]?.totalSpend.toString()).toBe("3");
    expect(rows[1]).toMatchObject({ frequency: 0, recency: 0, T: 0 });
  });
  it("treats a missing amount as 0 and accepts extra fields", () => {
    const [row] = summarizeTransactions(
      [
        { customerId: "a", date: "1997-01-01", quantity: 3 } as Transaction,
        { customerId: "a", date: "1997-01-02" },
      ],
      end,
    );
    expect(row?.totalSpend.isZero()).toBe(true);
    expect(row?.monetaryValue.isZero()).toBe(true);
    expect(row?.frequency).toBe(1);
  });
  it("returns no rows for an empty log", () => {
    expect(summarizeTransactions([], end)).toEqual([]);
  });
  it("sums exactly: numbers, Decimals and long decimal strings", () => {
    const [row] = summarizeTransactions(
      [
        { customerId: "a", date: "1997-01-01", amount: 0.1 },
        { customerId: "a", date: "1997-01-01", amount: 0.2 },
        { customerId: "a", date: "1997-01-02", amount: "0.000000001" },
        { customerId: "a", date: "1997-01-03", amount: new Decimal("1e-12") },
      ],
      end,
    );
    expect(row?.totalSpend.toString()).toBe("0.300000001001");
    expect(row?.monetaryValue.toString()).toBe("5.005e-10");
  });
  it("sums exactly beyond the float range of integers", () => {
    const [row] = summarizeTransactions(
      [
        { customerId: "a", date: "1997-01-01", amount: "9007199254740993.01" },
        { customerId: "a", date: "1997-01-02", amount: "9007199254740993.02" },
        { customerId: "a", date: "1997-01-03", amount: "1e3" },
      ],
      end,
    );
    expect(row?.totalSpend.toString()).toBe("18014398509482986.03");
  });
  it("falls back to Decimals when short amounts add up beyond 2^52 units", () => {
    const log: Transaction[] = Array.from({ length: 10 }, (_, i) => ({
      customerId: "a",
      date: `1997-01-${String(i + 1).padStart(2, "0")}`,
      amount: "999999999999999",
    }));
    const [row] = summarizeTransactions(
      [...log, { customerId: "a", date: "1997-01-11", amount: "0.01" }],
      end,
    );
    expect(row?.totalSpend.toString()).toBe("9999999999999990.01");
    // Repeat periods: nine of 999999999999999 and one of 0.01, over 10.
    expect(row?.monetaryValue.toString()).toBe("899999999999999.101");
  });
  it("returns Decimals that are independent of the caller's decimal.js settings", () => {
    const [row] = summarizeTransactions(
      [
        { customerId: "a", date: "1997-01-01", amount: "1" },
        { customerId: "a", date: "1997-01-02", amount: "1" },
        { customerId: "a", date: "1997-01-03", amount: "1" },
        { customerId: "a", date: "1997-01-04", amount: "0" },
      ],
      end,
    );
    expect(row?.monetaryValue.toString()).toBe(new Decimal34(2).div(3).toString());
  });
});

describe("summarizeTransactions: bad input", () => {
  const ok = { customerId: "a", date: "1997-01-01", amount: "1.00" };
  const at = (rows: unknown[]) =>
    invalid(() => summarizeTransactions(rows as Transaction[], end)).message;
  it.each([
    ["1997-02-30", 'Invalid date "1997-02-30"'],
    ["1997-13-01", 'Invalid date "1997-13-01"'],
    ["01/02/1997", 'Invalid date "01/02/1997"'],
    ["", 'Invalid date ""'],
  ])("rejects the date %j with its path", (date, text) => {
    const message = at([ok, ok, { ...ok, date }]);
    expect(message).toMatch(/^summarizeTransactions: invalid input\n/);
    expect(message).toContain(text);
    expect(message).toContain("→ at transactions[2].date");
  });
  it("rejects an invalid Date object and a non-date", () => {
    expect(at([{ ...ok, date: new Date(Number.NaN) }])).toContain(
      "Invalid Date\n  → at transactions[0].date",
    );
    expect(at([{ ...ok, date: 19970101 }])).toContain("→ at transactions[0].date");
  });
  it("rejects an empty or missing customer id", () => {
    expect(at([ok, { ...ok, customerId: "" }])).toContain(
      "Expected a non-empty customer id\n  → at transactions[1].customerId",
    );
    expect(at([{ date: "1997-01-01" }])).toContain("→ at transactions[0].customerId");
    expect(at([{ ...ok, customerId: 42 }])).toContain(
      "received number\n  → at transactions[0].customerId",
    );
  });
  it.each([
    [Number.NaN, "Expected a finite amount, received NaN"],
    [Number.POSITIVE_INFINITY, "Expected a finite amount, received Infinity"],
    ["12,5", 'Invalid amount "12,5"'],
    ["", 'Invalid amount ""'],
    ["12.5.1", 'Invalid amount "12.5.1"'],
    [" 12", 'Invalid amount " 12"'],
    ["NaN", 'Invalid amount "NaN"'],
    [new Decimal(Number.NaN), "Expected a finite Decimal amount"],
    [null, "received null"],
  ])("rejects the amount %s with its path", (amount, text) => {
    const message = at([ok, { ...ok, amount }]);
    expect(message).toContain(text);
    expect(message).toContain("→ at transactions[1].amount");
  });
  it("rejects a log that is not an array of objects", () => {
    expect(invalid(() => summarizeTransactions(null as never, end)).message).toContain(
      "Expected an array of transactions, received null",
    );
    expect(at([ok, null])).toContain(
      "Expected a transaction object, received null\n  → at transactions[1]",
    );
  });
  it("rejects bad options with their path", () => {
    const run = (options: unknown) =>
      invalid(() => summarizeTransactions([ok], options as never)).message;
    expect(run({ observationEnd: "1997-02-30" })).toContain(
      'Invalid date "1997-02-30"\n  → at options.observationEnd',
    );
    expect(run({})).toContain("→ at options.observationEnd");
    expect(run({ ...end, timeZone: "Mars/Olympus_Mons" })).toContain(
      'Unknown time zone "Mars/Olympus_Mons"\n  → at options.timeZone',
    );
    expect(run({ ...end, unit: "fortnight" })).toContain("→ at options.unit");
    expect(run({ ...end, bucketing: "rolling" })).toContain("→ at options.bucketing");
    expect(run({ ...end, observationDate: "1997-01-01" })).toMatch(
      /Unknown key "observationDate"\n {2}→ at options\.observationDate/,
    );
    expect(run(undefined)).toMatch(/^summarizeTransactions: invalid input/);
  });
  it.each(["month", "quarter", "year"] as const)(
    "rejects unit %s with elapsed bucketing",
    (unit) => {
      const error = invalid(() =>
        summarizeTransactions([ok], { ...end, unit, bucketing: "elapsed" }),
      );
      expect(error.functionName).toBe("summarizeTransactions");
      expect(error.issues[0]?.path).toEqual(["options", "unit"]);
      expect(error.issues[0]?.code).toBe("inconsistent");
      expect(error.issues[0]?.received).toBe(unit);
      expect(error.message).toContain(`Unit "${unit}" has no fixed length`);
    },
  );
});
