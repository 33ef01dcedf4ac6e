import { z } from "zod";
import type { Decimal, MoneyInput } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import { readMeasure, type SplitRule, splitPoint, splitRuleSchema } from "./split.js";
import { definedOnly, type MatrixPlacement } from "./valueMatrix.js";

const FN = "portfolioMatrix";

/** The four groups of the customer portfolio matrix. */
export type PortfolioCell = "Star" | "Question" | "Cash cow" | "Dog";

/** A customer's two measures for {@link portfolioMatrix}. */
export interface PortfolioInput {
  /** Potential purchase volume of the account (e.g. its total category spend). */
  readonly potentialVolume: MoneyInput;
  /** Strength of the relationship (e.g. share of wallet, or a 1–10 rating). */
  readonly relationshipStrength: MoneyInput;
}

/** Options of {@link portfolioMatrix}. */
export interface PortfolioMatrixOptions {
  /** Split rule of the potential-volume axis (default `"median"`). */
  readonly potentialVolume?: SplitRule;
  /** Split rule of the relationship-strength axis (default `"median"`). */
  readonly relationshipStrength?: SplitRule;
  /** Visit/service policy per cell, overriding {@link PORTFOLIO_POLICIES}. */
  readonly policies?: Partial<Readonly<Record<PortfolioCell, string>>>;
}

/** Result of {@link portfolioMatrix}. */
export interface PortfolioMatrixResult {
  /** Cell and policy per customer, in input order. */
  readonly customers: Map<string, MatrixPlacement<PortfolioCell>>;
  /** Split points used: values ≥ the split point are "high"/"strong". */
  readonly splitPoints: {
    /** Split point of the potential-volume axis. */
    readonly potentialVolume: Decimal;
    /** Split point of the relationship-strength axis. */
    readonly relationshipStrength: Decimal;
  };
  /** Number of customers per cell (all four cells present). */
  readonly counts: Map<PortfolioCell, number>;
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

const optionsSchema = z.strictObject({
  potentialVolume: splitRuleSchema.exactOptional(),
  relationshipStrength: splitRuleSchema.exactOptional(),
  policies: z
    .strictObject({
      Star: z.string().exactOptional(),
      Question: z.string().exactOptional(),
      "Cash cow": z.string().exactOptional(),
      Dog: z.string().exactOptional(),
    })
    .exactOptional(),
}) satisfies z.ZodType<unknown, PortfolioMatrixOptions>;

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
 * @param rows - `potentialVolume` and `relationshipStrength` per customer
 * @param options - split rules and optional policy texts
 * @returns the cell and policy per customer, the split points and the counts per cell
 * @throws {@link InvalidInputError} on an unknown split rule (path `potentialVolume`), an invalid
 *   measure (path `[id].relationshipStrength`), or an unknown option
 * @example
 * ```ts
 * import { portfolioMatrix } from "customer-value";
 * const result = portfolioMatrix(
 *   new Map([
 *     ["acme", { potentialVolume: 90000, relationshipStrength: 0.7 }],
 *     ["bolt", { potentialVolume: 80000, relationshipStrength: 0.1 }],
 *     ["corp", { potentialVolume: 5000, relationshipStrength: 0.9 }],
 *     ["duo", { potentialVolume: 2000, relationshipStrength: 0.2 }],
 *   ]),
 *   { relationshipStrength: 0.5 },
 * );
 * result.customers.get("acme")?.cell; // => "Star"
 * result.customers.get("bolt")?.cell; // => "Question"
 * result.customers.get("corp")?.cell; // => "Cash cow"
 * result.customers.get("duo")?.cell; // => "Dog"
 * ```
 * @category Segmentation
 * @see Dalrymple, D. J., Cron, W. L. & DeCarlo, T. E. *Sales Management: Concepts and Cases*, Wiley (account portfolio models).
 */
export function portfolioMatrix(
  rows: ReadonlyMap<string, PortfolioInput>,
  options: PortfolioMatrixOptions = {},
): PortfolioMatrixResult {
  const opts = parseInput(FN, optionsSchema, options);
  const volume = readMeasure(FN, rows, "potentialVolume");
  const strength = readMeasure(FN, rows, "relationshipStrength");
  const vs = splitPoint(volume.values, opts.potentialVolume ?? "median");
  const ss = splitPoint(strength.values, opts.relationshipStrength ?? "median");
  const policies = { ...PORTFOLIO_POLICIES, ...definedOnly(opts.policies) };
  const counts = new Map<PortfolioCell, number>([
    ["Star", 0],
    ["Question", 0],
    ["Cash cow", 0],
    ["Dog", 0],
  ]);
  const customers = new Map<string, MatrixPlacement<PortfolioCell>>();
  volume.ids.forEach((id, i) => {
    const highV = volume.values[i]!.gte(vs);
    const strong = strength.values[i]!.gte(ss);
    const cell: PortfolioCell = highV
      ? strong
        ? "Star"
        : "Question"
      : strong
        ? "Cash cow"
        : "Dog";
    counts.set(cell, counts.get(cell)! + 1);
    customers.set(id, { cell, policy: policies[cell] });
  });
  return {
    customers,
    splitPoints: { potentialVolume: vs, relationshipStrength: ss },
    counts,
    policies,
  };
}
