import { TZDate } from "@date-fns/tz";
import { z } from "zod";
import { echo } from "./errors.js";

/**
 * A point in time or a calendar day: a `Date`, or an ISO 8601 string. A date-only string
 * (`"1997-01-01"`, or `"19970101"` where a function documents it) is that calendar day in the
 * function's `timeZone` option (default `"UTC"`). A date-time string without an offset
 * (`"1997-01-01T10:30"`, `"1997-01-01 10:30:00"`) is a wall-clock time in `timeZone`; one with an
 * offset (`"1997-01-01T10:30:00Z"`, `"…+02:00"`) is an instant.
 * @category Core
 */
export type DateInput = Date | string;

/**
 * The time unit of a rate, a horizon or a summary: calendar days, weeks (starting on Monday),
 * months, quarters or years. A rate is always "per unit", a horizon always "in units".
 * @category Core
 */
export type TimeUnit = "day" | "week" | "month" | "quarter" | "year";

/** zod schema for {@link TimeUnit}. @internal */
export const timeUnitSchema = z.enum(["day", "week", "month", "quarter", "year"]);

const validZones = new Set<string>(["UTC"]);

/** Whether `zone` is an IANA time zone this runtime knows. @internal */
export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  validZones.add(zone);
  return true;
}

/** zod schema for an IANA time zone name such as `"Europe/Berlin"`. @internal */
export const timeZoneSchema = z.string().refine(isValidTimeZone, {
  error: (issue) => `Unknown time zone ${echo(issue.input)}`,
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

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

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function validCivil(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MS_PER_DAY = 86_400_000;

const MS_PER_HOUR = 3_600_000;

/** Wall-clock time of instant `ms` in `timeZone` minus `ms` itself (the UTC offset), in ms. */
function utcOffsetMs(ms: number, timeZone: string): number {
  const local = new TZDate(ms, timeZone);
  const wall = Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
    local.getMilliseconds(),
  );
  return wall - ms;
}

/**
 * Per zone, per UTC hour: the UTC offset when it is the same at both ends of the hour (so, as no
 * zone changes its offset twice within an hour, throughout it), else `NaN`. Time-zone arithmetic
 * through `Intl` costs microseconds; logs hold far fewer distinct hours than instants.
 */
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 1 << 18;

/** The calendar day (days since 1970-01-01) that the instant `ms` falls on in `timeZone`. @internal */
export function civilDayOfInstant(ms: number, timeZone: string): number {
  if (timeZone === "UTC") return Math.floor(ms / MS_PER_DAY);
  let hours = offsetCache.get(timeZone);
  if (hours === undefined || hours.size > OFFSET_CACHE_LIMIT) {
    hours = new Map();
    offsetCache.set(timeZone, hours);
  }
  const hour = Math.floor(ms / MS_PER_HOUR);
  let offset = hours.get(hour);
  if (offset === undefined) {
    const start = hour * MS_PER_HOUR;
    const atStart = utcOffsetMs(start, timeZone);
    offset = utcOffsetMs(start + MS_PER_HOUR - 1, timeZone) === atStart ? atStart : Number.NaN;
    hours.set(hour, offset);
  }
  if (Number.isNaN(offset)) offset = utcOffsetMs(ms, timeZone);
  return Math.floor((ms + offset) / MS_PER_DAY);
}

/** The instant at which calendar day `dayNumber` starts in `timeZone`. @internal */
export function startOfCivilDay(dayNumber: number, timeZone: string): Date {
  if (timeZone === "UTC") return new Date(dayNumber * MS_PER_DAY);
  const { year, month, day } = civilFromDays(dayNumber);
  return new Date(new TZDate(year, month - 1, day, timeZone).getTime());
}

/** ISO `YYYY-MM-DD` of a day number. @internal */
export function formatCivilDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Returned by {@link isoDayNumber} for a well-formed but impossible date. @internal */
export const IMPOSSIBLE_DAY = Number.POSITIVE_INFINITY;

/**
 * Fast path for the commonest date format, `"YYYY-MM-DD"`, without a regular expression: the day
 * number, {@link IMPOSSIBLE_DAY} for a well-formed impossible date (`"1997-02-30"`), or `NaN` when
 * the string has another shape (the caller then falls back to {@link parseCivilDay}).
 * @internal
 */
export function isoDayNumber(input: string): number {
  if (input.length !== 10 || input.charCodeAt(4) !== 45 || input.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const y0 = input.charCodeAt(0) - 48;
  const y1 = input.charCodeAt(1) - 48;
  const y2 = input.charCodeAt(2) - 48;
  const y3 = input.charCodeAt(3) - 48;
  const m0 = input.charCodeAt(5) - 48;
  const m1 = input.charCodeAt(6) - 48;
  const d0 = input.charCodeAt(8) - 48;
  const d1 = input.charCodeAt(9) - 48;
  if (
    (y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0 ||
    y0 > 9 ||
    y1 > 9 ||
    y2 > 9 ||
    y3 > 9 ||
    m0 > 9 ||
    m1 > 9 ||
    d0 > 9 ||
    d1 > 9
  ) {
    return Number.NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  return validCivil(year, month, day) ? daysFromCivil(year, month, day) : IMPOSSIBLE_DAY;
}

/**
 * Parses a {@link DateInput} to the calendar day it falls on in `timeZone`, as days since
 * 1970-01-01. Returns `undefined` for an invalid or impossible date (`"1997-02-30"`).
 * `"YYYYMMDD"` is accepted only when `allowCompact` is true.
 * @internal
 */
export function parseCivilDay(
  input: unknown,
  timeZone: string,
  allowCompact = false,
): number | undefined {
  if (typeof input === "string") {
    const fast = isoDayNumber(input);
    if (!Number.isNaN(fast)) return fast === IMPOSSIBLE_DAY ? undefined : fast;
    const m = DATE_ONLY.exec(input) ?? (allowCompact ? DATE_COMPACT.exec(input) : null);
    if (m) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      return validCivil(year, month, day) ? daysFromCivil(year, month, day) : undefined;
    }
    // Only the calendar day is needed: skip the zone arithmetic for wall-clock times.
    const instant = parseDateTime(input, timeZone, false);
    if (instant === undefined) return undefined;
    return instant.offset ? civilDayOfInstant(instant.ms, timeZone) : instant.localDay;
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    return Number.isFinite(ms) ? civilDayOfInstant(ms, timeZone) : undefined;
  }
  return undefined;
}

/**
 * Parses a {@link DateInput} to an instant (epoch milliseconds). Date-only strings are midnight in
 * `timeZone`; date-times without an offset are wall-clock times in `timeZone`.
 * Returns `undefined` for an invalid date.
 * @internal
 */
export function parseInstant(
  input: unknown,
  timeZone: string,
  allowCompact = false,
): number | undefined {
  if (input instanceof Date) {
    const ms = input.getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (typeof input !== "string") return undefined;
  const m = DATE_ONLY.exec(input) ?? (allowCompact ? DATE_COMPACT.exec(input) : null);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!validCivil(year, month, day)) return undefined;
    return startOfCivilDay(daysFromCivil(year, month, day), timeZone).getTime();
  }
  return parseDateTime(input, timeZone)?.ms;
}

function parseDateTime(
  input: string,
  timeZone: string,
  wallClockInstant = true,
): { ms: number; localDay: number; offset: boolean } | undefined {
  const m = DATE_TIME.exec(input);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0.${m[7]}`);
  if (!validCivil(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const localDay = daysFromCivil(year, month, day);
  const wallMs =
    localDay * MS_PER_DAY +
    ((hour * 60 + minute) * 60 + second) * 1000 +
    Math.round(fraction * 1000);
  const zone = m[8];
  if (zone !== undefined) {
    let offsetMinutes = 0;
    if (zone !== "Z") {
      const sign = zone[0] === "-" ? -1 : 1;
      const digits = zone.slice(1).replace(":", "");
      const oh = Number(digits.slice(0, 2));
      const om = Number(digits.slice(2, 4));
      if (oh > 23 || om > 59) return undefined;
      offsetMinutes = sign * (oh * 60 + om);
    }
    return { ms: wallMs - offsetMinutes * 60_000, localDay, offset: true };
  }
  if (timeZone === "UTC" || !wallClockInstant) return { ms: wallMs, localDay, offset: false };
  const local = new TZDate(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    Math.round(fraction * 1000),
    timeZone,
  );
  return { ms: local.getTime(), localDay, offset: false };
}

/** Human-readable reason a value is not a valid {@link DateInput}. @internal */
export function dateProblem(input: unknown): string {
  if (input instanceof Date) return "Invalid Date";
  if (typeof input === "string") return `Invalid date ${echo(input)}`;
  return `Expected a Date or an ISO date string, received ${input === null ? "null" : typeof input}`;
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
