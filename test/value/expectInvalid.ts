import { expect } from "vitest";
import type { InputIssue, InvalidInputError } from "../../src/index.js";
import { catchInvalidInput, expectIssue } from "../expectInvalidAt.js";

/** A path as the message prints it: `parameters.retentionRate`, `offers[1].name`. */
export function printPath(path: readonly PropertyKey[]): string {
  let printed = "";
  for (const key of path) {
    if (typeof key === "number") printed += `[${key}]`;
    else printed += printed === "" ? String(key) : `.${String(key)}`;
  }
  return printed;
}

/** The path printed by {@link printPath} as keys: `offers[1].name` → `["offers", 1, "name"]`. */
function parsePath(printed: string): PropertyKey[] {
  return [...printed.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((match) =>
    match[2] === undefined ? (match[1] as string) : Number(match[2]),
  );
}

/**
 * The shared {@link expectIssue} (an `InvalidInputError` from `functionName` with an issue of
 * `code` at `path`, printed as in the message, e.g. "parameters.levers.retention" or
 * "offers[0].name"), plus the value functions' message checks: the issue's message matches
 * `message` (when given) and no issue has the generic code `custom`. Returns the error.
 */
export function expectInvalid(
  run: () => unknown,
  functionName: string,
  path: string,
  message?: RegExp,
  code?: InputIssue["code"],
): InvalidInputError {
  const error =
    code === undefined
      ? catchInvalidInput(run)
      : expectIssue(run, functionName, parsePath(path), code);
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
  for (const issue of error.issues) expect(issue.code).not.toBe("custom");
  return error;
}
