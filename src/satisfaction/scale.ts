/**
 * Shared, internal helpers of the satisfaction domain: answer scales, one-pass validation of
 * Likert answers, and the standard normal distribution used by the confidence intervals.
 * @internal
 */
import { z } from "zod";
import { invalidInput } from "../core/errors.js";
import { arrayShapeProblem, describeReceived } from "../core/validate.js";

/** An answer scale: the lowest and highest integer answer a question allows. */
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
  }) satisfies z.ZodType<unknown, AnswerScale>;

/** zod schema for a confidence level strictly between 0 and 1. @internal */
export const confidenceLevelSchema = z
  .number()
  .gt(0, { error: "Expected a confidence level between 0 and 1 (exclusive)" })
  .lt(1, { error: "Expected a confidence level between 0 and 1 (exclusive)" });

/**
 * Checks in one pass that `answers` is a non-empty array of integers inside `[min, max]` and
 * returns them as a `Float64Array`. Throws `InvalidInputError` naming `fnName` and the path.
 * @internal
 */
export function checkAnswers(
  fnName: string,
  path: readonly PropertyKey[],
  answers: unknown,
  scale: AnswerScale,
): Float64Array {
  if (!Array.isArray(answers)) throw invalidInput(fnName, path, "Expected an array of answers");
  const shape = arrayShapeProblem(answers);
  if (shape) throw invalidInput(fnName, [...path, ...shape.path], shape.message);
  if (answers.length === 0) {
    throw invalidInput(fnName, path, "Expected at least one answer (the answer set is empty)");
  }
  const out = new Float64Array(answers.length);
  for (let i = 0; i < answers.length; i++) {
    const value: unknown = answers[i];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw invalidInput(
        fnName,
        [...path, i],
        `Expected a finite number, received ${describeReceived(value)}`,
      );
    }
    if (!Number.isInteger(value)) {
      throw invalidInput(fnName, [...path, i], `Expected an integer answer, received ${value}`);
    }
    if (value < scale.min || value > scale.max) {
      throw invalidInput(
        fnName,
        [...path, i],
        `Answer ${value} is outside the scale ${scale.min}..${scale.max}`,
      );
    }
    out[i] = value;
  }
  return out;
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

const NO_KEYS: ReadonlySet<string> = new Set();

/**
 * One-pass shape check of record `index` of the input array `arrayName` (CONVENTIONS §4: no
 * per-element schema in hot paths): `row` must be an object whose keys are all in `keys` or
 * `optionalKeys` and that has every one of `keys`. Paths are built only when an error is thrown.
 * @internal
 */
export function checkRecord(
  fnName: string,
  arrayName: string,
  index: number,
  row: unknown,
  keys: ReadonlySet<string>,
  optionalKeys: ReadonlySet<string> = NO_KEYS,
): Readonly<Record<string, unknown>> {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    throw invalidInput(fnName, [arrayName, index], "Expected an object");
  }
  const record = row as Record<string, unknown>;
  let present = 0;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue;
    if (keys.has(key)) present++;
    else if (!optionalKeys.has(key)) {
      throw invalidInput(
        fnName,
        [arrayName, index, key],
        `Unrecognized key ${describeReceived(key)}`,
      );
    }
  }
  if (present !== keys.size) {
    for (const key of keys) {
      if (!Object.hasOwn(record, key))
        throw invalidInput(fnName, [arrayName, index, key], "Required");
    }
  }
  return record;
}

/** Checks that field `key` of record `index` is a finite number. @internal */
export function checkFiniteField(
  fnName: string,
  arrayName: string,
  index: number,
  key: string,
  value: unknown,
): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw invalidInput(
      fnName,
      [arrayName, index, key],
      `Expected a finite number, received ${describeReceived(value)}`,
    );
  }
  return value;
}

/** Checks that field `key` of record `index` is a string. @internal */
export function checkStringField(
  fnName: string,
  arrayName: string,
  index: number,
  key: string,
  value: unknown,
): string {
  if (typeof value !== "string") {
    throw invalidInput(
      fnName,
      [arrayName, index, key],
      `Expected a string, received ${typeof value}`,
    );
  }
  return value;
}

/** Checks that `value` is an array; throws `InvalidInputError` at `path` otherwise. @internal */
export function checkArray(
  fnName: string,
  path: readonly PropertyKey[],
  value: unknown,
): readonly unknown[] {
  if (!Array.isArray(value)) throw invalidInput(fnName, path, "Expected an array");
  const shape = arrayShapeProblem(value);
  if (shape) throw invalidInput(fnName, [...path, ...shape.path], shape.message);
  return value;
}
