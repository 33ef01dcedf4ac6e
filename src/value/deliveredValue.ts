import * as z from "zod/mini";
import { type Decimal, type MoneyInput, sumMoney, ZERO } from "../core/money.js";
import { boundedArray, parseInput } from "../core/validate.js";
import { nonNegativeAmountSchema } from "./schemas.js";
import { rate } from "./series.js";

/**
 * One weighted sub-score of a delivered-value component, e.g. durability worth 7,000.
 * @category Value
 */
export interface WeightedScore {
  /** What the sub-score measures (for the reader; not used in the arithmetic). */
  readonly name?: string;
  /** The sub-score, in money (≥ 0). */
  readonly value: MoneyInput;
  /** Its weight (≥ 0). Default 1. The component is `Σ weight × value`. */
  readonly weight?: number;
}

/**
 * A delivered-value component: an amount, or a list of weighted sub-scores summed as `Σ weight × value`.
 * @category Value
 */
export type ValueComponent = MoneyInput | readonly WeightedScore[];

/**
 * Input of {@link deliveredValue}: the four sources of customer value and the four customer
 * costs, all monetised in the same currency (the function does not convert time or effort into
 * money: do it before). Every component defaults to 0 and must be ≥ 0.
 * @category Value
 */
export interface DeliveredValueParameters {
  /** Value of the product itself (features, quality, durability, reliability). */
  readonly productValue?: ValueComponent;
  /** Value of the services around it (delivery, installation, training, maintenance, warranty). */
  readonly serviceValue?: ValueComponent;
  /** Value of the supplier's people (competence, courtesy, responsiveness). */
  readonly personnelValue?: ValueComponent;
  /** Value of the supplier's or brand's image to the customer. */
  readonly imageValue?: ValueComponent;
  /** Money the customer pays (price, plus running costs if you count them). */
  readonly monetaryCost?: ValueComponent;
  /** Monetised time the customer spends buying and using. */
  readonly timeCost?: ValueComponent;
  /** Monetised physical effort (energy) the customer spends. */
  readonly energyCost?: ValueComponent;
  /** Monetised psychological cost (stress, risk, uncertainty). */
  readonly psychicCost?: ValueComponent;
}

/**
 * The eight components of {@link DeliveredValueParameters}, each resolved to an amount.
 * @category Value
 */
export interface DeliveredValueComponents {
  /** Product value. */
  readonly productValue: Decimal;
  /** Service value. */
  readonly serviceValue: Decimal;
  /** Personnel value. */
  readonly personnelValue: Decimal;
  /** Image value. */
  readonly imageValue: Decimal;
  /** Monetary cost. */
  readonly monetaryCost: Decimal;
  /** Time cost. */
  readonly timeCost: Decimal;
  /** Energy cost. */
  readonly energyCost: Decimal;
  /** Psychic cost. */
  readonly psychicCost: Decimal;
}

/**
 * Result of {@link deliveredValue}.
 * @category Value
 */
export interface DeliveredValueResult {
  /** Total customer value: product + service + personnel + image value. */
  readonly totalValue: Decimal;
  /** Total customer cost: monetary + time + energy + psychic cost. */
  readonly totalCost: Decimal;
  /** Difference form: `totalValue − totalCost` (negative: the offer destroys value for the customer). */
  readonly deliveredValue: Decimal;
  /** Ratio form: `totalValue / totalCost` (34 significant digits); `null` when the total cost is 0. */
  readonly valueRatio: Decimal | null;
  /** Each component as an amount. */
  readonly components: DeliveredValueComponents;
}

/** The eight component keys in order. @internal */
export const COMPONENT_KEYS = [
  "productValue",
  "serviceValue",
  "personnelValue",
  "imageValue",
  "monetaryCost",
  "timeCost",
  "energyCost",
  "psychicCost",
] as const;

const weightedScoreSchema = z.strictObject({
  name: z.exactOptional(z.string()),
  value: nonNegativeAmountSchema,
  weight: z.exactOptional(
    z.number().check(z.nonnegative({ error: "A weight cannot be negative" })),
  ),
});

/**
 * An amount ≥ 0 or a list of weighted sub-scores. A failed component reports the problems of the
 * branch that fits its type (an amount's `invalid_money`/`too_small`, a sub-score's path).
 */
const componentSchema = z.union([
  nonNegativeAmountSchema,
  boundedArray(z.readonly(z.array(weightedScoreSchema))),
]);

/** zod shape of {@link DeliveredValueParameters}; parses every component to a `Decimal`. @internal */
export const deliveredValueShape = {
  productValue: z.exactOptional(componentSchema),
  serviceValue: z.exactOptional(componentSchema),
  personnelValue: z.exactOptional(componentSchema),
  imageValue: z.exactOptional(componentSchema),
  monetaryCost: z.exactOptional(componentSchema),
  timeCost: z.exactOptional(componentSchema),
  energyCost: z.exactOptional(componentSchema),
  psychicCost: z.exactOptional(componentSchema),
};

const inputSchema = z.strictObject(deliveredValueShape) satisfies z.ZodMiniType<
  unknown,
  DeliveredValueParameters
>;

type ParsedComponent = Decimal | readonly { value: Decimal; weight?: number }[];

/** Computes the delivered value of a parsed input. @internal */
export function computeDeliveredValue(
  parsed: Partial<Record<(typeof COMPONENT_KEYS)[number], ParsedComponent>>,
): DeliveredValueResult {
  const resolve = (component: ParsedComponent | undefined): Decimal => {
    if (component === undefined) return ZERO;
    if (!Array.isArray(component)) return component as Decimal;
    return sumMoney(
      (component as readonly { value: Decimal; weight?: number }[]).map((score) =>
        score.value.times(rate(score.weight ?? 1)),
      ),
    );
  };
  const components = {} as Record<(typeof COMPONENT_KEYS)[number], Decimal>;
  for (const key of COMPONENT_KEYS) components[key] = resolve(parsed[key]);
  const totalValue = sumMoney([
    components.productValue,
    components.serviceValue,
    components.personnelValue,
    components.imageValue,
  ]);
  const totalCost = sumMoney([
    components.monetaryCost,
    components.timeCost,
    components.energyCost,
    components.psychicCost,
  ]);
  return {
    totalValue,
    totalCost,
    deliveredValue: totalValue.minus(totalCost),
    valueRatio: totalCost.isZero() ? null : totalValue.div(totalCost),
    components,
  };
}

/**
 * Customer delivered value (Kotler): what an offer is worth to the customer, total customer
 * value minus total customer cost, with the value–price ratio alongside.
 *
 * `totalValue = product + service + personnel + image value`;
 * `totalCost = monetary + time + energy + psychic cost`;
 * `deliveredValue = totalValue − totalCost` (difference form, Kotler 2000) and
 * `valueRatio = totalValue / totalCost` (ratio form; Kotler & Keller call the newer name
 * customer-perceived value and compare offers by this ratio). Both are returned because they can
 * rank offers of different sizes differently; see {@link compareOffers}. Every component is an
 * amount of money in one currency, or a list of weighted sub-scores `Σ weight × value` (weights
 * are not normalised: give weights summing to 1 for a weighted average). Time, energy and psychic
 * costs must already be monetised. The ratio is `null` (not `Infinity`) when the total cost is 0.
 * Money is exact (decimal sums; the ratio at 34 significant digits).
 *
 * @param parameters - the eight components (each defaults to 0)
 * @returns total value, total cost, the difference and ratio forms, and each component's amount
 * @throws {@link InvalidInputError} listing every bad component at once, each with its path and
 *   code: a negative component (`too_small`), one that is not an amount (`invalid_money`), a
 *   negative weight (`too_small`, e.g. `parameters.productValue[1].weight`), or an unknown key
 *   (`unknown_key`, e.g. `parameters.prodcutValue`).
 * @example
 * ```ts
 * import { deliveredValue } from "customer-value";
 * // Kotler & Keller's Caterpillar tractor: worth 110,000 to the customer, priced 100,000
 * const tractor = deliveredValue({
 *   productValue: [
 *     { name: "equal to the competitor's", value: 90000 },
 *     { name: "durability", value: 7000 },
 *     { name: "reliability", value: 6000 },
 *   ],
 *   serviceValue: [
 *     { name: "service", value: 5000 },
 *     { name: "warranty", value: 2000 },
 *   ],
 *   monetaryCost: 100000,
 * });
 * tractor.totalValue.toString(); // => "110000"
 * tractor.deliveredValue.toString(); // => "10000"
 * tractor.valueRatio?.toString(); // => "1.1"
 * ```
 * @category Value
 * @see Kotler, P. (2000). Marketing Management (10th ed.). Prentice Hall — customer delivered value.
 * @see Kotler, P. & Keller, K. L. (2012). Marketing Management (14th ed.). Pearson — customer-perceived value.
 */
export function deliveredValue(parameters: DeliveredValueParameters): DeliveredValueResult {
  return computeDeliveredValue(
    parseInput("deliveredValue", inputSchema, parameters, ["parameters"]),
  );
}
