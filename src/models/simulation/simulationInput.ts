/**
 * Validation shared by the simulators: the customers to simulate (rows with an observation length
 * and an optional `customerId`) and the `seed`.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { IssueCollector } from "../../core/errors.js";
import { checkArray, describeReceived } from "../../core/validate.js";

/** Largest seed: seeds are 32-bit unsigned integers. @internal */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Most purchases one simulated customer may make (calibration and holdout together). A draw of
 * the purchase rate times the observation length far above this means the parameters or the
 * time unit are not what was meant; the simulation stops with an error rather than run for hours.
 * @internal
 */
export const MAX_SIMULATED_PURCHASES = 1_000_000;

/** The `seed` option: an integer in [0, 2³² − 1]. @internal */
export const seedSchema = z
  .int({ error: "Expected a seed: an integer from 0 to 4294967295" })
  .check(
    z.nonnegative({ error: "A seed is an integer from 0 to 4294967295" }),
    z.lte(MAX_SEED, { error: "A seed is an integer from 0 to 4294967295" }),
  );

/** The customers to simulate, as read: each one's observation length and id. @internal */
export interface SimulationTargets {
  readonly lengths: Float64Array;
  readonly ids: readonly (string | undefined)[];
}

/**
 * Reads the observation length `field` of every row (a finite number in [0, `max`], a whole
 * number when `integer`) and the optional string `customerId`; throws one `InvalidInputError`
 * listing every bad row (up to 100) at `customers[i].<field>`. Other fields are ignored.
 * @internal
 */
export function readSimulationTargets(
  fn: string,
  customers: unknown,
  field: string,
  integer: boolean,
  max: number,
): SimulationTargets {
  checkArray(fn, customers, "an array of customers", ["customers"]);
  const rows: readonly unknown[] = customers;
  const lengths = new Float64Array(rows.length);
  const ids: (string | undefined)[] = new Array(rows.length);
  const issues = new IssueCollector();
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row = rows[i];
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      issues.add(
        ["customers", i],
        `Expected an object with ${field}, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      );
      continue;
    }
    const { [field]: length, customerId } = row as Record<string, unknown>;
    const problem = lengthProblem(length, field, integer, max);
    if (problem === undefined) lengths[i] = length as number;
    else issues.add(["customers", i, field], problem.message, problem.code, length);
    if (customerId !== undefined && typeof customerId !== "string") {
      issues.add(
        ["customers", i, "customerId"],
        `Expected a customer id (a string), received ${describeReceived(customerId)}`,
        "invalid_type",
        customerId,
      );
    }
    ids[i] = customerId as string | undefined;
  }
  issues.throwIfAny(fn);
  return { lengths, ids };
}

function lengthProblem(
  value: unknown,
  field: string,
  integer: boolean,
  max: number,
): { message: string; code: "required" | "invalid_type" | "too_small" | "too_big" } | undefined {
  const what = integer ? `a whole number from 0 to ${max}` : `a number from 0 to ${max}`;
  if (value === undefined) return { message: `${field} is required: ${what}`, code: "required" };
  if (typeof value !== "number" || !Number.isFinite(value) || (integer && !Number.isInteger(value)))
    return {
      message: `Expected ${field} to be ${what}, received ${describeReceived(value)}`,
      code: "invalid_type",
    };
  if (value < 0)
    return { message: `${field} cannot be negative, received ${value}`, code: "too_small" };
  if (value > max)
    return { message: `${field} is at most ${max}, received ${value}`, code: "too_big" };
  return undefined;
}
