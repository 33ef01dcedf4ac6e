/**
 * Array shapes a public function can iterate: bounded length, no hole at either end — checked
 * before anything of `value.length` is allocated.
 * @internal
 * @module
 */
import { describeReceived } from "./echo.js";
import { type IssueCode, invalidInput } from "./errors.js";

/**
 * The longest array any public function accepts: 2^27 = 134,217,728 rows (a transaction log of
 * that size already needs tens of gigabytes as JavaScript objects). Longer arrays, and arrays whose
 * `length` was set without elements (`Object.assign([], { length: 2 ** 32 - 1 })`), are an
 * {@link InvalidInputError} instead of a `RangeError` from an allocation or an hours-long loop.
 * @internal
 */
export const MAX_ARRAY_LENGTH = 2 ** 27;

/**
 * The first problem with an array's shape that would make iterating it unsafe: not an array, too
 * long ({@link MAX_ARRAY_LENGTH}), or a hole (an empty slot) at its first or last index — an
 * array made by setting `length` is rejected before anything is allocated for it. Holes inside
 * are found by the element checks (a hole reads as `undefined`).
 * @internal
 */
export function arrayShapeProblem(
  value: unknown,
):
  | { readonly path: readonly number[]; readonly message: string; readonly code: IssueCode }
  | undefined {
  if (!Array.isArray(value)) return undefined;
  const length = value.length;
  if (length > MAX_ARRAY_LENGTH) {
    return {
      path: [],
      message: `Expected at most ${MAX_ARRAY_LENGTH} items, received an array of length ${length}`,
      code: "too_big",
    };
  }
  if (length > 0 && !(0 in value)) return { path: [0], message: holeMessage, code: "required" };
  if (length > 1 && !(length - 1 in value))
    return { path: [length - 1], message: holeMessage, code: "required" };
  return undefined;
}

const holeMessage = "Expected a value, found an empty array slot (a hole)";

/**
 * Checks that `value` is an array a public function can iterate (see {@link arrayShapeProblem})
 * and throws an {@link InvalidInputError} at `path` otherwise. `expected` names what was expected
 * ("an array of customers").
 * @internal
 */
export function checkArray(
  functionName: string,
  value: unknown,
  expected: string,
  path: readonly PropertyKey[] = [],
): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw invalidInput(
      functionName,
      path,
      `Expected ${expected}, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
  }
  const problem = arrayShapeProblem(value);
  if (problem)
    throw invalidInput(functionName, [...path, ...problem.path], problem.message, problem.code);
}

/**
 * Throws an {@link InvalidInputError} when `value` is an array with an unsafe shape (see
 * {@link arrayShapeProblem}); does nothing for anything else, so it can precede the caller's own
 * "is it an array?" check. Call it before allocating anything of `value.length`.
 * @internal
 */
export function assertArrayShape(
  functionName: string,
  value: unknown,
  path: readonly PropertyKey[] = [],
): void {
  const problem = arrayShapeProblem(value);
  if (problem)
    throw invalidInput(functionName, [...path, ...problem.path], problem.message, problem.code);
}
