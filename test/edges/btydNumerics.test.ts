/**
 * BG/NBD and MBG/NBD prediction numerics at the edges: large r, large
 * a, small α, a = 1, a + b < 1, heavy buyers' DERT. Every truth below is a 40–80-digit mpmath
 * evaluation by `test/fixtures/btydNumerics.py` (re-run it to regenerate btydNumerics.json):
 * - E[Y(t) | alive] from the untransformed ₂F₁ form c/(a−1)·[1 − (1−z)^{r+x} ₂F₁(r+x, b+x+m; c; z)]
 *   at 80 digits, cross-checked by the Beta-mixture integral E_p[(1 − (1+pu)^{−(r+x)})/p] (agree to
 *   ≤ 1e-35 except where mpmath's quadrature meets endpoint singularities; those were confirmed by a
 *   singularity-removing substitution, see the script);
 * - DERT from the "P-form" E_p[E_λ[λ/(δ+pλ)]] with the λ-expectation in closed form through the
 *   Tricomi U function (a route independent of the library's λ-quadrature).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  probabilityAlive,
} from "../../src/index.js";
import {
  eulerSeriesExpectedIfAlive,
  expectedIfAliveMixture,
} from "../../src/models/bgNbd/bgNbdExpectedIfAlive.js";
import type { BgNbdModel, BgNbdParams, MbgNbdModel } from "../../src/models/types.js";
import { expectInvalidAt } from "../expectInvalidAt.js";

interface Case {
  label: string;
  params: BgNbdParams;
  m: 0 | 1;
  x: number;
  tx: number;
  T: number;
}
interface ExpectedCase extends Case {
  t: number;
  ifAlive: string;
  pAlive: string;
  conditional: string;
}
interface DertCase extends Case {
  delta: number;
  ifAlive: string;
  pAlive: string;
  dert: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const fixture = JSON.parse(readFileSync(join(here, "../fixtures/btydNumerics.json"), "utf8")) as {
  expected: ExpectedCase[];
  dert: DertCase[];
};

function model(params: BgNbdParams, m: 0 | 1 = 0): BgNbdModel | MbgNbdModel {
  const common = {
    params,
    logLikelihood: 0,
    standardErrors: { r: 0, alpha: 0, a: 0, b: 0 },
    iterations: 1,
    converged: true as const,
    customerCount: 1,
    unit: "day" as const,
  };
  return m === 0 ? { kind: "bg-nbd", ...common } : { kind: "mbg-nbd", ...common };
}

const rel = (value: number, truth: number): number => Math.abs(value / truth - 1);
const bg = (params: BgNbdParams) => model(params, 0);

describe("regions where the textbook formula fails (docs/numerics.md)", () => {
  it("item 1: large r gives the right, positive E[X(t)] (was −3.03e11)", () => {
    // mpmath: 18.91320226884554 (fixture "E[X(3650)], large r")
    const value = expectedPurchases(bg({ r: 500, alpha: 10000, a: 2, b: 20 }), { horizon: 3650 });
    expect(rel(value, 18.91320226884554)).toBeLessThan(1e-13);
  });

  it("item 1: CLV of a customer under a large-r model is positive and equals E[M]·E[Y(H)] at d = 0 (was −84,854)", () => {
    const purchaseModel = bg({ r: 500, alpha: 10000, a: 2, b: 20 });
    const spendModel = {
      kind: "gamma-gamma",
      params: { p: 6.25, q: 3.74, v: 15.45 },
      logLikelihood: 0,
      standardErrors: { p: 0, q: 0, v: 0 },
      iterations: 1,
      converged: true,
      customerCount: 1,
    } as const;
    const customer = { frequency: 10, recency: 300, T: 365, monetaryValue: 20 };
    const spend = conditionalExpectedSpend(spendModel, [customer])[0]!.toNumber();
    // E[Y(3650) | 10, 300, 365] = 9.8069345397321859 (mpmath, fixture "E[Y(3650)] ... x 10").
    const undiscounted = customerLifetimeValue(
      { purchase: purchaseModel, spend: spendModel },
      [customer],
      { horizon: 3650, discountRate: 0, unit: "day" },
    )[0]!.toNumber();
    expect(rel(undiscounted, spend * 9.8069345397321859)).toBeLessThan(1e-12);
    const discounted = customerLifetimeValue(
      { purchase: purchaseModel, spend: spendModel },
      [customer],
      { horizon: 3650, discountRate: 0.1 / 365, unit: "day" },
    )[0]!.toNumber();
    expect(discounted).toBeGreaterThan(0);
    expect(discounted).toBeLessThan(undiscounted);
  });

  it("item 1: small α no longer oscillates (t = 147 → 4.82, t = 147.5 → 61.3 before)", () => {
    const m = bg({ r: 55.985, alpha: 0.1, a: 0.3529, b: 0.05 });
    // mpmath (80 digits, and a singularity-removing substitution): 265.34670475147927, 265.92836529863216
    expect(rel(expectedPurchases(m, { horizon: 147 }), 265.34670475147927)).toBeLessThan(1e-13);
    expect(rel(expectedPurchases(m, { horizon: 147.5 }), 265.92836529863216)).toBeLessThan(1e-13);
  });

  it("item 7: large a (400) is served (threw before); true 2.26222", () => {
    const value = expectedPurchases(bg({ r: 1, alpha: 10, a: 400, b: 1200 }), { horizon: 52 });
    expect(rel(value, 2.2622235146929717)).toBeLessThan(1e-13);
  });

  it("item 7: a = 22,620 conditional expectations are served for every customer", () => {
    const m = bg({ r: 0.5, alpha: 5, a: 22620, b: 90000 });
    const rows = [
      { frequency: 0, recency: 0, T: 52 },
      { frequency: 1, recency: 40, T: 52 },
      { frequency: 3, recency: 10, T: 30 },
    ];
    const values = conditionalExpectedPurchases(m, rows, { horizon: 52 });
    // mpmath: 0.40170914960385276 (x 0) and P(alive)·1.1105104172634689 (x 1)
    expect(rel(values[0]!, 0.40170914960385276)).toBeLessThan(1e-12);
    expect(values[2]!).toBeGreaterThan(0);
  });

  it("item 6: heavy buyers' DERT follows the 40-digit value (x = 1000: 0.026897 before, true 0.0210331)", () => {
    const m = bg({ r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 });
    const at = (frequency: number) =>
      discountedExpectedResidualPurchases(m, [{ frequency, recency: 51, T: 52 }], {
        continuousDiscountRate: 0.01,
      })[0]!;
    const truth = (x: number) =>
      Number(fixture.dert.find((c) => c.label === `DERT: BG x ${x}`)!.dert);
    expect(rel(at(300), truth(300))).toBeLessThan(1e-12); // 188.0771 (188.566 before)
    expect(rel(at(1000), truth(1000))).toBeLessThan(1e-12); // 0.0210331
    expect(rel(at(2000), truth(2000))).toBeLessThan(1e-12);
  });
});

describe("E[Y(t) | x, t_x, T] against high-precision values over the hard regions", () => {
  for (const c of fixture.expected) {
    it(`${c.label}: relative error ≤ 1e-12`, () => {
      const m = model(c.params, c.m);
      const customer = { frequency: c.x, recency: c.tx, T: c.T };
      const value =
        c.T === 0
          ? expectedPurchases(m, { horizon: c.t })
          : conditionalExpectedPurchases(m, [customer], { horizon: c.t })[0]!;
      expect(rel(value, Number(c.conditional))).toBeLessThan(1e-12);
      if (c.T > 0) {
        // The batch path (g cached per (x, T)) gives the same number.
        const batch = conditionalExpectedPurchases(m, [customer, customer], { horizon: c.t });
        expect(rel(batch[1]!, Number(c.conditional))).toBeLessThan(1e-12);
        expect(rel(probabilityAlive(m, [customer])[0]!, Number(c.pAlive))).toBeLessThan(1e-13);
      }
    });
  }
});

describe("DERT against high-precision values, x up to 2,000 (BG/NBD and MBG/NBD)", () => {
  for (const c of fixture.dert) {
    it(`${c.label}: relative error ≤ 1e-12 and below P(alive)·E[λ]/δ`, () => {
      const m = model(c.params, c.m);
      const customer = { frequency: c.x, recency: c.tx, T: c.T };
      const value = discountedExpectedResidualPurchases(m, [customer], {
        continuousDiscountRate: c.delta,
      })[0]!;
      const truth = Number(c.dert);
      if (truth < 1e-300) expect(value).toBe(0);
      else expect(rel(value, truth)).toBeLessThan(1e-12);
      const bound = (Number(c.pAlive) * (c.params.r + c.x)) / ((c.params.alpha + c.T) * c.delta);
      expect(value).toBeLessThanOrEqual(bound * (1 + 1e-12));
    });
  }
});

describe("DERT at large a (no 40-digit value: mpmath's ₂F₁ is too slow there)", () => {
  it("a = 400 and a = 22,620: positive, below P(alive)·E[λ]/δ and below P(alive)·E[1/p] = P(alive)(a+B−1)/(a−1)", () => {
    for (const params of [
      { r: 1, alpha: 10, a: 400, b: 1200 },
      { r: 0.5, alpha: 5, a: 22620, b: 90000 },
    ]) {
      const m = bg(params);
      const customer = { frequency: 5, recency: 30, T: 52 };
      const delta = 0.0027;
      const value = discountedExpectedResidualPurchases(m, [customer], {
        continuousDiscountRate: delta,
      })[0]!;
      const alive = probabilityAlive(m, [customer])[0]!;
      const B = params.b + 5;
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual((alive * (params.r + 5)) / ((params.alpha + 52) * delta));
      expect(value).toBeLessThanOrEqual((alive * (params.a + B - 1)) / (params.a - 1));
    }
  });
});

describe("regions the numerics cannot serve throw InvalidInputError naming the parameter", () => {
  it("a Beta shape far below 2e-3 with a long horizon: path params.a (or options' purchaseModel.params.a)", () => {
    const m = bg({ r: 0.5, alpha: 5, a: 1e-6, b: 3 });
    // The fast path serves short horizons (z ≤ 0.95) here...
    expect(expectedPurchases(m, { horizon: 1 })).toBeGreaterThan(0);
    // ...the careful path would need ~10⁸ nodes at z > 0.95: an error, never a number.
    expectInvalidAt(() => expectedPurchases(m, { horizon: 1000 }), ["model", "params", "a"]);
    expectInvalidAt(
      () =>
        conditionalExpectedPurchases(m, [{ frequency: 1, recency: 1, T: 2 }], { horizon: 1000 }),
      ["model", "params", "a"],
    );
  });
});

describe("the fast path agrees with the careful path wherever it is taken (differential)", () => {
  it("Euler series (when accepted) vs Beta-mixture quadrature: relative ≤ 5e-14, fast-check seed 7", () => {
    let worst = 0;
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: -3, max: 3, noNaN: true }).map((e) => 10 ** e),
          a: fc.double({ min: -2, max: 3, noNaN: true }).map((e) => 10 ** e),
          b: fc.double({ min: -2, max: 3, noNaN: true }).map((e) => 10 ** e),
          x: fc.integer({ min: 0, max: 500 }),
          m: fc.constantFrom(0, 1),
          z: fc.double({ min: 1e-6, max: 0.95, noNaN: true }),
        }),
        ({ r, a, b, x, m, z }) => {
          const R = r + x;
          const B = b + x + m;
          const fast = eulerSeriesExpectedIfAlive(R, a, B, z);
          if (Number.isNaN(fast)) return;
          accepted++;
          const careful = expectedIfAliveMixture(R, a, B, z / (1 - z));
          const error = Math.abs(fast / careful - 1);
          worst = Math.max(worst, error);
          expect(error).toBeLessThanOrEqual(5e-14);
        },
      ),
      { numRuns: 2000, seed: 7 },
    );
    expect(accepted).toBeGreaterThan(100); // the fast path serves a good part of this wide region
    expect(worst).toBeLessThanOrEqual(5e-14);
    // Measured: accepted 235 of 2000, worst 1.8e-14.
  });
});
