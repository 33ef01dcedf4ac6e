/**
 * The integer civil-day kernel: proleptic Gregorian calendar dates as day numbers (days since
 * 1970-01-01) and back, the supported range 0000-01-01 … 9999-12-31, and calendar periods (weeks
 * starting on Monday, months, quarters, years) as integer indices. No time zones (see
 * `timeZones.ts`), no parsing (see `dateParsing.ts`); the hot loops of the library run on these.
 * @internal
 * @module
 */
import type { TimeUnit } from "./time.js";

/** Days since 1970-01-01 of a proleptic Gregorian calendar date (H. Hinnant's algorithm). @internal */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (inverse of {@link daysFromCivil}). @internal */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  const z0 = dayNumber + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of the proleptic Gregorian calendar. @internal */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year-month-day is a date of the proleptic Gregorian calendar. @internal */
export function validCivil(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Milliseconds in a day of UTC (no leap seconds, as in ECMAScript time values). @internal */
export const MS_PER_DAY = 86_400_000;

/**
 * First calendar day the library accepts, 0000-01-01 (proleptic Gregorian, ISO 8601 year 0000 =
 * 1 BC), as days since 1970-01-01. Together with {@link MAX_CIVIL_DAY} this is exactly the range a
 * four-digit ISO 8601 year can write; a `Date` (or an instant with an offset) whose calendar day in
 * the time zone falls outside it is rejected rather than read with a shifted or invalid calendar.
 * @internal
 */
export const MIN_CIVIL_DAY = daysFromCivil(0, 1, 1);

/** Last calendar day the library accepts, 9999-12-31, as days since 1970-01-01. @internal */
export const MAX_CIVIL_DAY = daysFromCivil(9999, 12, 31);

/** The supported range in words, for error messages and docs. @internal */
export const SUPPORTED_DATE_RANGE = "0000-01-01 to 9999-12-31";

/** ISO `YYYY-MM-DD` of a day number. @internal */
export function formatCivilDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The index of the calendar period that day `dayNumber` falls in: days since the epoch for
 * `"day"`, Monday-based weeks, months (`year·12 + month`), quarters, years. Differences of indices
 * count whole calendar periods.
 * @internal
 */
export function calendarPeriodIndex(dayNumber: number, unit: TimeUnit): number {
  switch (unit) {
    case "day":
      return dayNumber;
    case "week":
      // 1970-01-01 was a Thursday; shift so that weeks start on Monday.
      return Math.floor((dayNumber + 3) / 7);
    default: {
      const { year, month } = civilFromDays(dayNumber);
      if (unit === "month") return year * 12 + (month - 1);
      if (unit === "quarter") return year * 4 + Math.floor((month - 1) / 3);
      return year;
    }
  }
}

/** Length in days of the units that have a fixed length (`"day"`, `"week"`). @internal */
export const FIXED_UNIT_DAYS: Readonly<Partial<Record<TimeUnit, number>>> = { day: 1, week: 7 };
