import * as z from "zod/mini";
import { IssueCollector, invalidInput } from "../core/errors.js";
import { boundedArray, checkArray, describeReceived, parseInput } from "../core/validate.js";
import { CLASSIC_RFM_SEGMENTS, type SegmentRule } from "./segmentPresets.js";

const FN = "assignSegments";

/**
 * The three scores of a customer, as {@link assignSegments} reads them (an {@link RfmScoreRow} fits).
 * @category Segmentation
 */
export interface RfmScoreInput {
  /** The customer's id. */
  readonly customerId: string;
  /** Recency score, an integer 1..9. */
  readonly recencyScore: number;
  /** Frequency score, an integer 1..9. */
  readonly frequencyScore: number;
  /** Monetary score, an integer 1..9. */
  readonly monetaryScore: number;
}

/**
 * A customer's segment (a row of {@link assignSegments}' result).
 * @category Segmentation
 */
export interface SegmentRow {
  /** The customer's id, from the input row. */
  readonly customerId: string;
  /** The name of the customer's segment. */
  readonly segment: string;
}

/**
 * Options of {@link assignSegments}.
 * @category Segmentation
 */
export interface AssignSegmentsOptions {
  /** Rules in evaluation order (default {@link CLASSIC_RFM_SEGMENTS}). */
  readonly rules?: readonly SegmentRule[];
  /** Name of the catch-all segment for customers no rule matches (default `"Other"`). */
  readonly otherName?: string;
}

const score = z.int().check(z.minimum(1), z.maximum(9));
const range = z.tuple([score, score]).check(
  z.refine(([lo, hi]) => lo <= hi, {
    error: "Range [lo, hi] needs lo ≤ hi",
    params: { code: "inconsistent" },
  }),
);

const ruleSchema = z.union([
  z.strictObject({
    name: z.string().check(z.minLength(1)),
    recencyScore: range,
    frequencyScore: range,
    monetaryScore: range,
  }),
  z.strictObject({
    name: z.string().check(z.minLength(1)),
    codes: boundedArray(
      z.array(
        z
          .string()
          .check(
            z.regex(/^[1-9]{3}$/, { error: 'Expected a code of three digits 1..9, e.g. "344"' }),
          ),
      ),
    ),
  }),
]);

const optionsSchema = z.strictObject({
  rules: z.exactOptional(boundedArray(z.array(ruleSchema))),
  otherName: z.exactOptional(z.string().check(z.minLength(1))),
}) satisfies z.ZodMiniType<unknown, AssignSegmentsOptions>;

/**
 * Names each customer's segment from its R, F, M scores: the rules are tried in order and the
 * first match wins; a customer no rule matches gets `otherName` ("Other"). Every customer gets
 * exactly one segment.
 *
 * A range rule matches when `lo ≤ score ≤ hi` on all three measures (inclusive, as R `rfm`'s
 * `rfm_segment`); a code rule matches when the customer's code `"RFM"` is in its list
 * (PyMC-Marketing). Rules overlap in both presets, so evaluation order is part of the definition;
 * R `rfm` before 0.2.2 let later rules overwrite earlier ones — here the first match wins, as in
 * R `rfm` ≥ 0.2.2. The rules are compiled into a lookup table over all 9³ codes, so the cost per
 * customer is constant.
 *
 * @param scores - scores per customer (`rfmScores(...).scores` fits as it is)
 * @param options - `rules` (default {@link CLASSIC_RFM_SEGMENTS}) and `otherName`
 * @returns one `{ customerId, segment }` row per input row, in input order
 * @throws {@link InvalidInputError} listing every problem: a rule with `lo > hi` or a bound outside
 *   1..9 (`options.rules[i].recencyScore`), a malformed code, an unknown option; a row that is not
 *   an object (`scores[i]`), a customer id that is not a string (`scores[i].customerId`), a score
 *   that is not an integer 1..9 (`scores[i].frequencyScore`). Each row's fields are read once.
 * @example
 * ```ts
 * import { assignSegments } from "customer-value";
 * const segments = assignSegments([
 *   { customerId: "ann", recencyScore: 5, frequencyScore: 5, monetaryScore: 4 },
 *   { customerId: "bob", recencyScore: 1, frequencyScore: 1, monetaryScore: 2 },
 *   { customerId: "cy", recencyScore: 3, frequencyScore: 5, monetaryScore: 1 },
 * ]);
 * segments.map((s) => s.segment); // => ["Champions", "Lost", "Other"]
 * segments[0]; // => { customerId: "ann", segment: "Champions" }
 * ```
 * @category Segmentation
 * @see Hebbali, A. (2024). *rfm: Recency, Frequency and Monetary Value Analysis* (R package).
 */
export function assignSegments(
  scores: readonly RfmScoreInput[],
  options: AssignSegmentsOptions = {},
): SegmentRow[] {
  const opts = parseInput(FN, optionsSchema, options, ["options"]);
  checkArray(FN, scores, "an array of score rows", ["scores"]);
  const rules: readonly SegmentRule[] = opts.rules ?? CLASSIC_RFM_SEGMENTS;
  const other = opts.otherName ?? "Other";
  const names = [...rules.map((rule) => rule.name), other];
  const table = new Uint16Array(1000).fill(rules.length);
  for (let code = 999; code >= 111; code--) {
    const R = Math.floor(code / 100);
    const F = Math.floor(code / 10) % 10;
    const M = code % 10;
    if (R === 0 || F === 0 || M === 0) continue;
    const text = String(code);
    for (let k = 0; k < rules.length; k++) {
      const rule = rules[k]!;
      const hit =
        "codes" in rule
          ? rule.codes.includes(text)
          : R >= rule.recencyScore[0] &&
            R <= rule.recencyScore[1] &&
            F >= rule.frequencyScore[0] &&
            F <= rule.frequencyScore[1] &&
            M >= rule.monetaryScore[0] &&
            M <= rule.monetaryScore[1];
      if (hit) {
        table[code] = k;
        break;
      }
    }
  }
  const n = scores.length;
  const out: SegmentRow[] = new Array(n);
  for (let j = 0; j < n; j++) {
    const s = scores[j];
    if (typeof s !== "object" || s === null) reportRows(scores);
    const { customerId, recencyScore: R, frequencyScore: F, monetaryScore: M } = s as RfmScoreInput;
    if (typeof customerId !== "string" || !isScore(R) || !isScore(F) || !isScore(M))
      reportRows(scores);
    out[j] = { customerId, segment: names[table[R * 100 + F * 10 + M]!]! };
  }
  return out;
}

/** The report pass of {@link assignSegments}: lists the problems of every row and throws. */
function reportRows(scores: readonly unknown[]): never {
  const issues = new IssueCollector();
  for (let i = 0; i < scores.length && !issues.full; i++) {
    const row = scores[i];
    if (typeof row !== "object" || row === null) {
      issues.add(
        ["scores", i],
        `Expected { customerId, recencyScore, frequencyScore, monetaryScore }, received ${describeReceived(row)}`,
        row === undefined ? "required" : "invalid_type",
        row,
      );
      continue;
    }
    const { customerId, recencyScore, frequencyScore, monetaryScore } = row as Record<
      string,
      unknown
    >;
    if (typeof customerId !== "string") {
      issues.add(
        ["scores", i, "customerId"],
        `Expected a customer id (string), received ${describeReceived(customerId)}`,
        customerId === undefined ? "required" : "invalid_type",
        customerId,
      );
    }
    for (const [field, value] of [
      ["recencyScore", recencyScore],
      ["frequencyScore", frequencyScore],
      ["monetaryScore", monetaryScore],
    ] as const) {
      if (isScore(value)) continue;
      issues.add(
        ["scores", i, field],
        `Expected an integer score 1..9, received ${describeReceived(value)}`,
        value === undefined
          ? "required"
          : typeof value !== "number"
            ? "invalid_type"
            : !Number.isInteger(value)
              ? "not_integer"
              : value < 1
                ? "too_small"
                : "too_big",
        value,
      );
    }
  }
  issues.throwIfAny(FN);
  throw invalidInput(FN, ["scores"], "The rows changed while they were read", "unreadable");
}

function isScore(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 9;
}
