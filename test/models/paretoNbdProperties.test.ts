/**
 * Pareto/NBD invariants (fast-check), error paths, and parameter recovery from data simulated with
 * known parameters.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitParetoNbd, InvalidInputError, ModelFitError } from "../../src/index.js";
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdDert,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  paretoNbdPurchaseCountProbability,
} from "../../src/models/paretoNbd/fitParetoNbd.js";
import { paretoNbdLogLikelihood } from "../../src/models/paretoNbd/paretoNbdLikelihood.js";
import { gamma, random } from "./simulate.js";

const param = (min: number, max: number) =>
  fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);

const paramsArb = fc.record({
  r: param(0.05, 20),
  alpha: param(0.05, 500),
  s: param(0.05, 20),
  beta: param(0.05, 500),
});

const customerArb = fc
  .record({
    x: fc.integer({ min: 0, max: 1000 }),
    T: fc.double({ min: 1e-3, max: 10000, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ x, T, share }) => ({ x, tx: x === 0 ? 0 : share * T, T }));

describe("Pareto/NBD invariants", () => {
  it("P(alive) is in [0, 1]; ℓ, E[Y(t)] and DERT are finite and ≥ 0 for any history", () => {
    fc.assert(
      fc.property(paramsArb, customerArb, (q, { x, tx, T }) => {
        const alive = paretoNbdProbabilityAlive(q, x, tx, T);
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        expect(Number.isFinite(paretoNbdLogLikelihood(q, x, tx, T))).toBe(true);
        const e = paretoNbdConditionalExpectedPurchases(q, x, tx, T, 52);
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(0);
        const d = paretoNbdDert(q, x, tx, T, 0.0027);
        expect(Number.isFinite(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
  it("extreme customers stay finite (x = 1000, T = 10,000; x = 0 at tiny T)", () => {
    const q = { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 };
    for (const [x, tx, T] of [
      [1000, 10000, 10000],
      [1000, 1, 10000],
      [0, 0, 1e-9],
      [1000, 1e-6, 1e-3],
    ]) {
      const alive = paretoNbdProbabilityAlive(q, x!, tx!, T!);
      expect(alive >= 0 && alive <= 1).toBe(true);
      expect(Number.isFinite(paretoNbdConditionalExpectedPurchases(q, x!, tx!, T!, 52))).toBe(true);
      expect(Number.isFinite(paretoNbdLogLikelihood(q, x!, tx!, T!))).toBe(true);
    }
  });
  it("E[X(t)] is increasing in t, including through s = 1", () => {
    fc.assert(
      fc.property(
        paramsArb,
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: 1.001, max: 10, noNaN: true }),
        (q, t, factor) => {
          const a = paretoNbdExpectedPurchases(q, t);
          const b = paretoNbdExpectedPurchases(q, t * factor);
          expect(Number.isFinite(b)).toBe(true);
          // strictly increasing; at very long horizons with s > 1 it saturates at the float64 limit
          expect(b).toBeGreaterThanOrEqual(a);
          if ((q.s - 1) * Math.log1p(t / q.beta) < 20) expect(b).toBeGreaterThan(a);
        },
      ),
    );
    // s = 1 is the continuous limit (rβ/α) ln(1 + t/β)
    const q = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expect(paretoNbdExpectedPurchases(q, 39)).toBeCloseTo(
      (0.5 * 12 * Math.log1p(39 / 12)) / 10,
      14,
    );
    const near = paretoNbdExpectedPurchases({ ...q, s: 1 + 1e-9 }, 39);
    expect(Math.abs(near - paretoNbdExpectedPurchases(q, 39))).toBeLessThan(1e-9);
  });
  it("the PMF sums to 1 and its mean is E[X(t)]", () => {
    fc.assert(
      fc.property(
        fc.record({
          r: param(0.2, 5),
          alpha: param(1, 50),
          s: param(0.2, 5),
          beta: param(1, 50),
        }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        (q, t) => {
          let total = 0;
          let mean = 0;
          const center = paretoNbdExpectedPurchases(q, t);
          for (let n = 0; n < 5000; n++) {
            const p = paretoNbdPurchaseCountProbability(q, n, t);
            expect(p).toBeGreaterThanOrEqual(0);
            total += p;
            mean += n * p;
            if (n > 2 * center && n * p < 1e-15) break; // the tail beyond is negligible
          }
          expect(Math.abs(total - 1)).toBeLessThan(1e-8);
          expect(Math.abs(mean - paretoNbdExpectedPurchases(q, t))).toBeLessThan(
            1e-6 * Math.max(1, mean),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("fitParetoNbd error paths", () => {
  const good = [
    { frequency: 2, recency: 30.43, T: 38.86 },
    { frequency: 0, recency: 0, T: 38.86 },
  ];
  const week = <R extends object>(rows: readonly R[]) =>
    rows.map((row) => ({ ...row, unit: "week" as const }));
  const expectInvalid = (fn: () => unknown, path: string) => {
    try {
      fn();
      expect.unreachable("should have thrown");
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as Error).message).toMatch(/^fitParetoNbd: /);
      expect((error as Error).message).toContain(path);
    }
  };
  it("rejects bad rows with the path of the bad value", () => {
    expectInvalid(
      () => fitParetoNbd(week([...good, { frequency: -1, recency: 0, T: 3 }])),
      "customers[2].frequency",
    );
    expectInvalid(
      () => fitParetoNbd(week([...good, { frequency: 1.5, recency: 1, T: 3 }])),
      "customers[2].frequency",
    );
    expectInvalid(
      () => fitParetoNbd(week([...good, { frequency: 1, recency: 4, T: 3 }])),
      "customers[2].recency",
    );
    expectInvalid(
      () => fitParetoNbd(week([...good, { frequency: 1, recency: 1, T: Number.NaN }])),
      "customers[2].T",
    );
  });
  it("rejects data without repeat buyers and all-zero data", () => {
    expectInvalid(
      () => fitParetoNbd([{ frequency: 0, recency: 0, T: 10 }], { unit: "week" }),
      "repeat purchase",
    );
    expectInvalid(
      () =>
        fitParetoNbd(
          [
            { frequency: 0, recency: 0, T: 5 },
            { frequency: 0, recency: 0, T: 7, count: 4 },
          ],
          { unit: "week" },
        ),
      "repeat purchase",
    );
    expectInvalid(() => fitParetoNbd([]), "at least one customer");
  });
  it("rejects unknown options and unknown initial parameters", () => {
    // @ts-expect-error unknown option
    expectInvalid(() => fitParetoNbd(good, { maxIteration: 3 }), "maxIteration");
    expectInvalid(() => fitParetoNbd(good, { unit: "week", initial: { a: 1 } }), "initial.a");
  });
  it("throws ModelFitError when the optimiser cannot converge in the allowed iterations", () => {
    expect(() =>
      fitParetoNbd(good.concat([{ frequency: 5, recency: 20, T: 30 }]), {
        maxIterations: 1,
        unit: "week",
      }),
    ).toThrow(ModelFitError);
  });
});

/** Simulates Pareto/NBD histories: λ ~ Gamma(r, α), μ ~ Gamma(s, β), lifetime ~ Exp(μ). */
function simulateParetoNbd(
  q: { r: number; alpha: number; s: number; beta: number },
  n: number,
  seed: number,
): { frequency: number; recency: number; T: number }[] {
  const u = random(seed);
  const rows: { frequency: number; recency: number; T: number }[] = [];
  for (let i = 0; i < n; i++) {
    const T = 26 + u() * 26;
    const lambda = gamma(u, q.r, q.alpha);
    const mu = gamma(u, q.s, q.beta);
    const end = Math.min(T, -Math.log(1 - u()) / mu);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += -Math.log(1 - u()) / lambda;
      if (t > end) break;
      x += 1;
      last = t;
    }
    rows.push({ frequency: x, recency: last, T });
  }
  return rows;
}

describe("refitting simulated Pareto/NBD data recovers the parameters", () => {
  it("20,000 customers, weeks: every estimate within 4 standard errors", () => {
    const truth = { r: 0.6, alpha: 8, s: 0.8, beta: 15 };
    const fit = fitParetoNbd(simulateParetoNbd(truth, 20000, 7), { unit: "week" });
    for (const key of ["r", "alpha", "s", "beta"] as const) {
      const z = Math.abs(fit.params[key] - truth[key]) / fit.standardErrors[key];
      expect(z, `${key}: ${fit.params[key]} ± ${fit.standardErrors[key]}`).toBeLessThan(4);
    }
  });
});
