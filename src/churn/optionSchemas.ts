import { z } from "zod";
import { echo } from "../core/errors.js";
import { type DateInput, dateProblem, isValidTimeZone } from "../core/time.js";

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
    message: value === undefined ? "Required: a Date or an ISO date string" : dateProblem(value),
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
