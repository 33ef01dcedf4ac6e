import * as z from "zod/mini";
import { IssueCollector } from "../core/errors.js";
import { boundedArray, parseInputCollecting } from "../core/validate.js";
import { checkRows } from "./surveyRows.js";

/**
 * An answer to a Kano functional ("if the product has…") or dysfunctional ("if it does not
 * have…") question, in the standard order: like, must-be (expect it), neutral, live-with
 * (tolerate it), dislike.
 * @category Satisfaction
 */
export type KanoAnswer = "like" | "must-be" | "neutral" | "live-with" | "dislike";

/**
 * A Kano quality category.
 * @category Satisfaction
 */
export type KanoCategory =
  | "attractive"
  | "one-dimensional"
  | "must-be"
  | "indifferent"
  | "reverse"
  | "questionable";

/**
 * One respondent's pair of answers about one attribute (other fields of the row are ignored).
 * @category Satisfaction
 */
export interface KanoResponse {
  /** The product attribute (feature) asked about. */
  readonly attribute: string;
  /** Answer to the functional question (the attribute is present). */
  readonly functional: KanoAnswer;
  /** Answer to the dysfunctional question (the attribute is absent). */
  readonly dysfunctional: KanoAnswer;
}

/**
 * Options of {@link kanoClassify}.
 * @category Satisfaction
 */
export interface KanoClassifyOptions {
  /**
   * A replacement 5×5 evaluation table: rows = functional answer, columns = dysfunctional answer,
   * both in the order like, must-be, neutral, live-with, dislike. Default: the consensus table
   * (Berger et al. 1993; Sauerwein et al. 1996).
   */
  readonly table?: readonly (readonly KanoCategory[])[];
}

/**
 * How many responses of an attribute fell in each category.
 * @category Satisfaction
 */
export interface KanoCounts {
  /** Attractive (A): delights when present, no harm when absent. */
  readonly attractive: number;
  /** One-dimensional (O): satisfaction rises with fulfilment. */
  readonly oneDimensional: number;
  /** Must-be (M): taken for granted, dissatisfies when absent. */
  readonly mustBe: number;
  /** Indifferent (I): makes no difference. */
  readonly indifferent: number;
  /** Reverse (R): the respondent prefers it absent. */
  readonly reverse: number;
  /** Questionable (Q): contradictory answers. */
  readonly questionable: number;
}

/**
 * The Kano reading of one attribute.
 * @category Satisfaction
 */
export interface KanoAttributeResult {
  /** The attribute. */
  readonly attribute: string;
  /** Number of responses. */
  readonly responseCount: number;
  /** Responses per category. */
  readonly counts: KanoCounts;
  /** The attribute's category: the most frequent one, ties broken by M > O > A > I > R > Q. */
  readonly category: KanoCategory;
  /** True when the mode was tied and the tie-break decided the category. */
  readonly tied: boolean;
  /** Better (satisfaction) coefficient (A + O)/(A + O + M + I) in [0, 1]; absent when A + O + M + I = 0. */
  readonly better?: number;
  /** Worse (dissatisfaction) coefficient −(O + M)/(A + O + M + I) in [−1, 0]; absent when A + O + M + I = 0. */
  readonly worse?: number;
}

/**
 * Result of {@link kanoClassify}.
 * @category Satisfaction
 */
export interface KanoResult {
  /** The category of each response, in input order (exactly one per response). */
  readonly classes: readonly KanoCategory[];
  /** One entry per attribute, in order of first appearance. */
  readonly attributes: readonly KanoAttributeResult[];
}

const ANSWERS: readonly KanoAnswer[] = ["like", "must-be", "neutral", "live-with", "dislike"];
const answerSchema = z.enum(["like", "must-be", "neutral", "live-with", "dislike"]);
const categorySchema = z.enum([
  "attractive",
  "one-dimensional",
  "must-be",
  "indifferent",
  "reverse",
  "questionable",
]);

const A = "attractive";
const O = "one-dimensional";
const M = "must-be";
const I = "indifferent";
const R = "reverse";
const Q = "questionable";

/** The consensus Kano evaluation table (rows functional, columns dysfunctional). */
const DEFAULT_TABLE: readonly (readonly KanoCategory[])[] = [
  [Q, A, A, A, O],
  [R, I, I, I, M],
  [R, I, I, I, M],
  [R, I, I, I, M],
  [R, R, R, R, Q],
];

/** Tie-break order for the attribute category. */
const PRIORITY: readonly KanoCategory[] = [M, O, A, I, R, Q];

const responsesSchema = boundedArray(
  z.array(
    z.object({
      attribute: z.string(),
      functional: answerSchema,
      dysfunctional: answerSchema,
    }),
  ),
) satisfies z.ZodMiniType<unknown, readonly KanoResponse[]>;

const row = boundedArray(z.array(categorySchema).check(z.length(5)));
const optionsSchema = z.strictObject({
  table: z.exactOptional(boundedArray(z.array(row).check(z.length(5)))),
}) satisfies z.ZodMiniType<unknown, KanoClassifyOptions>;

/**
 * Kano classification: each respondent's functional/dysfunctional answer pair to a category, and
 * per attribute the category, the distribution, and the Better/Worse coefficients.
 *
 * **Evaluation table** (rows functional, columns dysfunctional, order like / must-be / neutral /
 * live-with / dislike): like row = Q A A A O; must-be, neutral and live-with rows = R I I I M;
 * dislike row = R R R R Q. This is the consensus table (Berger et al. 1993; Sauerwein et al. 1996
 * Fig. 6); a different table can be passed.
 *
 * **Attribute category.** The mode of the respondents' categories; ties are broken by
 * M > O > A > I > R > Q (the "M > O > A > I" evaluation rule of Berger et al. 1993 quoted by
 * Sauerwein et al. 1996, extended to R and Q), and `tied` says when that happened. Alternatives:
 * (O + A + M) vs (I + R + Q), category strength (Lee & Newcomb 1997), Fong's (1996) test — the
 * counts are returned so callers can apply them.
 *
 * **Better/Worse** (Timko, in Berger et al. 1993): `Better = (A + O)/(A + O + M + I)`,
 * `Worse = −(O + M)/(A + O + M + I)`; reverse and questionable answers are excluded from the
 * denominator. Worse is negative (some tools report its magnitude). With no A, O, M or I answers
 * both are absent rather than NaN.
 *
 * Reference: Kano, N., Seraku, N., Takahashi, F. & Tsuji, S. (1984), "Attractive Quality and
 * Must-Be Quality", *Hinshitsu* 14(2): 39–48. Berger, C. et al. (1993), "Kano's Methods for
 * Understanding Customer-Defined Quality", *Center for Quality of Management Journal* 2(4): 3–35.
 * Sauerwein, E., Bailom, F., Matzler, K. & Hinterhuber, H. H. (1996), "The Kano Model: How to
 * Delight Your Customers", *Preprints of the IX International Working Seminar on Production
 * Economics* 1: 313–327.
 *
 * @param responses - one row per respondent × attribute (at least one)
 * @param options - an alternative evaluation table
 * @returns the category of every response and the per-attribute reading
 * @throws {@link InvalidInputError} listing every problem: there are no responses (path
 *   `responses`, code `too_small`), an attribute is not a string (`responses[i].attribute`,
 *   `required` / `invalid_type`), an answer is not one of the five (`responses[i].functional`,
 *   `responses[i].dysfunctional`, `required` / `invalid_value`), or the table is not 5×5 of
 *   categories (`options.table…`)
 * @example
 * ```ts
 * import { kanoClassify } from "customer-value";
 * const result = kanoClassify([
 *   { attribute: "edge grip", functional: "like", dysfunctional: "dislike" },
 *   { attribute: "edge grip", functional: "neutral", dysfunctional: "dislike" },
 *   { attribute: "edge grip", functional: "must-be", dysfunctional: "dislike" },
 *   { attribute: "edge grip", functional: "like", dysfunctional: "neutral" },
 * ]);
 * result.classes; // => ["one-dimensional", "must-be", "must-be", "attractive"]
 * result.attributes[0]?.category; // => "must-be"
 * result.attributes[0]?.better; // => 0.5
 * result.attributes[0]?.worse; // => -0.75
 * ```
 * @category Satisfaction
 */
export function kanoClassify(
  responses: readonly KanoResponse[],
  options: KanoClassifyOptions = {},
): KanoResult {
  const fn = "kanoClassify";
  const issues = new IssueCollector();
  const parsed = parseInputCollecting(fn, optionsSchema, options, ["options"], issues);
  const rows =
    checkRows(["responses"], responses, "responses", issues) === undefined
      ? undefined
      : parseInputCollecting(fn, responsesSchema, responses, ["responses"], issues);
  issues.throwIfAny(fn);
  // No issue: both were read.
  const table = (parsed as KanoClassifyOptions).table ?? DEFAULT_TABLE;
  const tallies = new Map<string, Record<KanoCategory, number>>();
  const classes = (rows as readonly KanoResponse[]).map((r) => {
    const category = table[ANSWERS.indexOf(r.functional)]?.[
      ANSWERS.indexOf(r.dysfunctional)
    ] as KanoCategory;
    let tally = tallies.get(r.attribute);
    if (tally === undefined) {
      tally = { [A]: 0, [O]: 0, [M]: 0, [I]: 0, [R]: 0, [Q]: 0 };
      tallies.set(r.attribute, tally);
    }
    tally[category]++;
    return category;
  });
  const attributes = [...tallies.entries()].map(([attribute, t]) => {
    let category: KanoCategory = M;
    let best = -1;
    let tied = false;
    for (const c of PRIORITY) {
      if (t[c] > best) {
        best = t[c];
        category = c;
        tied = false;
      } else if (t[c] === best) {
        tied = true;
      }
    }
    const counts: KanoCounts = {
      attractive: t[A],
      oneDimensional: t[O],
      mustBe: t[M],
      indifferent: t[I],
      reverse: t[R],
      questionable: t[Q],
    };
    const base = {
      attribute,
      responseCount: t[A] + t[O] + t[M] + t[I] + t[R] + t[Q],
      counts,
      category,
      tied,
    };
    const denominator = t[A] + t[O] + t[M] + t[I];
    if (denominator === 0) return base;
    return {
      ...base,
      better: (t[A] + t[O]) / denominator,
      worse: -(t[O] + t[M]) / denominator,
    };
  });
  return { classes, attributes };
}
