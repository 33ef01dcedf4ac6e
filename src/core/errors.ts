import { prettifyError } from "zod/mini";
import { shorten } from "./echo.js";

export { ECHO_LIMIT, echo } from "./echo.js";

/** Longest issue message kept whole; longer ones are cut (a backstop for every echo). */
const MESSAGE_LIMIT = 400;

/**
 * What kind of problem an {@link InputIssue} is, for programs that act on errors without parsing
 * messages. The first six are zod's own codes (an option or row checked by a schema reports them
 * unchanged, except that zod's `"unrecognized_keys"` is one `"unknown_key"` issue per key and a
 * missing required value is `"required"`):
 *
 * | code | meaning |
 * |---|---|
 * | `invalid_type` | the value has the wrong JavaScript type (a string where a number belongs) |
 * | `too_small` / `too_big` | a number, length or count outside its documented range or bound |
 * | `invalid_value` | not one of the allowed values (an unknown `unit`, a misspelt policy name) |
 * | `invalid_format` | a string in the wrong format |
 * | `not_multiple_of` | a number that must be a multiple of another |
 * | `required` | a required field or option is missing |
 * | `unknown_key` | a key a strict options object does not know (usually a misspelling) |
 * | `invalid_date` | a date that does not exist or cannot be read, or outside 0000-01-01 … 9999-12-31 |
 * | `invalid_money` | an amount that cannot be read exactly (see the money bounds) |
 * | `not_integer` | a count or period that must be a whole number |
 * | `inconsistent` | values that contradict each other (recency > T, calibrationEnd after observationEnd) |
 * | `duplicate` | a customer id (or another key) that appears twice where it must be unique |
 * | `wrong_row_kind` | a row of another domain (a buy-till-you-die row where an RFM row belongs) |
 * | `unit_mismatch` | a time unit that differs from the model's and has no conversion rule |
 * | `implausible_rate` | a rate ≥ 1 per period (10 meant as 10 %?) without the opt-in |
 * | `unsupported` | a valid value beyond what the numerics support (see the bounds table) |
 * | `unreadable` | reading the input threw (a getter, a Proxy) |
 * | `custom` | anything else |
 * @category Core
 */
export type IssueCode =
  | "invalid_type"
  | "too_small"
  | "too_big"
  | "invalid_value"
  | "invalid_format"
  | "not_multiple_of"
  | "required"
  | "unknown_key"
  | "invalid_date"
  | "invalid_money"
  | "not_integer"
  | "inconsistent"
  | "duplicate"
  | "wrong_row_kind"
  | "unit_mismatch"
  | "implausible_rate"
  | "unsupported"
  | "unreadable"
  | "custom";

/**
 * One problem found in a function's input: where it is, what kind of problem, and what is wrong.
 * @category Core
 */
export interface InputIssue {
  /**
   * Path to the bad value, starting with the argument's name as the signature spells it:
   * `["options", "discountRate"]` for an option, `["transactions", 41, "date"]` for a field of a
   * data row, `[]` only when the problem is the whole call. Printed `options.discountRate`,
   * `transactions[41].date`.
   */
  readonly path: readonly PropertyKey[];
  /** What is wrong, in plain words. */
  readonly message: string;
  /** What kind of problem it is; see {@link IssueCode}. */
  readonly code: IssueCode;
  /**
   * The value found at `path` (as received, never copied or converted; `undefined` when it was
   * missing, and absent when the issue is about the call as a whole).
   */
  readonly received?: unknown;
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
 *     { observationEnd: "1997-12-31", unit: "day" },
 *   );
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof InvalidInputError; // => true
 * const { functionName, issues, message } = caught as InvalidInputError;
 * functionName; // => "summarizeTransactions"
 * issues[0].path; // => ["transactions", 1, "date"]
 * issues[0].code; // => "invalid_date"
 * issues[0].received; // => "1997-02-30"
 * message; // => 'summarizeTransactions: invalid input\n✖ Invalid date "1997-02-30"\n  → at transactions[1].date'
 * ```
 * @category Core
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
 * @category Core
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
  // zod's own layout ("✖ message\n  → at path"), so messages read like every zod error.
  return prettifyError({ issues: asZod } as unknown as Parameters<typeof prettifyError>[0]);
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
  code: IssueCode = "custom",
  ...received: [] | [unknown]
): InvalidInputError {
  return new InvalidInputError(functionName, [issue(path, message, code, ...received)]);
}

/**
 * One {@link InputIssue}; `received` is recorded only when given (so `issue(p, m, c, undefined)`
 * records a missing value and `issue(p, m, c)` records none).
 * @internal
 */
export function issue(
  path: readonly PropertyKey[],
  message: string,
  code: IssueCode,
  ...received: [] | [unknown]
): InputIssue {
  return received.length === 0
    ? { path, message, code }
    : { path, message, code, received: received[0] };
}

/** At most this many problems are listed in one error (the count of the rest is reported). @internal */
export const MAX_REPORTED_ISSUES = 100;

/**
 * Collects the problems of one call so that an error lists all of them, not only the first, up to
 * {@link MAX_REPORTED_ISSUES}. Hot loops validate with a fast check per row and, on the first
 * failure, rescan the rows with a collector:
 *
 * ```ts
 * const issues = new IssueCollector();
 * for (let i = 0; i < rows.length && !issues.full; i++) checkRow(rows[i], i, issues);
 * issues.throwIfAny("fitBgNbd");
 * ```
 * @internal
 */
export class IssueCollector {
  readonly #issues: InputIssue[] = [];
  #more = 0;

  /** Records one problem (or counts it, once the list is full). */
  add(
    path: readonly PropertyKey[],
    message: string,
    code: IssueCode,
    ...received: [] | [unknown]
  ): void {
    if (this.#issues.length < MAX_REPORTED_ISSUES)
      this.#issues.push(issue(path, message, code, ...received));
    else this.#more++;
  }

  /** Records every issue of an `InvalidInputError` (e.g. from a per-row check that throws). */
  addAll(issues: readonly InputIssue[]): void {
    for (const i of issues) {
      if (this.#issues.length < MAX_REPORTED_ISSUES) this.#issues.push(i);
      else this.#more++;
    }
  }

  /** True when no more issues will be listed (a scan may stop early). */
  get full(): boolean {
    return this.#issues.length >= MAX_REPORTED_ISSUES;
  }

  /** Number of issues recorded so far (listed ones only). */
  get size(): number {
    return this.#issues.length;
  }

  /** Throws an `InvalidInputError` listing the issues, if there are any. */
  throwIfAny(functionName: string): void {
    if (this.#issues.length === 0) return;
    const listed = [...this.#issues];
    if (this.#more > 0 || this.full) {
      // A full list may have stopped a scan early: say that there may be more.
      listed.push({
        path: [],
        message:
          this.#more > 0 ? `…and ${this.#more} more problems` : "…and possibly more problems",
        code: "custom",
      });
    }
    throw new InvalidInputError(functionName, listed);
  }
}

/**
 * Runs `check` on every row, turning each row's `InvalidInputError` into issues of one error that
 * lists them all (up to {@link MAX_REPORTED_ISSUES}). Meant for the slow path, after a fast check
 * found a problem; rows that pass are ignored. Any other exception propagates.
 * @internal
 */
export function collectRowIssues(
  functionName: string,
  length: number,
  check: (i: number) => void,
): never | void {
  const issues = new IssueCollector();
  for (let i = 0; i < length && !issues.full; i++) {
    try {
      check(i);
    } catch (error) {
      if (error instanceof InvalidInputError) issues.addAll(error.issues);
      else throw error;
    }
  }
  issues.throwIfAny(functionName);
}

/** The issue with its message cut to {@link MESSAGE_LIMIT} characters (plus the length). */
function boundedIssue(issue: InputIssue): InputIssue {
  return issue.message.length <= MESSAGE_LIMIT
    ? issue
    : { ...issue, message: shorten(issue.message, MESSAGE_LIMIT) };
}
