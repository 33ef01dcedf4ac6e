/**
 * The bound properties of BG/NBD and MBG/NBD predictions, shared by the fast suite
 * (test/edges/btydBounds.test.ts, few runs) and the slow suite (test/slow/btydBounds.test.ts).
 *
 * For any accepted model (r, α, a, b > 0, drawn log-uniformly over 10⁻⁴…10⁵) and history
 * (x ≤ 3,000, 0 ≤ t_x ≤ T), every prediction either throws InvalidInputError (a region the numerics
 * do not serve) or is finite and satisfies, with R = r + x, A = α + T:
 * - 0 ≤ E[X(t)], non-decreasing in t, and E[X(t)] ≤ r·t/α (no purchase rate exceeds its mean);
 * - 0 ≤ P(alive) ≤ 1;
 * - 0 ≤ E[Y(t) | ·], non-decreasing in t, ≤ P(alive)·R·t/A;
 * - 0 ≤ DERT ≤ P(alive)·E[λ | alive]/δ = P(alive)·R/(A·δ): given (λ, p), DERT = λ/(δ + pλ) ≤ λ/δ
 *   (Fader, Hardie & Lee 2005 setting; derivation in docs/numerics.md).
 * Comparisons allow a relative 1e-12 for rounding (the fast and careful routes agree to 1e-14), and
 * an absolute 1e-300 where a product is subnormal.
 */
import fc from "fast-check";
import { expect } from "vitest";
import {
  conditionalExpectedPurchases,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  InvalidInputError,
  probabilityAlive,
} from "../../src/index.js";
import type { BgNbdModel, MbgNbdModel } from "../../src/models/types.js";

const SLACK = 1e-12;
/** Absolute slack for products that fall into float64's subnormal range (relative precision lost). */
const TINY = 1e-300;

/** The value of `run`, or undefined when it throws InvalidInputError (any other throw fails). */
function servedOrRefused(run: () => number): number | undefined {
  try {
    const value = run();
    expect(Number.isFinite(value)).toBe(true);
    return value;
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return undefined;
  }
}

const logUniform = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);

export const caseArbitrary = fc.record({
  r: logUniform(-4, 5),
  alpha: logUniform(-4, 5),
  a: logUniform(-4, 5),
  b: logUniform(-4, 5),
  modified: fc.boolean(),
  x: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3000 })),
  T: logUniform(-3, 4),
  recencyShare: fc.double({ min: 0, max: 1, noNaN: true }),
  t1: logUniform(-3, 5),
  factor: logUniform(0, 2),
  delta: logUniform(-4, 0),
});

export type BoundsCase = typeof caseArbitrary extends fc.Arbitrary<infer C> ? C : never;

/** Checks every bound of the module comment for one case. */
export function checkBounds(c: BoundsCase): void {
  const common = {
    params: { r: c.r, alpha: c.alpha, a: c.a, b: c.b },
    logLikelihood: 0,
    standardErrors: { r: 0, alpha: 0, a: 0, b: 0 },
    iterations: 1,
    converged: true as const,
    customerCount: 1,
    unit: "week" as const,
  };
  const model: BgNbdModel | MbgNbdModel = c.modified
    ? { kind: "mbg-nbd", ...common }
    : { kind: "bg-nbd", ...common };
  const tx = c.x === 0 ? 0 : c.T * c.recencyShare;
  const customer = { frequency: c.x, recency: tx, T: c.T };
  const t2 = c.t1 * c.factor;
  const R = c.r + c.x;
  const A = c.alpha + c.T;

  const e1 = servedOrRefused(() => expectedPurchases(model, { horizon: c.t1 }));
  const e2 = servedOrRefused(() => expectedPurchases(model, { horizon: t2 }));
  if (e1 !== undefined) {
    expect(e1).toBeGreaterThanOrEqual(0);
    expect(e1).toBeLessThanOrEqual(((c.r * c.t1) / c.alpha) * (1 + SLACK) + TINY);
  }
  if (e1 !== undefined && e2 !== undefined) expect(e1).toBeLessThanOrEqual(e2 * (1 + SLACK) + TINY);

  const alive = probabilityAlive(model, [customer])[0]!;
  expect(alive).toBeGreaterThanOrEqual(0);
  expect(alive).toBeLessThanOrEqual(1);

  const y1 = servedOrRefused(
    () => conditionalExpectedPurchases(model, [customer], { horizon: c.t1 })[0]!,
  );
  const y2 = servedOrRefused(
    () => conditionalExpectedPurchases(model, [customer], { horizon: t2 })[0]!,
  );
  if (y1 !== undefined) {
    expect(y1).toBeGreaterThanOrEqual(0);
    expect(y1).toBeLessThanOrEqual(((alive * R * c.t1) / A) * (1 + SLACK) + TINY);
  }
  if (y1 !== undefined && y2 !== undefined) expect(y1).toBeLessThanOrEqual(y2 * (1 + SLACK) + TINY);

  const dert = servedOrRefused(
    () =>
      discountedExpectedResidualPurchases(model, [customer], {
        continuousDiscountRate: c.delta,
      })[0]!,
  );
  if (dert !== undefined) {
    expect(dert).toBeGreaterThanOrEqual(0);
    expect(dert).toBeLessThanOrEqual(((alive * R) / (A * c.delta)) * (1 + SLACK) + TINY);
  }
}

/** Runs the property with a fixed seed. */
export function runBounds(numRuns: number, seed: number): void {
  fc.assert(fc.property(caseArbitrary, checkBounds), { numRuns, seed });
}
