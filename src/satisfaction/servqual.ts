import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { boundedArray } from "../core/validate.js";
import {
  DEFAULT_ITEM_MAP,
  normaliseWeights,
  RATER_DIMENSIONS,
  type RaterItemMap,
  type RaterValues,
  raterWeightsSchema,
} from "./rater.js";
import { type AnswerScale, answerScaleSchema, parseOptionsAndScale } from "./scale.js";
import {
  dimensionGap,
  itemGap,
  type ServqualDimensionResult,
  type ServqualItemResult,
} from "./servqualGaps.js";
import { dimensionOfItems, reverseScoredItems, tallyResponses } from "./servqualResponses.js";
import { checkRows } from "./surveyRows.js";

export type { RaterDimension, RaterItemMap, RaterValues } from "./rater.js";
export type {
  ServqualDimensionResult,
  ServqualItemResult,
  ToleranceReading,
  ToleranceZone,
} from "./servqualGaps.js";

/**
 * One answer of one respondent to one SERVQUAL item (long format: one row per respondent × item;
 * other fields of the row, such as a respondent id, are ignored).
 * @category Satisfaction
 */
export interface ServqualResponse {
  /** The item id, e.g. `1`..`22` with the default item map. */
  readonly item: number;
  /** Expectation answer E (what an excellent firm would offer), an integer on the scale. */
  readonly expectation: number;
  /** Perception answer P (what this firm offers), an integer on the scale. */
  readonly perception: number;
  /** Adequate (minimum acceptable) service level A, for the zone of tolerance (three-column format). */
  readonly adequate?: number;
  /** Desired service level D, for the zone of tolerance (three-column format). */
  readonly desired?: number;
}

/**
 * Options of {@link servqual}.
 * @category Satisfaction
 */
export interface ServqualOptions {
  /**
   * Which items belong to which dimension. Default: the 22-item 1988 map — tangibles 1–4,
   * reliability 5–9, responsiveness 10–13, assurance 14–17, empathy 18–22. Each item in one
   * dimension only.
   */
  readonly dimensions?: RaterItemMap;
  /**
   * Importance weights of the dimensions (e.g. 100 points allocated by respondents), any
   * non-negative numbers with a positive sum; normalised to sum 1. Default equal weights.
   */
  readonly weights?: RaterValues;
  /**
   * Items worded negatively (as responsiveness and empathy items in the 1988 instrument), whose
   * answers are reversed as `min + max − x` before any gap is computed. Default none.
   */
  readonly reverseScored?: readonly number[];
  /** The answer scale, default `{ min: 1, max: 7 }` (SERVQUAL's 7-point Likert scale). */
  readonly scale?: AnswerScale;
}

/**
 * Result of {@link servqual}.
 * @category Satisfaction
 */
export interface ServqualResult {
  /** One entry per answered item, in increasing item id. */
  readonly items: readonly ServqualItemResult[];
  /** One entry per dimension, in RATER map order (tangibles, reliability, responsiveness, assurance, empathy). */
  readonly dimensions: readonly ServqualDimensionResult[];
  /** Unweighted SERVQUAL score: the mean of the five dimension gaps. */
  readonly unweightedScore: number;
  /** Weighted SERVQUAL score: Σ w_d · gap_d with weights normalised to sum 1 (same units as the gaps). */
  readonly weightedScore: number;
}

const itemIds = boundedArray(z.array(z.int()));

const optionsSchema = z.strictObject({
  dimensions: z.exactOptional(
    z.strictObject({
      tangibles: itemIds,
      reliability: itemIds,
      responsiveness: itemIds,
      assurance: itemIds,
      empathy: itemIds,
    }),
  ),
  weights: z.exactOptional(raterWeightsSchema),
  reverseScored: z.exactOptional(itemIds),
  scale: z.exactOptional(answerScaleSchema),
}) satisfies z.ZodMiniType<unknown, ServqualOptions>;

/** SERVQUAL's 7-point scale, the default. */
const SEVEN_POINT: AnswerScale = { min: 1, max: 7 };

/**
 * SERVQUAL gap scores per item and per RATER dimension, the unweighted and weighted SERVQUAL score,
 * and (with adequate and desired levels) the zone of tolerance.
 *
 * **Formulas.** Per item k: `Q_k = P̄_k − Ē_k` (mean perception minus mean expectation over the
 * item's answers). Per dimension d: `gap_d` = mean of its items' Q_k (items equally weighted;
 * a dimension with unanswered items is averaged over the answered ones). Unweighted SERVQUAL =
 * mean of the five `gap_d`; weighted SERVQUAL = `Σ_d w_d · gap_d` with `w_d` the importance weights
 * divided by their sum. With the three-column format (Parasuraman, Zeithaml & Berry 1994) each item
 * and dimension also gets the adequacy gap `MSA = P − A` and the superiority gap `MSS = P − D`, and
 * sits `"below"` (P < A), `"within"` or `"above"` (P > D) the zone of tolerance [A, D].
 *
 * **Conventions.** Weights are normalised to sum 1 so the weighted score is on the gap scale; some
 * course material multiplies by 100-point weights instead (scores ~100× larger — multiply by 100
 * to match). Reverse-scored items (1988 negatively worded items) are opt-in via `reverseScored`;
 * the 1991 instrument has none. Every answer must be an integer on the scale. Either every row
 * carries both `adequate` and `desired` or none does.
 *
 * Reference: Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1988), "SERVQUAL: A Multiple-Item
 * Scale for Measuring Consumer Perceptions of Service Quality", *Journal of Retailing* 64(1):
 * 12–40; (1994) "Alternative Scales for Measuring Service Quality", *Journal of Retailing* 70(3):
 * 201–230. Zeithaml, V. A., Berry, L. L. & Parasuraman, A. (1993), "The Nature and Determinants
 * of Customer Expectations of Service", *JAMS* 21(1): 1–12.
 *
 * @param responses - one row per respondent × item (at least one answered item per dimension)
 * @param options - item map, importance weights, reverse-scored items, answer scale
 * @returns item and dimension gaps, the unweighted and weighted scores, the zone of tolerance
 * @throws {@link InvalidInputError} listing every problem: there are no responses (path
 *   `responses`, code `too_small`), an answer is missing, not an integer or outside the scale
 *   (`responses[i].expectation` etc., `required` / `invalid_type` / `not_integer` / `too_small` /
 *   `too_big`), an item id is not in the item map (`responses[i].item`, `invalid_value`), A/D are
 *   given on some rows only (`responses[i].adequate` / `.desired`, `required` or
 *   `inconsistent`); or an option is invalid: the item map lists an item twice
 *   (`options.dimensions.<dimension>[j]`, `duplicate`), a reverse-scored item is not in the map
 *   (`options.reverseScored[j]`, `invalid_value`), weights are negative or sum to zero
 *   (`options.weights`, `too_small`). A dimension without any answer is reported alone
 *   (`responses`, `required`)
 * @example
 * ```ts
 * import { servqual } from "customer-value";
 * const rows = Array.from({ length: 22 }, (_, i) => ({
 *   item: i + 1,
 *   expectation: 7,
 *   perception: i < 4 ? 6 : i < 9 ? 5 : 6,
 * }));
 * const result = servqual(rows);
 * result.dimensions[1]?.gap; // => -2
 * result.unweightedScore; // => -1.2
 * const weights = { tangibles: 11, reliability: 32, responsiveness: 22, assurance: 19, empathy: 16 };
 * servqual(rows, { weights }).weightedScore; // => -1.32
 * ```
 * @category Satisfaction
 */
export function servqual(
  responses: readonly ServqualResponse[],
  options: ServqualOptions = {},
): ServqualResult {
  const fn = "servqual";
  const issues = new IssueCollector();
  const { parsed, scale } = parseOptionsAndScale(fn, optionsSchema, options, issues, SEVEN_POINT);
  const dimensionOf = dimensionOfItems(parsed?.dimensions ?? DEFAULT_ITEM_MAP, issues);
  const reversed = reverseScoredItems(parsed?.reverseScored ?? [], dimensionOf, issues);
  const rows = checkRows(["responses"], responses, "responses", issues) ?? [];
  const { byItem, threeColumn } = tallyResponses(rows, { dimensionOf, reversed, scale }, issues);
  issues.throwIfAny(fn);
  const items = [...byItem.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([item, totals]) => itemGap(item, dimensionOf.get(item)!, totals, threeColumn));
  const weights = normaliseWeights(parsed?.weights);
  const itemsOf = RATER_DIMENSIONS.map((dimension) => {
    const own = items.filter((it) => it.dimension === dimension);
    if (own.length === 0) {
      issues.add(
        ["responses"],
        `No answers for any item of the ${dimension} dimension`,
        "required",
      );
    }
    return own;
  });
  issues.throwIfAny(fn);
  const dimensions = RATER_DIMENSIONS.map((dimension, d) =>
    dimensionGap(dimension, itemsOf[d]!, weights, threeColumn),
  );
  return {
    items,
    dimensions,
    unweightedScore: dimensions.reduce((s, d) => s + d.gap, 0) / dimensions.length,
    weightedScore: dimensions.reduce((s, d) => s + d.weight * d.gap, 0),
  };
}
