import type { z } from "zod";
import { type InputIssue, InvalidInputError } from "./errors.js";

/**
 * Validates `value` against `schema` at a public boundary and returns the parsed value, or throws
 * {@link InvalidInputError} naming `functionName` and the path of every problem.
 *
 * Every public function calls this once per argument (or once for a tuple of arguments). For large
 * arrays, validate the array's shape cheaply here and check the elements in one hand-written pass
 * that throws {@link invalidInput} (see CONVENTIONS §4).
 * @internal
 */
export function parseInput<S extends z.ZodType>(
  functionName: string,
  schema: S,
  value: unknown,
  pathPrefix: readonly PropertyKey[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    path: [...pathPrefix, ...issue.path],
    message: issue.message,
    code: issue.code,
  }));
  throw new InvalidInputError(functionName, issues);
}
