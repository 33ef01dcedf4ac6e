/**
 * Reading dates: ISO 8601 strings and `Date`s to calendar days or instants in a time zone, the
 * messages and issue codes for values that are not dates, and the zod schema for date options.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { daysFromCivil, MS_PER_DAY, SUPPORTED_DATE_RANGE, validCivil } from "./civilCalendar.js";
import { echo, type IssueCode } from "./errors.js";
import type { DateInput } from "./time.js";
import { civilDayOfInstant, startOfCivilDay, wallClockToInstant } from "./timeZones.js";

/** A date-time in the extended format (`1997-09-30T12:00:00+01:00`; a space for the `T` too). */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** A date-time in the basic format (`19970930T120000Z`, `19970930T1200+0100`), same groups. */
const DATE_TIME_BASIC =
  /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{4})?$/;

/** Returned by {@link isoDayNumber} for a well-formed but impossible date. @internal */
export const IMPOSSIBLE_DAY = Number.POSITIVE_INFINITY;

/**
 * Fast path for the commonest date formats, ISO 8601 calendar dates in the extended
 * (`"YYYY-MM-DD"`) or basic (`"YYYYMMDD"`) format, without a regular expression: the day number,
 * {@link IMPOSSIBLE_DAY} for a well-formed impossible date (`"1997-02-30"`, `"19970230"`), or
 * `NaN` when the string has another shape (the caller then falls back to {@link parseCivilDay}).
 * @internal
 */
export function isoDayNumber(input: string): number {
  // Offsets of the month and day digits: after the hyphens (extended) or straight on (basic).
  let m = 5;
  let d = 8;
  if (input.length === 8) {
    m = 4;
    d = 6;
  } else if (input.length !== 10 || input.charCodeAt(4) !== 45 || input.charCodeAt(7) !== 45) {
    return Number.NaN;
  }
  const y0 = input.charCodeAt(0) - 48;
  const y1 = input.charCodeAt(1) - 48;
  const y2 = input.charCodeAt(2) - 48;
  const y3 = input.charCodeAt(3) - 48;
  const m0 = input.charCodeAt(m) - 48;
  const m1 = input.charCodeAt(m + 1) - 48;
  const d0 = input.charCodeAt(d) - 48;
  const d1 = input.charCodeAt(d + 1) - 48;
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
 * outside the supported range 0000-01-01 … 9999-12-31 ({@link dateProblem} says which). Strings
 * are ISO 8601 in the extended (`"1997-09-30"`) or the basic (`"19970930"`) format.
 * @internal
 */
export function parseCivilDay(input: unknown, timeZone: string): number | undefined {
  if (typeof input === "string") {
    // Both date-only formats are the fast path's; an impossible one is not a date-time either.
    const fast = isoDayNumber(input);
    if (!Number.isNaN(fast)) return fast === IMPOSSIBLE_DAY ? undefined : fast;
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
export function parseInstant(input: unknown, timeZone: string): number | undefined {
  let ms: number;
  if (input instanceof Date) {
    ms = timeValue(input);
  } else if (typeof input === "string") {
    // A date-only string, extended or basic format, is the start of its day.
    const day = isoDayNumber(input);
    if (day === IMPOSSIBLE_DAY) return undefined;
    if (!Number.isNaN(day)) {
      ms = startOfCivilDay(day, timeZone);
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
 * Reads an ISO 8601 date-time string, extended (`1997-09-30T12:00:00+01:00`) or basic
 * (`19970930T120000+0100`) format, not mixed: its wall-clock time written as UTC milliseconds, its
 * calendar day, and its offset from UTC in ms when it has one. Fractions of a millisecond are
 * truncated (as ISO 8601 and Temporal do), so the wall time never rolls into the next day.
 */
function parseDateTime(
  input: string,
): { wallMs: number; localDay: number; offsetMs: number | undefined } | undefined {
  const m = DATE_TIME.exec(input) ?? DATE_TIME_BASIC.exec(input);
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
