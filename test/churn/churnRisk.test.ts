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
  prioritizeRecovery,
  probabilityAlive,
} from "../../src/index.js";
import { expectInvalidAt } from "../expectInvalidAt.js";
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
  const model = fitBgNbd(customers, { unit: "week" });
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
      const p = risk[i]!.probabilityAlive;
      expect(risk[i]!.residualValue.equals(values[i]!)).toBe(true);
      expect(risk[i]!.residualValue.precision()).toBeLessThanOrEqual(15);
      expect(risk[i]!.valueIfAlive.precision()).toBeLessThanOrEqual(15);
      expect(risk[i]!.valueAtRisk.precision()).toBeLessThanOrEqual(15);
      // residual = P(alive) × value if alive; value at risk = (1 − P(alive)) × value if alive
      const ifAlive = values[i]!.toNumber() / p;
      expect(risk[i]!.valueIfAlive.toNumber()).toBeCloseTo(ifAlive, 10);
      expect(risk[i]!.valueAtRisk.toNumber()).toBeCloseTo(ifAlive * (1 - p), 10);
    }
  });

  it("daysSinceLastPurchase: whole days from the last calibration purchase to 1997-09-30", () => {
    // Independently of the weeks: the last purchase day of each customer, from the log itself.
    const last = new Map<string, number>();
    for (const t of cdnowSample()) {
      const d = day(t.date);
      if (d <= calibrationEnd) last.set(t.customerId, Math.max(last.get(t.customerId) ?? d, d));
    }
    customers.forEach((c, i) => {
      expect(risk[i]!.daysSinceLastPurchase).toBe(calibrationEnd - last.get(c.id)!);
    });
    expect(risk[0]!.daysSinceLastPurchase).toBe(59); // customer 1: last purchase 1997-08-02
  });

  it("feeds prioritizeRecovery as it is: value at risk, P(alive), days; active customers retained", () => {
    const plan = prioritizeRecovery(
      risk.map((r, i) => ({
        customerId: customers[i]!.id,
        value: r.valueAtRisk,
        probabilityAlive: r.probabilityAlive,
        daysSinceLastPurchase: r.daysSinceLastPurchase,
        cause: "unknown" as const,
        cost: 2,
      })),
      { budget: 500 },
    );
    expect(plan.budget!.spend.lessThanOrEqualTo(500)).toBe(true);
    expect(plan.entries.length).toBe(customers.length);
    const active = risk.filter((r) => r.probabilityAlive > 0.5).length;
    expect(active).toBeGreaterThan(1000); // most CDNOW customers are still likely alive
    plan.entries.forEach((e, i) => {
      const likelyAlive = risk[i]!.probabilityAlive > 0.5;
      expect(e.tier === "active").toBe(likelyAlive);
      expect(e.action === "retain").toBe(likelyAlive);
      if (likelyAlive) expect(e.selected).toBe(false);
      // the expected net value is what a win-back restores of the value at risk, minus its cost
      const restored = e.winBackProbability * risk[i]!.valueAtRisk.toNumber() - 2;
      expect(e.expectedNetValue.toNumber()).toBeCloseTo(restored, 9);
    });
    // every recovery case ranks before every active customer
    const firstActive = plan.entries.length - active;
    expect(
      [...plan.byRank].slice(firstActive).every((i) => plan.entries[i]!.tier === "active"),
    ).toBe(true);
  });

  const bg: BgNbdModel = model;
  const gg: GammaGammaModel = spendModel;
  it("property: probabilities in [0, 1], P(no purchase) ≥ 1 − P(alive), residual + value at risk = value if alive", () => {
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
          expect(out!.valueAtRisk.lessThanOrEqualTo(out!.valueIfAlive)).toBe(true);
          expect(out!.residualValue.lessThanOrEqualTo(out!.valueIfAlive)).toBe(true);
          const sum = out!.residualValue.plus(out!.valueAtRisk).toNumber();
          const ifAlive = out!.valueIfAlive.toNumber();
          expect(Math.abs(sum - ifAlive)).toBeLessThanOrEqual(1e-12 * ifAlive);
        },
      ),
    );
  });

  const opts = { horizon: 52, discountRate: 0.001, unit: "week" as const };
  const pair = { purchase: bg, spend: gg };
  const one = [{ frequency: 1, recency: 2, T: 3, monetaryValue: 10 }];
  const cases: [string, () => unknown, readonly PropertyKey[], string | undefined][] = [
    [
      "Pareto/NBD model without s and beta",
      () => churnRisk({ ...pair, purchase: { ...bg, kind: "pareto-nbd" } as never }, one, opts),
      ["model", "purchase", "params", "s"],
      undefined,
    ],
    [
      "unknown model kind",
      () => churnRisk({ ...pair, purchase: { ...bg, kind: "bg-bb" } as never }, one, opts),
      ["model", "purchase", "kind"],
      undefined,
    ],
    [
      "bad parameter",
      () => churnRisk({ ...pair, purchase: { ...bg, params: { ...bg.params, r: -1 } } }, one, opts),
      ["model", "purchase", "params", "r"],
      "too_small",
    ],
    [
      "recency > T",
      () => churnRisk(pair, [{ frequency: 1, recency: 5, T: 3, monetaryValue: 1 }], opts),
      ["customers", 0, "recency"],
      undefined,
    ],
    [
      "negative discount rate",
      () => churnRisk(pair, one, { ...opts, discountRate: -1 }),
      ["options", "discountRate"],
      "too_small",
    ],
    [
      "discount rate 10 (meant as 10 %)",
      () => churnRisk(pair, one, { ...opts, discountRate: 10 }),
      ["options", "discountRate"],
      "implausible_rate",
    ],
    [
      "bad spend model",
      () => churnRisk({ ...pair, spend: { ...gg, params: { ...gg.params, p: 0 } } }, one, opts),
      ["model", "spend", "params", "p"],
      "too_small",
    ],
    [
      "noPurchaseWindow 0",
      () => churnRisk(pair, one, { ...opts, noPurchaseWindow: 0 }),
      ["options", "noPurchaseWindow"],
      "too_small",
    ],
    [
      "the old name period",
      () => churnRisk(pair, one, { ...opts, period: 4 } as never),
      ["options", "period"],
      "unknown_key",
    ],
    [
      "months on a weekly model without unitConversion",
      () => churnRisk(pair, one, { ...opts, unit: "month" }),
      ["options", "unit"],
      "unit_mismatch",
    ],
    [
      "a customerId that is not a string",
      () => churnRisk(pair, [{ ...one[0]!, customerId: 7 as never }], opts),
      ["customers", 0, "customerId"],
      "invalid_type",
    ],
  ];
  it.each(cases)("%s → InvalidInputError", (_n, call, path, code) => {
    const error = expectInvalidAt(call, path);
    expect(error.functionName).toBe("churnRisk");
    if (code !== undefined) expect(error.issues[0]!.code).toBe(code);
  });
  it("copies customerId, keeps input order, and its residual value is customerLifetimeValue", () => {
    const rows = [
      { customerId: "b", frequency: 3, recency: 20, T: 30, monetaryValue: 12 },
      { frequency: 0, recency: 0, T: 10, monetaryValue: 0 },
      { customerId: "a", frequency: 1, recency: 2, T: 3, monetaryValue: 10 },
    ];
    const risk = churnRisk(pair, rows, { ...opts, noPurchaseWindow: 4 });
    expect(risk.map((r) => r.customerId)).toEqual(["b", undefined, "a"]);
    expect("customerId" in risk[1]!).toBe(false);
    const values = customerLifetimeValue(pair, rows, opts);
    expect(risk.map((r) => r.residualValue.toString())).toEqual(values.map((v) => v.toString()));
  });
  it("daysSinceLastPurchase: weeks × 7; months only with calendar-average, else absent", () => {
    expect(churnRisk(pair, one, opts)[0]!.daysSinceLastPurchase).toBe(7);
    const monthly = { ...pair, purchase: { ...bg, unit: "month" as const } };
    const monthOpts = { ...opts, unit: "month" as const };
    expect("daysSinceLastPurchase" in churnRisk(monthly, one, monthOpts)[0]!).toBe(false);
    // one month at the Gregorian average, 365.2425 / 12 = 30.44 days → 30
    const averaged = churnRisk(monthly, one, { ...monthOpts, unitConversion: "calendar-average" });
    expect(averaged[0]!.daysSinceLastPurchase).toBe(30);
  });
  it("value if alive where P(alive) underflows to 0 (x 2000, tₓ 1, T 50): as at tₓ 45 and tₓ = T", () => {
    // The BG/NBD value if alive depends on (x, T) only; at tₓ = 1 the residual value is 0 in
    // float64, at tₓ = 45 P(alive) is about 1e-80 and the quotient still holds every digit.
    const at = (recency: number) =>
      churnRisk(pair, [{ frequency: 2000, recency, T: 50, monetaryValue: 10 }], opts)[0]!;
    const [gone, faint, last] = [at(1), at(45), at(50)];
    expect(gone.probabilityAlive).toBe(0);
    expect(gone.residualValue.isZero()).toBe(true);
    expect(faint.probabilityAlive).toBeLessThan(1e-60);
    const v = last.valueIfAlive.toNumber();
    expect(v).toBeGreaterThan(0);
    expect(Math.abs(gone.valueIfAlive.toNumber() - v)).toBeLessThanOrEqual(1e-12 * v);
    expect(Math.abs(faint.valueIfAlive.toNumber() - v)).toBeLessThanOrEqual(1e-9 * v);
    expect(gone.valueAtRisk.toNumber()).toBe(gone.valueIfAlive.toNumber()); // all of it is at risk
  });
  it("an absurd history: P(alive) 0 beyond 10⁶ repeat purchases is refused, days beyond 2⁵³ left out", () => {
    const absurd = [{ frequency: 1e308, recency: 30, T: 38, monetaryValue: 10 }];
    expectInvalidAt(() => churnRisk(pair, absurd, opts), ["customers", 0]);
    const ancient = churnRisk(
      pair,
      [{ frequency: 0, recency: 0, T: 1e300, monetaryValue: 0 }],
      opts,
    );
    expect("daysSinceLastPurchase" in ancient[0]!).toBe(false);
  });
  it("noPurchaseWindow is in unit: 4 weeks = 28 days on a weekly model", () => {
    const weeks = churnRisk(pair, one, { ...opts, noPurchaseWindow: 4 });
    const days = churnRisk(pair, one, {
      ...opts,
      horizon: 364,
      discountRate: 1.001 ** (1 / 7) - 1,
      unit: "day",
      noPurchaseWindow: 28,
    });
    expect(days[0]!.probabilityNoPurchase).toBeCloseTo(weeks[0]!.probabilityNoPurchase, 14);
    expect(days[0]!.probabilityAlive).toBe(weeks[0]!.probabilityAlive);
  });
});

describe("churnRisk with a Pareto/NBD model", () => {
  // θ_PNBD: the Pareto/NBD maximum-likelihood fit to the CDNOW sample in weeks (Fader, Hardie & Lee
  // 2005's data; the fit of the Python lifetimes library's ParetoNBDFitter), and the conditional
  // P(Y(39) = 0) and P(alive) of ten CDNOW customers, as printed by the lifetimes library.
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

  it("value at risk is (1 − P(alive)) × value if alive, and residual value = P(alive) × value if alive", () => {
    risk.forEach((row) => {
      const p = row.probabilityAlive;
      const ifAlive = row.valueIfAlive.toNumber();
      expect(Math.abs(row.valueAtRisk.toNumber() - ifAlive * (1 - p))).toBeLessThanOrEqual(
        1e-12 * ifAlive,
      );
      expect(Math.abs(row.residualValue.toNumber() - ifAlive * p)).toBeLessThanOrEqual(
        1e-12 * ifAlive,
      );
    });
  });

  it("the value if alive depends on (x, T) only, also where P(alive) is 2.4e-8 (customer x 21, tₓ 4.71)", () => {
    // Given "alive at T", the Pareto/NBD likelihood is λˣe^{−(λ+μ)T}, whatever tₓ: the value if
    // alive of each repeat buyer is the same at tₓ = T (P(alive) = 1) and half-way.
    const repeat = customers.filter((c) => c.frequency > 0);
    const at = (share: number) =>
      churnRisk(
        { purchase: model, spend: spendModel },
        repeat.map((c) => ({ ...c, recency: c.recency + share * (c.T - c.recency) })),
        { horizon: 52, discountRate: 0.0027, unit: "week" },
      );
    const [given, half, last] = [at(0), at(0.5), at(1)];
    repeat.forEach((_, k) => {
      const v = last[k]!.valueIfAlive.toNumber();
      expect(last[k]!.residualValue.toNumber()).toBeCloseTo(v, 10); // P(alive) = 1 at tₓ = T
      expect(Math.abs(given[k]!.valueIfAlive.toNumber() - v)).toBeLessThanOrEqual(1e-9 * v);
      expect(Math.abs(half[k]!.valueIfAlive.toNumber() - v)).toBeLessThanOrEqual(1e-9 * v);
    });
  });
});
