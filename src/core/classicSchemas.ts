/**
 * TRANSITIONAL (issue 15, deleted before release): the shared schemas in zod's classic API, for
 * domain files not yet moved to `zod/mini`. Each is the same check, with the same messages and
 * codes, as its `zod/mini` twin in core/time.ts, core/money.ts and core/validate.ts. Delete this
 * file when nothing imports it.
 * @internal
 * @module
 */
import { z } from "zod";
import { echo } from "./errors.js";
import { type Decimal, type MoneyInput, moneyIssueCode, readMoney } from "./money.js";
import {
  type DateInput,
  dateProblem,
  isValidTimeZone,
  TIME_UNIT_MESSAGE,
  TIME_UNITS,
  type TimeUnit,
} from "./time.js";
import { arrayShapeProblem } from "./validate.js";

export const timeUnitSchema = z.custom<TimeUnit>().superRefine((value, context) => {
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
});

export const timeZoneSchema = z.string().refine(isValidTimeZone, {
  error: (issue) => `Unknown time zone ${echo(issue.input)}`,
  params: { code: "invalid_value" },
});

export const dateLikeSchema = z.custom<DateInput>().superRefine((value, context) => {
  if (typeof value === "string" || value instanceof Date) return;
  context.addIssue({
    code: "custom",
    message: dateProblem(value),
    params: { code: value === undefined ? "required" : "invalid_type" },
    input: value,
  });
});

export const moneySchema = z.custom<MoneyInput>().transform((value, context): Decimal => {
  // One read: the check and the conversion are the same call.
  const read = readMoney(value);
  if (typeof read !== "string") return read;
  context.addIssue({
    code: "custom",
    message: read,
    input: value,
    params: { code: moneyIssueCode(value) },
  });
  return z.NEVER;
});

export const nonNegativeMoneySchema = moneySchema.refine((value) => !value.isNegative(), {
  error: "Expected a non-negative amount",
  params: { code: "too_small" },
});

export function boundedArray<S extends z.ZodType>(
  schema: S,
): z.ZodPipe<z.ZodCustom<z.input<S>, z.input<S>>, z.ZodType<z.output<S>, z.input<S>>> {
  return z
    .custom<z.input<S>>(() => true)
    .superRefine((value, context) => {
      const problem = arrayShapeProblem(value);
      if (problem) {
        // `continue: false` aborts: no element is visited and no later refinement runs over it.
        context.addIssue({
          code: "custom",
          path: [...problem.path],
          message: problem.message,
          input: value,
          continue: false,
        });
      }
    })
    .pipe(schema as unknown as z.ZodType<z.output<S>, z.input<S>>);
}
