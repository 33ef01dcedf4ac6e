import { z } from "zod";
import { echo } from "../core/errors.js";
import { type DateInput, dateProblem, isValidTimeZone, type TimeUnit } from "../core/time.js";

/**
 * A cut-off day option (`asOf`, `periodStart`, `periodEnd`): a `Date` or a string, read later in
 * the call's time zone. Unlike `dateLikeSchema` its issue carries a specific code: `"required"`
 * when missing, `"invalid_type"` otherwise (the day itself is checked, with `"invalid_date"`, by
 * the caller). Never calls a method of the value. (A candidate for `core/time.ts`.)
 * @internal
 */
export const dayOptionSchema = z.unknown().superRefine((value, context) => {
  if (typeof value === "string" || value instanceof Date) return;
  context.addIssue({
    code: "custom",
    message: dateProblem(value),
    params: { code: value === undefined ? "required" : "invalid_type" },
    input: value,
  });
}) as unknown as z.ZodType<DateInput, DateInput>;

/**
 * An IANA time zone option, like `timeZoneSchema` but with the code `"invalid_value"` for an
 * unknown zone. (A candidate for `core/time.ts`.)
 * @internal
 */
export const timeZoneOptionSchema = z.string().refine(isValidTimeZone, {
  error: (issue) => `Unknown time zone ${echo(issue.input)}`,
  params: { code: "invalid_value" },
});

const UNITS = ["day", "week", "month", "quarter", "year"] as const;

/**
 * A required `unit` option with the codes of the contract: `"required"` when missing (there is no
 * default), `"invalid_value"` for an unknown unit name, `"invalid_type"` for a non-string. (zod's
 * enum reports a missing value as `"invalid_value"`; a candidate for `core/time.ts`.)
 * @internal
 */
export const requiredUnitSchema = z.unknown().superRefine((value, context) => {
  if (typeof value === "string" && (UNITS as readonly string[]).includes(value)) return;
  context.addIssue({
    code: "custom",
    message:
      value === undefined
        ? 'Required: the time unit ("day", "week", "month", "quarter" or "year"); there is no default'
        : `Expected one of "day", "week", "month", "quarter", "year", received ${echo(value)}`,
    params: {
      code:
        value === undefined
          ? "required"
          : typeof value === "string"
            ? "invalid_value"
            : "invalid_type",
    },
    input: value,
  });
}) as unknown as z.ZodType<TimeUnit, TimeUnit>;
