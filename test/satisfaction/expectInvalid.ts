import { expect } from "vitest";
import { InvalidInputError } from "../../src/index.js";

/**
 * Asserts that `run` throws `InvalidInputError` from `functionName` whose message names `path`
 * (as printed by the error, e.g. `answers[3]` or `options.weights`).
 */
export function expectInvalid(run: () => unknown, functionName: string, path: string): void {
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
  expect(error.message).toContain(`→ at ${path}`);
}
