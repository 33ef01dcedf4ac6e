/**
 * Time in the library's terms: {@link DateInput} and {@link TimeUnit}, and the schema of a time
 * unit. The calendar kernel is in `civilCalendar.ts`, time zones in `timeZones.ts`, date parsing in
 * `dateParsing.ts`; this file re-exports them for the callers that import from it.
 * @module
 */
import * as z from "zod/mini";

export {
  calendarPeriodIndex,
  civilFromDays,
  daysFromCivil,
  FIXED_UNIT_DAYS,
  formatCivilDay,
  MAX_CIVIL_DAY,
  MIN_CIVIL_DAY,
  SUPPORTED_DATE_RANGE,
} from "./civilCalendar.js";
export {
  dateIssueCode,
  dateLikeSchema,
  dateProblem,
  IMPOSSIBLE_DAY,
  isoDayNumber,
  parseCivilDay,
  parseInstant,
  timeValue,
} from "./dateParsing.js";
export {
  civilDayOfInstant,
  isValidTimeZone,
  startOfCivilDay,
  timeZoneSchema,
  wallClockToInstant,
} from "./timeZones.js";

/**
 * A point in time or a calendar day: a `Date`, or an ISO 8601 string in the extended format
 * (`"1997-01-01"`, `"1997-01-01T10:30:00+02:00"`) or the basic format (`"19970101"`,
 * `"19970101T103000+0200"`), not mixed. A date-only string is that calendar day in the function's
 * `timeZone` option (default `"UTC"`). A date-time string without an offset (`"1997-01-01T10:30"`,
 * `"1997-01-01 10:30:00"`, `"19970101T1030"`) is a wall-clock time in `timeZone`; one with an
 * offset (`"1997-01-01T10:30:00Z"`, `"…+02:00"`, `"…+0200"`) is an instant. An impossible date
 * (`"1997-02-30"`, `"19970230"`) is an `InvalidInputError` (code `"invalid_date"`).
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
