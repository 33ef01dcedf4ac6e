/**
 * Dispatch from a fitted purchase model to its mathematics. Every prediction function goes through
 * {@link purchaseKernel}; adding a model family is one `case` here (and one overload per public
 * function whose customer type differs).
 * @internal
 * @module
 */
import { z } from "zod";
import { invalidInput } from "../../core/errors.js";
import { parseInput } from "../../core/validate.js";
import { regularizedIncompleteBeta } from "../../math/incompleteBeta.js";
import {
  bgNbdConditionalExpected,
  bgNbdDertIfAlive,
  bgNbdExpected,
  bgNbdExpectedIfAlive,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  type DropoutShift,
} from "../bgNbd/bgNbdMath.js";
import { type HistoryColumns, indexDistinct } from "../history.js";
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdDert,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
} from "../paretoNbd/fitParetoNbd.js";
import type { BgNbdParams, GammaGammaModel, ParetoNbdParams, PurchaseModel } from "../types.js";

/** The per-customer mathematics of one continuous-time purchase model. @internal */
export interface PurchaseKernel {
  probabilityAlive(x: number, tx: number, T: number): number;
  conditionalExpected(x: number, tx: number, T: number, t: number): number;
  expected(t: number): number;
  purchaseCountProbability(n: number, t: number): number;
  dert(x: number, tx: number, T: number, delta: number): number;
  /**
   * When the model factorises as P(alive | x, t_x, T)·g(x, T), the factor g of the conditional
   * expectation (lets batch paths compute g once per distinct (x, T)).
   */
  expectedIfAlive?: (x: number, T: number, t: number) => number;
  /** Likewise for DERT. */
  dertIfAlive?: (x: number, T: number, delta: number) => number;
}

function bgKernel(q: BgNbdParams, m: DropoutShift): PurchaseKernel {
  return {
    probabilityAlive: (x, tx, T) => bgNbdProbabilityAlive(q, m, x, tx, T),
    conditionalExpected: (x, tx, T, t) => bgNbdConditionalExpected(q, m, x, tx, T, t),
    expected: (t) => bgNbdExpected(q, m, t),
    purchaseCountProbability: (n, t) =>
      bgNbdPurchaseCountProbability(q, m, n, t, regularizedIncompleteBeta),
    dert: (x, tx, T, delta) => {
      const alive = bgNbdProbabilityAlive(q, m, x, tx, T);
      return alive === 0 ? 0 : alive * bgNbdDertIfAlive(q, m, x, T, delta);
    },
    expectedIfAlive: (x, T, t) => bgNbdExpectedIfAlive(q, m, x, T, t),
    dertIfAlive: (x, T, delta) => bgNbdDertIfAlive(q, m, x, T, delta),
  };
}

function paretoKernel(q: ParetoNbdParams): PurchaseKernel {
  return {
    probabilityAlive: (x, tx, T) => paretoNbdProbabilityAlive(q, x, tx, T),
    conditionalExpected: (x, tx, T, t) => paretoNbdConditionalExpectedPurchases(q, x, tx, T, t),
    expected: (t) => paretoNbdExpectedPurchases(q, t),
    purchaseCountProbability: (n, t) => paretoNbdPurchaseCountProbability(q, n, t),
    dert: (x, tx, T, delta) => paretoNbdDert(q, x, tx, T, delta),
  };
}

/** The kernel of a validated purchase model. @internal */
export function purchaseKernel(model: PurchaseModel): PurchaseKernel {
  switch (model.kind) {
    case "bg-nbd":
      return bgKernel(model.params, 0);
    case "modified-bg-nbd":
      return bgKernel(model.params, 1);
    case "pareto-nbd":
      return paretoKernel(model.params);
  }
}

const positive = z.number().finite().positive();
const bgParamsSchema = z.object({ r: positive, alpha: positive, a: positive, b: positive });
const paretoParamsSchema = z.object({ r: positive, alpha: positive, s: positive, beta: positive });

/** Schema of a purchase model as the prediction functions need it (extra fields allowed). */
const purchaseModelSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("bg-nbd"), params: bgParamsSchema }),
  z.object({ kind: z.literal("modified-bg-nbd"), params: bgParamsSchema }),
  z.object({ kind: z.literal("pareto-nbd"), params: paretoParamsSchema }),
]);

/** Validates a purchase model argument (kind and finite positive parameters). @internal */
export function parsePurchaseModel(fn: string, model: unknown): PurchaseModel {
  parseInput(fn, purchaseModelSchema, model);
  return model as PurchaseModel;
}

const gammaGammaSchema = z.object({
  kind: z.literal("gamma-gamma"),
  params: z.object({ p: positive, q: positive, v: positive }),
});

/** Validates a Gamma-Gamma model argument. @internal */
export function parseSpendModel(fn: string, model: unknown): GammaGammaModel {
  parseInput(fn, gammaGammaSchema, model);
  return model as GammaGammaModel;
}

/** Validates a time span t ≥ 0 (finite). @internal */
export function checkSpan(fn: string, t: unknown, name: string): number {
  if (typeof t !== "number" || !Number.isFinite(t) || t < 0) {
    throw invalidInput(fn, [name], `Expected a finite number ≥ 0, received ${String(t)}`);
  }
  return t;
}

/**
 * Evaluates P(alive)·g for every row, computing g once per distinct (x, T) when the kernel
 * factorises (on day- or week-resolution data there are a few thousand distinct pairs for a million
 * customers), else `direct` per row.
 * @internal
 */
export function batchConditional(
  data: HistoryColumns,
  alive: (x: number, tx: number, T: number) => number,
  ifAlive: ((x: number, T: number) => number) | undefined,
  direct: (x: number, tx: number, T: number) => number,
): Float64Array {
  const n = data.x.length;
  const out = new Float64Array(n);
  if (ifAlive === undefined) {
    for (let i = 0; i < n; i++) out[i] = direct(data.x[i]!, data.tx[i]!, data.T[i]!);
    return out;
  }
  const pairs = indexDistinct(data.x, data.T, undefined);
  const g = new Float64Array(pairs.count);
  for (let j = 0; j < pairs.count; j++) {
    const i = pairs.first[j]!;
    g[j] = ifAlive(data.x[i]!, data.T[i]!);
  }
  for (let i = 0; i < n; i++) {
    const p = alive(data.x[i]!, data.tx[i]!, data.T[i]!);
    out[i] = p === 0 ? 0 : p * g[pairs.row[i]!]!;
  }
  return out;
}
