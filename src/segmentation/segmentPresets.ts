/**
 * A score range `[lo, hi]`, inclusive on both ends.
 * @category Segmentation
 */
export type RfmScoreRange = readonly [number, number];

/**
 * A named segment defined by inclusive score ranges on R, F and M (R `rfm`'s `rfm_segment`
 * convention). A customer matches when all three scores fall in their ranges.
 * @category Segmentation
 */
export interface SegmentRangeRule {
  /** Segment name. */
  readonly name: string;
  /** Recency score range, inclusive. */
  readonly recencyScore: RfmScoreRange;
  /** Frequency score range, inclusive. */
  readonly frequencyScore: RfmScoreRange;
  /** Monetary score range, inclusive. */
  readonly monetaryScore: RfmScoreRange;
}

/**
 * A named segment defined by an explicit list of RFM codes such as `"344"` (PyMC-Marketing convention).
 * @category Segmentation
 */
export interface SegmentCodeRule {
  /** Segment name. */
  readonly name: string;
  /** The RFM codes (digits R, F, M) that belong to the segment. */
  readonly codes: readonly string[];
}

/**
 * A segment rule: score ranges or a list of codes. Rules are evaluated in order; the first match wins.
 * @category Segmentation
 */
export type SegmentRule = SegmentRangeRule | SegmentCodeRule;

/**
 * The 10 classic RFM segments on 1..5 scores, in evaluation order, with the score ranges of the R
 * `rfm` package's documented segmentation example (rsquaredacademy/rfm 0.2.x vignette and
 * `rfm_segment` example): Champions, Loyal Customers, Potential Loyalist, New Customers, Promising,
 * Need Attention, About To Sleep, At Risk, Can't Lose Them, Lost. The ranges overlap, so the order
 * matters (first match wins); customers matching none fall into "Other".
 *
 * @example
 * ```ts
 * import { CLASSIC_RFM_SEGMENTS } from "customer-value";
 * CLASSIC_RFM_SEGMENTS.length; // => 10
 * CLASSIC_RFM_SEGMENTS[0]; // => { name: "Champions", recencyScore: [4, 5], frequencyScore: [4, 5], monetaryScore: [4, 5] }
 * ```
 * @category Segmentation
 * @see Hebbali, A. (2024). *rfm: Recency, Frequency and Monetary Value Analysis* (R package).
 */
export const CLASSIC_RFM_SEGMENTS: readonly SegmentRangeRule[] = Object.freeze(
  (
    [
      ["Champions", 4, 5, 4, 5],
      ["Loyal Customers", 2, 5, 3, 5],
      ["Potential Loyalist", 3, 5, 1, 3],
      ["New Customers", 4, 5, 1, 1],
      ["Promising", 3, 4, 1, 1],
      ["Need Attention", 2, 3, 2, 3],
      ["About To Sleep", 2, 3, 1, 2],
      ["At Risk", 1, 2, 2, 5],
      ["Can't Lose Them", 1, 1, 4, 5],
      ["Lost", 1, 2, 1, 2],
    ] as const
  ).map(([name, rLo, rHi, lo, hi]) =>
    Object.freeze({
      name,
      recencyScore: Object.freeze([rLo, rHi] as const),
      frequencyScore: Object.freeze([lo, hi] as const),
      monetaryScore: Object.freeze([lo, hi] as const),
    }),
  ),
);

/**
 * The 5 segments of PyMC-Marketing's `rfm_segments` on 1..4 (quartile) scores, as explicit code
 * lists: Premium Customer, Repeat Customer, Top Spender, At Risk Customer, Inactive Customer. Use
 * them with `rfmScores(customers, { bins: 4 })`; the 18 unlisted codes fall into "Other".
 *
 * @example
 * ```ts
 * import { PYMC_MARKETING_SEGMENTS } from "customer-value";
 * PYMC_MARKETING_SEGMENTS.map((s) => s.name).join(", "); // => "Premium Customer, Repeat Customer, Top Spender, At Risk Customer, Inactive Customer"
 * PYMC_MARKETING_SEGMENTS.reduce((n, s) => n + s.codes.length, 0); // => 46
 * ```
 * @category Segmentation
 * @see PyMC Labs, *PyMC-Marketing*, `pymc_marketing.clv.utils.rfm_segments` (default segment config).
 */
export const PYMC_MARKETING_SEGMENTS: readonly SegmentCodeRule[] = Object.freeze(
  (
    [
      ["Premium Customer", "334 443 444 344 434 433 343 333"],
      ["Repeat Customer", "244 234 232 332 143 233 243"],
      ["Top Spender", "424 414 144 314 324 124 224 423 413 133 323 313 134"],
      ["At Risk Customer", "422 223 212 122 222 132 322 312 412 123 214"],
      ["Inactive Customer", "411 111 113 114 112 211 311"],
    ] as const
  ).map(([name, codes]) => Object.freeze({ name, codes: Object.freeze(codes.split(" ")) })),
);
