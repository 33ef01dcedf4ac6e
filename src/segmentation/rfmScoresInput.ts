/**
 * The boundary of `rfmScores`: its options schema, and the pass that reads every customer row once
 * into columns (or lists every problem and throws).
 * @internal
 * @module
 */

import * as z from "zod/mini";
import { IssueCollector, invalidInput } from "../core/errors.js";
import { readMoney } from "../core/money.js";
import { describeReceived } from "../core/validate.js";
import type { RfmScoresOptions } from "./rfmScores.js";
import { checkMeasures, checkRowKind, isRowObject } from "./rowKind.js";

const FN = "rfmScores";
const MEASURES = ["daysSinceLastPurchase", "purchases", "totalSpend"] as const;
const finiteArray = z.array(z.number());

type ThresholdOptions = Pick<RfmScoresOptions, "bins" | "method" | "thresholds" | "nested">;

/** The consistency rules of `method` / `thresholds` / `nested` / `bins`, as zod issues. */
function checkThresholds(o: ThresholdOptions, ctx: z.core.$RefinementCtx<unknown>): void {
  const bins = o.bins ?? 5;
  if ((o.method ?? "quantile") !== "thresholds") {
    if (o.thresholds !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["thresholds"],
        message: 'thresholds need method "thresholds"',
        input: o.thresholds,
        params: { code: "inconsistent" },
      });
    }
    return;
  }
  if (o.thresholds === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["thresholds"],
      message: 'method "thresholds" needs thresholds',
      input: undefined,
      params: { code: "required" },
    });
    return;
  }
  if (o.nested === true) {
    ctx.addIssue({
      code: "custom",
      path: ["nested"],
      message: 'nested binning needs method "quantile"',
      input: o.nested,
      params: { code: "inconsistent" },
    });
  }
  for (const key of MEASURES) {
    const cuts = o.thresholds[key];
    if (cuts.length !== bins - 1) {
      ctx.addIssue({
        code: "custom",
        path: ["thresholds", key],
        message: `Expected ${bins - 1} cut points for ${bins} bins, received ${cuts.length}`,
        input: cuts,
        params: { code: "inconsistent" },
      });
      continue;
    }
    const days = key === "daysSinceLastPurchase";
    for (let i = 1; i < cuts.length; i++) {
      const ordered = days ? cuts[i]! < cuts[i - 1]! : cuts[i]! > cuts[i - 1]!;
      if (ordered) continue;
      ctx.addIssue({
        code: "custom",
        path: ["thresholds", key, i],
        message: `Cut points must be strictly ${days ? "decreasing (days: the score-2 cut first)" : "increasing"}; ${cuts[i]} follows ${cuts[i - 1]}`,
        input: cuts[i],
        params: { code: "inconsistent" },
      });
    }
  }
}

/** The options of `rfmScores`. @internal */
export const rfmScoresOptionsSchema = z
  .strictObject({
    bins: z.exactOptional(z.int().check(z.minimum(2), z.maximum(9))),
    method: z.exactOptional(z.enum(["quantile", "thresholds"])),
    thresholds: z.exactOptional(
      z.strictObject({
        daysSinceLastPurchase: finiteArray,
        purchases: finiteArray,
        totalSpend: finiteArray,
      }),
    ),
    ties: z.exactOptional(z.enum(["min", "average", "max"])),
    nested: z.exactOptional(z.boolean()),
  })
  .check(z.superRefine(checkThresholds)) satisfies z.ZodMiniType<unknown, RfmScoresOptions>;

/** The customer rows of `rfmScores` as columns; every measure is goodness (larger is better). @internal */
export interface RfmColumns {
  /** Customer ids, input order. */
  readonly ids: string[];
  /** −daysSinceLastPurchase (+0 for zero days). */
  readonly recency: Float64Array;
  /** purchases. */
  readonly frequency: Float64Array;
  /** totalSpend as a float64. */
  readonly monetary: Float64Array;
}

/**
 * Reads every customer row once into columns. Each field is read once into a local that is both
 * checked and used; the first bad row stops the pass and the report pass lists every problem.
 * @internal
 */
export function readRfmColumns(customers: readonly unknown[]): RfmColumns {
  const n = customers.length;
  const ids: string[] = new Array(n);
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = customers[i];
    if (typeof row !== "object" || row === null) reportRows(customers);
    const {
      customerId,
      daysSinceLastPurchase,
      purchases,
      totalSpend,
      recency: r,
      T,
    } = row as Record<string, unknown>;
    if (
      typeof customerId !== "string" ||
      r !== undefined ||
      T !== undefined ||
      typeof daysSinceLastPurchase !== "number" ||
      !Number.isFinite(daysSinceLastPurchase) ||
      typeof purchases !== "number" ||
      !Number.isFinite(purchases)
    ) {
      reportRows(customers);
    }
    ids[i] = customerId;
    recency[i] = -daysSinceLastPurchase + 0; // + 0: zero days is +0, not −0
    frequency[i] = purchases;
    monetary[i] = spendOf(totalSpend, customers);
  }
  return { ids, recency, frequency, monetary };
}

/** A total spend as a float64 (a number as it is, a `Decimal` or decimal string converted). */
function spendOf(totalSpend: unknown, customers: readonly unknown[]): number {
  if (typeof totalSpend === "number" && Number.isFinite(totalSpend) && Math.abs(totalSpend) < 1e21)
    return totalSpend;
  const amount = readMoney(totalSpend);
  if (typeof amount === "string") reportRows(customers);
  return amount.toNumber();
}

/** The report pass of `rfmScores`: lists the problems of every row (up to the cap) and throws. */
function reportRows(customers: readonly unknown[]): never {
  const issues = new IssueCollector();
  for (let i = 0; i < customers.length && !issues.full; i++) {
    const row = customers[i];
    const shape = "an RFM row { customerId, daysSinceLastPurchase, purchases, totalSpend }";
    if (!isRowObject(issues, "customers", i, row, shape)) continue;
    const { customerId, daysSinceLastPurchase, purchases, totalSpend, recency, T } = row as Record<
      string,
      unknown
    >;
    if (checkRowKind(issues, "customers", i, recency, T)) continue;
    if (typeof customerId !== "string") {
      issues.add(
        ["customers", i, "customerId"],
        `Expected a customer id (string), received ${describeReceived(customerId)}`,
        customerId === undefined ? "required" : "invalid_type",
        customerId,
      );
    }
    checkMeasures(issues, "customers", i, daysSinceLastPurchase, purchases, totalSpend);
  }
  issues.throwIfAny(FN);
  // The fast pass saw a problem the report pass did not (a getter that changed its answer).
  throw invalidInput(FN, ["customers"], "The rows changed while they were read", "unreadable");
}
