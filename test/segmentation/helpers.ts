import { expect } from "vitest";
import type { InvalidInputError, IssueCode } from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";

/**
 * Asserts that `fn` throws an InvalidInputError of `functionName` that has an issue at `path`
 * (printed form, e.g. `customers[2].totalSpend`) — with `code`, when given.
 */
export function expectInvalid(
  fn: () => unknown,
  functionName: string,
  path: string | null,
  code?: IssueCode,
): InvalidInputError {
  const error = catchInvalidInput(fn);
  expect(error.functionName).toBe(functionName);
  if (path !== null) {
    expect(error.message).toContain(`→ at ${path}`);
    const printed = error.issues.map((issue) => ({
      path: printPath(issue.path),
      code: issue.code,
    }));
    expect(printed).toContainEqual(
      code === undefined ? expect.objectContaining({ path }) : { path, code },
    );
  }
  return error;
}

/** `["customers", 2, "totalSpend"]` → `customers[2].totalSpend`. */
export function printPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}
