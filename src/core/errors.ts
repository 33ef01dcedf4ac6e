import { z } from "zod";

/** One problem found in a function's input: where it is and what is wrong. */
export interface InputIssue {
  /** Path from the function's first argument to the bad value, e.g. `[41, "date"]`. */
  readonly path: readonly PropertyKey[];
  /** What is wrong, in plain words. */
  readonly message: string;
  /** The zod issue code (`"custom"` for checks made outside a schema). */
  readonly code: string;
}

/**
 * Thrown by every public function when its input is invalid.
 *
 * The message starts with the function name and lists each problem with its path, e.g.
 * `summarizeTransactions: invalid input ✖ Invalid date "1997-13-01" → at [41].date`.
 *
 * @example
 * ```ts
 * import { InvalidInputError, summarizeTransactions } from "customer-value";
 * let caught: unknown;
 * try {
 *   summarizeTransactions(
 *     [
 *       { customerId: "ann", date: "1997-02-28", amount: "12.50" },
 *       { customerId: "ann", date: "1997-02-30", amount: "8.00" }, // no 30 February
 *     ],
 *     { observationEnd: "1997-12-31" },
 *   );
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof InvalidInputError; // => true
 * (caught as InvalidInputError).functionName; // => "summarizeTransactions"
 * (caught as InvalidInputError).issues[0].path; // => [1, "date"]
 * (caught as InvalidInputError).message; // => 'summarizeTransactions: invalid input\n✖ Invalid date "1997-02-30"\n  → at [1].date'
 * ```
 * @category Errors
 */
export class InvalidInputError extends Error {
  /** Always `"InvalidInputError"`. */
  override readonly name = "InvalidInputError";
  /** The public function that rejected its input. */
  readonly functionName: string;
  /** Every problem found, with its path. */
  readonly issues: readonly InputIssue[];

  /**
   * @param functionName - the public function that rejected its input
   * @param issues - the problems found (at least one)
   */
  constructor(functionName: string, issues: readonly InputIssue[]) {
    const bounded = issues.map(boundedIssue);
    super(`${functionName}: invalid input\n${formatIssues(bounded)}`);
    this.functionName = functionName;
    this.issues = bounded;
  }
}

/**
 * Thrown when a model cannot be fitted to the data: the optimiser did not converge, or the data
 * cannot identify the model. The message says why and what to try.
 *
 * @example
 * ```ts
 * import { ModelFitError } from "customer-value";
 * const error = new ModelFitError("fitBgNbd", "did not converge in 200 iterations", "raise maxIterations");
 * error.message; // => "fitBgNbd: did not converge in 200 iterations. Try: raise maxIterations."
 * ```
 * @category Errors
 */
export class ModelFitError extends Error {
  /** Always `"ModelFitError"`. */
  override readonly name = "ModelFitError";
  /** The fitting function that failed. */
  readonly functionName: string;
  /** Why the fit failed. */
  readonly reason: string;
  /** What the user can try. */
  readonly suggestion: string;

  /**
   * @param functionName - the fitting function that failed
   * @param reason - why it failed
   * @param suggestion - what to try instead
   */
  constructor(functionName: string, reason: string, suggestion: string) {
    super(`${functionName}: ${reason}. Try: ${suggestion}.`);
    this.functionName = functionName;
    this.reason = reason;
    this.suggestion = suggestion;
  }
}

function formatIssues(issues: readonly InputIssue[]): string {
  const asZod = issues.map((issue) => ({
    code: "custom" as const,
    // A long key (a customer id) is shortened in the message; `issue.path` keeps it whole.
    // Other keys are described, never converted with `String()`.
    path: issue.path.map((key) => (typeof key === "string" ? shorten(key) : printablePathKey(key))),
    message: issue.message,
    input: undefined,
  }));
  return z.prettifyError(new z.ZodError(asZod));
}

/**
 * A path key as the message prints it. Paths hold customer ids taken from the caller's `Map`s,
 * which may be any value; a key that is not a string or a number is described, never converted
 * with `String()` (which could throw or run the caller's code).
 */
function printablePathKey(key: unknown): string | number {
  if (typeof key === "number" || typeof key === "string") return key;
  if (typeof key === "symbol")
    return key.description === undefined ? "Symbol()" : `Symbol(${key.description})`;
  if (typeof key === "bigint") return `${key}n`;
  if (key === null || key === undefined || typeof key === "boolean") return String(key);
  return `(${typeof key})`;
}

/**
 * Builds the error for a single problem found outside a zod schema (hot-loop validation).
 * @internal
 */
export function invalidInput(
  functionName: string,
  path: readonly PropertyKey[],
  message: string,
): InvalidInputError {
  return new InvalidInputError(functionName, [{ path, message, code: "custom" }]);
}

/** Longest part of a received string that a message quotes. @internal */
export const ECHO_LIMIT = 64;
/** Longest issue message kept whole; longer ones are cut (a backstop for every echo). */
const MESSAGE_LIMIT = 400;

/** `text` itself, or its first `limit` characters and its length: `"999…"…(100001 characters)`. */
function shorten(text: string, limit = ECHO_LIMIT): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}…(${text.length} characters)`;
}

/**
 * A received value as an error message quotes it, never longer than about 100 characters: a
 * string in JSON quotes cut to its first {@link ECHO_LIMIT} characters plus its length
 * (`"99999…"…(100001 characters)`), a number, bigint or boolean in its usual form, anything else by
 * its type. Never throws and never calls user code (no `toString`).
 * @internal
 */
export function echo(value: unknown): string {
  if (typeof value === "string") {
    return value.length <= ECHO_LIMIT
      ? JSON.stringify(value)
      : `${JSON.stringify(value.slice(0, ECHO_LIMIT))}…(${value.length} characters)`;
  }
  if (typeof value === "bigint") return `${shorten(String(value))}n (a BigInt)`;
  if (typeof value === "number" || typeof value === "boolean") return shorten(String(value));
  if (value === null) return "null";
  return typeof value;
}

/** The issue with its message cut to {@link MESSAGE_LIMIT} characters (plus the length). */
function boundedIssue(issue: InputIssue): InputIssue {
  return issue.message.length <= MESSAGE_LIMIT
    ? issue
    : { ...issue, message: shorten(issue.message, MESSAGE_LIMIT) };
}
