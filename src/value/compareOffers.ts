import * as z from "zod/mini";
import { echo, IssueCollector } from "../core/errors.js";
import type { Decimal } from "../core/money.js";
import { boundedArray, parseInputCollecting } from "../core/validate.js";
import {
  computeDeliveredValue,
  type DeliveredValueParameters,
  type DeliveredValueResult,
  deliveredValueShape,
} from "./deliveredValue.js";

/**
 * One competing offer for {@link compareOffers}: a name and its delivered-value components.
 * @category Value
 */
export interface Offer extends DeliveredValueParameters {
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
  /**
   * By how much the best offer beats the runner-up in the ranking measure (0 with one offer or a
   * tie).
   */
  readonly leadOverRunnerUp: Decimal;
}

const FN = "compareOffers";

const offersSchema = boundedArray(
  z.readonly(
    z
      .array(z.strictObject({ name: z.string(), ...deliveredValueShape }))
      .check(z.minLength(1, { error: "Give at least one offer to compare" })),
  ),
) satisfies z.ZodMiniType<unknown, readonly Offer[]>;

const optionsSchema = z.strictObject({
  by: z.exactOptional(z.enum(["difference", "ratio"])),
}) satisfies z.ZodMiniType<unknown, CompareOffersOptions>;

/**
 * Ranks competing offers by customer delivered value, so you can see which supplier a rational
 * customer picks and by how much.
 *
 * Each offer is valued with {@link deliveredValue}. By default the ranking uses the difference
 * form, `totalValue − totalCost`; with `by: "ratio"` it uses `totalValue / totalCost`, the form
 * Kotler & Keller use for choosing between offers (V1 is preferred to V2 when the ratio of their
 * values V1 : V2 exceeds 1). The two can disagree when offers differ in size: a bigger, dearer
 * offer may deliver more value in money but less per unit of cost. Ties share a rank and keep
 * their input order; `gapToBest` and `leadOverRunnerUp` are in the ranking measure (money for the
 * difference, a pure number for the ratio). Money is exact.
 *
 * @param offers - the offers, each with a unique `name` and its components
 * @param options - `by`: `"difference"` (default) or `"ratio"`
 * @returns the ranking (best first), the best offer's name and its lead over the runner-up
 * @throws {@link InvalidInputError} listing every problem at once, each with its path and code:
 *   no offer (`offers`, `too_small`), a bad field of an offer (`offers[i].<field>`, e.g.
 *   `offers[1].monetaryCost` with `too_small` or `invalid_money`), two offers with one name
 *   (`offers[i].name`, `duplicate`), a bad option (`options.by`, `invalid_value`; an unknown
 *   key, `unknown_key`), or `by: "ratio"` meeting an offer whose total cost is 0 (`offers[i]`,
 *   `inconsistent`: its ratio is undefined).
 * @example
 * ```ts
 * import { compareOffers } from "customer-value";
 * const result = compareOffers([
 *   { name: "competitor", productValue: 90000, monetaryCost: 90000 },
 *   { name: "Caterpillar", productValue: 103000, serviceValue: 7000, monetaryCost: 100000 },
 * ]);
 * result.best; // => "Caterpillar"
 * result.leadOverRunnerUp.toString(); // => "10000"
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
  const issues = new IssueCollector();
  const parsedOffers = parseInputCollecting(FN, offersSchema, offers, ["offers"], issues);
  const parsedOptions = parseInputCollecting(FN, optionsSchema, options, ["options"], issues);
  issues.throwIfAny(FN);
  const parsed = parsedOffers!; // parsed: throwIfAny threw otherwise
  const by = parsedOptions!.by ?? "difference";
  const seen = new Map<string, number>();
  parsed.forEach((offer, i) => {
    const first = seen.get(offer.name);
    if (first !== undefined) {
      issues.add(
        ["offers", i, "name"],
        `Duplicate offer name ${echo(offer.name)} (also at offers[${first}])`,
        "duplicate",
        offer.name,
      );
    } else {
      seen.set(offer.name, i);
    }
  });
  const valued = parsed.map((offer, index) => {
    const { name, ...components } = offer;
    const result = computeDeliveredValue(components);
    let score = result.deliveredValue;
    if (by === "ratio") {
      if (result.valueRatio === null) {
        issues.add(
          ["offers", index],
          "The total cost is 0, so the value ratio is undefined: rank by difference",
          "inconsistent",
          offer,
        );
      } else {
        score = result.valueRatio;
      }
    }
    return { name, index, result, score };
  });
  issues.throwIfAny(FN);
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
    leadOverRunnerUp:
      runnerUp === undefined ? bestScore.minus(bestScore) : bestScore.minus(runnerUp.score),
  };
}
