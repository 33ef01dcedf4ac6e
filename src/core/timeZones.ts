/**
 * Time zones without the host's: IANA zone names checked through `Intl`, the UTC offset of an
 * instant read from `Intl.DateTimeFormat` (cached per zone and UTC hour), the calendar day of an
 * instant in a zone, and wall-clock times resolved to instants (RFC 5545 §3.3.5, Temporal's
 * `"compatible"`).
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { daysFromCivil, MAX_CIVIL_DAY, MIN_CIVIL_DAY, MS_PER_DAY } from "./civilCalendar.js";
import { echo } from "./echo.js";

const MS_PER_HOUR = 3_600_000;

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
