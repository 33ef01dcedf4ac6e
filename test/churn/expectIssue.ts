import { expect } from "vitest";
import type { InputIssue, InvalidInputError } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

/**
 * Asserts that `run` throws an `InvalidInputError` of function `fn` with an issue at exactly `path`
 * whose code is `code` (and, when given, whose `received` is `received`); returns the error.
 */
export function expectIssue(
  run: () => unknown,
  fn: string,
  path: readonly PropertyKey[],
  code: InputIssue["code"],
  ...received: [] | [unknown]
): InvalidInputError {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(fn);
  const found = error.issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  expect(
    found,
    `no issue at ${JSON.stringify(path)} in ${JSON.stringify(error.issues)}`,
  ).toBeDefined();
  expect(found!.code).toBe(code);
  if (received.length === 1) expect(found!.received).toBe(received[0]);
  return error;
}
