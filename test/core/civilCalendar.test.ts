/**
 * The integer civil-day kernel (src/core/civilCalendar.ts) against date-fns, an independent
 * calendar implementation: on random days of 0000-01-01 … 9999-12-31, the ISO date, the calendar
 * fields and the period index of every unit agree. (date-fns is only a test oracle here: the
 * library itself never uses it, as its arithmetic runs in the host's time zone unless given a
 * `TZDate`, whose constructor reads the host's time zone too.)
 */
import { tz } from "@date-fns/tz";
import { format, getDate, getMonth, getYear, startOfISOWeek } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  calendarPeriodIndex,
  civilFromDays,
  daysFromCivil,
  formatCivilDay,
  MAX_CIVIL_DAY,
  MIN_CIVIL_DAY,
  MS_PER_DAY,
} from "../../src/core/civilCalendar.js";
import type { TimeUnit } from "../../src/core/time.js";
import { dateFnsPeriodIndex } from "../fixtures/dateFnsOracle.js";
import { runs } from "../slow/runs.js";

const utc = tz("UTC");
const units: readonly TimeUnit[] = ["day", "week", "month", "quarter", "year"];

const anyDay = fc.integer({ min: MIN_CIVIL_DAY, max: MAX_CIVIL_DAY });

describe("civil-day kernel agrees with date-fns on 0000-01-01 … 9999-12-31", () => {
  it("the supported range is exactly the four-digit ISO years", () => {
    expect(formatCivilDay(MIN_CIVIL_DAY)).toBe("0000-01-01");
    expect(formatCivilDay(MAX_CIVIL_DAY)).toBe("9999-12-31");
    expect(format(new Date(MIN_CIVIL_DAY * MS_PER_DAY), "uuuu-MM-dd", { in: utc })).toBe(
      "0000-01-01",
    );
  });

  it("ISO date, year, month and day of random days; daysFromCivil inverts civilFromDays", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const date = new Date(day * MS_PER_DAY);
        const { year, month, day: dayOfMonth } = civilFromDays(day);
        expect(formatCivilDay(day)).toBe(format(date, "uuuu-MM-dd", { in: utc }));
        expect([year, month, dayOfMonth]).toEqual([
          getYear(date, { in: utc }),
          getMonth(date, { in: utc }) + 1,
          getDate(date, { in: utc }),
        ]);
        expect(daysFromCivil(year, month, dayOfMonth)).toBe(day);
      }),
      { numRuns: runs(20_000) },
    );
  });

  it("period indices differ by date-fns's calendar difference, in every unit", () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...units), (day, unit) => {
        expect(calendarPeriodIndex(day, unit) - calendarPeriodIndex(0, unit)).toBe(
          dateFnsPeriodIndex(new Date(day * MS_PER_DAY), unit),
        );
      }),
      { numRuns: runs(20_000) },
    );
  });

  it("weeks start on Monday: the ISO week's Monday is the first day of its period", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const monday =
          startOfISOWeek(new Date(day * MS_PER_DAY), { in: utc }).getTime() / MS_PER_DAY;
        expect(calendarPeriodIndex(monday, "week")).toBe(calendarPeriodIndex(day, "week"));
        if (monday > MIN_CIVIL_DAY) {
          expect(calendarPeriodIndex(monday - 1, "week")).toBe(
            calendarPeriodIndex(day, "week") - 1,
          );
        }
      }),
      { numRuns: runs(5_000) },
    );
  });
});
