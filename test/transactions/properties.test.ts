/**
 * Property tests (fast-check) for the transaction summaries: the BTYD invariants (0 ≤ recency ≤ T,
 * frequency ≤ distinct periods − 1, exact spend, order independence) and an independent oracle written with date-fns (calendar differences) and decimal.js (exact sums).
 */
import { TZDate } from "@date-fns/tz";
import Decimal from "decimal.js";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CustomerSummary,
  type MoneyInput,
  splitCalibrationHoldout,
  summarizeTransactions,
  type TimeUnit,
  type Transaction,
} from "../../src/index.js";
import { dateFnsPeriodIndex } from "../fixtures/dateFnsOracle.js";

const Exact = Decimal.clone({ precision: 60 });
/** The library's documented division precision: 34 significant digits, half-even. */
const Money34 = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN });
const ORIGIN = Date.UTC(2023, 0, 1);

function isoDay(offset: number): string {
  return new Date(ORIGIN + offset * 86_400_000).toISOString().slice(0, 10);
}

const amountArb: fc.Arbitrary<MoneyInput | undefined> = fc.oneof(
  fc.integer({ min: -100_000, max: 1_000_000 }).map((cents) => (cents / 100).toFixed(2)),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(0.1, 0.2, 19.99, -0.3, 1e-7),
  // Up to 30 significant digits: amounts are below 1e21 with at most 34 digits (MoneyInput).
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((n) => `${n}.000000001`),
  fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(7)),
  fc.constant(undefined),
);

interface Row {
  customerId: string;
  offset: number;
  amount: MoneyInput | undefined;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  customerId: fc.oneof(
    fc.constantFrom("a", "b", "c", "__proto__", "constructor", "toString"),
    fc.string({ minLength: 1, maxLength: 4 }),
  ),
  offset: fc.integer({ min: 0, max: 800 }),
  amount: amountArb,
});

function toTransaction(row: Row): Transaction {
  const base = { customerId: row.customerId, date: isoDay(row.offset) };
  return row.amount === undefined ? base : { ...base, amount: row.amount };
}

const settingsArb = fc.oneof(
  fc.record({
    unit: fc.constantFrom<TimeUnit>("day", "week", "month", "quarter", "year"),
    bucketing: fc.constant("calendar" as const),
  }),
  fc.record({
    unit: fc.constantFrom<TimeUnit>("day", "week"),
    bucketing: fc.constant("elapsed" as const),
  }),
);

/** Period index of an ISO day by date-fns (independent of the library's own calendar code). */
function oraclePeriod(day: string, unit: TimeUnit, bucketing: "calendar" | "elapsed"): number {
  return dateFnsPeriodIndex(new Date(`${day}T00:00:00Z`), bucketing === "elapsed" ? "day" : unit);
}

function exact(amount: MoneyInput | undefined): Decimal {
  return amount === undefined ? new Exact(0) : new Exact(amount.toString());
}

/** Straightforward per-customer summary, computed differently from the library. */
function oracle(
  rows: readonly Row[],
  endOffset: number,
  unit: TimeUnit,
  bucketing: "calendar" | "elapsed",
): Map<
  string,
  { frequency: number; recency: number; T: number; total: Decimal; repeatMean: Decimal }
> {
  const unitDays = bucketing === "elapsed" ? (unit === "week" ? 7 : 1) : 1;
  const byCustomer = new Map<string, Row[]>();
  for (const row of rows) {
    if (row.offset > endOffset) continue;
    const list = byCustomer.get(row.customerId) ?? [];
    list.push(row);
    byCustomer.set(row.customerId, list);
  }
  const out = new Map();
  for (const [id, list] of byCustomer) {
    const perPeriod = new Map<number, Decimal>();
    for (const row of list) {
      const p = oraclePeriod(isoDay(row.offset), unit, bucketing);
      perPeriod.set(p, (perPeriod.get(p) ?? new Exact(0)).plus(exact(row.amount)));
    }
    const periods = [...perPeriod.keys()].sort((x, y) => x - y);
    const first = periods[0]!;
    const last = periods.at(-1)!;
    const endPeriod = oraclePeriod(isoDay(endOffset), unit, bucketing);
    const repeat = periods.slice(1).reduce((t, p) => t.plus(perPeriod.get(p)!), new Exact(0));
    out.set(id, {
      frequency: periods.length - 1,
      recency: (last - first) / unitDays,
      T: (endPeriod - first) / unitDays,
      total: list.reduce((t, row) => t.plus(exact(row.amount)), new Exact(0)),
      repeatMean:
        periods.length > 1
          ? new Money34(repeat.toString()).div(periods.length - 1)
          : new Money34(0),
    });
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Decimal.isDecimal(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function byId<R extends CustomerSummary>(rows: readonly R[]): Map<string, R> {
  return new Map(rows.map((row) => [row.customerId, row]));
}

const logArb = fc.array(rowArb, { maxLength: 60 });
const endArb = fc.integer({ min: 0, max: 900 });

describe("summarizeTransactions properties", () => {
  it("never mutates its input", () => {
    fc.assert(
      fc.property(logArb, endArb, settingsArb, (rows, end, settings) => {
        const log = rows.map(toTransaction);
        const before = JSON.stringify(log);
        const options = deepFreeze({ observationEnd: isoDay(end), ...settings });
        summarizeTransactions(deepFreeze(log), options);
        expect(JSON.stringify(log)).toBe(before);
      }),
    );
  });
  it("agrees with an independent oracle, with 0 ≤ recency ≤ T and frequency ≤ distinct periods − 1", () => {
    fc.assert(
      fc.property(logArb, endArb, settingsArb, (rows, end, { unit, bucketing }) => {
        const result = summarizeTransactions(rows.map(toTransaction), {
          observationEnd: isoDay(end),
          unit,
          bucketing,
        });
        const expected = oracle(rows, end, unit, bucketing);
        expect(result.length).toBe(expected.size);
        for (const row of result) {
          const want = expected.get(row.customerId)!;
          const days = new Set(
            rows
              .filter((r) => r.customerId === row.customerId && r.offset <= end)
              .map((r) => r.offset),
          );
          expect(Number.isInteger(row.frequency)).toBe(true);
          expect(row.frequency).toBeGreaterThanOrEqual(0);
          expect(row.frequency).toBeLessThanOrEqual(days.size - 1);
          expect(row.recency).toBeGreaterThanOrEqual(0);
          expect(row.recency).toBeLessThanOrEqual(row.T);
          if (row.frequency === 0) expect(row.recency).toBe(0);
          expect(row.frequency).toBe(want.frequency);
          expect(row.recency).toBeCloseTo(want.recency, 12);
          expect(row.T).toBeCloseTo(want.T, 12);
          // Exact totals; the mean is a 34-digit quotient of an exact sum.
          expect(new Exact(row.totalSpend.toString()).eq(want.total)).toBe(true);
          expect(row.monetaryValue.toString()).toBe(want.repeatMean.toString());
        }
      }),
      { numRuns: 200 },
    );
  });
  it("does not depend on the order of the input", () => {
    fc.assert(
      fc.property(
        logArb.chain((rows) =>
          fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })),
        ),
        endArb,
        settingsArb,
        ([rows, shuffled], end, settings) => {
          const options = { observationEnd: isoDay(end), ...settings };
          const a = byId(summarizeTransactions(rows.map(toTransaction), options));
          const b = byId(summarizeTransactions(shuffled.map(toTransaction), options));
          expect(b).toEqual(a);
        },
      ),
    );
  });
  it("counts calendar days across daylight-saving changes", () => {
    // Instants at any local hour around the 2024 transitions of Berlin, New York and Sydney.
    const zones = ["Europe/Berlin", "America/New_York", "Australia/Sydney"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.record({
            customerId: fc.constantFrom("a", "b"),
            offset: fc.integer({ min: 440, max: 480 }), // 2024-03-16 … 2024-04-25
            hour: fc.integer({ min: 0, max: 23 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (zone, rows) => {
          const asInstants = rows.map((row) => {
            const [y, m, d] = isoDay(row.offset).split("-").map(Number);
            return {
              customerId: row.customerId,
              date: new Date(new TZDate(y!, m! - 1, d!, row.hour, 30, zone).getTime()),
            };
          });
          const asDays = rows.map((row) => ({
            customerId: row.customerId,
            date: isoDay(row.offset),
          }));
          const options = { unit: "day" as const, observationEnd: "2024-04-30", timeZone: zone };
          expect(byId(summarizeTransactions(asInstants, options))).toEqual(
            byId(summarizeTransactions(asDays, { unit: "day", observationEnd: "2024-04-30" })),
          );
        },
      ),
    );
  });
});

describe("time-zone independence of the process", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  it("gives the same result whatever the process time zone", () => {
    const log: Transaction[] = [
      { customerId: "a", date: "2024-03-09" },
      { customerId: "a", date: new Date("2024-03-10T07:30:00Z") },
      { customerId: "a", date: "2024-03-10 23:30" },
      { customerId: "b", date: "2024-11-03T01:30:00-04:00", amount: "2.50" },
      { customerId: "b", date: "2024-11-04", amount: 1 },
    ];
    const run = () =>
      ["UTC", "America/Los_Angeles", "Asia/Kolkata"].map((timeZone) =>
        summarizeTransactions(log, { unit: "day", observationEnd: "2024-12-31", timeZone }),
      );
    process.env.TZ = "UTC";
    const reference = run();
    for (const processZone of ["America/Los_Angeles", "Pacific/Chatham", "Asia/Tokyo"]) {
      process.env.TZ = processZone;
      expect(run()).toEqual(reference);
    }
    // The zone option does matter: 2024-11-03T01:30-04:00 is 3 November in UTC but 2 November in
    // Los Angeles, so customer b's recency is 1 day in UTC and 2 days in Los Angeles.
    expect(reference[0]?.[1]).toMatchObject({ recency: 1, firstPurchase: "2024-11-03" });
    expect(reference[1]?.[1]).toMatchObject({ recency: 2, firstPurchase: "2024-11-02" });
  });
});

describe("splitCalibrationHoldout properties", () => {
  it("splits spend exactly and agrees with summarizeTransactions on the calibration period", () => {
    fc.assert(
      fc.property(
        logArb,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 200 }),
        settingsArb,
        (rows, cut, extra, settings) => {
          const log = deepFreeze(rows.map(toTransaction));
          const before = JSON.stringify(log);
          const split = splitCalibrationHoldout(log, {
            calibrationEnd: isoDay(cut),
            observationEnd: isoDay(cut + extra),
            ...settings,
          });
          expect(JSON.stringify(log)).toBe(before);
          const calibration = summarizeTransactions(log, {
            observationEnd: isoDay(cut),
            ...settings,
          });
          const whole = byId(
            summarizeTransactions(log, { observationEnd: isoDay(cut + extra), ...settings }),
          );
          expect(
            split.map(({ holdoutFrequency, holdoutSpend, holdoutDuration, ...rest }) => rest),
          ).toEqual(calibration);
          for (const row of split) {
            const all = whole.get(row.customerId)!;
            const both = new Exact(row.totalSpend.toString()).plus(row.holdoutSpend.toString());
            expect(both.eq(all.totalSpend.toString())).toBe(true);
            const holdoutDays = new Set(
              rows
                .filter(
                  (r) =>
                    r.customerId === row.customerId && r.offset > cut && r.offset <= cut + extra,
                )
                .map((r) => r.offset),
            );
            expect(row.holdoutFrequency).toBeLessThanOrEqual(holdoutDays.size);
            expect(row.holdoutFrequency > 0).toBe(holdoutDays.size > 0);
            expect(row.holdoutDuration).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});
