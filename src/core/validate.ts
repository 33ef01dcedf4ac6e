import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { arrayShapeProblem } from "./arrayShape.js";
import {
  type InputIssue,
  InvalidInputError,
  type IssueCollector,
  invalidInput,
  MAX_REPORTED_ISSUES,
} from "./errors.js";
import { specificIssues } from "./zodIssues.js";

export {
  arrayShapeProblem,
  assertArrayShape,
  checkArray,
  MAX_ARRAY_LENGTH,
} from "./arrayShape.js";
export { describeReceived } from "./echo.js";

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
 * {@link parseInput} for one argument of a call that reports every argument's problems in one
 * error: the problems go into `issues` (and `undefined` comes back) instead of being thrown, and
 * the caller throws once with `issues.throwIfAny(functionName)` after checking its other arguments.
 * @internal
 */
export function parseInputCollecting<S extends z.core.$ZodType>(
  functionName: string,
  schema: S,
  value: unknown,
  pathPrefix: readonly PropertyKey[],
  issues: IssueCollector,
): z.output<S> | undefined {
  try {
    return parseInput(functionName, schema, value, pathPrefix);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    issues.addAll(error.issues);
    return undefined;
  }
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
