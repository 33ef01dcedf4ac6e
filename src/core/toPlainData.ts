/**
 * Turning a result into plain data for `postMessage`, `structuredClone`, JSON or a chart library.
 * @module
 */

import { decimalShapeProblem } from "../internal/fast/fastMoney.js";
import { timeValue } from "./dateParsing.js";
import { InvalidInputError, invalidInput } from "./errors.js";
import type { Decimal } from "./money.js";
import { arrayShapeProblem } from "./validate.js";

/**
 * The type of `toPlainData(value)`: `T` with every `Decimal` replaced by its exact decimal string.
 * Dates, typed arrays and primitives are kept.
 * @category Core
 */
export type PlainData<T> = T extends Decimal
  ? string
  : T extends Date | ArrayBufferView
    ? T
    : T extends readonly (infer U)[]
      ? PlainData<U>[]
      : T extends object
        ? { -readonly [K in keyof T]: PlainData<T[K]> }
        : T;

function isDecimal(value: object): value is Decimal {
  return (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "Decimal";
}

/** The index of the first non-finite element of a float array view, or −1. */
function nonFiniteIndex(view: ArrayBufferView): number {
  if (!(view instanceof Float64Array || view instanceof Float32Array)) return -1;
  for (let i = 0; i < view.length; i++) if (!Number.isFinite(view[i]!)) return i;
  return -1;
}

/** Nesting deeper than this is not a result of this library (and may be a cycle). */
const MAX_DEPTH = 64;

function plain(value: unknown, path: PropertyKey[]): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw invalidInput(
      "toPlainData",
      path,
      `Expected a finite number (no result of this library holds ${value}), received ${value}`,
      "unsupported",
      value,
    );
  }
  if (typeof value !== "object" || value === null) return value;
  if (path.length > MAX_DEPTH) {
    throw invalidInput(
      "toPlainData",
      path,
      `Nested more than ${MAX_DEPTH} levels deep (a cycle?)`,
      "unsupported",
    );
  }
  if (isDecimal(value)) {
    const problem = decimalShapeProblem(value);
    if (problem) throw invalidInput("toPlainData", path, problem, "invalid_money");
    return value.toFixed();
  }
  if (value instanceof Date) {
    if (Number.isNaN(timeValue(value))) {
      throw invalidInput(
        "toPlainData",
        path,
        "Expected a valid Date (no result of this library holds an Invalid Date)",
        "unsupported",
        value,
      );
    }
    return value;
  }
  if (ArrayBuffer.isView(value)) {
    const at = nonFiniteIndex(value);
    if (at >= 0) {
      throw invalidInput(
        "toPlainData",
        [...path, at],
        "Expected finite numbers (no result of this library holds NaN or Infinity)",
        "unsupported",
      );
    }
    return value;
  }
  if (Array.isArray(value)) {
    const shape = arrayShapeProblem(value);
    if (shape)
      throw invalidInput("toPlainData", [...path, ...shape.path], shape.message, shape.code);
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = plain(value[i], [...path, i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: plain((value as Record<string, unknown>)[key], [...path, key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * A copy of a result with every `Decimal` written as its exact decimal string (`"127.48"`, never
 * in exponent notation), ready for `postMessage`, `structuredClone`, `JSON.stringify` or a chart.
 *
 * Every result of this library is plain data — arrays, plain objects, numbers, strings, typed
 * arrays and `Date`s — except its amounts of money, which are `Decimal`s: a decimal.js instance
 * carries its class as an own property, so `structuredClone` and `postMessage` reject it
 * (`DataCloneError`). `toPlainData` is the bridge; the strings are exact and every money input of
 * the library accepts them back. The input is not changed.
 *
 * @example
 * ```ts
 * import { retentionLifetimeValue, toPlainData } from "customer-value";
 * const result = retentionLifetimeValue({ margin: 100, retentionRate: 0.8, discountRate: 0.1 });
 * const plain = toPlainData(result);
 * plain.value; // => "266.6666666666666666666666666666667"
 * structuredClone(plain).value === plain.value; // => true
 * ```
 * @param value - any result of this library (or anything built from results)
 * @returns the same data with `Decimal`s as strings
 * @throws InvalidInputError at `value…` when the value cannot be a result: a non-finite number, an
 *   Invalid Date, a float array holding NaN or ±Infinity, or nesting deeper than 64 levels (a
 *   cycle) (code `"unsupported"`), a malformed `Decimal`
 *   (`"invalid_money"`), an array longer than 2^27 or with a hole at an end, or reading it throws
 *   (a getter, a Proxy: `"unreadable"`)
 * @category Core
 */
export function toPlainData<T>(value: T): PlainData<T> {
  try {
    return plain(value, ["value"]) as PlainData<T>;
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    const wrapped = invalidInput(
      "toPlainData",
      ["value"],
      `Could not copy the value: reading it threw ${error instanceof Error ? error.name : "a non-Error value"} (a getter, a Proxy or a cycle)`,
      "unreadable",
    );
    Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
    throw wrapped;
  }
}
