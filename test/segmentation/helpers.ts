import { expect } from "vitest";
import { InvalidInputError } from "../../src/index.js";

/** Asserts that `fn` throws an InvalidInputError whose message names `functionName` and contains `path`. */
export function expectInvalid(
  fn: () => unknown,
  functionName: string,
  path: string | null,
): InvalidInputError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidInputError);
  const error = caught as InvalidInputError;
  expect(error.functionName).toBe(functionName);
  if (path !== null) expect(error.message).toContain(`→ at ${path}`);
  return error;
}
