import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IMPOSSIBLE_DAY, isoDayNumber, parseCivilDay, parseInstant } from "../../src/core/time.js";
import {
  churnRate,
  lifecycleStage,
  rfmTable,
  splitCalibrationHoldout,
  summarizeTransactions,
} from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";
import { cdnowMaster } from "../fixtures/load.js";

// ISO 8601-1:2019 §5.2.2 (calendar date): basic format YYYYMMDD, extended format YYYY-MM-DD;
// §5.4.2 (date and time): basic 19970930T120000Z / 19970930T1200+0100. Issue 16: "19970930 is
// rejected although it is ISO 8601 (basic format) and the raw CDNOW files use it."

/** The extended form of a basic date string. */
function extended(basic: string): string {
  return `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}`;
}

describe("calendar dates in the basic format", () => {
  it("read as the same day as the extended format, 1600 to 2400, every 389th day", () => {
    const start = Date.UTC(1600, 0, 1);
    for (let t = start; t < Date.UTC(2400, 0, 1); t += 389 * 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      const basic = iso.replaceAll("-", "");
      expect(isoDayNumber(basic)).toBe(isoDayNumber(iso));
      expect(parseCivilDay(basic, "Asia/Tokyo")).toBe(t / 86_400_000);
      expect(parseInstant(basic, "America/New_York")).toBe(parseInstant(iso, "America/New_York"));
    }
    expect(parseCivilDay("00000101", "UTC")).toBe(parseCivilDay("0000-01-01", "UTC"));
    expect(parseCivilDay("99991231", "UTC")).toBe(parseCivilDay("9999-12-31", "UTC"));
  });

  it("impossible dates are impossible in both formats; other shapes are not dates", () => {
    expect(isoDayNumber("19970230")).toBe(IMPOSSIBLE_DAY);
    expect(isoDayNumber("19971301")).toBe(IMPOSSIBLE_DAY);
    expect(parseCivilDay("19970230", "UTC")).toBeUndefined();
    expect(parseCivilDay("19960229", "UTC")).toBe(parseCivilDay("1996-02-29", "UTC"));
    expect(parseCivilDay("19970229", "UTC")).toBeUndefined();
    expect(parseInstant("19970230", "UTC")).toBeUndefined();
    // Not mixed, not short, not signed: the two formats exactly.
    for (const text of [
      "1997-0930",
      "199709-30",
      "1997093",
      "199709300",
      "+19970930",
      "1997 0930",
    ]) {
      expect(parseCivilDay(text, "UTC"), text).toBeUndefined();
      expect(parseInstant(text, "UTC"), text).toBeUndefined();
    }
  });
});

describe("date-times in the basic format", () => {
  it("read as the same instant as the extended format", () => {
    const pairs = [
      ["19970930T120000Z", "1997-09-30T12:00:00Z"],
      ["19970930T1200+0100", "1997-09-30T12:00+01:00"],
      ["19970930T235959.999-0530", "1997-09-30T23:59:59.999-05:30"],
      ["19970930T0830", "1997-09-30T08:30"],
    ] as const;
    for (const [basic, ext] of pairs) {
      expect(parseInstant(basic, "Europe/Berlin"), basic).toBe(parseInstant(ext, "Europe/Berlin"));
      expect(parseCivilDay(basic, "Pacific/Auckland"), basic).toBe(
        parseCivilDay(ext, "Pacific/Auckland"),
      );
    }
    expect(parseInstant("19970930T1200+0100", "UTC")).toBe(Date.UTC(1997, 8, 30, 11));
    // 23:30 in Los Angeles on 30 September is 1 October in UTC.
    expect(parseCivilDay("19970930T233000-0700", "UTC")).toBe(parseCivilDay("19971001", "UTC"));
  });

  it("rejects mixed formats and impossible times", () => {
    for (const text of [
      "19970930T12:00:00Z",
      "1997-09-30T120000Z",
      "19970930T1200+01:00",
      "19970930 120000",
      "19970930T12",
      "19970930T2400",
      "19970230T1200Z",
      "19970930T1200+2400",
    ]) {
      expect(parseInstant(text, "UTC"), text).toBeUndefined();
      expect(parseCivilDay(text, "UTC"), text).toBeUndefined();
    }
  });
});

describe("every date argument takes the basic format", () => {
  const log = [
    { customerId: "a", date: "19970101", amount: "10.00" },
    { customerId: "a", date: "19970315T101500Z", amount: "5.50" },
    { customerId: "b", date: "19970201", amount: 7 },
    { customerId: "a", date: "19970920", amount: "3" },
  ];
  const extendedLog = [
    { customerId: "a", date: "1997-01-01", amount: "10.00" },
    { customerId: "a", date: "1997-03-15T10:15:00Z", amount: "5.50" },
    { customerId: "b", date: "1997-02-01", amount: 7 },
    { customerId: "a", date: "1997-09-20", amount: "3" },
  ];

  it("summarizeTransactions, splitCalibrationHoldout, rfmTable: transactions and cut-offs", () => {
    expect(summarizeTransactions(log, { observationEnd: "19970930", unit: "week" })).toEqual(
      summarizeTransactions(extendedLog, { observationEnd: "1997-09-30", unit: "week" }),
    );
    expect(
      splitCalibrationHoldout(log, {
        calibrationEnd: "19970331",
        observationEnd: "19970930",
        unit: "day",
      }),
    ).toEqual(
      splitCalibrationHoldout(extendedLog, {
        calibrationEnd: "1997-03-31",
        observationEnd: "1997-09-30",
        unit: "day",
      }),
    );
    const table = rfmTable(log, { asOf: "19970930" });
    expect(table).toEqual(rfmTable(extendedLog, { asOf: "1997-09-30" }));
    expect(table[0]?.daysSinceLastPurchase).toBe(10);
  });

  it("churnRate and lifecycleStage: periodStart, periodEnd, asOf and the rows' dates", () => {
    const customers = [
      { acquiredAt: "20240110" },
      { acquiredAt: "20240201", churnedAt: "20240520" },
      { acquiredAt: "20240301" },
      { acquiredAt: "20240315" },
    ];
    const churn = churnRate(customers, { periodStart: "20240401", periodEnd: "20240630" });
    expect(churn.churnRate).toBe(0.25);
    const purchases = [
      { date: "20240105", amount: 20 },
      { date: "20240205", amount: 20 },
      { date: "20240305", amount: 20 },
    ];
    const stage = lifecycleStage(purchases, { asOf: "20240228", unit: "month" });
    expect(stage.purchases).toBe(2);
  });

  it("an impossible basic date is rejected with the same code and message as the extended one", () => {
    const basic = catchInvalidInput(() =>
      summarizeTransactions([{ customerId: "a", date: "19970230" }], {
        observationEnd: "19970931",
        unit: "day",
      }),
    );
    const ext = catchInvalidInput(() =>
      summarizeTransactions([{ customerId: "a", date: "1997-02-30" }], {
        observationEnd: "1997-09-31",
        unit: "day",
      }),
    );
    const shape = (e: typeof basic) => e.issues.map((i) => [i.path, i.code, i.message]);
    expect(shape(basic)).toEqual([
      [["options", "observationEnd"], "invalid_date", 'Invalid date "19970931"'],
      [["transactions", 0, "date"], "invalid_date", 'Invalid date "19970230"'],
    ]);
    expect(shape(ext)).toEqual([
      [["options", "observationEnd"], "invalid_date", 'Invalid date "1997-09-31"'],
      [["transactions", 0, "date"], "invalid_date", 'Invalid date "1997-02-30"'],
    ]);
  });
});

describe("the raw CDNOW_master log, dates as the file writes them (19970101)", () => {
  const path = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/CDNOW_master.txt");
  const raw = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [customerId, date, , amount] = line.trim().split(/\s+/);
      return { customerId: customerId!, date: date!, amount: amount! };
    });

  it("summarizes exactly as the converted log (69,659 transactions, 23,570 customers)", () => {
    expect(raw).toHaveLength(69_659);
    expect(raw[0]?.date).toBe("19970101");
    const options = { observationEnd: "19980630", unit: "week" } as const;
    const summary = summarizeTransactions(raw, options);
    const converted = summarizeTransactions(cdnowMaster(), {
      ...options,
      observationEnd: extended(options.observationEnd),
    });
    expect(summary).toHaveLength(23_570);
    expect(summary).toEqual(converted);
  });
});
