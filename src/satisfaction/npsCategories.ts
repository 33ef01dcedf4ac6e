/**
 * The promoter / passive / detractor breaks of the NPS functions: the standard ones (0–6, 7–8,
 * 9–10) and custom ones for another question or scale, their schema, and the check that ties
 * them to the answer scale.
 * @internal
 * @module
 */
import * as z from "zod/mini";
import type { AnswerScale } from "./scale.js";

/**
 * Where the NPS categories break on the answer scale: answers up to `detractorMax` are detractors,
 * answers from `promoterMin` up are promoters, answers in between (if any) are passives. The
 * standard question (Reichheld 2003) is `{ detractorMax: 6, promoterMin: 9 }` on 0–10.
 * @category Satisfaction
 */
export interface NpsCategories {
  /** Highest answer that counts as a detractor (an integer on the scale; 6 on the standard question). */
  readonly detractorMax: number;
  /** Lowest answer that counts as a promoter (an integer on the scale, above `detractorMax`; 9 as standard). */
  readonly promoterMin: number;
}

/** The standard breaks: detractors 0–6, passives 7–8, promoters 9–10. @internal */
export const STANDARD_NPS_CATEGORIES: NpsCategories = { detractorMax: 6, promoterMin: 9 };

/** zod schema for {@link NpsCategories}: two integers, `detractorMax < promoterMin`. @internal */
export const npsCategoriesSchema = z
  .strictObject({ detractorMax: z.int(), promoterMin: z.int() })
  .check(
    z.refine((c) => c.promoterMin > c.detractorMax, {
      error: "Expected promoterMin greater than detractorMax",
      path: ["promoterMin"],
      params: { code: "inconsistent" },
    }),
  ) satisfies z.ZodMiniType<unknown, NpsCategories>;

/** The options the scale-and-categories check reads. */
interface ScaleAndCategories {
  readonly scale?: AnswerScale | undefined;
  readonly categories?: NpsCategories | undefined;
}

/**
 * The check of an NPS options object (run after its fields parsed): without `categories` the scale
 * must be one of the two NPS scales, 0–10 or 1–10 (`options.scale`, code `invalid_value`); with
 * them, any scale (default 0–10) that holds both breaks (`options.categories.detractorMax` below
 * the scale's minimum: `too_small`; `options.categories.promoterMin` above its maximum: `too_big`).
 * @internal
 */
export const npsScaleAndCategoriesCheck = z.superRefine<ScaleAndCategories>((opts, context) => {
  const { scale, categories } = opts;
  if (categories === undefined) {
    if (scale === undefined || (scale.max === 10 && (scale.min === 0 || scale.min === 1))) return;
    context.addIssue({
      code: "custom",
      path: ["scale"],
      message:
        "NPS answers are on { min: 0, max: 10 } (the standard) or { min: 1, max: 10 }; for another scale give options.categories",
      params: { code: "invalid_value" },
      input: scale,
    });
    return;
  }
  const { min, max } = scale ?? { min: 0, max: 10 };
  const { detractorMax, promoterMin } = categories;
  if (detractorMax < min) {
    context.addIssue({
      code: "custom",
      path: ["categories", "detractorMax"],
      message: `Expected detractorMax on the scale (≥ ${min}), received ${detractorMax}`,
      params: { code: "too_small" },
      input: detractorMax,
    });
  }
  if (promoterMin > max) {
    context.addIssue({
      code: "custom",
      path: ["categories", "promoterMin"],
      message: `Expected promoterMin on the scale (≤ ${max}), received ${promoterMin}`,
      params: { code: "too_big" },
      input: promoterMin,
    });
  }
});
