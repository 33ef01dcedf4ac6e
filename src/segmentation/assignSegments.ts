import { z } from "zod";
import { CustomerTable, isReadonlyMap } from "../core/customerTable.js";
import { invalidInput } from "../core/errors.js";
import { boundedArray, describeReceived, parseInput } from "../core/validate.js";
import { CLASSIC_RFM_SEGMENTS, type SegmentRule } from "./segmentPresets.js";

const FN = "assignSegments";

/** The three scores of a customer, as {@link assignSegments} reads them (an {@link RfmScore} fits). */
export interface RfmScoreTriple {
  /** Recency score, an integer 1..9. */
  readonly recency: number;
  /** Frequency score, an integer 1..9. */
  readonly frequency: number;
  /** Monetary score, an integer 1..9. */
  readonly monetary: number;
}

/** Options of {@link assignSegments}. */
export interface AssignSegmentsOptions {
  /** Rules in evaluation order (default {@link CLASSIC_RFM_SEGMENTS}). */
  readonly rules?: readonly SegmentRule[];
  /** Name of the catch-all segment for customers no rule matches (default `"Other"`). */
  readonly otherName?: string;
}

const range = z
  .tuple([z.number().int().min(1).max(9), z.number().int().min(1).max(9)])
  .refine(([lo, hi]) => lo <= hi, { error: "Range [lo, hi] needs lo ≤ hi" });

const ruleSchema = z.union([
  z.strictObject({ name: z.string().min(1), recency: range, frequency: range, monetary: range }),
  z.strictObject({
    name: z.string().min(1),
    codes: boundedArray(
      z.array(
        z
          .string()
          .regex(/^[1-9]{3}$/, { error: 'Expected a code of three digits 1..9, e.g. "344"' }),
      ),
    ),
  }),
]);

const optionsSchema = z.strictObject({
  rules: boundedArray(z.array(ruleSchema)).exactOptional(),
  otherName: z.string().min(1).exactOptional(),
}) satisfies z.ZodType<unknown, AssignSegmentsOptions>;

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
 * @param scores - scores per customer (e.g. `rfmScores(...).scores`)
 * @param options - `rules` (default {@link CLASSIC_RFM_SEGMENTS}) and `otherName`
 * @returns a read-only map from customer id to segment name, in input order (`get` builds its id
 *   index on first use; iterating needs none)
 * @throws {@link InvalidInputError} when a rule has `lo > hi` or a bound outside 1..9
 *   (path `rules[i].recency`), a code is malformed, a score is not an integer 1..9
 *   (path `[id].frequency`), a key is not a string, or the map yields a different number of entries
 *   than its `size`. Each row's fields are read once.
 * @example
 * ```ts
 * import { assignSegments } from "customer-value";
 * const segments = assignSegments(
 *   new Map([
 *     ["ann", { recency: 5, frequency: 5, monetary: 4 }],
 *     ["bob", { recency: 1, frequency: 1, monetary: 2 }],
 *     ["cy", { recency: 3, frequency: 5, monetary: 1 }],
 *   ]),
 * );
 * segments.get("ann"); // => "Champions"
 * segments.get("bob"); // => "Lost"
 * segments.get("cy"); // => "Other"
 * ```
 * @category Segmentation
 * @see Hebbali, A. (2024). *rfm: Recency, Frequency and Monetary Value Analysis* (R package).
 */
export function assignSegments(
  scores: ReadonlyMap<string, RfmScoreTriple>,
  options: AssignSegmentsOptions = {},
): ReadonlyMap<string, string> {
  const opts = parseInput(FN, optionsSchema, options);
  if (!isReadonlyMap(scores))
    throw invalidInput(FN, [], "Expected a Map from customer id to scores");
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
          : R >= rule.recency[0] &&
            R <= rule.recency[1] &&
            F >= rule.frequency[0] &&
            F <= rule.frequency[1] &&
            M >= rule.monetary[0] &&
            M <= rule.monetary[1];
      if (hit) {
        table[code] = k;
        break;
      }
    }
  }
  const n = scores.size;
  const ids: string[] = new Array(n);
  const segments: string[] = new Array(n);
  let j = 0;
  scores.forEach((s, id: unknown) => {
    if (typeof id !== "string") {
      throw invalidInput(FN, [], `Expected customer ids (strings) as keys, received ${typeof id}`);
    }
    if (j >= n) throw invalidInput(FN, [], `The map has more entries than its size ${n}`);
    if (typeof s !== "object" || s === null)
      throw invalidInput(FN, [id], "Expected { recency, frequency, monetary }");
    const R = s.recency;
    const F = s.frequency;
    const M = s.monetary;
    if (!isScore(R))
      throw invalidInput(
        FN,
        [id, "recency"],
        `Expected an integer score 1..9, received ${describeReceived(R)}`,
      );
    if (!isScore(F))
      throw invalidInput(
        FN,
        [id, "frequency"],
        `Expected an integer score 1..9, received ${describeReceived(F)}`,
      );
    if (!isScore(M))
      throw invalidInput(
        FN,
        [id, "monetary"],
        `Expected an integer score 1..9, received ${describeReceived(M)}`,
      );
    ids[j] = id;
    segments[j] = names[table[R * 100 + F * 10 + M]!]!;
    j++;
  });
  if (j !== n) throw invalidInput(FN, [], `The map has fewer entries than its size ${n}`);
  return new CustomerTable(ids, segments);
}

function isScore(x: unknown): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 9;
}
