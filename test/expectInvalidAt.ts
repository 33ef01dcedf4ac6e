import { expect } from "vitest";
import { InvalidInputError } from "../src/index.js";

/** Runs `run`, asserts that it throws an `InvalidInputError`, and returns the error. */
export function catchInvalidInput(run: () => unknown): InvalidInputError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidInputError);
  return caught as InvalidInputError;
}

/** Asserts that `run` throws an `InvalidInputError` whose first issue has exactly `path`. */
export function expectInvalidAt(
  run: () => unknown,
  path: readonly PropertyKey[],
): InvalidInputError {
  const error = catchInvalidInput(run);
  expect(error.issues[0]!.path).toEqual(path);
  return error;
}

/**
 * The one assertion for input errors: `run` throws an `InvalidInputError` from `functionName`
 * with an issue at exactly `path` whose `code` is `code` (the first such issue is returned).
 */
export function expectIssue(
  run: () => unknown,
  functionName: string,
  path: readonly PropertyKey[],
  code: string,
): InvalidInputError {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(functionName);
  expect(error.issues.map((i) => [i.path, i.code])).toContainEqual([path, code]);
  return error;
}
