import { z } from "zod";
import { echo } from "../core/errors.js";
import type { TimeUnit } from "../core/time.js";

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
