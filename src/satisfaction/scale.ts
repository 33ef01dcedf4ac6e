/**
 * The answer scale of the satisfaction domain, its schemas, and the parsing of a satisfaction
 * function's options (problems collected with those of its data, so one error lists them all).
 * The answers themselves are checked in surveyRows.ts.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import type { IssueCollector } from "../core/errors.js";
import { parseInputCollecting } from "../core/validate.js";

/**
 * The range of survey answers, `{ min, max }`: the lowest and the highest integer answer a
 * question allows (`{ min: 1, max: 5 }` for a 5-point Likert item, `{ min: 0, max: 10 }` for the
 * NPS question). The one meaning of `scale` everywhere in the library.
 * @category Satisfaction
 */
export interface AnswerScale {
  /** Lowest answer on the scale (an integer, e.g. `1`). */
  readonly min: number;
  /** Highest answer on the scale (an integer greater than `min`, e.g. `5`). */
  readonly max: number;
}

/** zod schema for an {@link AnswerScale}. @internal */
export const answerScaleSchema = z.strictObject({ min: z.int(), max: z.int() }).check(
  z.refine((scale) => scale.max > scale.min, {
    error: "Expected max greater than min",
    path: ["max"],
    params: { code: "inconsistent" },
  }),
) satisfies z.ZodMiniType<unknown, AnswerScale>;

/**
 * zod schema for the scale of the NPS question: an {@link AnswerScale} that is one of the two
 * standard scales, `{ min: 0, max: 10 }` or `{ min: 1, max: 10 }`. @internal
 */
export const npsScaleSchema = answerScaleSchema.check(
  z.refine((scale) => scale.max === 10 && (scale.min === 0 || scale.min === 1), {
    error: "NPS answers are on { min: 0, max: 10 } (the standard) or { min: 1, max: 10 }",
    params: { code: "invalid_value" },
  }),
);

const CONFIDENCE_RANGE = "Expected a confidence level between 0 and 1 (exclusive)";

/** zod schema for a confidence level strictly between 0 and 1. @internal */
export const confidenceLevelSchema = z
  .number()
  .check(z.gt(0, { error: CONFIDENCE_RANGE }), z.lt(1, { error: CONFIDENCE_RANGE }));

/**
 * The answer scale to check data against when the options as a whole were invalid (another option
 * was wrong): `options.scale` if it is valid by itself, `fallback` when it is absent, `undefined`
 * (check types only) when it is invalid too or cannot be read. Only runs on the error path.
 * @internal
 */
export function scaleOfInvalidOptions(
  options: unknown,
  schema: z.core.$ZodType<AnswerScale>,
  fallback: AnswerScale | undefined,
): AnswerScale | undefined {
  try {
    if (typeof options !== "object" || options === null) return fallback;
    const value: unknown = (options as { readonly scale?: unknown }).scale;
    if (value === undefined) return fallback;
    const result = z.safeParse(schema, value);
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The opening of every satisfaction function that takes a scale: parses `options` (problems go to
 * `issues`) and settles the scale the data are checked against — the parsed `scale`, else
 * `fallback`; when the options are invalid, {@link scaleOfInvalidOptions} (checking the scale
 * with `scaleSchema`, by default {@link answerScaleSchema}).
 * @internal
 */
export function parseOptionsAndScale<O extends { readonly scale?: AnswerScale | undefined }>(
  fnName: string,
  schema: z.core.$ZodType<O>,
  options: unknown,
  issues: IssueCollector,
  fallback: AnswerScale | undefined,
  scaleSchema: z.core.$ZodType<AnswerScale> = answerScaleSchema,
): { readonly parsed: O | undefined; readonly scale: AnswerScale | undefined } {
  const parsed = parseInputCollecting(fnName, schema, options, ["options"], issues);
  const scale =
    parsed === undefined
      ? scaleOfInvalidOptions(options, scaleSchema, fallback)
      : (parsed.scale ?? fallback);
  return { parsed, scale };
}
