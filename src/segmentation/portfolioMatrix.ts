import type * as z from "zod/mini";
import type { Decimal, MoneyInput } from "../core/money.js";
import type { SplitRule } from "./split.js";
import {
  type MatrixPlacement,
  type TwoByTwoPreset,
  twoByTwoMatrix,
  twoByTwoOptionsSchema,
} from "./valueGrid.js";

/**
 * The four groups of the customer portfolio matrix.
 * @category Segmentation
 */
export type PortfolioCell = "Star" | "Question" | "Cash cow" | "Dog";

/**
 * A customer's two measures for {@link portfolioMatrix}.
 * @category Segmentation
 */
export interface PortfolioInput {
  /** The customer's (account's) id (unique). */
  readonly customerId: string;
  /** Potential purchase volume of the account (e.g. its total category spend). */
  readonly potentialVolume: MoneyInput;
  /** Strength of the relationship (e.g. share of wallet, or a 1–10 rating). */
  readonly relationshipStrength: MoneyInput;
}

/**
 * Options of {@link portfolioMatrix}.
 * @category Segmentation
 */
export interface PortfolioMatrixOptions {
  /** Split rule of the potential-volume axis (default `"median"`). */
  readonly potentialVolume?: SplitRule;
  /** Split rule of the relationship-strength axis (default `"median"`). */
  readonly relationshipStrength?: SplitRule;
  /** Visit/service policy per cell, overriding {@link PORTFOLIO_POLICIES}. */
  readonly policies?: Partial<Readonly<Record<PortfolioCell, string>>>;
}

/**
 * Result of {@link portfolioMatrix}.
 * @category Segmentation
 */
export interface PortfolioMatrixResult {
  /** Cell and policy per customer, one row per input row, in input order. */
  readonly placements: MatrixPlacement<PortfolioCell>[];
  /** Split points used: values ≥ the split point are "high"/"strong". */
  readonly splitPoints: {
    /** Split point of the potential-volume axis. */
    readonly potentialVolume: Decimal;
    /** Split point of the relationship-strength axis. */
    readonly relationshipStrength: Decimal;
  };
  /** Number of customers per cell (all four cells present). */
  readonly counts: Record<PortfolioCell, number>;
  /** The policy of each cell. */
  readonly policies: Readonly<Record<PortfolioCell, string>>;
}

/**
 * Default visit/service policies of the customer portfolio matrix (sales-call allocation).
 * @example
 * ```ts
 * import { PORTFOLIO_POLICIES } from "customer-value";
 * Object.keys(PORTFOLIO_POLICIES); // => ["Star", "Question", "Cash cow", "Dog"]
 * ```
 * @category Segmentation
 * @see Dalrymple, D. J., Cron, W. L. & DeCarlo, T. E. *Sales Management*, ch. "Sales opportunity management" (account portfolio models).
 */
export const PORTFOLIO_POLICIES: Readonly<Record<PortfolioCell, string>> = Object.freeze({
  Star: "High potential, strong relationship: frequent, high-quality visits; dedicated service",
  Question:
    "High potential, weak relationship: invest visits to build the relationship, then reassess",
  "Cash cow": "Low potential, strong relationship: regular maintenance visits at lower cost",
  Dog: "Low potential, weak relationship: minimal visits; serve through low-cost channels",
});

/** The portfolio matrix: high/low potential volume × strong/weak relationship. */
const PRESET: TwoByTwoPreset<"potentialVolume" | "relationshipStrength", PortfolioCell> = {
  fn: "portfolioMatrix",
  axes: ["potentialVolume", "relationshipStrength"],
  defaults: { potentialVolume: "median", relationshipStrength: "median" },
  cells: [
    ["Dog", "Cash cow"],
    ["Question", "Star"],
  ],
  policies: PORTFOLIO_POLICIES,
};

const optionsSchema = twoByTwoOptionsSchema(PRESET) satisfies z.ZodMiniType<
  unknown,
  PortfolioMatrixOptions
>;

/**
 * The customer portfolio matrix (a BCG matrix for accounts): potential volume × relationship
 * strength → Star (high, strong), Question (high, weak), Cash cow (low, strong), Dog (low, weak),
 * with a visit/service policy per cell.
 *
 * An axis is "high" when the value is ≥ its split point (ties to the high side): the median
 * (default), the mean, or a fixed number (e.g. a share of wallet of 0.5). The cell → policy map is
 * a convention (sales-management portfolio models allocate calls by account opportunity × strength
 * of position); override it with `policies`.
 *
 * @param customers - `customerId`, `potentialVolume` and `relationshipStrength` per customer (ids
 *   unique)
 * @param options - split rules and optional policy texts
 * @returns the cell and policy per customer (`placements`, input order), the split points and the
 *   counts per cell
 * @throws {@link InvalidInputError} listing every problem: an unknown split rule
 *   (`options.potentialVolume`), an unknown option; a row that is not an object (`customers[i]`), a
 *   missing or repeated id (`customers[i].customerId`, code `"duplicate"`), an invalid measure
 *   (`customers[i].relationshipStrength`)
 * @example
 * ```ts
 * import { portfolioMatrix } from "customer-value";
 * const result = portfolioMatrix(
 *   [
 *     { customerId: "acme", potentialVolume: 90000, relationshipStrength: 0.7 },
 *     { customerId: "bolt", potentialVolume: 80000, relationshipStrength: 0.1 },
 *     { customerId: "corp", potentialVolume: 5000, relationshipStrength: 0.9 },
 *     { customerId: "duo", potentialVolume: 2000, relationshipStrength: 0.2 },
 *   ],
 *   { relationshipStrength: 0.5 },
 * );
 * result.placements.map((p) => p.cell); // => ["Star", "Question", "Cash cow", "Dog"]
 * result.placements[3]?.customerId; // => "duo"
 * ```
 * @category Segmentation
 * @see Dalrymple, D. J., Cron, W. L. & DeCarlo, T. E. *Sales Management: Concepts and Cases*, Wiley (account portfolio models).
 */
export function portfolioMatrix(
  customers: readonly PortfolioInput[],
  options: PortfolioMatrixOptions = {},
): PortfolioMatrixResult {
  return twoByTwoMatrix(PRESET, optionsSchema, customers, options);
}
