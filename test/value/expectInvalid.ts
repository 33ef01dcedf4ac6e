import { expect } from "vitest";
import type { InvalidInputError } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

/**
 * Asserts that `run` throws an InvalidInputError from `functionName` whose message names `path`
 * (as printed by z.prettifyError, e.g. "levers.retention" or "[0].name"; "" for the root) and,
 * optionally, matches `message`.
 */
export function expectInvalid(
  run: () => unknown,
  functionName: string,
  path: string,
  message?: RegExp,
): InvalidInputError {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(functionName);
  expect(error.message.startsWith(`${functionName}: invalid input`)).toBe(true);
  if (path === "") {
    expect(error.message).not.toContain("→ at");
  } else {
    expect(error.message).toContain(`→ at ${path}`);
  }
  if (message !== undefined) expect(error.message).toMatch(message);
  return error;
}
