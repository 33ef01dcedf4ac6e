import * as z from "zod/mini";
import { echo, type IssueCode } from "./errors.js";

/**
 * A point in time or a calendar day: a `Date`, or an ISO 8601 string. A date-only string
 * (`"1997-01-01"`, or `"19970101"` where a function documents it) is that calendar day in the
 * function's `timeZone` option (default `"UTC"`). A date-time string without an offset
 * (`"1997-01-01T10:30"`, `"1997-01-01 10:30:00"`) is a wall-clock time in `timeZone`; one with an
 * offset (`"1997-01-01T10:30:00Z"`, `"…+02:00"`) is an instant.
 *
 * Wall-clock times are resolved through the IANA database, never the process time zone: one that
 * happens twice (clocks going back) is the earlier instant; one that never happens (clocks going
 * forward) is read with the offset before the gap, i.e. moved forward by the gap's length (RFC 5545
 * §3.3.5; Temporal's `"compatible"`). Supported calendar days, in the time zone, are 0000-01-01 to
 * 9999-12-31; a date outside them is an `InvalidInputError`.
 * @category Core
 */
export type DateInput = Date | string;

/**
 * The time unit of a rate, a horizon or a summary: calendar days, weeks (starting on Monday),
 * months, quarters or years. A rate is always "per unit", a horizon always "in units".
 * @category Core
 */
export type TimeUnit = "day" | "week" | "month" | "quarter" | "year";

/** @internal */
export const TIME_UNITS: readonly string[] = ["day", "week", "month", "quarter", "year"];
/** @internal */
export const TIME_UNIT_MESSAGE = `Invalid option: expected one of ${TIME_UNITS.map((u) => `"${u}"`).join("|")}`;

/**
 * zod schema for {@link TimeUnit}. A missing unit is code `"required"` (zod's own enum would say
 * `"invalid_value"`), a string that is not a unit `"invalid_value"`, anything else
 * `"invalid_type"`; the message is zod's enum message in every case.
 * @internal
 */
export const timeUnitSchema = z.custom<TimeUnit>().check(
  z.superRefine((value, context) => {
    if (typeof value === "string" && TIME_UNITS.includes(value)) return;
    context.addIssue({
      code: "custom",
      message: TIME_UNIT_MESSAGE,
      input: value,
      params: {
        code:
          value === undefined
            ? "required"
            : typeof value === "string"
              ? "invalid_value"
              : "invalid_type",
      },
    });
  }),
);

const validZones = new Set<string>(["UTC"]);

/**
 * Memo tables keyed by zone name are emptied when they reach this many names: `Intl` accepts any
 * casing of a zone (`"europe/BERLIN"`), so the number of distinct valid names is unbounded.
 */
const ZONE_MEMO_LIMIT = 1024;

/** Whether `zone` is an IANA time zone this runtime knows. @internal */
export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  if (validZones.size >= ZONE_MEMO_LIMIT) validZones.clear();
  validZones.add(zone);
  return true;
}

/** zod schema for an IANA time zone name such as `"Europe/Berlin"`. @internal */
export const timeZoneSchema = z.string().check(
  z.refine(isValidTimeZone, {
    error: (issue) => `Unknown time zone ${echo(issue.input)}`,
    params: { code: "invalid_value" },
  }),
);

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

/**
 * Instants this far outside the supported days are rejected before any time-zone arithmetic: no
 * UTC offset reaches a day (the largest, local mean times of the 19th century, are under 16 h), so
 * an instant outside this window cannot fall on a supported day in any zone, and every instant
 * inside it is a valid `Date` value (|ms| ≤ 8.64e15) for `Intl` to format.
 */
const MIN_GUARDED_MS = (MIN_CIVIL_DAY - 2) * MS_PER_DAY;
const MAX_GUARDED_MS = (MAX_CIVIL_DAY + 3) * MS_PER_DAY;

/**
 * One formatter per zone that writes an instant's wall-clock fields in the proleptic Gregorian
 * calendar with 24-hour clock. `Intl.DateTimeFormat` with an explicit `timeZone` reads the IANA
 * database and never the process time zone (unlike `Date`'s local getters, and unlike `TZDate`
 * whose constructor resolves wall times through the host's local time); the era field makes years
 * before 1 AD exact.
 */
const formatters = new Map<string, { format: Intl.DateTimeFormat; beforeChrist: string }>();

function formatterFor(timeZone: string): { format: Intl.DateTimeFormat; beforeChrist: string } {
  let entry = formatters.get(timeZone);
  if (entry === undefined) {
    const format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    // The era name of years before 1 AD as this runtime's locale data spells it ("BC").
    const midYearMinusOne = daysFromCivil(-1, 7, 1) * MS_PER_DAY;
    const era = format.formatToParts(midYearMinusOne).find((part) => part.type === "era");
    entry = { format, beforeChrist: era?.value ?? "BC" };
    if (formatters.size >= ZONE_MEMO_LIMIT) formatters.clear();
    formatters.set(timeZone, entry);
  }
  return entry;
}

/**
 * Wall-clock time of instant `ms` in `timeZone` minus `ms` itself (the UTC offset), in ms, from the
 * fields `Intl.DateTimeFormat` writes. `ms` must lie within the `Date` range.
 */
function utcOffsetMs(ms: number, timeZone: string): number {
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let beforeChrist = false;
  const { format, beforeChrist: bc } = formatterFor(timeZone);
  for (const part of format.formatToParts(ms)) {
    switch (part.type) {
      case "era":
        beforeChrist = part.value === bc;
        break;
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  if (beforeChrist) year = 1 - year;
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  const wall =
    daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
  return wall - wholeSecond;
}

/**
 * Per zone, per UTC hour: the UTC offset when it is the same at both ends of the hour (so, as no
 * zone changes its offset twice within an hour, throughout it), else `NaN`. Time-zone arithmetic
 * through `Intl` costs microseconds; logs hold far fewer distinct hours than instants.
 */
const offsetCache = new Map<string, Map<number, number>>();
const OFFSET_CACHE_LIMIT = 1 << 18;

/**
 * The UTC offset (wall clock minus UTC, ms) of `timeZone` at instant `ms`, which must lie within
 * the guarded window of the supported range.
 */
function offsetAt(ms: number, timeZone: string): number {
  let hours = offsetCache.get(timeZone);
  if (hours === undefined || hours.size > OFFSET_CACHE_LIMIT) {
    hours = new Map();
    if (offsetCache.size >= ZONE_MEMO_LIMIT) offsetCache.clear();
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
  return Number.isNaN(offset) ? utcOffsetMs(ms, timeZone) : offset;
}

/**
 * The calendar day (days since 1970-01-01) that the instant `ms` falls on in `timeZone`, or `NaN`
 * when that day is outside the supported range ({@link MIN_CIVIL_DAY} … {@link MAX_CIVIL_DAY}) or
 * `ms` is not finite.
 * @internal
 */
export function civilDayOfInstant(ms: number, timeZone: string): number {
  if (!(ms >= MIN_GUARDED_MS && ms <= MAX_GUARDED_MS)) return Number.NaN;
  const offset = timeZone === "UTC" ? 0 : offsetAt(ms, timeZone);
  const day = Math.floor((ms + offset) / MS_PER_DAY);
  return day >= MIN_CIVIL_DAY && day <= MAX_CIVIL_DAY ? day : Number.NaN;
}

/**
 * The instant at which the wall-clock time `wallMs` (a wall time written as if it were UTC
 * milliseconds) happens in `timeZone`, resolved without the host's time zone.
 *
 * A wall time that happens twice (the hour repeated when clocks go back) resolves to the EARLIER
 * instant; one that never happens (the hour skipped when clocks go forward) is read with the offset
 * in force before the gap, which moves it forward by the gap's length (02:30 on a spring-forward
 * night in New York is 03:30 EDT). This is RFC 5545 §3.3.5's rule and the `"compatible"`
 * disambiguation of TC39 Temporal and java.time's `ZonedDateTime.of`. Offsets come from the
 * instants one day either side, assuming (as Temporal does) at most one transition in that span.
 * @internal
 */
export function wallClockToInstant(wallMs: number, timeZone: string): number {
  if (timeZone === "UTC") return wallMs;
  const before = offsetAt(wallMs - MS_PER_DAY, timeZone);
  const after = offsetAt(wallMs + MS_PER_DAY, timeZone);
  const withBefore = wallMs - before;
  if (before === after) return withBefore;
  const withAfter = wallMs - after;
  const beforeHolds = offsetAt(withBefore, timeZone) === before;
  const afterHolds = offsetAt(withAfter, timeZone) === after;
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  if (afterHolds) return withAfter;
  return withBefore;
}

/** The instant (epoch ms) at which calendar day `dayNumber` starts in `timeZone`. @internal */
export function startOfCivilDay(dayNumber: number, timeZone: string): number {
  return wallClockToInstant(dayNumber * MS_PER_DAY, timeZone);
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

const getTime = Date.prototype.getTime;

/**
 * The time value of a `Date`, read with the built-in method so that a subclass overriding
 * `getTime` or an object that only inherits from `Date.prototype` (whose `getTime` throws a
 * `TypeError`) cannot fool or crash the parser: `NaN` for anything that is not a real `Date`.
 * @internal
 */
export function timeValue(input: Date): number {
  try {
    return getTime.call(input);
  } catch {
    return Number.NaN;
  }
}

/**
 * Parses a {@link DateInput} to the calendar day it falls on in `timeZone`, as days since
 * 1970-01-01. Returns `undefined` for an invalid or impossible date (`"1997-02-30"`) and for a day
 * outside the supported range 0000-01-01 … 9999-12-31 ({@link dateProblem} says which).
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
    // Only the calendar day is needed: a wall-clock time's day is the one written.
    const parsed = parseDateTime(input);
    if (parsed === undefined) return undefined;
    if (parsed.offsetMs === undefined) return parsed.localDay;
    const day = civilDayOfInstant(parsed.wallMs - parsed.offsetMs, timeZone);
    return Number.isNaN(day) ? undefined : day;
  }
  if (input instanceof Date) {
    const day = civilDayOfInstant(timeValue(input), timeZone);
    return Number.isNaN(day) ? undefined : day;
  }
  return undefined;
}

/**
 * Parses a {@link DateInput} to an instant (epoch milliseconds). Date-only strings are the start of
 * that day in `timeZone`; date-times without an offset are wall-clock times in `timeZone`, resolved
 * by {@link wallClockToInstant} (a repeated wall time is the earlier instant, a skipped one is moved
 * forward by the gap). Returns `undefined` for an invalid date and for an instant whose calendar day
 * in `timeZone` is outside the supported range 0000-01-01 … 9999-12-31.
 * @internal
 */
export function parseInstant(
  input: unknown,
  timeZone: string,
  allowCompact = false,
): number | undefined {
  let ms: number;
  if (input instanceof Date) {
    ms = timeValue(input);
  } else if (typeof input === "string") {
    const m = DATE_ONLY.exec(input) ?? (allowCompact ? DATE_COMPACT.exec(input) : null);
    if (m) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      const day = Number(m[3]);
      if (!validCivil(year, month, day)) return undefined;
      ms = startOfCivilDay(daysFromCivil(year, month, day), timeZone);
    } else {
      const parsed = parseDateTime(input);
      if (parsed === undefined) return undefined;
      ms =
        parsed.offsetMs === undefined
          ? wallClockToInstant(parsed.wallMs, timeZone)
          : parsed.wallMs - parsed.offsetMs;
    }
  } else {
    return undefined;
  }
  return Number.isNaN(civilDayOfInstant(ms, timeZone)) ? undefined : ms;
}

/**
 * Reads an ISO 8601 date-time string: its wall-clock time written as UTC milliseconds, its
 * calendar day, and its offset from UTC in ms when it has one. Fractions of a millisecond are
 * truncated (as ISO 8601 and Temporal do), so the wall time never rolls into the next day.
 */
function parseDateTime(
  input: string,
): { wallMs: number; localDay: number; offsetMs: number | undefined } | undefined {
  const m = DATE_TIME.exec(input);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Number(`${m[7]}00`.slice(0, 3));
  if (!validCivil(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const localDay = daysFromCivil(year, month, day);
  const wallMs = localDay * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  const zone = m[8];
  if (zone === undefined) return { wallMs, localDay, offsetMs: undefined };
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const sign = zone[0] === "-" ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return { wallMs, localDay, offsetMs: offsetMinutes * 60_000 };
}

/**
 * Human-readable reason a value is not a valid {@link DateInput}: not a date at all, an invalid or
 * impossible date, or a real date whose calendar day in `timeZone` is outside the supported range
 * 0000-01-01 … 9999-12-31. Strings are quoted by their first 64 characters (and their length).
 * @internal
 */
export function dateProblem(input: unknown, timeZone?: string): string {
  const where =
    timeZone === undefined
      ? "(calendar days in the time zone)"
      : `(calendar days in ${JSON.stringify(timeZone)})`;
  if (input instanceof Date) {
    const ms = timeValue(input);
    return Number.isFinite(ms)
      ? `Date ${new Date(ms).toISOString()} is outside the supported range ${SUPPORTED_DATE_RANGE} ${where}`
      : "Invalid Date";
  }
  if (typeof input === "string") {
    const shown = echo(input);
    return parseDateTime(input) !== undefined
      ? `Date ${shown} is outside the supported range ${SUPPORTED_DATE_RANGE} ${where}`
      : `Invalid date ${shown}`;
  }
  return `Expected a Date or an ISO date string, received ${input === null ? "null" : typeof input}`;
}

/**
 * zod schema that admits a `Date` or a string, for options parsed later in their time zone (the
 * parser then reports an invalid date with {@link dateProblem}). Unlike `z.date()` it never calls
 * a method of the value, so a fake `Date` cannot throw a `TypeError` from inside zod.
 * @internal
 */
export const dateLikeSchema = z.custom<DateInput>().check(
  z.superRefine((value, context) => {
    if (typeof value === "string" || value instanceof Date) return;
    context.addIssue({
      code: "custom",
      message: dateProblem(value),
      params: { code: value === undefined ? "required" : "invalid_type" },
      input: value,
    });
  }),
);

/**
 * The {@link IssueCode} of a value that is not a valid {@link DateInput} (the code to report next
 * to {@link dateProblem}'s message): `"required"` when it is missing, `"invalid_type"` when it is
 * neither a `Date` nor a string, and `"invalid_date"` for a `Date` or string that is not a valid
 * date or falls outside 0000-01-01 … 9999-12-31 in the time zone. Never reads the value's
 * properties.
 * @internal
 */
export function dateIssueCode(input: unknown): IssueCode {
  if (input === undefined) return "required";
  return typeof input === "string" || input instanceof Date ? "invalid_date" : "invalid_type";
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
