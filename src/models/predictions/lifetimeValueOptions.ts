/**
 * The options of the lifetime values ({@link customerLifetimeValue}; `churnRisk` adds its own):
 * the horizon (whole periods up to 10,000, or `"infinite"`), the discount rate, the unit and the
 * profit margin.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import type { LifetimeValueOptions } from "./customerLifetimeValue.js";
import { unitOptionsShape } from "./modelArguments.js";

/** Largest finite `horizon` of {@link customerLifetimeValue}, in periods. @internal */
export const MAX_LIFETIME_HORIZON = 10_000;

/** The `horizon` option of the lifetime values (finite: whole periods, 1 … 10,000). @internal */
export const lifetimeHorizonSchema = z.union([
  z.int().check(
    z.positive(),
    z.maximum(MAX_LIFETIME_HORIZON, {
      error: `A finite horizon is at most ${MAX_LIFETIME_HORIZON} periods (use "infinite" beyond)`,
    }),
  ),
  z.literal("infinite"),
]);

/** The options every lifetime value takes (churnRisk adds its own). @internal */
export const lifetimeValueOptionsShape = {
  horizon: lifetimeHorizonSchema,
  discountRate: z.number(),
  ...unitOptionsShape,
  profitMargin: z.exactOptional(z.number().check(z.positive(), z.maximum(1))),
  allowLargeDiscountRate: z.exactOptional(z.boolean()),
};

/** The options of {@link customerLifetimeValue}, checked against the interface. @internal */
export const lifetimeValueOptionsSchema = z.strictObject(
  lifetimeValueOptionsShape,
) satisfies z.ZodMiniType<unknown, LifetimeValueOptions>;

/** The validated lifetime-value options. @internal */
export type LifetimeValueParsedOptions = z.output<typeof lifetimeValueOptionsSchema>;
