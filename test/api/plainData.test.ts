/**
 * Every public result is plain data. One valid call of every export (the seeds of the
 * hostile sweep) is run, and its result must (1) hold no `Map`, `Set`, function, symbol, accessor
 * or class instance other than `Decimal`, `Date` and typed arrays; (2) survive `structuredClone` —
 * what `postMessage` does — with equal data when it holds no `Decimal`; (3) when it does (a
 * decimal.js instance carries its class as an own property, which `structuredClone` rejects; the
 * `Decimal` type documents it), survive `structuredClone` after `toPlainData`, with every amount
 * as its exact string.
 */
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { VALID_CALLS } from "../hostile/validCalls.js";

/**
 * `indexByCustomerId` is not a result but the lookup the caller asks for: it returns a new `Map`
 * (documented) from id to the caller's own rows.
 */
const LOOKUP_HELPERS = new Set(["indexByCustomerId"]);

const functions = (Object.entries(api) as [string, unknown][]).filter(
  (entry): entry is [string, (...args: unknown[]) => unknown] =>
    typeof entry[1] === "function" && !/Error$/.test(entry[0]) && !LOOKUP_HELPERS.has(entry[0]),
);

/** Where in `value` something is not plain data, or `undefined`. */
function notPlain(value: unknown, at = "result", allowDecimal = true): string | undefined {
  if (value === null || value === undefined) return undefined;
  const type = typeof value;
  if (type === "function" || type === "symbol" || type === "bigint") return `${at} is a ${type}`;
  if (type !== "object") return undefined;
  if (ArrayBuffer.isView(value) || value instanceof Date) return undefined;
  if (value instanceof Map) return `${at} is a Map`;
  if (value instanceof Set) return `${at} is a Set`;
  const proto = Object.getPrototypeOf(value);
  const isDecimal = (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === "Decimal";
  if (isDecimal) return allowDecimal ? undefined : `${at} is a Decimal`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = notPlain(value[i], `${at}[${i}]`, allowDecimal);
      if (problem) return problem;
    }
    return undefined;
  }
  if (proto !== Object.prototype && proto !== null) {
    return `${at} is an instance of ${(proto as { constructor?: { name?: string } }).constructor?.name ?? "a class"}`;
  }
  for (const key of Reflect.ownKeys(value)) {
    if (typeof key === "symbol") return `${at} has a symbol key`;
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (descriptor.get || descriptor.set) return `${at}.${key} is an accessor`;
    const problem = notPlain(descriptor.value, `${at}.${key}`, allowDecimal);
    if (problem) return problem;
  }
  return undefined;
}

describe("every public result is plain data", () => {
  it("every exported function has a seed call", () => {
    expect(functions.map(([name]) => name).filter((name) => !(name in VALID_CALLS))).toEqual([]);
    expect(api.indexByCustomerId([{ customerId: "a" }])).toBeInstanceOf(Map);
  });
  for (const [name, fn] of functions) {
    const seeds = VALID_CALLS[name] ?? [];
    it(`${name}: no Map, function or class instance, and structuredClone keeps the data`, () => {
      expect(seeds.length).toBeGreaterThan(0);
      for (const seed of seeds) {
        const result = fn(...seed(api as unknown as Record<string, unknown>));
        expect(notPlain(result)).toBeUndefined();
        const plain = api.toPlainData(result);
        expect(notPlain(plain, "toPlainData(result)", false)).toBeUndefined();
        expect(structuredClone(plain)).toEqual(plain);
        if (notPlain(result, "result", false) === undefined) {
          expect(structuredClone(result)).toEqual(result);
        }
      }
    });
  }
});

describe("toPlainData refuses what no result holds", () => {
  it("rejects an Invalid Date and a float array holding NaN or Infinity, with the path", () => {
    const bad = [
      [{ at: new Date(Number.NaN) }, ["value", "at"]],
      [{ curve: Float64Array.of(1, Number.NaN) }, ["value", "curve", 1]],
      [[Float32Array.of(Number.POSITIVE_INFINITY)], ["value", 0, 0]],
    ] as const;
    for (const [value, path] of bad) {
      let caught: unknown;
      try {
        api.toPlainData(value);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(api.InvalidInputError);
      expect((caught as InstanceType<typeof api.InvalidInputError>).issues[0]).toMatchObject({
        path,
        code: "unsupported",
      });
    }
    const fine = { at: new Date(0), curve: Float64Array.of(1, 2), ids: Int32Array.of(3) };
    expect(api.toPlainData(fine)).toEqual(fine);
  });
});
