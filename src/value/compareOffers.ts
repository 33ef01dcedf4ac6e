import { z } from "zod";
import { echo, invalidInput } from "../core/errors.js";
import type { Decimal } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import {
  computeDeliveredValue,
  type DeliveredValueInput,
  type DeliveredValueResult,
  deliveredValueShape,
} from "./deliveredValue.js";

/**
 * One competing offer for {@link compareOffers}: a name and its delivered-value components.
 * @category Value
 */
export interface Offer extends DeliveredValueInput {
  /** Name of the offer or supplier (unique within the comparison). */
  readonly name: string;
}

/**
 * Options of {@link compareOffers}.
 * @category Value
 */
export interface CompareOffersOptions {
  /**
   * Which form ranks the offers: `"difference"` (default) by delivered value
   * `totalValue − totalCost`, or `"ratio"` by the value–price ratio `totalValue / totalCost`.
   */
  readonly by?: "difference" | "ratio";
}

/**
 * One offer in the ranking of {@link compareOffers}.
 * @category Value
 */
export interface RankedOffer extends DeliveredValueResult {
  /** The offer's name. */
  readonly name: string;
  /** Rank, 1 = the offer a rational customer picks. Tied offers share a rank (1, 1, 3). */
  readonly rank: number;
  /** How far the offer is behind the best one, in the ranking measure (0 for the best). */
  readonly gapToBest: Decimal;
}

/**
 * Result of {@link compareOffers}.
 * @category Value
 */
export interface CompareOffersResult {
  /** The measure used for the ranking. */
  readonly by: "difference" | "ratio";
  /** Every offer, best first; ties keep the input order. */
  readonly ranking: readonly RankedOffer[];
  /** Name of the best offer (the first of the ranking). */
  readonly best: string;
  /** By how much the best offer beats the runner-up in the ranking measure (0 with one offer or a tie). */
  readonly margin: Decimal;
}

const FN = "compareOffers";

const offersSchema = z
  .array(z.strictObject({ name: z.string(), ...deliveredValueShape }))
  .min(1, { error: "Give at least one offer to compare" })
  .readonly() satisfies z.ZodType<unknown, readonly Offer[]>;

const optionsSchema = z.strictObject({
  by: z.enum(["difference", "ratio"]).exactOptional(),
}) satisfies z.ZodType<unknown, CompareOffersOptions>;

/**
 * Ranks competing offers by customer delivered value, so you can see which supplier a rational
 * customer picks and by how much.
 *
 * Each offer is valued with {@link deliveredValue}. By default the ranking uses the difference
 * form, `totalValue − totalCost`; with `by: "ratio"` it uses `totalValue / totalCost`, the form
 * Kotler & Keller use for choosing between offers (V1 is preferred to V2 when the ratio of their
 * values V1 : V2 exceeds 1). The two can disagree when offers differ in size: a bigger, dearer
 * offer may deliver more value in money but less per unit of cost. Ties share a rank and keep
 * their input order; `gapToBest` and `margin` are in the ranking measure (money for the
 * difference, a pure number for the ratio). Money is exact.
 *
 * @param offers - the offers, each with a unique `name` and its components
 * @param options - `by`: `"difference"` (default) or `"ratio"`
 * @returns the ranking (best first), the best offer's name and its margin over the runner-up
 * @throws {@link InvalidInputError} when there is no offer (path `[]`), an offer is invalid (path
 *   `[i].field`), two offers share a name (`[i].name`), or `by: "ratio"` meets an offer whose
 *   total cost is 0 (`[i]`, its ratio is undefined).
 * @example
 * ```ts
 * import { compareOffers } from "customer-value";
 * const result = compareOffers([
 *   { name: "competitor", productValue: 90000, monetaryCost: 90000 },
 *   { name: "Caterpillar", productValue: 103000, serviceValue: 7000, monetaryCost: 100000 },
 * ]);
 * result.best; // => "Caterpillar"
 * result.margin.toString(); // => "10000"
 * const byRatio = compareOffers(
 *   [
 *     { name: "big", productValue: 300, monetaryCost: 200 },
 *     { name: "small", productValue: 80, monetaryCost: 40 },
 *   ],
 *   { by: "ratio" },
 * );
 * byRatio.best; // => "small"
 * byRatio.ranking[1]?.deliveredValue.toString(); // => "100"
 * ```
 * @category Value
 * @see Kotler, P. & Keller, K. L. (2012). Marketing Management (14th ed.). Pearson — customer-perceived value and choosing between offers.
 */
export function compareOffers(
  offers: readonly Offer[],
  options: CompareOffersOptions = {},
): CompareOffersResult {
  const parsed = parseInput(FN, offersSchema, offers);
  const by = parseInput(FN, optionsSchema, options, ["options"]).by ?? "difference";
  const seen = new Map<string, number>();
  parsed.forEach((offer, i) => {
    if (seen.has(offer.name)) {
      throw invalidInput(
        FN,
        [i, "name"],
        `Duplicate offer name ${echo(offer.name)} (also at [${seen.get(offer.name)}])`,
      );
    }
    seen.set(offer.name, i);
  });
  const valued = parsed.map((offer, index) => {
    const { name, ...components } = offer;
    const result = computeDeliveredValue(components);
    let score: Decimal;
    if (by === "difference") {
      score = result.deliveredValue;
    } else {
      if (result.valueRatio === null) {
        throw invalidInput(
          FN,
          [index],
          "The total cost is 0, so the value ratio is undefined: rank by difference",
        );
      }
      score = result.valueRatio;
    }
    return { name, index, result, score };
  });
  const sorted = [...valued].sort((a, b) => b.score.comparedTo(a.score) || a.index - b.index);
  const bestScore = sorted[0]!.score;
  let rank = 0;
  const ranking: RankedOffer[] = sorted.map((entry, position) => {
    if (position === 0 || !entry.score.eq(sorted[position - 1]!.score)) rank = position + 1;
    return { name: entry.name, rank, gapToBest: bestScore.minus(entry.score), ...entry.result };
  });
  const runnerUp = sorted[1];
  return {
    by,
    ranking,
    best: sorted[0]!.name,
    margin: runnerUp === undefined ? bestScore.minus(bestScore) : bestScore.minus(runnerUp.score),
  };
}
