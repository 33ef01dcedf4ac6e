import { expect } from "vitest";
import { catchInvalidInput } from "../expectInvalidAt.js";

/**
 * Asserts that `run` throws `InvalidInputError` from `functionName` whose message names `path`
 * (as printed by the error, e.g. `answers[3]` or `options.weights`).
 */
export function expectInvalid(run: () => unknown, functionName: string, path: string): void {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(functionName);
  expect(error.message.startsWith(`${functionName}: invalid input`)).toBe(true);
  expect(error.message).toContain(`→ at ${path}`);
}
