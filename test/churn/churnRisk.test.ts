/**
 * churnRisk. End-to-end on CDNOW (Fader, Hardie & Lee 2005 data; test/fixtures/CDNOW_sample.txt):
 * fit BG/NBD and Gamma-Gamma on the 39-week calibration period (1997-01-01 … 1997-09-30), rank
 * customers by value at risk, and check on the 39-week holdout that highly ranked customers lose
 * more purchases (relative to their own calibration pace) than low-ranked ones.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BgNbdModel,
  churnRisk,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaModel,
  InvalidInputError,
  prioritizeRecovery,
  probabilityAlive,
} from "../../src/index.js";
import { cdnowSample } from "../fixtures/load.js";
import { CDNOW_GAMMA_GAMMA, CDNOW_PARETO_NBD } from "../fixtures/models.js";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const calibrationEnd = day("1997-09-30");
const HOLDOUT_WEEKS = 39;

/** Calibration summaries in weeks (same-day purchases merged) and holdout purchase days. */
function cdnowCalibration() {
  const calib = new Map<string, Map<number, number>>();
  const holdout = new Map<string, Set<number>>();
  for (const t of cdnowSample()) {
    const d = day(t.date);
    if (d <= calibrationEnd) {
      const days = calib.get(t.customerId) ?? new Map<number, number>();
      days.set(d, (days.get(d) ?? 0) + Math.round(Number(t.amount) * 100));
      calib.set(t.customerId, days);
    } else {
      holdout.set(t.customerId, (holdout.get(t.customerId) ?? new Set<number>()).add(d));
    }
  }
  return [...calib].map(([id, days]) => {
    const sorted = [...days].sort((a, b) => a[0] - b[0]);
    const first = sorted[0]![0];
    const repeat = sorted.slice(1);
    const cents = repeat.reduce((s, [, c]) => s + c, 0);
    return {
      id,
      frequency: repeat.length,
      recency: repeat.length === 0 ? 0 : (sorted.at(-1)![0] - first) / 7,
      T: (calibrationEnd - first) / 7,
      monetaryValue: repeat.length === 0 ? 0 : cents / repeat.length / 100,
      holdout: holdout.get(id)?.size ?? 0,
    };
  });
}

describe("churnRisk end to end on CDNOW", () => {
  const customers = cdnowCalibration();
  const model = fitBgNbd(customers);
  const spendModel = fitGammaGamma(customers.filter((c) => c.frequency > 0));
  const risk = churnRisk({ purchase: model, spend: spendModel }, customers, {
    horizon: 52,
    discountRate: 1.15 ** (1 / 52) - 1,
    unit: "week",
    noPurchaseWindow: 4,
  });

  it("has the 2,357 customers and the published BG/NBD fit (r 0.243, α 4.41, a 0.793, b 2.43)", () => {
    expect(customers.length).toBe(2357);
    expect(model.params.r.toFixed(3)).toBe("0.243");
    expect(model.params.alpha.toFixed(2)).toBe("4.41");
    expect(model.params.a.toFixed(3)).toBe("0.793");
    expect(model.params.b.toFixed(2)).toBe("2.43");
  });

  it("customers ranked high by value at risk lose more holdout purchases than those ranked low", () => {
    // Only repeat buyers have a calibration pace; rank them by value at risk.
    const rows = customers
      .map((c, i) => ({ c, var: risk[i]!.valueAtRisk.toNumber() }))
      .filter((row) => row.c.frequency > 0)
      .sort((a, b) => b.var - a.var);
    const lost = (row: (typeof rows)[number]) =>
      (row.c.frequency / row.c.T) * HOLDOUT_WEEKS - row.c.holdout;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const tenth = Math.floor(rows.length / 10);
    const top = rows.slice(0, tenth);
    const bottom = rows.slice(-tenth);
    const topLost = mean(top.map(lost));
    const bottomLost = mean(bottom.map(lost));
    expect(topLost).toBeGreaterThan(bottomLost);
    // and more than the average repeat buyer: the ranking concentrates the losses at the top
    expect(topLost).toBeGreaterThan(2 * mean(rows.map(lost)));
  });

  it("matches probabilityAlive and the BG/NBD no-purchase formula", () => {
    const alive = probabilityAlive(model, customers);
    const { r, alpha } = model.params;
    for (const i of [0, 1, 17, 1000, 2356]) {
      const c = customers[i]!;
      expect(risk[i]!.probabilityAlive).toBe(alive[i]);
      const quiet = ((alpha + c.T) / (alpha + c.T + 4)) ** (r + c.frequency);
      const expected = 1 - alive[i]! + alive[i]! * quiet;
      expect(Math.abs(risk[i]!.probabilityNoPurchase - expected)).toBeLessThan(1e-12);
    }
  });

  it("money is the model estimate at 15 significant digits", () => {
    const values = customerLifetimeValue({ purchase: model, spend: spendModel }, customers, {
      horizon: 52,
      discountRate: 1.15 ** (1 / 52) - 1,
      unit: "week",
    });
    for (const i of [0, 1, 157, 2356]) {
      expect(risk[i]!.residualValue.equals(values[i]!)).toBe(true);
      expect(risk[i]!.residualValue.precision()).toBeLessThanOrEqual(15);
      const atRisk = values[i]!.toNumber() * (1 - risk[i]!.probabilityAlive);
      expect(risk[i]!.valueAtRisk.toNumber()).toBeCloseTo(atRisk, 10);
    }
  });

  it("feeds prioritizeRecovery: value at risk as the value, derived win-back probability", () => {
    const plan = prioritizeRecovery(
      customers.map((c, i) => ({
        customerId: c.id,
        value: risk[i]!.residualValue,
        cause: "unknown" as const,
        cost: 2,
        recency: c.T - c.recency,
      })),
      { budget: 500, halfLife: 26 },
    );
    expect(plan.budget!.spend.lessThanOrEqualTo(500)).toBe(true);
    expect(plan.entries.length).toBe(customers.length);
  });

  const bg: BgNbdModel = model;
  const gg: GammaGammaModel = spendModel;
  it("property: probabilities in [0, 1], P(no purchase) ≥ 1 − P(alive), 0 ≤ value at risk ≤ residual", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0.1, max: 52, noNaN: true }),
        (x, share, T, spend, period) => {
          const recency = x === 0 ? 0 : Math.max(share * T, 1e-6);
          const [out] = churnRisk(
            { purchase: bg, spend: gg },
            [{ frequency: x, recency, T, monetaryValue: spend }],
            { horizon: "infinite", discountRate: 0.01, unit: "week", noPurchaseWindow: period },
          );
          expect(out!.probabilityAlive).toBeGreaterThanOrEqual(0);
          expect(out!.probabilityAlive).toBeLessThanOrEqual(1);
          expect(out!.probabilityNoPurchase).toBeLessThanOrEqual(1);
          expect(out!.probabilityNoPurchase).toBeGreaterThanOrEqual(
            1 - out!.probabilityAlive - 1e-15,
          );
          expect(out!.valueAtRisk.isNegative()).toBe(false);
          expect(out!.valueAtRisk.lessThanOrEqualTo(out!.residualValue)).toBe(true);
        },
      ),
    );
  });

  const opts = { spendModel: gg, horizon: 52, discountRate: 0.001, unit: "week" as const };
  const one = [{ frequency: 1, recency: 2, T: 3, monetaryValue: 10 }];
  const cases: [string, () => unknown, string][] = [
    [
      "Pareto/NBD model without s and beta",
      () =>
        churnRisk(
          {
            purchase: { purchase: { ...bg, kind: "pareto-nbd" } as never, spend: opts.spendModel },
            spend: opts.spendModel,
          },
          one,
          opts,
        ),
      "model.params.s",
    ],
    [
      "unknown model kind",
      () =>
        churnRisk(
          {
            purchase: { purchase: { ...bg, kind: "bg-bb" } as never, spend: opts.spendModel },
            spend: opts.spendModel,
          },
          one,
          opts,
        ),
      "model.kind",
    ],
    [
      "bad parameter",
      () =>
        churnRisk(
          {
            purchase: {
              purchase: { ...bg, params: { ...bg.params, r: -1 } },
              spend: opts.spendModel,
            },
            spend: opts.spendModel,
          },
          one,
          opts,
        ),
      "model.params.r",
    ],
    [
      "recency > T",
      () =>
        churnRisk(
          { purchase: { purchase: bg, spend: opts.spendModel }, spend: opts.spendModel },
          [{ frequency: 1, recency: 5, T: 3, monetaryValue: 1 }],
          opts,
        ),
      "customers[0].recency",
    ],
    [
      "negative discount rate",
      () => churnRisk(bg, one, { ...opts, discountRate: -1 }),
      "options.discountRate",
    ],
    [
      "bad spend model",
      () =>
        churnRisk({ purchase: bg, spend: { ...gg, params: { ...gg.params, p: 0 } } }, one, {
          ...opts,
        }),
      "options.spendModel.params.p",
    ],
    ["period 0", () => churnRisk(bg, one, { ...opts, period: 0 }), "options.period"],
    [
      "unknown option",
      () =>
        churnRisk(
          {
            purchase: { purchase: bg, spend: { ...opts, horizn: 3 } as never.spendModel },
            spend: { ...opts, horizn: 3 } as never.spendModel,
          },
          one,
          { ...opts, horizn: 3 } as never,
        ),
      "options",
    ],
  ];
  it.each(cases)("%s → InvalidInputError", (_n, call, path) => {
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(path);
    expect(call).toThrow(/^churnRisk/);
  });
});

describe("churnRisk with a Pareto/NBD model", () => {
  // θ_PNBD: the CDNOW (weeks) maximum-likelihood fit of ../shared/reference/models.md §0.4, and the
  // conditional P(Y(39) = 0) and P(alive) of its §3.7 reference customers, as printed by the Python
  // lifetimes library ([L] there).
  const model = CDNOW_PARETO_NBD;
  const spendModel = CDNOW_GAMMA_GAMMA;
  const reference: [number, number, number, number, number][] = [
    // x, t_x, T, P(alive), P(Y(39) = 0)
    [2, 30.43, 38.86, 0.869118727978, 0.408091057792],
    [1, 1.71, 38.86, 0.16787197422, 0.913420234131],
    [0, 0, 38.86, 0.295097148426, 0.930733295419],
    [29, 37.71, 38.0, 0.996124591723, 0.0234804610396],
    [5, 5.14, 37.29, 0.0114233480841, 0.989945498892],
    [7, 34.86, 34.86, 1, 0.0787949393702],
    [26, 30.86, 31.0, 0.997917943492, 0.0238186418697],
    [21, 4.71, 29.29, 2.38400544976e-8, 0.999999976796],
    [4, 26.57, 27.0, 0.993064767354, 0.143654690829],
    [0, 0, 27.0, 0.38373862448, 0.896657691816],
  ];
  const customers = reference.map(([x, tx, T]) => ({
    frequency: x,
    recency: tx,
    T,
    monetaryValue: 35,
  }));
  const risk = churnRisk({ purchase: model, spend: spendModel }, customers, {
    horizon: 52,
    discountRate: 0.0027,
    unit: "week",
    noPurchaseWindow: 39,
  });

  it("reproduces the conditional P(Y(39) = 0) of the 10 reference customers (lifetimes, 12 digits)", () => {
    reference.forEach(([, , , alive, none], i) => {
      expect(Math.abs(risk[i]!.probabilityAlive - alive)).toBeLessThan(
        1e-11 * Math.max(alive, 1e-3),
      );
      expect(Math.abs(risk[i]!.probabilityNoPurchase - none) / none).toBeLessThan(1e-10);
    });
  });

  it("value at risk is residual value × (1 − P(alive)) and at most the residual value", () => {
    risk.forEach((row) => {
      expect(row.valueAtRisk.lessThanOrEqualTo(row.residualValue)).toBe(true);
      const expected = row.residualValue.toNumber() * (1 - row.probabilityAlive);
      expect(Math.abs(row.valueAtRisk.toNumber() - expected)).toBeLessThanOrEqual(
        1e-12 * (1 + expected),
      );
    });
  });
});
