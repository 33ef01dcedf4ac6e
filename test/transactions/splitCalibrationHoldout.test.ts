import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  type CalibrationHoldoutSummary,
  InvalidInputError,
  splitCalibrationHoldout,
  summarizeTransactions,
  type Transaction,
} from "../../src/index.js";
import { cdnowMaster, cdnowSample, cdnowSummary, cdnowSummaryWithSpend } from "../fixtures/load.js";

type Key = "frequency" | "recency" | "T" | "holdoutFrequency";
function sum(rows: readonly CalibrationHoldoutSummary[], key: Key): number {
  return rows.reduce((total, row) => total + row[key], 0);
}

function invalid(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error("expected an InvalidInputError");
}

const split = { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30" } as const;

describe("splitCalibrationHoldout on CDNOW_master (Python lifetimes reference figures)", () => {
  // Figures computed with the Python lifetimes library (calibration_and_holdout_data, freq="W",
  // on CDNOW_master).
  const rows = splitCalibrationHoldout(cdnowMaster(), { ...split, unit: "week" });
  it("reproduces the calibration sums and the holdout frequency in calendar weeks", () => {
    expect(rows.length).toBe(23_570);
    expect(sum(rows, "frequency")).toBe(22_198);
    expect(sum(rows, "recency")).toBe(161_461);
    expect(sum(rows, "T")).toBe(778_050);
    expect(sum(rows, "holdoutFrequency")).toBe(18_440);
  });
  it("measures the holdout in calendar weeks: week of 1997-09-29 to week of 1998-06-29", () => {
    expect(new Set(rows.map((row) => row.holdoutDuration))).toEqual(new Set([39]));
  });
});

describe("splitCalibrationHoldout on CDNOW_sample (Fader, Hardie & Lee 2005 summaries)", () => {
  // Reference: cdnow_customers_summary.csv and cdnow_customers_summary_with_transactions.csv
  // (Fader, Hardie & Lee 2005 / Hardie note 025; bundled with lifetimes): elapsed weeks, same-day
  // purchases merged, calibration 1997-01-01..1997-09-30.
  const rows = splitCalibrationHoldout(cdnowSample(), {
    ...split,
    unit: "week",
    bucketing: "elapsed",
  });
  const reference = cdnowSummary();
  const spend = cdnowSummaryWithSpend();
  it("matches frequency, recency and T of all 2,357 customers (2 decimals)", () => {
    expect(rows.length).toBe(2_357);
    const actual = rows.map((r) => [
      r.customerId,
      r.frequency,
      r.recency.toFixed(2),
      r.T.toFixed(2),
    ]);
    const expected = reference.map((r) => [
      r.id,
      r.frequency,
      r.recency.toFixed(2),
      r.T.toFixed(2),
    ]);
    expect(actual).toEqual(expected);
    expect(sum(rows, "frequency")).toBe(2_457); // Σx of the 2,357-customer CDNOW sample (Fader, Hardie & Lee 2005)
  });
  it("matches zbar to the cent for every customer", () => {
    const byId = new Map(rows.map((row) => [row.customerId, row]));
    let checked = 0;
    for (const ref of spend) {
      const row = byId.get(ref.id)!;
      expect(row.frequency, ref.id).toBe(ref.frequency);
      const gap = row.monetaryValue.minus(ref.monetaryValue).abs().toNumber();
      expect(gap, `customer ${ref.id}`).toBeLessThanOrEqual(0.005);
      checked++;
    }
    expect(checked).toBe(2_357);
    // 946 repeaters with mean zbar 35.08: the repeaters Fader & Hardie (2013, "The Gamma-Gamma Model
    // of Monetary Value") fit; lifetimes' tests assert count 946 and mean 35 on the same summary.
    const repeaters = rows.filter((row) => row.frequency > 0);
    expect(repeaters.length).toBe(946);
    const mean = repeaters
      .reduce((t, row) => t.plus(row.monetaryValue.toString()), new Decimal(0))
      .div(946);
    expect(mean.toFixed(2)).toBe("35.08");
  });
  it("counts the 1,882 holdout repeat transactions and a 39-week holdout", () => {
    // Holdout repeat transactions 1,882 = Σ actual mean × bin size of the 39-week holdout table in
    // R BTYD's vignette (bins 0…7+: 1411, 439, 214, 100, 62, 38, 29, 64 customers).
    expect(sum(rows, "holdoutFrequency")).toBe(1_882);
    expect(rows[0]?.holdoutDuration).toBe(39);
  });
});

describe("splitCalibrationHoldout: conventions", () => {
  const log: Transaction[] = [
    { customerId: "a", date: "1997-09-29", amount: "1.00" }, // Monday
    { customerId: "a", date: "1997-10-01", amount: "2.00" }, // same Monday week, after the cut
    { customerId: "a", date: "1997-10-01", amount: "4.00" },
    { customerId: "a", date: "1997-10-07", amount: "8.00" },
    { customerId: "b", date: "1997-10-02", amount: "16.00" }, // first seen in the holdout
    { customerId: "a", date: "1997-11-01", amount: "32.00" }, // after observationEnd
  ];
  const options = { calibrationEnd: "1997-09-30", observationEnd: "1997-10-31" } as const;
  it("counts a straddling calendar period on both sides", () => {
    const rows = splitCalibrationHoldout(log, { ...options, unit: "week" });
    expect(rows.map((row) => row.customerId)).toEqual(["a"]);
    expect(rows[0]).toMatchObject({ frequency: 0, T: 0, holdoutFrequency: 2, holdoutDuration: 4 });
    expect(rows[0]?.holdoutSpend.toString()).toBe("14");
    expect(rows[0]?.totalSpend.toString()).toBe("1");
  });
  it("counts holdout days and elapsed weeks in elapsed mode", () => {
    const rows = splitCalibrationHoldout(log, { ...options, unit: "week", bucketing: "elapsed" });
    expect(rows[0]).toMatchObject({ holdoutFrequency: 2, T: 1 / 7 });
    expect(rows[0]?.holdoutDuration).toBeCloseTo(31 / 7, 12);
  });
  it("gives exactly the summarizeTransactions summary for the calibration period", () => {
    const rows = splitCalibrationHoldout(cdnowSample(), { ...split, unit: "month" });
    const calibration = summarizeTransactions(cdnowSample(), {
      observationEnd: split.calibrationEnd,
      unit: "month",
    });
    expect(
      rows.map(({ holdoutFrequency, holdoutSpend, holdoutDuration, ...rest }) => rest),
    ).toEqual(calibration);
  });
  it("accepts calibrationEnd equal to observationEnd", () => {
    const rows = splitCalibrationHoldout(log, {
      unit: "day",
      calibrationEnd: "1997-10-31",
      observationEnd: "1997-10-31",
    });
    expect(rows.map((row) => [row.customerId, row.holdoutFrequency, row.holdoutDuration])).toEqual([
      ["a", 0, 0],
      ["b", 0, 0],
    ]);
  });
});

describe("splitCalibrationHoldout: bad input", () => {
  const ok = [{ customerId: "a", date: "1997-01-01", amount: "1" }];
  it("rejects calibrationEnd after observationEnd (code inconsistent)", () => {
    const error = invalid(() =>
      splitCalibrationHoldout(ok, {
        unit: "day",
        calibrationEnd: "1997-09-30",
        observationEnd: "1997-09-29",
      }),
    );
    expect(error.functionName).toBe("splitCalibrationHoldout");
    expect(error.message).toContain(
      "calibrationEnd (1997-09-30) is after observationEnd (1997-09-29)\n  → at options.calibrationEnd",
    );
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: "inconsistent", received: "1997-09-30" });
  });
  it("rejects bad options and bad transactions with their path", () => {
    const run = (options: unknown, rows: unknown = ok) =>
      invalid(() => splitCalibrationHoldout(rows as Transaction[], options as never)).message;
    const daily = { ...split, unit: "day" } as const;
    expect(run({ observationEnd: "1998-06-30", unit: "day" })).toContain(
      "→ at options.calibrationEnd",
    );
    expect(run(split)).toMatch(/✖ Invalid option: .*\n {2}→ at options\.unit$/);
    expect(run({ ...daily, calibrationEnd: "1997-09-31" })).toContain(
      'Invalid date "1997-09-31"\n  → at options.calibrationEnd',
    );
    expect(run({ ...daily, holdoutEnd: "1998-06-30" })).toMatch(
      /Unknown key "holdoutEnd"\n {2}→ at options\.holdoutEnd/,
    );
    expect(run({ ...daily, timeZone: "Europe/Atlantis" })).toContain("→ at options.timeZone");
    expect(run({ ...split, unit: "month", bucketing: "elapsed" })).toContain("→ at options.unit");
    expect(run(daily, [...ok, { customerId: "b", date: "1997-02-29" }])).toMatch(
      /^splitCalibrationHoldout: invalid input\n✖ Invalid date "1997-02-29"\n {2}→ at transactions\[1\]\.date$/,
    );
    expect(run(daily, [{ customerId: "b", date: "1997-01-01", amount: "1,00" }])).toContain(
      "→ at transactions[0].amount",
    );
  });
});
