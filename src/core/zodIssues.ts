/**
 * zod issues as the library reports them: the library's {@link IssueCode} for each, zod's bare
 * "Invalid input" of a union or refinement replaced by what was expected (the closest branch, or
 * the types accepted), and received values described without running user code.
 * @internal
 * @module
 */
import type * as z from "zod/mini";
import { describeReceived } from "./echo.js";
import type { IssueCode } from "./errors.js";

/** A zod issue reduced to what `parseInput` reports. @internal */
export interface PlainIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code: IssueCode;
  readonly hasInput: boolean;
  readonly input?: unknown;
}

/**
 * The library's {@link IssueCode} for a zod issue: zod's own code, except a missing value
 * (`"required"`), a non-integer where an integer belongs (`"not_integer"`), and a refinement that
 * names its code in `params: { code }`.
 */
function issueCode(issue: z.core.$ZodIssue): IssueCode {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined && issue.expected !== "undefined") return "required";
      return issue.expected === "int" && typeof issue.input === "number"
        ? "not_integer"
        : "invalid_type";
    case "invalid_value":
      // An enum or literal that is missing is "required", like a missing value of any other type.
      return issue.input === undefined ? "required" : "invalid_value";
    case "too_small":
    case "too_big":
    case "invalid_format":
    case "not_multiple_of":
      return issue.code;
    case "unrecognized_keys":
      return "unknown_key";
    case "invalid_union":
      return "invalid_type";
    case "custom": {
      const code = (issue.params as { code?: unknown } | undefined)?.code;
      return typeof code === "string" ? (code as IssueCode) : "custom";
    }
    default:
      return "custom";
  }
}

/** A plain issue with the zod issue's code and received value. */
function plain(issue: z.core.$ZodIssue, path: readonly PropertyKey[], message: string): PlainIssue {
  return "input" in issue
    ? { path, message, code: issueCode(issue), hasInput: true, input: issue.input }
    : { path, message, code: issueCode(issue), hasInput: false };
}

const VAGUE = "Invalid input";

/**
 * Replaces zod's bare "Invalid input" (unions, refinements) by what was expected.
 * @internal
 */
export function specificIssues(issues: readonly z.core.$ZodIssue[]): PlainIssue[] {
  return issues.flatMap((issue) => specific(issue, []));
}

function specific(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): PlainIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.message === VAGUE && issue.errors.length > 0) {
    const branches = issue.errors;
    const rootTypes = branches.every(
      (branch) =>
        branch.length === 1 && branch[0]!.code === "invalid_type" && branch[0]!.path.length === 0,
    );
    if (rootTypes) {
      const expected = [
        ...new Set(branches.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected)),
      ];
      return [
        {
          ...plain(issue, path, ""),
          code: issue.input === undefined ? "required" : "invalid_type",
          message: `Expected ${expected.join(" or ")}, received ${describeReceived(issue.input)}`,
        },
      ];
    }
    const closest = [...branches].sort((a, b) => a.length - b.length || depth(b) - depth(a))[0]!;
    return closest.flatMap((inner) => specific(inner, path));
  }
  if (issue.code === "unrecognized_keys") {
    // One issue per unknown key, at the key itself: `options.discountRat`.
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `Unknown key ${JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key)}`,
      code: "unknown_key" as const,
      hasInput: false,
    }));
  }
  if (issue.message === VAGUE) {
    return [plain(issue, path, `Invalid value ${describeReceived(issue.input)}`)];
  }
  return [plain(issue, path, issue.message)];
}

/** How deep into the value a branch's first problem lies (a branch that got further is closer). */
function depth(branch: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...branch.map((issue) => issue.path.length));
}
