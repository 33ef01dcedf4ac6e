/**
 * probabilityAlive with a `horizon`: P(alive at T + t | x, t_x, T). Pareto/NBD: P(alive)·((β+T)/
 * (β+T+t))^s (Fader & Hardie 2014, "Additional results for the Pareto/NBD model", note 015,
 * eq. 18; PyMC-Marketing `ParetoNBDModel.expected_probability_alive(future_t=…)`), checked with
 * lifetimes' P(alive) of the ten reference customers (models.md §3.7 [L]). BG/NBD and MBG/NBD:
 * P(alive)·₂F₁(r+x, a; a+b+x+m; −t/(α+T)), checked route against route (the Pfaff form by the
 * library's ₂F₁ where the prediction uses the Beta mixture, and the Beta mixture where it uses the
 * ₂F₁) and against a simulation of the drop-out process. BG/BB: lifetimes' P(alive at 7) (models.md §4.7 [L]) and
 * Fader, Hardie & Shang (2010), Table 6 (P(alive in 2002): 0.11, 0.59, 0.93).
 */
import { describe, expect, it } from "vitest";
import {
  type ProbabilityAliveOptions,
  type PurchaseModel,
  probabilityAlive,
  probabilityAliveMatrix,
} from "../../src/index.js";
import { hyp2f1 } from "../../src/math/hypergeometric.js";
import { betaLogitMean } from "../../src/models/bgNbd/bgNbdExpectedIfAlive.js";
import { expectIssue } from "../expectInvalidAt.js";
import {
  CDNOW_BG_NBD,
  CDNOW_MBG_NBD,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
} from "../fixtures/models.js";
import { REFERENCE_CUSTOMERS as REFERENCE } from "../fixtures/referenceCustomers.js";

describe("probabilityAlive with a horizon", () => {
  it("horizon 0 is today's P(alive) exactly, for every model", () => {
    for (const model of [CDNOW_BG_NBD, CDNOW_MBG_NBD, CDNOW_PARETO_NBD] as PurchaseModel[]) {
      expect(probabilityAlive(model, REFERENCE, { horizon: 0 })).toEqual(
        probabilityAlive(model, REFERENCE),
      );
    }
    const rows = [{ frequency: 2, recency: 4, periods: 6 }];
    expect(probabilityAlive(DONATIONS_BG_BB, rows, { horizon: 0 })).toEqual(
      probabilityAlive(DONATIONS_BG_BB, rows),
    );
  });
  it("Pareto/NBD: lifetimes' P(alive) × ((β+T)/(β+T+t))^s (Hardie note 015, eq. 18)", () => {
    const alive = [
      0.869118727978, 0.16787197422, 0.295097148426, 0.996124591723, 0.0114233480841, 1,
      0.997917943492, 2.38400544976e-8, 0.993064767354, 0.38373862448,
    ];
    const { s, beta } = CDNOW_PARETO_NBD.params;
    const later = probabilityAlive(CDNOW_PARETO_NBD, REFERENCE, { horizon: 52 });
    REFERENCE.forEach(({ T }, i) => {
      const expected = alive[i]! * ((beta + T) / (beta + T + 52)) ** s;
      expect(Math.abs(later[i]! - expected)).toBeLessThan(1e-10 * expected);
    });
  });
  it("BG/NBD and MBG/NBD: the Pfaff-transformed ₂F₁ route agrees (1e-12 relative)", () => {
    const cases: [PurchaseModel, 0 | 1][] = [
      [CDNOW_BG_NBD, 0],
      [CDNOW_MBG_NBD, 1],
    ];
    for (const [model, m] of cases) {
      const { r, alpha, a, b } = model.params as { r: number; alpha: number; a: number; b: number };
      const today = probabilityAlive(model, REFERENCE);
      for (const t of [1, 13, 52, 520]) {
        const later = probabilityAlive(model, REFERENCE, { horizon: t });
        REFERENCE.forEach(({ frequency: x, T }, i) => {
          const R = r + x;
          const B = b + x + m;
          const survive = (1 + t / (alpha + T)) ** -R * hyp2f1(R, B, a + B, t / (alpha + T + t));
          const expected = today[i]! * survive;
          expect(Math.abs(later[i]! - expected)).toBeLessThanOrEqual(1e-12 * expected);
        });
      }
    }
  });
  it("BG/NBD and MBG/NBD: the Beta-mixture route (the careful path) agrees with the ₂F₁ fast path (1e-10 relative)", () => {
    const cases: [PurchaseModel, 0 | 1][] = [
      [CDNOW_BG_NBD, 0],
      [CDNOW_MBG_NBD, 1],
    ];
    for (const [model, m] of cases) {
      const { r, alpha, a, b } = model.params as { r: number; alpha: number; a: number; b: number };
      const today = probabilityAlive(model, REFERENCE);
      for (const t of [0.01, 1, 13, 52]) {
        const later = probabilityAlive(model, REFERENCE, { horizon: t });
        REFERENCE.forEach(({ frequency: x, T }, i) => {
          const u = t / (alpha + T);
          const survive = betaLogitMean(a, b + x + m, (p) => (1 + p * u) ** -(r + x));
          const expected = today[i]! * survive;
          expect(Math.abs(later[i]! - expected)).toBeLessThanOrEqual(1e-10 * expected);
        });
      }
    }
  });
  it("BG/NBD: agrees with a simulation of the model's drop-out process (4 standard errors)", () => {
    // Customer 1 of CDNOW; draw (λ, p) from the posterior given alive at T, then count whether the
    // customer survives the purchases of the next 52 weeks. A seeded generator: no flakiness.
    const { r, alpha, a, b } = CDNOW_BG_NBD.params;
    const { frequency: x, T } = REFERENCE[0]!;
    let seed = 12345; // mulberry32
    const uniform = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let z = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
      return (((z ^ (z >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const gamma = (shape: number): number => {
      if (shape < 1) return gamma(shape + 1) * uniform() ** (1 / shape);
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const z = normal();
        const v = (1 + c * z) ** 3;
        if (v > 0 && Math.log(uniform()) < (z * z) / 2 + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    const draws = 200_000;
    let alive = 0;
    for (let k = 0; k < draws; k++) {
      const lambda = gamma(r + x) / (alpha + T);
      const g1 = gamma(a);
      const p = g1 / (g1 + gamma(b + x));
      let time = 0;
      let survived = true;
      for (;;) {
        time += -Math.log(uniform()) / lambda;
        if (time > 52) break;
        if (uniform() < p) {
          survived = false;
          break;
        }
      }
      if (survived) alive++;
    }
    const share = alive / draws;
    const today = probabilityAlive(CDNOW_BG_NBD, [REFERENCE[0]!])[0]!;
    const later = probabilityAlive(CDNOW_BG_NBD, [REFERENCE[0]!], { horizon: 52 })[0]!;
    const se = Math.sqrt((share * (1 - share)) / draws);
    expect(Math.abs(later / today - share)).toBeLessThan(4 * se);
  });
  it("never rises with the horizon and stays in [0, P(alive today)]", () => {
    for (const model of [CDNOW_BG_NBD, CDNOW_MBG_NBD, CDNOW_PARETO_NBD] as PurchaseModel[]) {
      let previous = probabilityAlive(model, REFERENCE);
      for (const horizon of [0.5, 5, 50, 500, 5000]) {
        const next = probabilityAlive(model, REFERENCE, { horizon });
        next.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(previous[i]!);
        });
        previous = next;
      }
    }
  });
  it("probabilityAliveMatrix takes the same horizon: each cell is probabilityAlive of its history", () => {
    for (const model of [CDNOW_BG_NBD, CDNOW_PARETO_NBD] as PurchaseModel[]) {
      const cells = probabilityAliveMatrix(model, { maxFrequency: 3, maxT: 10, horizon: 26 });
      const alive = probabilityAlive(
        model,
        cells.map((c) => ({ frequency: c.frequency, recency: c.recency, T: 10 })),
        { horizon: 26 },
      );
      cells.forEach((cell, i) => {
        expect(Math.abs(cell.probabilityAlive - alive[i]!)).toBeLessThanOrEqual(1e-15);
      });
    }
  });
  it("a horizon in another unit: 364 days = 52 weeks", () => {
    const weeks = probabilityAlive(CDNOW_BG_NBD, REFERENCE, { horizon: 52 });
    const days = probabilityAlive(CDNOW_BG_NBD, REFERENCE, { horizon: 364, unit: "day" });
    days.forEach((v, i) => {
      expect(Math.abs(v - weeks[i]!)).toBeLessThan(1e-15);
    });
  });
  it("BG/BB: horizon 1 is P(alive in 2002) (lifetimes; Fader, Hardie & Shang 2010, Table 6)", () => {
    const rows = [
      { frequency: 0, recency: 0, periods: 6 },
      { frequency: 2, recency: 4, periods: 6 },
      { frequency: 6, recency: 6, periods: 6 },
    ];
    const next = probabilityAlive(DONATIONS_BG_BB, rows, { horizon: 1 });
    [0.10813327511, 0.589657189079, 0.930433577509].forEach((expected, i) => {
      expect(Math.abs(next[i]! - expected)).toBeLessThan(1e-10 * expected);
    });
    expect([...next].map((v) => v.toFixed(2))).toEqual(["0.11", "0.59", "0.93"]);
  });
  it("errors: a negative horizon, a unit the model cannot convert, an unknown option", () => {
    const fn = "probabilityAlive";
    expectIssue(
      () => probabilityAlive(CDNOW_BG_NBD, REFERENCE, { horizon: -1 }),
      fn,
      ["options", "horizon"],
      "too_small",
    );
    expectIssue(
      () => probabilityAlive(CDNOW_BG_NBD, REFERENCE, { horizon: 1, unit: "month" }),
      fn,
      ["options", "unit"],
      "unit_mismatch",
    );
    expectIssue(
      () =>
        probabilityAlive(DONATIONS_BG_BB, [{ frequency: 0, recency: 0, periods: 6 }], {
          futurePeriods: 1, // renamed horizon (a type error too; see predictionSet.test-d.ts)
        } as ProbabilityAliveOptions),
      fn,
      ["options", "futurePeriods"],
      "unknown_key",
    );
  });
});
