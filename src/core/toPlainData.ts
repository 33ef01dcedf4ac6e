/**
 * Turning a result into plain data for `postMessage`, `structuredClone`, JSON or a chart library.
 * @module
 */
import { invalidInput } from "./errors.js";
import type { Decimal } from "./money.js";

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

function plain(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (isDecimal(value)) return value.toFixed();
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, {
      value: plain((value as Record<string, unknown>)[key]),
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
 * @throws InvalidInputError (code `"unreadable"`, path `value`) when reading the value throws (a
 *   getter, a Proxy) or it is too deeply nested (a cycle)
 * @category Core
 */
export function toPlainData<T>(value: T): PlainData<T> {
  try {
    return plain(value) as PlainData<T>;
  } catch (error) {
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
