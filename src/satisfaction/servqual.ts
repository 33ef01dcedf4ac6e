import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { boundedArray, describeReceived } from "../core/validate.js";
import { type AnswerScale, answerScaleSchema, parseOptionsAndScale } from "./scale.js";
import { checkRows, rowObject } from "./surveyRows.js";

/** The five SERVQUAL (RATER) dimensions. */
export type RaterDimension =
  | "tangibles"
  | "reliability"
  | "responsiveness"
  | "assurance"
  | "empathy";

/** The RATER dimensions in the 1988 item order. @internal */
export const RATER_DIMENSIONS: readonly RaterDimension[] = [
  "tangibles",
  "reliability",
  "responsiveness",
  "assurance",
  "empathy",
];

/**
 * One answer of one respondent to one SERVQUAL item (long format: one row per respondent × item;
 * other fields of the row, such as a respondent id, are ignored).
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

/** A number per RATER dimension. */
export interface RaterValues {
  /** Tangibles: physical facilities, equipment, appearance of personnel. */
  readonly tangibles: number;
  /** Reliability: ability to perform the promised service dependably and accurately. */
  readonly reliability: number;
  /** Responsiveness: willingness to help customers and provide prompt service. */
  readonly responsiveness: number;
  /** Assurance: knowledge and courtesy of employees, ability to inspire trust and confidence. */
  readonly assurance: number;
  /** Empathy: caring, individualised attention. */
  readonly empathy: number;
}

/** The item ids belonging to each RATER dimension. */
export interface RaterItemMap {
  /** Item ids of the tangibles dimension. */
  readonly tangibles: readonly number[];
  /** Item ids of the reliability dimension. */
  readonly reliability: readonly number[];
  /** Item ids of the responsiveness dimension. */
  readonly responsiveness: readonly number[];
  /** Item ids of the assurance dimension. */
  readonly assurance: readonly number[];
  /** Item ids of the empathy dimension. */
  readonly empathy: readonly number[];
}

/** Options of {@link servqual}. */
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

/** Where perceived service sits relative to the zone of tolerance [adequate, desired]. */
export type ToleranceZone = "below" | "within" | "above";

/** The zone-of-tolerance reading of an item or a dimension (three-column format). */
export interface ToleranceReading {
  /** Mean adequate service level A. */
  readonly adequate: number;
  /** Mean desired service level D. */
  readonly desired: number;
  /** Measure of service adequacy, MSA = P − A (negative: below the minimum acceptable). */
  readonly adequacyGap: number;
  /** Measure of service superiority, MSS = P − D (positive: above the desired level). */
  readonly superiorityGap: number;
  /** `"below"` when P < A, `"above"` when P > D, otherwise `"within"`. */
  readonly zone: ToleranceZone;
  /** True when D < A (an inverted zone: a data or wording problem to check). */
  readonly invertedZone: boolean;
}

/** Gap scores of one SERVQUAL item. */
export interface ServqualItemResult {
  /** The item id. */
  readonly item: number;
  /** The dimension the item belongs to. */
  readonly dimension: RaterDimension;
  /** Number of answers to the item. */
  readonly responseCount: number;
  /** Mean expectation E (after reverse scoring). */
  readonly expectation: number;
  /** Mean perception P (after reverse scoring). */
  readonly perception: number;
  /** Gap score Q = P − E (negative: service falls short of expectations). */
  readonly gap: number;
  /** Zone-of-tolerance reading, present when adequate and desired levels were answered. */
  readonly tolerance?: ToleranceReading;
}

/** Gap scores of one RATER dimension. */
export interface ServqualDimensionResult {
  /** The dimension. */
  readonly dimension: RaterDimension;
  /** Number of its items that were answered. */
  readonly itemCount: number;
  /** Mean of its items' mean expectations. */
  readonly expectation: number;
  /** Mean of its items' mean perceptions. */
  readonly perception: number;
  /** Dimension gap: mean of its items' gaps P − E. */
  readonly gap: number;
  /** The dimension's normalised weight (sum over dimensions 1). */
  readonly weight: number;
  /** Zone-of-tolerance reading from the item means, present in the three-column format. */
  readonly tolerance?: ToleranceReading;
}

/** Result of {@link servqual}. */
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

/** The 1988 22-item map (4/5/4/4/5). @internal */
export const DEFAULT_ITEM_MAP: RaterItemMap = {
  tangibles: [1, 2, 3, 4],
  reliability: [5, 6, 7, 8, 9],
  responsiveness: [10, 11, 12, 13],
  assurance: [14, 15, 16, 17],
  empathy: [18, 19, 20, 21, 22],
};

const itemIds = boundedArray(z.array(z.int()));
const nonNegative = z.number().check(z.nonnegative());

/** zod schema for RATER weights: non-negative, positive sum. @internal */
export const raterWeightsSchema = z
  .strictObject({
    tangibles: nonNegative,
    reliability: nonNegative,
    responsiveness: nonNegative,
    assurance: nonNegative,
    empathy: nonNegative,
  })
  .check(
    z.refine((w) => w.tangibles + w.reliability + w.responsiveness + w.assurance + w.empathy > 0, {
      error: "Expected weights summing to a positive number",
      params: { code: "too_small" },
    }),
  ) satisfies z.ZodMiniType<unknown, RaterValues>;

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

interface Accumulator {
  n: number;
  e: number;
  p: number;
  a: number;
  d: number;
  zoned: number;
}

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
  const { parsed, scale } = parseOptionsAndScale(
    fn,
    optionsSchema,
    options,
    answerScaleSchema,
    SEVEN_POINT,
    issues,
  );
  const map = parsed?.dimensions ?? DEFAULT_ITEM_MAP;
  const dimensionOf = new Map<number, RaterDimension>();
  for (const dimension of RATER_DIMENSIONS) {
    map[dimension].forEach((item, j) => {
      if (dimensionOf.has(item)) {
        issues.add(
          ["options", "dimensions", dimension, j],
          `Item ${item} is listed twice`,
          "duplicate",
          item,
        );
      }
      dimensionOf.set(item, dimension);
    });
  }
  const reverseScored = parsed?.reverseScored ?? [];
  const reversed = new Set(reverseScored);
  reverseScored.forEach((item, j) => {
    if (!dimensionOf.has(item)) {
      issues.add(["options", "reverseScored", j], `Unknown item id ${item}`, "invalid_value", item);
    }
  });
  const rows = checkRows(["responses"], responses, "responses", issues) ?? [];
  const min = scale?.min ?? Number.NEGATIVE_INFINITY;
  const max = scale?.max ?? Number.POSITIVE_INFINITY;
  /** One answer, checked and reverse-scored; `NaN` (never used: an issue is recorded) when bad. */
  const answer = (i: number, key: string, value: unknown, item: number): number => {
    if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) {
      return reversed.has(item) ? min + max - value : value;
    }
    const path = ["responses", i, key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      issues.add(
        path,
        `Expected a finite number, received ${describeReceived(value)}`,
        value === undefined ? "required" : "invalid_type",
        value,
      );
    } else if (!Number.isInteger(value)) {
      issues.add(path, `Expected an integer answer, received ${value}`, "not_integer", value);
    } else {
      issues.add(
        path,
        `Answer ${value} is outside the scale ${min}..${max}`,
        value < min ? "too_small" : "too_big",
        value,
      );
    }
    return Number.NaN;
  };
  const byItem = new Map<number, Accumulator>();
  let threeColumn = false;
  for (let i = 0; i < rows.length && !issues.full; i++) {
    const row = rowObject("responses", i, rows[i], issues);
    if (row === undefined) continue;
    const item: unknown = row.item;
    const expectationValue: unknown = row.expectation;
    const perceptionValue: unknown = row.perception;
    const adequateValue: unknown = row.adequate;
    const desiredValue: unknown = row.desired;
    const known = typeof item === "number" && dimensionOf.has(item);
    if (!known) {
      issues.add(
        ["responses", i, "item"],
        typeof item === "number" && Number.isFinite(item)
          ? `Unknown item id ${item}`
          : `Expected an item id, received ${describeReceived(item)}`,
        item === undefined
          ? "required"
          : typeof item === "number"
            ? "invalid_value"
            : "invalid_type",
        item,
      );
    }
    const itemId = known ? item : Number.NaN;
    const hasAdequate = adequateValue !== undefined;
    const hasDesired = desiredValue !== undefined;
    if (i === 0) threeColumn = hasAdequate || hasDesired;
    for (const [key, has] of [
      ["adequate", hasAdequate],
      ["desired", hasDesired],
    ] as const) {
      if (has === threeColumn) continue;
      issues.add(
        ["responses", i, key],
        threeColumn
          ? `Give both adequate and desired levels on every row, or on none (missing ${key})`
          : "Give both adequate and desired levels on every row, or on none (the first row has none)",
        threeColumn ? "required" : "inconsistent",
        threeColumn ? undefined : key === "adequate" ? adequateValue : desiredValue,
      );
    }
    const expectation = answer(i, "expectation", expectationValue, itemId);
    const perception = answer(i, "perception", perceptionValue, itemId);
    const adequate = threeColumn ? answer(i, "adequate", adequateValue, itemId) : 0;
    const desired = threeColumn ? answer(i, "desired", desiredValue, itemId) : 0;
    if (issues.size > 0) continue;
    let acc = byItem.get(itemId);
    if (acc === undefined) {
      acc = { n: 0, e: 0, p: 0, a: 0, d: 0, zoned: 0 };
      byItem.set(itemId, acc);
    }
    acc.n++;
    acc.e += expectation;
    acc.p += perception;
    if (threeColumn) {
      acc.a += adequate;
      acc.d += desired;
      acc.zoned++;
    }
  }
  issues.throwIfAny(fn);
  const items: ServqualItemResult[] = [...byItem.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([item, acc]) => {
      const expectation = acc.e / acc.n;
      const perception = acc.p / acc.n;
      const base = {
        item,
        dimension: dimensionOf.get(item) as RaterDimension,
        responseCount: acc.n,
        expectation,
        perception,
        gap: perception - expectation,
      };
      return threeColumn
        ? { ...base, tolerance: tolerance(perception, acc.a / acc.n, acc.d / acc.n) }
        : base;
    });
  const weights = normaliseWeights(parsed?.weights);
  const dimensions: ServqualDimensionResult[] = RATER_DIMENSIONS.map((dimension) => {
    const own = items.filter((it) => it.dimension === dimension);
    if (own.length === 0) {
      issues.add(
        ["responses"],
        `No answers for any item of the ${dimension} dimension`,
        "required",
      );
    }
    const mean = (f: (it: ServqualItemResult) => number) =>
      own.reduce((s, it) => s + f(it), 0) / own.length;
    const perception = mean((it) => it.perception);
    const base = {
      dimension,
      itemCount: own.length,
      expectation: mean((it) => it.expectation),
      perception,
      gap: mean((it) => it.gap),
      weight: weights[dimension],
    };
    return threeColumn
      ? {
          ...base,
          tolerance: tolerance(
            perception,
            mean((it) => it.tolerance?.adequate ?? 0),
            mean((it) => it.tolerance?.desired ?? 0),
          ),
        }
      : base;
  });
  issues.throwIfAny(fn);
  return {
    items,
    dimensions,
    unweightedScore: dimensions.reduce((s, d) => s + d.gap, 0) / dimensions.length,
    weightedScore: dimensions.reduce((s, d) => s + d.weight * d.gap, 0),
  };
}

/** Weights normalised to sum 1 (equal when absent). @internal */
export function normaliseWeights(weights: RaterValues | undefined): RaterValues {
  if (weights === undefined) {
    return { tangibles: 0.2, reliability: 0.2, responsiveness: 0.2, assurance: 0.2, empathy: 0.2 };
  }
  const total = RATER_DIMENSIONS.reduce((s, d) => s + weights[d], 0);
  return {
    tangibles: weights.tangibles / total,
    reliability: weights.reliability / total,
    responsiveness: weights.responsiveness / total,
    assurance: weights.assurance / total,
    empathy: weights.empathy / total,
  };
}

function tolerance(perception: number, adequate: number, desired: number): ToleranceReading {
  return {
    adequate,
    desired,
    adequacyGap: perception - adequate,
    superiorityGap: perception - desired,
    zone: perception < adequate ? "below" : perception > desired ? "above" : "within",
    invertedZone: desired < adequate,
  };
}
