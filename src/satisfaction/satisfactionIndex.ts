import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { boundedArray, parseInputCollecting } from "../core/validate.js";
import { type AnswerScale, answerScaleSchema, parseOptionsAndScale } from "./scale.js";
import { checkAnswers, checkRows } from "./surveyRows.js";

/**
 * One survey item of a satisfaction index with its answers (other fields are ignored).
 * @category Satisfaction
 */
export interface SatisfactionIndexItem {
  /** The item's name, e.g. `"overall satisfaction"`. */
  readonly name: string;
  /** Integer answers on the scale (at least one). */
  readonly answers: readonly number[];
}

/**
 * Options of {@link satisfactionIndex}.
 * @category Satisfaction
 */
export interface SatisfactionIndexOptions {
  /**
   * One weight per item, in item order, non-negative with a positive sum (normalised to sum 1).
   * Required: the real ACSI weights are estimated per industry by PLS and are not public.
   */
  readonly weights: readonly number[];
  /** The answer scale, default `{ min: 1, max: 10 }` (ACSI's 10-point items). */
  readonly scale?: AnswerScale;
}

/**
 * One item's contribution to a satisfaction index.
 * @category Satisfaction
 */
export interface SatisfactionIndexItemResult {
  /** The item's name. */
  readonly name: string;
  /** Number of answers. */
  readonly responseCount: number;
  /** Mean answer on the scale. */
  readonly mean: number;
  /** The mean rescaled to 0–100: 100·(mean − min)/(max − min). */
  readonly rescaled: number;
  /** The item's normalised weight. */
  readonly weight: number;
}

/**
 * Result of {@link satisfactionIndex}.
 * @category Satisfaction
 */
export interface SatisfactionIndexResult {
  /** The index on 0–100: Σ weight · rescaled. */
  readonly index: number;
  /** Per-item means, rescaled means and weights, in input order. */
  readonly items: readonly SatisfactionIndexItemResult[];
}

const optionsSchema = z
  .strictObject({
    weights: boundedArray(z.array(z.number().check(z.nonnegative()))),
    scale: z.exactOptional(answerScaleSchema),
  })
  .check(
    z.refine((o) => o.weights.reduce((s, w) => s + w, 0) > 0, {
      error: "Expected weights summing to a positive number",
      path: ["weights"],
      params: { code: "too_small" },
    }),
  ) satisfies z.ZodMiniType<unknown, SatisfactionIndexOptions>;

/** The items' shape; their answers are checked by `checkAnswers` (every bad answer listed). */
const itemsSchema = boundedArray(z.array(z.object({ name: z.string(), answers: z.unknown() })));

/** ACSI's 10-point items, the default scale. */
const ACSI_SCALE: AnswerScale = { min: 1, max: 10 };

/**
 * An ACSI-style customer satisfaction index on 0–100 from the mean answers to a few survey items
 * (overall satisfaction, confirmation of expectations, comparison with an ideal), with explicit
 * weights.
 *
 * **Formula.** For item i with mean answer x̄_i on [min, max] and normalised weight
 * `w_i = weight_i / Σ weight`, `index = Σ_i w_i · 100·(x̄_i − min)/(max − min)`. On ACSI's 1–10
 * items this is `[(x̄₁ − 1)W₁ + (x̄₂ − 1)W₂ + (x̄₃ − 1)W₃]/9 × 100`, the published form (Fornell et
 * al. 1996 define the index as (E[ξ] − min ξ)/(max ξ − min ξ) × 100 of the latent satisfaction ξ).
 *
 * **Conventions.** The real ACSI estimates W by partial least squares per industry and keeps them
 * proprietary; here the weights are the caller's, and equal weights give the practitioners'
 * approximation `(x̄₁ + x̄₂ + x̄₃ − 3)/27 × 100`. No standard error is given: the items are answered
 * by the same respondents and are correlated, so a valid one needs respondent-level data.
 *
 * Reference: Fornell, C., Johnson, M. D., Anderson, E. W., Cha, J. & Bryant, B. E. (1996), "The
 * American Customer Satisfaction Index: Nature, Purpose, and Findings", *Journal of Marketing*
 * 60(4): 7–18.
 *
 * @param items - the survey items with their answers (at least one item)
 * @param options - one weight per item (required) and the answer scale
 * @returns the index (0–100) and each item's mean, rescaled mean and weight
 * @throws {@link InvalidInputError} listing every problem: there are no items (path `items`, code
 *   `too_small`), an item has no name (`items[i].name`) or no answers (`items[i].answers`,
 *   `too_small`), an answer is not an integer on the scale (`items[i].answers[j]`,
 *   `invalid_type` / `not_integer` / `too_small` / `too_big`), the number of weights differs
 *   from the number of items (`options.weights`, `inconsistent`), or the weights are negative or
 *   sum to zero (`options.weights`, `too_small`)
 * @example
 * ```ts
 * import { satisfactionIndex } from "customer-value";
 * const items = [
 *   { name: "satisfaction", answers: [8, 9, 7] },
 *   { name: "expectations", answers: [7, 7, 7] },
 *   { name: "ideal", answers: [6, 8, 7] },
 * ];
 * satisfactionIndex(items, { weights: [1, 1, 1] }).index; // => 70.37
 * satisfactionIndex(items, { weights: [0.3885, 0.319, 0.2925] }).index; // => 70.98
 * ```
 * @category Satisfaction
 */
export function satisfactionIndex(
  items: readonly SatisfactionIndexItem[],
  options: SatisfactionIndexOptions,
): SatisfactionIndexResult {
  const fn = "satisfactionIndex";
  const issues = new IssueCollector();
  const { parsed, scale } = parseOptionsAndScale(fn, optionsSchema, options, issues, ACSI_SCALE);
  const list =
    checkRows(["items"], items, "items", issues) === undefined
      ? undefined
      : parseInputCollecting(fn, itemsSchema, items, ["items"], issues);
  const checked = (list ?? []).map((item, i) =>
    checkAnswers(["items", i, "answers"], item.answers, scale, issues),
  );
  if (parsed !== undefined && list !== undefined && parsed.weights.length !== list.length) {
    issues.add(
      ["options", "weights"],
      `Expected one weight per item (${list.length}), received ${parsed.weights.length}`,
      "inconsistent",
      parsed.weights,
    );
  }
  issues.throwIfAny(fn);
  // No issue: everything was read.
  const { min, max } = scale as AnswerScale;
  const weights = (parsed as SatisfactionIndexOptions).weights;
  const total = weights.reduce((s, w) => s + w, 0);
  let index = 0;
  const results = checked.map((answers, i) => {
    const values = answers as Float64Array;
    let sum = 0;
    for (let j = 0; j < values.length; j++) sum += values[j] as number;
    const mean = sum / values.length;
    const rescaled = (100 * (mean - min)) / (max - min);
    const weight = (weights[i] as number) / total;
    index += weight * rescaled;
    return {
      name: (list as readonly { readonly name: string }[])[i]?.name as string,
      responseCount: values.length,
      mean,
      rescaled,
      weight,
    };
  });
  return { index: Math.min(100, Math.max(0, index)), items: results };
}
