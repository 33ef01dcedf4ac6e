/**
 * Converting a horizon or a rate between time units: exact between units of fixed length (a week
 * is 7 days) and between calendar units (a year is 4 quarters and 12 months), and between the two
 * families only when the caller asks for the calendar-average month (365.2425 / 12 days), since a
 * calendar month has no fixed length.
 * @module
 */
import { invalidInput } from "./errors.js";
import type { TimeUnit } from "./time.js";

/**
 * How to convert between a unit of fixed length (`"day"`, `"week"`) and a calendar unit
 * (`"month"`, `"quarter"`, `"year"`): `"calendar-average"` takes the mean Gregorian lengths, a
 * year of 365.2425 days (the 400-year cycle's 146,097 days / 400), a quarter of a quarter of that and
 * a month of a twelfth (30.436875 days). Without it, such a conversion is an error, because the
 * answer depends on which months are meant.
 * @category Core
 */
export type UnitConversion = "calendar-average";

/** Days in a mean Gregorian year: 146,097 days per 400 years. */
export const DAYS_PER_YEAR = 365.2425;

const FIXED_DAYS: Readonly<Record<"day" | "week", number>> = { day: 1, week: 7 };
const MONTHS: Readonly<Record<"month" | "quarter" | "year", number>> = {
  month: 1,
  quarter: 3,
  year: 12,
};

function isFixed(unit: TimeUnit): unit is "day" | "week" {
  return unit === "day" || unit === "week";
}

/**
 * How many `to` units one `from` unit lasts (`unitRatio("week", "day") === 7`), or `undefined` when
 * the two belong to different families and no `conversion` is given.
 * @internal
 */
export function unitRatio(
  from: TimeUnit,
  to: TimeUnit,
  conversion?: UnitConversion,
): number | undefined {
  if (from === to) return 1;
  if (isFixed(from) && isFixed(to)) return FIXED_DAYS[from] / FIXED_DAYS[to];
  if (!isFixed(from) && !isFixed(to)) return MONTHS[from] / MONTHS[to];
  if (conversion !== "calendar-average") return undefined;
  return unitDays(from) / unitDays(to);
}

/** Mean length of a unit in days (calendar units at their Gregorian average). @internal */
export function unitDays(unit: TimeUnit): number {
  return isFixed(unit) ? FIXED_DAYS[unit] : (MONTHS[unit] * DAYS_PER_YEAR) / 12;
}

/**
 * {@link unitRatio}, or an `InvalidInputError` (code `"unit_mismatch"`) at `path` that names both
 * units and the way out.
 * @internal
 */
export function checkedUnitRatio(
  functionName: string,
  path: readonly PropertyKey[],
  from: TimeUnit,
  to: TimeUnit,
  conversion?: UnitConversion,
): number {
  const ratio = unitRatio(from, to, conversion);
  if (ratio === undefined) {
    throw invalidInput(
      functionName,
      path,
      `Cannot convert ${from}s to ${to}s: a ${isFixed(from) ? to : from} has no fixed length in ${isFixed(from) ? from : to}s. Pass unitConversion: "calendar-average" (a month of 365.2425/12 days) or use the model's unit`,
      "unit_mismatch",
      from,
    );
  }
  return ratio;
}
