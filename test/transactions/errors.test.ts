/**
 * The error contract of the transaction functions (docs/conventions.md, Errors): paths
 * `options.<key>` and `transactions[i].<field>`, a specific `code` and the `received` value on every
 * issue, and every problem of a call — options and rows — in one error, up to 100.
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  type InputIssue,
  splitCalibrationHoldout,
  summarizeTransactions,
  type Transaction,
} from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

const ok = { customerId: "ann", date: "1997-01-01", amount: "1.00" };
const end = { observationEnd: "1997-12-31", unit: "day" } as const;
const split = { calibrationEnd: "1997-06-30", observationEnd: "1997-12-31", unit: "day" } as const;

/** The issues of the error `run` throws, after checking the function name. */
function issuesOf(functionName: string, run: () => unknown): readonly InputIssue[] {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(functionName);
  expect(error.message.startsWith(`${functionName}: invalid input\n`)).toBe(true);
  return error.issues;
}

const summarize = (rows: unknown, options: unknown = end) =>
  issuesOf("summarizeTransactions", () =>
    summarizeTransactions(rows as Transaction[], options as never),
  );
const splitLog = (rows: unknown, options: unknown = split) =>
  issuesOf("splitCalibrationHoldout", () =>
    splitCalibrationHoldout(rows as Transaction[], options as never),
  );

/** Asserts exactly one issue, with this path, code and received value. */
function expectOne(
  issues: readonly InputIssue[],
  path: readonly PropertyKey[],
  code: string,
  received: unknown,
): void {
  expect(issues).toHaveLength(1);
  expect(issues[0]!.path).toEqual(path);
  expect(issues[0]!.code).toBe(code);
  expect(issues[0]).toHaveProperty("received");
  expect(issues[0]!.received).toBe(received);
}

describe("bad options: path options.<key>, code, received", () => {
  it("unit is required (no default unit)", () => {
    expectOne(
      summarize([ok], { observationEnd: "1997-12-31" }),
      ["options", "unit"],
      "required",
      undefined,
    );
    expectOne(
      splitLog([ok], { calibrationEnd: "1997-06-30", observationEnd: "1997-12-31" }),
      ["options", "unit"],
      "required",
      undefined,
    );
  });
  it.each([
    [{ ...end, unit: "fortnight" }, ["options", "unit"], "invalid_value", "fortnight"],
    [{ ...end, unit: 7 }, ["options", "unit"], "invalid_type", 7],
    [
      { ...end, observationEnd: "1997-02-30" },
      ["options", "observationEnd"],
      "invalid_date",
      "1997-02-30",
    ],
    [{ ...end, observationEnd: 19971231 }, ["options", "observationEnd"], "invalid_type", 19971231],
    [{ unit: "day" }, ["options", "observationEnd"], "required", undefined],
    [
      { ...end, timeZone: "Mars/Olympus_Mons" },
      ["options", "timeZone"],
      "invalid_value",
      "Mars/Olympus_Mons",
    ],
    [{ ...end, bucketing: "rolling" }, ["options", "bucketing"], "invalid_value", "rolling"],
    [{ ...end, unit: "month", bucketing: "elapsed" }, ["options", "unit"], "inconsistent", "month"],
  ])("summarizeTransactions(…, %j)", (options, path, code, received) => {
    expectOne(summarize([ok], options), path, code, received);
  });
  it("an unknown key is unknown_key at the key", () => {
    const issues = summarize([ok], { ...end, observationEnds: "1997-12-31" });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: ["options", "observationEnds"], code: "unknown_key" });
  });
  it("missing options are required at options", () => {
    const issues = issuesOf("summarizeTransactions", () =>
      summarizeTransactions([ok], undefined as never),
    );
    expectOne(issues, ["options"], "required", undefined);
  });
  it("a date that is in range in UTC but not in the time zone is invalid_date at its option", () => {
    const late = new Date("9999-12-31T23:00:00Z");
    expectOne(
      summarize([ok], { ...end, observationEnd: late, timeZone: "Pacific/Kiritimati" }),
      ["options", "observationEnd"],
      "invalid_date",
      late,
    );
  });
  it("calibrationEnd after observationEnd is inconsistent at options.calibrationEnd", () => {
    const issues = splitLog([ok], { ...split, calibrationEnd: "1998-01-01" });
    expectOne(issues, ["options", "calibrationEnd"], "inconsistent", "1998-01-01");
    expect(issues[0]!.message).toBe(
      "calibrationEnd (1998-01-01) is after observationEnd (1997-12-31)",
    );
    // The same day is an empty holdout, not an error.
    const [row] = splitCalibrationHoldout([ok], { ...split, calibrationEnd: "1997-12-31" });
    expect(row?.holdoutDuration).toBe(0);
  });
  it("several bad options are all listed", () => {
    const issues = splitLog([ok], {
      calibrationEnd: "1997-02-30",
      observationEnd: "1997-13-01",
      unit: "fortnight",
      horizon: 4,
    });
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual(
      expect.arrayContaining([
        ["options.calibrationEnd", "invalid_date"],
        ["options.observationEnd", "invalid_date"],
        ["options.unit", "invalid_value"],
        ["options.horizon", "unknown_key"],
      ]),
    );
    expect(issues).toHaveLength(4);
  });
});

describe("bad rows: path transactions[i].<field>, code, received", () => {
  const badDate = new Date(Number.NaN);
  const nanDecimal = new Decimal(Number.NaN);
  it.each([
    [{ date: "1997-01-01" }, "customerId", "required", undefined],
    [{ ...ok, customerId: 42 }, "customerId", "invalid_type", 42],
    [{ ...ok, customerId: "" }, "customerId", "too_small", ""],
    [{ customerId: "ann" }, "date", "required", undefined],
    [{ ...ok, date: 19970101 }, "date", "invalid_type", 19970101],
    [{ ...ok, date: "1997-13-01" }, "date", "invalid_date", "1997-13-01"],
    [{ ...ok, date: "01/02/1997" }, "date", "invalid_date", "01/02/1997"],
    [{ ...ok, date: badDate }, "date", "invalid_date", badDate],
    [{ ...ok, amount: "12,5" }, "amount", "invalid_money", "12,5"],
    [{ ...ok, amount: Number.NaN }, "amount", "invalid_money", Number.NaN],
    [{ ...ok, amount: "1e999999999" }, "amount", "invalid_money", "1e999999999"],
    [{ ...ok, amount: nanDecimal }, "amount", "invalid_money", nanDecimal],
    [{ ...ok, amount: null }, "amount", "invalid_type", null],
    [{ ...ok, amount: true }, "amount", "invalid_type", true],
  ])("row %j: %s is %s", (row, field, code, received) => {
    expectOne(summarize([ok, row]), ["transactions", 1, field], code, received);
    expectOne(splitLog([ok, row]), ["transactions", 1, field], code, received);
  });
  it("a row that is not an object, and a hole, are issues at transactions[i]", () => {
    expectOne(summarize([ok, null]), ["transactions", 1], "invalid_type", null);
    expectOne(summarize([ok, "ann"]), ["transactions", 1], "invalid_type", "ann");
    // biome-ignore lint/suspicious/noSparseArray: a hole inside the log
    expectOne(summarize([ok, , ok]), ["transactions", 1], "required", undefined);
  });
  it("a log that is not an array is an issue at transactions", () => {
    expectOne(summarize(null), ["transactions"], "invalid_type", null);
    expectOne(summarize(undefined), ["transactions"], "required", undefined);
    const arrayLike = { length: 1, 0: ok };
    expectOne(summarize(arrayLike), ["transactions"], "invalid_type", arrayLike);
  });
});

describe("every problem in one pass", () => {
  it("a log with three bad dates reports three issues, in row order", () => {
    const log = [
      ok,
      { ...ok, date: "1997-02-30" },
      ok,
      { ...ok, date: "1997-13-01" },
      { ...ok, date: "yesterday" },
      ok,
    ];
    for (const issues of [summarize(log), splitLog(log)]) {
      expect(issues.map((i) => i.path)).toEqual([
        ["transactions", 1, "date"],
        ["transactions", 3, "date"],
        ["transactions", 4, "date"],
      ]);
      expect(issues.map((i) => i.code)).toEqual(["invalid_date", "invalid_date", "invalid_date"]);
      expect(issues.map((i) => i.received)).toEqual(["1997-02-30", "1997-13-01", "yesterday"]);
    }
  });
  it("every bad field of a row is reported", () => {
    const issues = summarize([{ customerId: "", date: "1997-02-30", amount: "x" }]);
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["transactions.0.customerId", "too_small"],
      ["transactions.0.date", "invalid_date"],
      ["transactions.0.amount", "invalid_money"],
    ]);
  });
  it("bad options and bad rows come in one error, options first", () => {
    const error = catchInvalidInput(() =>
      summarizeTransactions(
        [ok, { ...ok, date: "1997-13-01" }] as Transaction[],
        { observationEnds: "1997-12-31", unit: "day" } as never,
      ),
    );
    expect(error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["options.observationEnd", "required"],
      ["options.observationEnds", "unknown_key"],
      ["transactions.1.date", "invalid_date"],
    ]);
    expect(error.message).toContain('✖ Invalid date "1997-13-01"\n  → at transactions[1].date');
    expect(error.message).toContain(
      '✖ Unknown key "observationEnds"\n  → at options.observationEnds',
    );
  });
  it("rows are checked in the time zone when only another option is bad", () => {
    // 9999-12-31T23:00Z is already year 10000 in Kiritimati (+14): a row problem only there.
    const late = new Date("9999-12-31T23:00:00Z");
    const issues = summarize([{ ...ok, date: late }], {
      observationEnd: "2000-01-01",
      unit: "month",
      bucketing: "elapsed",
      timeZone: "Pacific/Kiritimati",
    });
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["options.unit", "inconsistent"],
      ["transactions.0.date", "invalid_date"],
    ]);
  });
  it("a bad row after the cut-off is still reported (rows are validated, then dropped)", () => {
    const issues = summarize([ok, { ...ok, date: "2030-02-30" }]);
    expect(issues.map((i) => i.path)).toEqual([["transactions", 1, "date"]]);
  });
  it("lists at most 100 issues and says how many more there are", () => {
    const log = Array.from({ length: 150 }, (_, i) => ({ ...ok, date: `1997-02-${30 + (i % 2)}` }));
    const issues = summarize(log);
    expect(issues).toHaveLength(101);
    expect(issues[99]!.path).toEqual(["transactions", 99, "date"]);
    expect(issues[100]!.message).toMatch(/more problems/);
  });
});

describe("cut-offs: purchases after the cut-off are dropped, not an error", () => {
  const log = [
    { customerId: "ann", date: "1997-01-01", amount: "10" },
    { customerId: "ann", date: "1997-12-31T23:59:59", amount: "20" }, // the last day, included whole
    { customerId: "ann", date: "1998-01-01", amount: "40" }, // after the cut-off
    { customerId: "bob", date: "1998-03-01", amount: "5" }, // only after the cut-off: no row
  ];
  it("summarizeTransactions", () => {
    const rows = summarizeTransactions(log, end);
    expect(rows.map((r) => r.customerId)).toEqual(["ann"]);
    expect(rows[0]!.totalSpend.toString()).toBe("30");
    expect(rows[0]!.lastPurchase).toBe("1997-12-31");
    expect(rows[0]!.unit).toBe("day");
  });
  it("splitCalibrationHoldout", () => {
    const rows = splitCalibrationHoldout(log, { ...split, unit: "week" });
    expect(rows.map((r) => r.customerId)).toEqual(["ann"]);
    expect(rows[0]!.holdoutSpend.toString()).toBe("20");
    expect(rows[0]!.unit).toBe("week");
  });
});
