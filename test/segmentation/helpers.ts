import { expect } from "vitest";
import type { InvalidInputError } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

/** Asserts that `fn` throws an InvalidInputError whose message names `functionName` and contains `path`. */
export function expectInvalid(
  fn: () => unknown,
  functionName: string,
  path: string | null,
): InvalidInputError {
  const error = catchInvalidInput(fn);
  expect(error.functionName).toBe(functionName);
  if (path !== null) expect(error.message).toContain(`→ at ${path}`);
  return error;
}
