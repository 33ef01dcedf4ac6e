/**
 * Validation of the model and option arguments every prediction shares: the purchase and spend
 * models (kind, finite positive parameters, the required time unit), the `unit`/`unitConversion`
 * options and the conversion they imply, the collection of several checks into one error, and the
 * guard that no non-finite prediction leaves the library.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import {
  echo,
  type InputIssue,
  InvalidInputError,
  IssueCollector,
  invalidInput,
} from "../../core/errors.js";
import { type TimeUnit, timeUnitSchema } from "../../core/time.js";
import { checkedUnitRatio, type UnitConversion } from "../../core/units.js";
import { parseInput } from "../../core/validate.js";
import type { GammaGammaModel, PurchaseModel } from "../types.js";

const positive = z.number().check(z.positive());
const bgParamsSchema = z.object({ r: positive, alpha: positive, a: positive, b: positive });
const paretoParamsSchema = z.object({ r: positive, alpha: positive, s: positive, beta: positive });

/** Schema of a purchase model as the prediction functions need it (extra fields allowed). */
const purchaseModelSchema = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("bg-nbd"), params: bgParamsSchema, unit: timeUnitSchema }),
  z.looseObject({ kind: z.literal("mbg-nbd"), params: bgParamsSchema, unit: timeUnitSchema }),
  z.looseObject({
    kind: z.literal("pareto-nbd"),
    params: paretoParamsSchema,
    unit: timeUnitSchema,
  }),
]);

/**
 * Validates a purchase model argument: its `kind`, finite positive parameters and its time `unit`
 * (required: the unit of the data it was fitted to; code `"required"`/`"invalid_value"` at
 * `model.unit`). `path` is the model argument's path (`["model"]`, or `["model", "purchase"]` when
 * the model sits in a pair). Returns the validated copy: each parameter is read once, so a getter
 * cannot hand the validation one value and the kernel another.
 * @internal
 */
export function parsePurchaseModel(
  fn: string,
  model: unknown,
  path: readonly PropertyKey[] = ["model"],
): PurchaseModel {
  return parseModelWithUnit(fn, purchaseModelSchema, model, path) as unknown as PurchaseModel;
}

/**
 * {@link parseInput} for a model schema with a required `unit`: a missing unit is reported as
 * `"required"` (zod reports a missing enum value as `"invalid_value"`). @internal
 */
export function parseModelWithUnit<S extends z.core.$ZodType>(
  fn: string,
  schema: S,
  model: unknown,
  path: readonly PropertyKey[],
): z.output<S> {
  try {
    return parseInput(fn, schema, model, path);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    const unitPath = path.length + 1;
    const missing = (i: InputIssue): boolean =>
      i.path.length === unitPath &&
      i.path[path.length] === "unit" &&
      "received" in i &&
      i.received === undefined;
    const badKind = (i: InputIssue): boolean =>
      i.path.length === unitPath && i.path[path.length] === "kind" && "received" in i;
    if (!error.issues.some((i) => missing(i) || badKind(i))) throw error;
    throw new InvalidInputError(
      fn,
      error.issues.map((i) => {
        if (missing(i)) {
          return {
            ...i,
            code: "required" as const,
            message: `The model's time unit is required ("day", "week", "month", "quarter" or "year"; fitted models record it)`,
          };
        }
        if (badKind(i)) {
          // zod reports the model object; name the kind it read (on this error path only).
          const kind =
            typeof i.received === "object" && i.received !== null
              ? (i.received as { kind?: unknown }).kind
              : i.received;
          return {
            path: i.path,
            code:
              kind === undefined
                ? ("required" as const)
                : typeof kind === "string"
                  ? ("invalid_value" as const)
                  : ("invalid_type" as const),
            message: `${i.message.replace(/; received .*$/, "")}; received ${echo(kind)}`,
            received: kind,
          };
        }
        return i;
      }),
    );
  }
}

const gammaGammaSchema = z.looseObject({
  kind: z.literal("gamma-gamma"),
  params: z.object({ p: positive, q: positive, v: positive }),
  firstTransaction: z.optional(z.enum(["exclude", "include"])),
});

/**
 * Validates a Gamma-Gamma model argument (it has no time unit); `path` is the model argument's
 * path. Returns the validated copy (each parameter read once). @internal
 */
export function parseSpendModel(
  fn: string,
  model: unknown,
  path: readonly PropertyKey[] = ["model"],
): GammaGammaModel {
  return parseInput(fn, gammaGammaSchema, model, path) as unknown as GammaGammaModel;
}

/** The `unit` and `unitConversion` options every prediction with a horizon or a rate takes. @internal */
export const unitOptionsShape = {
  unit: z.exactOptional(timeUnitSchema),
  unitConversion: z.exactOptional(z.literal("calendar-average")),
};

/**
 * Runs each check, collecting the `InvalidInputError`s of all of them into one error (so that a
 * wrong rate and a wrong unit are reported together); returns the checks' results. @internal
 */
export function allChecked<T extends readonly unknown[]>(
  fn: string,
  ...checks: { readonly [K in keyof T]: () => T[K] }
): T {
  const issues = new IssueCollector();
  const out: unknown[] = [];
  for (const check of checks) {
    try {
      out.push(check());
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      issues.addAll(error.issues);
      out.push(undefined);
    }
  }
  issues.throwIfAny(fn);
  return out as unknown as T;
}

/**
 * How many model time units one `unit` lasts (1 when `unit` is omitted): the factor that turns a
 * horizon in `unit`s into model time. Incompatible units without `unitConversion` are an
 * `InvalidInputError` (code `"unit_mismatch"`) at `options.unit`.
 * @internal
 */
export function modelUnitsPer(
  fn: string,
  modelUnit: TimeUnit,
  unit: TimeUnit | undefined,
  conversion: UnitConversion | undefined,
): number {
  if (unit === undefined) return 1;
  return checkedUnitRatio(fn, ["options", "unit"], unit, modelUnit, conversion);
}

/**
 * Returns a scalar prediction, or throws when it is not finite (a horizon beyond what float64 can
 * carry through the model's formulas): no `NaN` leaves the library. @internal
 */
export function finiteResult(fn: string, value: number, path: readonly PropertyKey[]): number {
  if (!Number.isFinite(value)) {
    throw invalidInput(
      fn,
      [...path],
      "The prediction lies outside the range the model's numerics support (result not finite)",
      "unsupported",
    );
  }
  return value;
}
