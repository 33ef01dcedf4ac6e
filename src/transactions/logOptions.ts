/**
 * The options of the transaction-log functions: their zod schemas, the unit/bucketing rule, the
 * reading of option dates in the time zone, and the one error that lists every problem of a call
 * (the options' and the rows').
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { InvalidInputError, IssueCollector } from "../core/errors.js";
import {
  type DateInput,
  dateIssueCode,
  dateProblem,
  FIXED_UNIT_DAYS,
  MAX_CIVIL_DAY,
  parseCivilDay,
  type TimeUnit,
  timeUnitSchema,
  timeZoneSchema,
} from "../core/time.js";
import { parseInputCollecting } from "../core/validate.js";
import { withScratch } from "../internal/fast/scratch.js";
import { parseLog } from "./transactionLog.js";

/** How purchases are put into periods. @internal */
export type Bucketing = "calendar" | "elapsed";

/**
 * zod schema for a {@link DateInput} (checked for validity; read in the time zone later). A missing
 * date is code `"required"`, a value of another type `"invalid_type"`, an unreadable or impossible
 * date `"invalid_date"`.
 * @internal
 */
export const dateInputSchema = z.custom<DateInput>().check(
  z.superRefine((value, context) => {
    if (parseCivilDay(value, "UTC") !== undefined) return;
    context.issues.push({
      code: "custom",
      message: dateProblem(value),
      input: value,
      params: { code: dateIssueCode(value) },
    });
  }),
);

/** zod schema of the bucketing option. @internal */
export const bucketingSchema = z.enum(["calendar", "elapsed"]);

/**
 * The schemas of the options every transaction function takes after its dates, in this order:
 * `unit` (required), `bucketing` and `timeZone`.
 * @internal
 */
export const timeOptionShape = {
  unit: timeUnitSchema,
  bucketing: z.exactOptional(bucketingSchema),
  timeZone: z.exactOptional(timeZoneSchema),
};

/** Validated time settings shared by both public functions. @internal */
export interface TimeSettings {
  readonly unit: TimeUnit;
  readonly bucketing: Bucketing;
  readonly timeZone: string;
}

/** What {@link readLogOptions} returns: the parsed options, their time settings and dates. @internal */
export interface LogOptions<O, K extends string> {
  readonly options: O;
  readonly settings: TimeSettings;
  /** The calendar day (in the time zone) of each date option. */
  readonly days: Readonly<Record<K, number>>;
}

/**
 * Reads the options of a transaction function: parses them with `schema` (paths `options.<key>`),
 * checks the unit/bucketing combination, reads each of the date options `dateKeys` as a calendar
 * day in the time zone, then runs `consistent` (which adds its own issues) on those days. When
 * anything is wrong, throws the call's one error, the rows checked too ({@link rejectCall}).
 * @internal
 */
export function readLogOptions<
  S extends z.ZodMiniType<{ unit: TimeUnit; bucketing?: Bucketing; timeZone?: string }>,
  K extends string,
>(
  functionName: string,
  schema: S,
  options: unknown,
  transactions: unknown,
  dateKeys: readonly K[],
  consistent?: (days: Record<K, number>, options: z.output<S>, issues: IssueCollector) => void,
): LogOptions<z.output<S>, K> {
  const issues = new IssueCollector();
  const opts = parseInputCollecting(functionName, schema, options, ["options"], issues);
  if (opts === undefined) return rejectCall(functionName, transactions, issues);
  const settings = timeSettings(opts, issues);
  const days = {} as Record<K, number>;
  let complete = true;
  for (const key of dateKeys) {
    const value = (opts as Record<K, DateInput>)[key];
    const day = optionDay(key, value, settings.timeZone, issues);
    if (day === undefined) complete = false;
    else days[key] = day;
  }
  if (complete) consistent?.(days, opts, issues);
  if (!complete || issues.size > 0) {
    return rejectCall(functionName, transactions, issues, settings.timeZone);
  }
  return { options: opts, settings, days };
}

/**
 * Checks the unit/bucketing combination (months and longer have no fixed length, so they are
 * calendar-only; code `"inconsistent"` at `options.unit`, added to `issues`) and fills in the
 * defaults of `bucketing` and `timeZone`. The unit has no default (see docs/conventions.md, Time
 * units): the schema requires it.
 */
function timeSettings(
  options: { unit: TimeUnit; bucketing?: Bucketing; timeZone?: string },
  issues: IssueCollector,
): TimeSettings {
  const unit = options.unit;
  const bucketing = options.bucketing ?? "calendar";
  if (bucketing === "elapsed" && FIXED_UNIT_DAYS[unit] === undefined) {
    issues.add(
      ["options", "unit"],
      `Unit "${unit}" has no fixed length, so it cannot be used with bucketing "elapsed"; use bucketing "calendar" (or unit "day" or "week")`,
      "inconsistent",
      unit,
    );
  }
  return { unit, bucketing, timeZone: options.timeZone ?? "UTC" };
}

/**
 * Reads a {@link DateInput} option (validated in UTC by {@link dateInputSchema}) as a calendar day in
 * the time zone. When that day is outside the supported range 0000-01-01 … 9999-12-31 (an instant
 * near either end can be in range in UTC and out of it in the zone), adds an `"invalid_date"`
 * issue at `options.<key>` to `issues` and returns `undefined`.
 */
function optionDay(
  key: string,
  value: DateInput,
  timeZone: string,
  issues: IssueCollector,
): number | undefined {
  const day = parseCivilDay(value, timeZone);
  if (day === undefined) {
    issues.add(["options", key], dateProblem(value, timeZone), dateIssueCode(value), value);
  }
  return day;
}

/**
 * Throws the error for a call whose options are invalid (`issues` is not empty): the rows are
 * still checked — in `timeZone` when the time-zone option was valid, in UTC otherwise — so that one
 * error lists every problem of the call, the options' and the rows'.
 */
function rejectCall(
  functionName: string,
  transactions: unknown,
  issues: IssueCollector,
  timeZone = "UTC",
): never {
  withScratch((scratch) =>
    parseLog(scratch, functionName, transactions, timeZone, MAX_CIVIL_DAY, undefined, issues),
  );
  issues.throwIfAny(functionName);
  throw new InvalidInputError(functionName, [
    { path: [], message: "Invalid input", code: "custom" },
  ]);
}
