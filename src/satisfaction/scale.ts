/**
 * Shared, internal helpers of the satisfaction domain: the answer scale, one-pass validation of
 * Likert answers and per-customer rows (every problem listed, up to the cap), and the standard
 * normal distribution used by the confidence intervals.
 * @internal
 */
import { z } from "zod";
import { InvalidInputError, type IssueCollector } from "../core/errors.js";
import { arrayShapeProblem, describeReceived, parseInput } from "../core/validate.js";

/**
 * The range of survey answers, `{ min, max }`: the lowest and the highest integer answer a
 * question allows (`{ min: 1, max: 5 }` for a 5-point Likert item, `{ min: 0, max: 10 }` for the
 * NPS question). The one meaning of `scale` everywhere in the library.
 */
export interface AnswerScale {
  /** Lowest answer on the scale (an integer, e.g. `1`). */
  readonly min: number;
  /** Highest answer on the scale (an integer greater than `min`, e.g. `5`). */
  readonly max: number;
}

/** zod schema for an {@link AnswerScale}. @internal */
export const answerScaleSchema = z
  .strictObject({ min: z.number().int(), max: z.number().int() })
  .refine((scale) => scale.max > scale.min, {
    error: "Expected max greater than min",
    path: ["max"],
    params: { code: "inconsistent" },
  }) satisfies z.ZodType<unknown, AnswerScale>;

/**
 * zod schema for the scale of the NPS question: an {@link AnswerScale} that is one of the two
 * standard scales, `{ min: 0, max: 10 }` or `{ min: 1, max: 10 }`. @internal
 */
export const npsScaleSchema = answerScaleSchema.refine(
  (scale) => scale.max === 10 && (scale.min === 0 || scale.min === 1),
  {
    error: "NPS answers are on { min: 0, max: 10 } (the standard) or { min: 1, max: 10 }",
    params: { code: "invalid_value" },
  },
);

/** zod schema for a confidence level strictly between 0 and 1. @internal */
export const confidenceLevelSchema = z
  .number()
  .gt(0, { error: "Expected a confidence level between 0 and 1 (exclusive)" })
  .lt(1, { error: "Expected a confidence level between 0 and 1 (exclusive)" });

/**
 * Parses `value` with `schema` like `parseInput`, but records the problems in `issues` (and
 * returns `undefined`) instead of throwing, so that the options and the data of one call are
 * reported in one error.
 * @internal
 */
export function parseInto<S extends z.ZodType>(
  fnName: string,
  schema: S,
  value: unknown,
  path: readonly PropertyKey[],
  issues: IssueCollector,
): z.output<S> | undefined {
  try {
    return parseInput(fnName, schema, value, path);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.addAll(error.issues);
    return undefined;
  }
}

/**
 * The answer scale to check data against when the options as a whole were invalid (another option
 * was wrong): `options.scale` if it is valid by itself, `fallback` when it is absent, `undefined`
 * (check types only) when it is invalid too or cannot be read. Only runs on the error path.
 * @internal
 */
export function scaleOfInvalidOptions(
  options: unknown,
  schema: z.ZodType<AnswerScale>,
  fallback: AnswerScale | undefined,
): AnswerScale | undefined {
  try {
    if (typeof options !== "object" || options === null) return fallback;
    const value: unknown = (options as { readonly scale?: unknown }).scale;
    if (value === undefined) return fallback;
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks that `value` is an array a function can iterate and, when `nonEmpty`, that it has an
 * item; records the problem at `path` and returns `undefined` otherwise. `what` names the items
 * ("answers", "customers").
 * @internal
 */
export function checkRows(
  path: readonly PropertyKey[],
  value: unknown,
  what: string,
  issues: IssueCollector,
  nonEmpty = true,
): readonly unknown[] | undefined {
  if (!Array.isArray(value)) {
    issues.add(
      path,
      `Expected an array of ${what}, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
    return undefined;
  }
  const shape = arrayShapeProblem(value);
  if (shape) {
    issues.add([...path, ...shape.path], shape.message, shape.code);
    return undefined;
  }
  if (nonEmpty && value.length === 0) {
    issues.add(
      path,
      `Expected at least one of the ${what} (the array is empty)`,
      "too_small",
      value,
    );
    return undefined;
  }
  return value;
}

/**
 * Checks in one pass that `answers` is a non-empty array of integers inside the scale and returns
 * them as a `Float64Array`; otherwise records every bad answer (up to the cap) at `path[i]` with
 * its code (`invalid_type`, `not_integer`, `too_small`, `too_big`) and returns `undefined`. With
 * no `scale` (the scale option itself was invalid) only the type and integrality are checked.
 * Each answer is read once.
 * @internal
 */
export function checkAnswers(
  path: readonly PropertyKey[],
  answers: unknown,
  scale: AnswerScale | undefined,
  issues: IssueCollector,
): Float64Array | undefined {
  const rows = checkRows(path, answers, "answers", issues);
  if (rows === undefined) return undefined;
  const min = scale?.min ?? Number.NEGATIVE_INFINITY;
  const max = scale?.max ?? Number.POSITIVE_INFINITY;
  const out = new Float64Array(rows.length);
  let bad = false;
  for (let i = 0; i < rows.length; i++) {
    const value: unknown = rows[i];
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
      out[i] = value;
      continue;
    }
    bad = true;
    answerIssue([...path, i], value, min, max, issues);
    if (issues.full) break;
  }
  return bad ? undefined : out;
}

/** Records what is wrong with an answer that failed the fast check. */
function answerIssue(
  path: readonly PropertyKey[],
  value: unknown,
  min: number,
  max: number,
  issues: IssueCollector,
): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    issues.add(
      path,
      `Expected a finite number, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
  } else if (!Number.isInteger(value)) {
    issues.add(path, `Expected an integer answer, received ${value}`, "not_integer", value);
  } else {
    issues.add(
      path,
      `Answer ${value} is outside the scale ${min}..${max}`,
      value < min ? "too_small" : "too_big",
      value,
    );
  }
}

/**
 * Checks that a row is an object (fields other than the ones a function reads are ignored);
 * records the problem at `[arrayName, i]` and returns `undefined` otherwise.
 * @internal
 */
export function rowObject(
  arrayName: string,
  i: number,
  row: unknown,
  issues: IssueCollector,
): Readonly<Record<string, unknown>> | undefined {
  if (typeof row === "object" && row !== null && !Array.isArray(row)) {
    return row as Readonly<Record<string, unknown>>;
  }
  issues.add(
    [arrayName, i],
    `Expected an object, received ${describeReceived(row)}`,
    row === undefined ? "required" : "invalid_type",
    row,
  );
  return undefined;
}

/**
 * Checks that field `key` of row `i` is a finite number, inside `[min, max]` when given;
 * records the problem at `[arrayName, i, key]` and returns `undefined` otherwise.
 * @internal
 */
export function numberField(
  arrayName: string,
  i: number,
  key: string,
  value: unknown,
  issues: IssueCollector,
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
): number | undefined {
  if (typeof value === "number" && value >= min && value <= max && Number.isFinite(value)) {
    return value;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) {
    issues.add(
      [arrayName, i, key],
      `Expected a finite number, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
  } else {
    issues.add(
      [arrayName, i, key],
      `${value} is outside ${min}..${max}`,
      value < min ? "too_small" : "too_big",
      value,
    );
  }
  return undefined;
}

/**
 * Checks that `customerId` of row `i` is a string not seen before (ids are values of a `Set`,
 * never object keys); records the problem at `[arrayName, i, "customerId"]` (`required`,
 * `invalid_type` or `duplicate`) and returns `undefined` otherwise.
 * @internal
 */
export function customerIdField(
  arrayName: string,
  i: number,
  value: unknown,
  seen: Set<string>,
  issues: IssueCollector,
): string | undefined {
  if (typeof value !== "string") {
    issues.add(
      [arrayName, i, "customerId"],
      `Expected a string customer id, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
    return undefined;
  }
  if (seen.has(value)) {
    issues.add(
      [arrayName, i, "customerId"],
      "Customer id appears more than once",
      "duplicate",
      value,
    );
    return undefined;
  }
  seen.add(value);
  return value;
}

/**
 * Inverse of the standard normal distribution function, Wichura (1988) algorithm AS 241
 * (PPND16), relative accuracy about 1e-16.
 * @internal
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r +
        0.24178072517745061177) *
        r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r +
        0.0151986665636164571966) *
        r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r +
        0.0012426609473880784386) *
        r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r +
        1.8463183175100546818e-5) *
        r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/**
 * Complementary error function by a 28-term Chebyshev expansion of erfc(z)·exp(z²) in
 * t = 2/(2 + z) (Press, Teukolsky, Vetterling & Flannery 2007, *Numerical Recipes* 3rd ed.,
 * §6.2.2), relative error about 1e-16.
 */
function erfc(x: number): number {
  const ncof = 28;
  const cof = [
    -1.3026537197817094, 6.4196979235649026e-1, 1.9476473204185836e-2, -9.561514786808631e-3,
    -9.46595344482036e-4, 3.66839497852761e-4, 4.2523324806907e-5, -2.0278578112534e-5,
    -1.624290004647e-6, 1.30365583558e-6, 1.5626441722e-8, -8.5238095915e-8, 6.529054439e-9,
    5.059343495e-9, -9.91364156e-10, -2.27365122e-10, 9.6467911e-11, 2.394038e-12, -6.886027e-12,
    8.94487e-13, 3.13092e-13, -1.12708e-13, 3.81e-16, 7.106e-15, -1.523e-15, -9.4e-17, 1.21e-16,
    -2.8e-17,
  ];
  const z = Math.abs(x);
  const t = 2 / (2 + z);
  const ty = 4 * t - 2;
  let d = 0;
  let dd = 0;
  for (let j = ncof - 1; j > 0; j--) {
    const tmp = d;
    d = ty * d - dd + (cof[j] as number);
    dd = tmp;
  }
  const value = t * Math.exp(-z * z + 0.5 * ((cof[0] as number) + ty * d) - dd);
  return x >= 0 ? value : 2 - value;
}

/** Standard normal distribution function Φ(x). @internal */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}
