import { en } from "zod/locales";
import * as z from "zod/mini";
import {
  type InputIssue,
  InvalidInputError,
  type IssueCode,
  invalidInput,
  MAX_REPORTED_ISSUES,
} from "./errors.js";

/**
 * The longest array any public function accepts: 2^27 = 134,217,728 rows (a transaction log of
 * that size already needs tens of gigabytes as JavaScript objects). Longer arrays, and arrays whose
 * `length` was set without elements (`Object.assign([], { length: 2 ** 32 - 1 })`), are an
 * {@link InvalidInputError} instead of a `RangeError` from an allocation or an hours-long loop.
 * @internal
 */
export const MAX_ARRAY_LENGTH = 2 ** 27;

/** How many characters of a received string an error message echoes. */
const ECHO_LENGTH = 40;

/**
 * A short description of any received value for an error message, that never throws and never
 * runs user code: no `String(value)` on objects (a `toString`, a Proxy trap or an array of length
 * 2^32 − 1 could throw or take minutes), BigInt and Symbol spelled out, strings truncated.
 * @internal
 */
export function describeReceived(value: unknown): string {
  switch (typeof value) {
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `${value.toString().slice(0, ECHO_LENGTH)}n (a BigInt)`;
    case "symbol":
      return "a symbol";
    case "string":
      return value.length > ECHO_LENGTH
        ? `${JSON.stringify(value.slice(0, ECHO_LENGTH))}… (${value.length} characters)`
        : JSON.stringify(value);
    case "undefined":
    case "boolean":
      return String(value);
    case "function":
      return "a function";
    default:
      if (value === null) return "null";
      if (Array.isArray(value)) return `an array of length ${value.length}`;
      if (value instanceof Date) return "a Date";
      return "an object";
  }
}

/**
 * The first problem with an array's shape that would make iterating it unsafe: not an array, too
 * long ({@link MAX_ARRAY_LENGTH}), or a hole (an empty slot) at its first or last index — an
 * array made by setting `length` is rejected before anything is allocated for it. Holes inside
 * are found by the element checks (a hole reads as `undefined`).
 * @internal
 */
export function arrayShapeProblem(
  value: unknown,
):
  | { readonly path: readonly number[]; readonly message: string; readonly code: IssueCode }
  | undefined {
  if (!Array.isArray(value)) return undefined;
  const length = value.length;
  if (length > MAX_ARRAY_LENGTH) {
    return {
      path: [],
      message: `Expected at most ${MAX_ARRAY_LENGTH} items, received an array of length ${length}`,
      code: "too_big",
    };
  }
  if (length > 0 && !(0 in value)) return { path: [0], message: holeMessage, code: "required" };
  if (length > 1 && !(length - 1 in value))
    return { path: [length - 1], message: holeMessage, code: "required" };
  return undefined;
}

const holeMessage = "Expected a value, found an empty array slot (a hole)";

/**
 * Checks that `value` is an array a public function can iterate (see {@link arrayShapeProblem})
 * and throws an {@link InvalidInputError} at `path` otherwise. `expected` names what was expected
 * ("an array of customers").
 * @internal
 */
export function checkArray(
  functionName: string,
  value: unknown,
  expected: string,
  path: readonly PropertyKey[] = [],
): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw invalidInput(
      functionName,
      path,
      `Expected ${expected}, received ${describeReceived(value)}`,
      value === undefined ? "required" : "invalid_type",
      value,
    );
  }
  const problem = arrayShapeProblem(value);
  if (problem)
    throw invalidInput(functionName, [...path, ...problem.path], problem.message, problem.code);
}

/**
 * Throws an {@link InvalidInputError} when `value` is an array with an unsafe shape (see
 * {@link arrayShapeProblem}); does nothing for anything else, so it can precede the caller's own
 * "is it an array?" check. Call it before allocating anything of `value.length`.
 * @internal
 */
export function assertArrayShape(
  functionName: string,
  value: unknown,
  path: readonly PropertyKey[] = [],
): void {
  const problem = arrayShapeProblem(value);
  if (problem)
    throw invalidInput(functionName, [...path, ...problem.path], problem.message, problem.code);
}

/**
 * Wraps a zod array schema so that an over-long array, or one with a hole at either end, is
 * rejected with one issue before zod visits (and reports) every element.
 * @internal
 */
export function boundedArray<S extends z.core.$ZodType>(
  schema: S,
): z.ZodMiniType<z.output<S>, z.input<S>> {
  return z.pipe(
    z
      .custom<z.input<S>>(() => true)
      .check(
        z.superRefine((value, context) => {
          const problem = arrayShapeProblem(value);
          if (problem) {
            // `continue: false` aborts: no element is visited and no later refinement runs over it.
            context.addIssue({
              code: "custom",
              path: [...problem.path],
              message: problem.message,
              input: value,
              continue: false,
            });
          }
        }),
      ),
    schema as unknown as z.core.$ZodType<z.output<S>, z.input<S>>,
  );
}

/**
 * English messages for every issue, whatever locale the application configured for its own zod
 * schemas (`z.config(...)` is global): a per-parse error map takes precedence over the global one.
 * Built once; zod/mini loads no locale by itself.
 */
const englishMessages = en().localeError;

/**
 * Validates `value` against `schema` at a public boundary and returns the parsed value, or throws
 * {@link InvalidInputError} naming `functionName` and the path of every problem.
 *
 * Every public function calls this once per argument (or once for a tuple of arguments). For large
 * arrays, validate the array's shape cheaply here and check the elements in one hand-written pass
 * that throws {@link invalidInput} (see CONVENTIONS §4).
 *
 * Messages are made specific: a failed union reports the issues of its closest branch (the one
 * with the fewest problems, the deepest first) or, when every branch rejects the value's type,
 * one issue listing the types accepted; a failed refinement without its own message says so.
 * Anything thrown while reading the input (a Proxy whose target is a `Map`, a getter that throws)
 * becomes an {@link InvalidInputError} at the argument, with the original error as its `cause`.
 * @internal
 */
export function parseInput<S extends z.core.$ZodType>(
  functionName: string,
  schema: S,
  value: unknown,
  pathPrefix: readonly PropertyKey[] = [],
): z.output<S> {
  const shape = arrayShapeProblem(value);
  if (shape)
    throw invalidInput(functionName, [...pathPrefix, ...shape.path], shape.message, shape.code);
  let result: z.core.util.SafeParseResult<z.output<S>>;
  try {
    result = z.safeParse(schema as z.core.$ZodType<z.output<S>>, value, {
      reportInput: true,
      error: englishMessages,
    });
  } catch (error) {
    throw unreadableInput(functionName, pathPrefix, error);
  }
  if (result.success) return result.data;
  const issues = specificIssues(result.error.issues);
  const reported: InputIssue[] = issues.slice(0, MAX_REPORTED_ISSUES).map((issue) =>
    issue.hasInput
      ? {
          path: [...pathPrefix, ...issue.path],
          message: issue.message,
          code: issue.code,
          received: issue.input,
        }
      : { path: [...pathPrefix, ...issue.path], message: issue.message, code: issue.code },
  );
  if (issues.length > MAX_REPORTED_ISSUES) {
    reported.push({
      path: [...pathPrefix],
      message: `…and ${issues.length - MAX_REPORTED_ISSUES} more problems`,
      code: "custom",
    });
  }
  throw new InvalidInputError(functionName, reported);
}

/**
 * The error for an input that threw while being read (user getters, Proxies, exotic objects).
 * @internal
 */
export function unreadableInput(
  functionName: string,
  path: readonly PropertyKey[],
  error: unknown,
): InvalidInputError {
  const reason = error instanceof Error ? error.name : "a non-Error value";
  const wrapped = invalidInput(
    functionName,
    path,
    `Could not read the input: reading it threw ${reason}`,
    "unreadable",
  );
  Object.defineProperty(wrapped, "cause", { value: error, configurable: true, writable: true });
  return wrapped;
}

/** A zod issue reduced to what {@link parseInput} reports. */
interface PlainIssue {
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

/** Replaces zod's bare "Invalid input" (unions, refinements) by what was expected. */
function specificIssues(issues: readonly z.core.$ZodIssue[]): PlainIssue[] {
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
