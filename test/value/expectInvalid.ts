import { expect } from "vitest";
import { InvalidInputError } from "../../src/index.js";

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
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidInputError);
  const error = caught as InvalidInputError;
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
