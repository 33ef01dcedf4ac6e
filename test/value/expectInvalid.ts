import { expect } from "vitest";
import type { InputIssue, InvalidInputError } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

/** A path as the message prints it: `parameters.retentionRate`, `offers[1].name`. */
export function printPath(path: readonly PropertyKey[]): string {
  let printed = "";
  for (const key of path) {
    if (typeof key === "number") printed += `[${key}]`;
    else printed += printed === "" ? String(key) : `.${String(key)}`;
  }
  return printed;
}

/**
 * Asserts that `run` throws an InvalidInputError from `functionName` with an issue at `path`
 * (printed as in the message, e.g. "parameters.levers.retention" or "offers[0].name"), whose
 * message matches `message` and whose `code` is `code` (when given). Returns the error.
 */
export function expectInvalid(
  run: () => unknown,
  functionName: string,
  path: string,
  message?: RegExp,
  code?: InputIssue["code"],
): InvalidInputError {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(functionName);
  expect(error.message.startsWith(`${functionName}: invalid input`)).toBe(true);
  const atPath = error.issues.filter((issue) => printPath(issue.path) === path);
  expect(
    atPath.length,
    `no issue at ${path}: ${error.issues.map((i) => printPath(i.path)).join(", ")}`,
  ).toBeGreaterThan(0);
  if (message !== undefined) {
    expect(
      atPath.some((issue) => message.test(issue.message)),
      error.message,
    ).toBe(true);
  }
  if (code !== undefined) {
    expect(
      atPath.map((issue) => issue.code),
      error.message,
    ).toContain(code);
  }
  for (const issue of error.issues) expect(issue.code).not.toBe("custom");
  return error;
}
