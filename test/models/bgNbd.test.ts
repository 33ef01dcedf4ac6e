/**
 * BG/NBD: fit on CDNOW and predictions. Sources: Fader, Hardie & Lee (2005), Marketing Science 24(2)
 * [P]; BTYD vignette [B]; lifetimes 0.11.3 outputs [L] and 40-digit high-precision computations
 * [C] of the paper's formulas.
 */
import { describe, expect, it } from "vitest";
import {
  type BgNbdModel,
  conditionalExpectedPurchases,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  fitBgNbd,
  InvalidInputError,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";
import { lnGamma } from "../../src/math/special.js";
import { bgNbdObjective } from "../../src/models/bgNbd/bgNbdMath.js";
import { cdnowSummary } from "../fixtures/load.js";

const rel = (actual: number, expected: number) =>
  Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

const THETA = {
  r: 0.2425929282798216,
  alpha: 4.413532265271803,
  a: 0.7928859664405851,
  b: 2.42575238262545,
};
const model = (params = THETA): BgNbdModel => ({
  kind: "bg-nbd",
  params,
  logLikelihood: 0,
  standardErrors: { r: 0, alpha: 0, a: 0, b: 0 },
  iterations: 0,
  converged: true,
  customerCount: 0,
  unit: "week",
});
const delta = Math.log(1.15) / 52;

describe("fitBgNbd on CDNOW (weeks)", () => {
  const fit = fitBgNbd(cdnowSummary());
  it("reproduces the published estimates to the printed digits [P: FHL 2005]", () => {
    expect(fit.params.r.toFixed(4)).toBe("0.2426");
    expect(fit.params.alpha.toFixed(3)).toBe("4.414");
    expect(fit.params.a.toFixed(4)).toBe("0.7929");
    expect(fit.params.b.toFixed(3)).toBe("2.426");
    expect(fit.logLikelihood.toFixed(2)).toBe("-9582.43");
  });
  it("matches the full-precision optimum θ_BG to 2e-6 relative (lifetimes 0.11.3 at a tight tolerance)", () => {
    for (const [k, v] of Object.entries(THETA)) {
      expect(rel(fit.params[k as keyof typeof THETA], v)).toBeLessThan(2e-6);
    }
    expect(rel(fit.logLikelihood, -9582.425560567366)).toBeLessThan(1e-12);
  });
  it("standard errors match lifetimes to 2e-6", () => {
    const se = { r: 0.012557320698, alpha: 0.378221457044, a: 0.185719071912, b: 0.705345343533 };
    for (const [k, v] of Object.entries(se)) {
      expect(rel(fit.standardErrors[k as keyof typeof se], v)).toBeLessThan(2e-6);
    }
  });
  it("Σ CET(39) over the CDNOW customers = 1,653.4 (Fader, Hardie & Lee 2005 / BTYD, vs 1,882 actual)", () => {
    const total = conditionalExpectedPurchases(fit, cdnowSummary(), { horizon: 39 }).reduce(
      (s, v) => s + v,
      0,
    );
    expect(total.toFixed(1)).toBe("1653.4");
  });
  it("is a plain JSON-serialisable object", () => {
    expect(JSON.parse(JSON.stringify(fit))).toEqual(fit);
    expect(fit.customerCount).toBe(2357);
    expect(fit.unit).toBe("week");
    expect(fit.converged).toBe(true);
  });
  it("accepts count-weighted rows and extra fields with the same result", () => {
    const rows = cdnowSummary().map((row) => ({ ...row, customerId: row.id, totalSpend: "1" }));
    const weighted = [
      ...rows.filter((row) => row.frequency > 0),
      {
        frequency: 0,
        recency: 0,
        T: 38.86,
        unit: "week" as const,
        count: 0 + rows.filter((r) => r.frequency === 0 && r.T === 38.86).length,
      },
      ...rows.filter((row) => row.frequency === 0 && row.T !== 38.86),
    ];
    const refit = fitBgNbd(weighted);
    expect(rel(refit.logLikelihood, fit.logLikelihood)).toBeLessThan(1e-12);
    expect(refit.customerCount).toBe(2357);
  });
});

describe("BG/NBD log-likelihood and gradient (Fader, Hardie & Lee 2005, [C])", () => {
  const one = (x: number, tx: number, T: number, p: number[]) => {
    const g = new Float64Array(4);
    const f = bgNbdObjective(
      0,
      Float64Array.of(x),
      Float64Array.of(tx),
      Float64Array.of(T),
      Float64Array.of(1),
    )(Float64Array.from(p), g);
    return { ll: -f, grad: Array.from(g, (v) => -v) };
  };
  const p = [THETA.r, THETA.alpha, THETA.a, THETA.b];
  it.each([
    [2, 30.43, 38.86, -9.45970100804],
    [1, 1.71, 38.86, -4.47043839371],
    [0, 0, 38.86, -0.553807110934],
    [29, 37.71, 38.0, -43.8712385296],
    [21, 4.71, 29.29, -10.0233628945],
    [1000, 9999, 10000, -3311.88742382],
    [1000, 100, 10000, 1244.49959845],
    [500, 0.5, 1, 1798.57045391],
  ])("ℓ(x=%d, t_x=%d, T=%d) = %d", (x, tx, T, expected) => {
    expect(rel(one(x, tx, T, p).ll, expected)).toBeLessThan(1e-10);
  });
  it("gradient for customers 1, 3, 157", () => {
    const cases: [number, number, number, number[]][] = [
      [2, 30.43, 38.86, [2.70327123339, -2.85769822107e-4, -0.202928929379, 0.0766115916372]],
      [0, 0, 38.86, [-2.28286584799, 0.049359673764, 0, 0]],
      [29, 37.71, 38.0, [5.45434071062, -0.634644550747, -2.41237314039, 0.313233994383]],
    ];
    for (const [x, tx, T, expected] of cases) {
      const { grad } = one(x, tx, T, p);
      expected.forEach((v, j) => {
        expect(Math.abs(grad[j]! - v)).toBeLessThan(1e-9 * Math.max(1, Math.abs(v)));
      });
    }
  });
  it("totals away from the optimum", () => {
    const rows = cdnowSummary();
    const f = bgNbdObjective(
      0,
      Float64Array.from(rows, (r) => r.frequency),
      Float64Array.from(rows, (r) => r.recency),
      Float64Array.from(rows, (r) => r.T),
      new Float64Array(rows.length).fill(1),
    );
    const g = new Float64Array(4);
    expect(rel(-f(Float64Array.of(1, 1, 1, 1), g), -13887.69464446343)).toBeLessThan(1e-12);
    expect(rel(-f(Float64Array.of(0.5, 2, 0.7, 3), g), -10442.826694433275)).toBeLessThan(1e-12);
  });
});

describe("BG/NBD predictions at θ_BG ([L] P(alive), E[Y]; [C] DERT)", () => {
  const table: [number, number, number, number, number, number, number, number][] = [
    [2, 30.43, 38.86, 0.726609136799, 0.0374431933299, 1.22591042417, 1.55858376177, 5.16963725518],
    [
      1, 1.71, 38.86, 0.212227388072, 0.0060646505553, 0.203250624256, 0.259907079408,
      0.917858925525,
    ],
    [0, 0, 38.86, 1, 0.0055863513012, 0.194780857939, 0.251665725407, 1.01725067137],
    [29, 37.71, 38.0, 0.969133594004, 0.662396481997, 20.0536653195, 25.0614225273, 72.1715158584],
    [
      5, 5.14, 37.29, 0.00356333781205, 4.44752235062e-4, 0.0139850640587, 0.0176166001241,
      0.0538246643094,
    ],
    [7, 34.86, 34.86, 0.913990989079, 0.167197353102, 5.14122494085, 6.44618475486, 19.0226499406],
    [26, 30.86, 31.0, 0.968919715969, 0.710623258821, 20.7505704988, 25.7594747171, 71.0754568604],
    [
      21, 4.71, 29.29, 2.48943764189e-11, 1.55235926051e-11, 4.49906683304e-10, 5.57772062689e-10,
      1.52671826589e-9,
    ],
    [4, 26.57, 27.0, 0.865850468032, 0.115881917567, 3.48812174833, 4.35711394709, 12.5796686999],
    [0, 0, 27.0, 1, 0.00768531116062, 0.258977505575, 0.332070593179, 1.24951241932],
  ];
  it.each(table)("x=%d t_x=%d T=%d", (x, tx, T, alive, y1, y39, y52, dert) => {
    const c = { frequency: x, recency: tx, T };
    const m = model();
    // The printed values carry 12 significant digits: 1e-10 relative.
    expect(rel(probabilityAlive(m, [c])[0]!, alive)).toBeLessThan(1e-10);
    expect(rel(conditionalExpectedPurchases(m, [c], { horizon: 1 })[0]!, y1)).toBeLessThan(1e-10);
    expect(rel(conditionalExpectedPurchases(m, [c], { horizon: 39 })[0]!, y39)).toBeLessThan(1e-10);
    expect(rel(conditionalExpectedPurchases(m, [c], { horizon: 52 })[0]!, y52)).toBeLessThan(1e-10);
    expect(
      rel(discountedExpectedResidualPurchases(m, [c], { continuousDiscountRate: delta })[0]!, dert),
    ).toBeLessThan(1e-10);
  });
  it("array inputs give the same values in input order", () => {
    const customers = table.map(([x, tx, T]) => ({ frequency: x, recency: tx, T }));
    const m = model();
    const alive = probabilityAlive(m, customers);
    const cet = conditionalExpectedPurchases(m, customers, { horizon: 52 });
    const dert = discountedExpectedResidualPurchases(m, customers, {
      continuousDiscountRate: delta,
    });
    table.forEach((row, i) => {
      expect(rel(alive[i]!, row[3])).toBeLessThan(1e-10);
      expect(rel(cet[i]!, row[6])).toBeLessThan(1e-10);
      expect(rel(dert[i]!, row[7])).toBeLessThan(1e-10);
    });
  });
  it("new-customer expectations E[X(t)] [L, C]", () => {
    const expected: [number, number][] = [
      [1, 0.0531847368956],
      [39, 1.19501622845],
      [52, 1.44402076987],
      [78, 1.85797170353],
    ];
    for (const [t, v] of expected)
      expect(rel(expectedPurchases(model(), { horizon: t }), v)).toBeLessThan(1e-10);
    expect(expectedPurchases(model(), { horizon: 0 })).toBe(0);
  });
  it("long horizons (z → 1) agree between the series and the general ₂F₁ route", () => {
    // t = 400 (z ≈ 0.989, series) vs t = 410 (z > 0.99, 2F1 with the 1 − z transformation):
    // E[X(t)] must be continuous and increasing across the switch, and grow like t^{1−a}.
    const below = expectedPurchases(model(), { horizon: 4.413532265271803 * 98 });
    const above = expectedPurchases(model(), { horizon: 4.413532265271803 * 100 });
    expect(above).toBeGreaterThan(below);
    expect(above / below).toBeLessThan(1.01);
    // Cross-check (the Beta-mixture form, docs/numerics.md): E[X(t)] = E_p[(1 − (1 + p t/α)^{−r})/p], p ~ Beta(a, b),
    // by the trapezoidal rule in y = ln p.
    const { r, alpha, a, b } = THETA;
    const lnB = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
    for (const t of [1e5, 1e7]) {
      let sum = 0;
      const h = 0.002;
      for (let y = -80; y < 0; y += h) {
        const p = Math.exp(y);
        sum +=
          (-Math.expm1(-r * Math.log1p((p * t) / alpha)) / p) *
          Math.exp(a * y - lnB) *
          (1 - p) ** (b - 1);
      }
      expect(rel(expectedPurchases(model(), { horizon: t }), sum * h)).toBeLessThan(1e-5);
    }
  });
  it("Hardie's spreadsheet E[X(t)] to 4 decimals [P]", () => {
    const ts = [0.1429, 1, 3, 31.8571, 32];
    const printed = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437];
    ts.forEach((t, i) => {
      expect(expectedPurchases(model(), { horizon: t }).toFixed(4)).toBe(printed[i]!.toFixed(4));
    });
  });
  it("PMF P(X(39) = n), n = 0…3 [L]", () => {
    const expected = [0.574307283405, 0.199193061282, 0.0853224087605, 0.0457971917242];
    expected.forEach((v, n) => {
      expect(rel(purchaseCountProbability(model(), { purchases: n, horizon: 39 }), v)).toBeLessThan(
        1e-10,
      );
    });
  });
  it("PMF at the rounded published parameters [B via lifetimes test]", () => {
    const m = model({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expect(
      rel(purchaseCountProbability(m, { purchases: 10, horizon: 2 }), 1.07869e-7),
    ).toBeLessThan(5e-6);
    expect(rel(purchaseCountProbability(m, { purchases: 0, horizon: 39 }), 0.5737864)).toBeLessThan(
      2e-7,
    );
    const printed = [
      0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902,
      0.0004361913, 0.0003467171, 0.0002769613, 0.000222226,
    ];
    printed.forEach((v, i) => {
      expect(rel(purchaseCountProbability(m, { purchases: 11 + i, horizon: 30 }), v)).toBeLessThan(
        3e-7,
      );
    });
  });
  it("the PMF sums to 1 and its mean is E[X(t)]", () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 4000; n++) {
      const p = purchaseCountProbability(model(), { purchases: n, horizon: 39 });
      total += p;
      mean += n * p;
    }
    expect(Math.abs(total - 1)).toBeLessThan(1e-12);
    expect(rel(mean, expectedPurchases(model(), { horizon: 39 }))).toBeLessThan(1e-9);
  });
  it("FHL 2005 worked example E[Y(39)] = 1.226 at the published parameters [P]", () => {
    const m = model({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const c = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(conditionalExpectedPurchases(m, [c], { horizon: 39 })[0]!.toFixed(3)).toBe("1.226");
  });
  it("BTYD vignette values at its estimates [B], to the 5–6 digits its rounded parameters allow", () => {
    const m = model({ r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 });
    expect(rel(expectedPurchases(m, { horizon: 52 }), 1.444004)).toBeLessThan(2e-6);
    const c1516 = { frequency: 26, recency: 30.85714, T: 31 };
    expect(
      rel(conditionalExpectedPurchases(m, [c1516], { horizon: 52 })[0]!, 25.75659),
    ).toBeLessThan(5e-6);
    expect(rel(probabilityAlive(m, [c1516])[0]!, 0.9688523)).toBeLessThan(1e-6);
    // increasing frequency paradox (t_x = 20, T = 39, t = 52)
    const paradox: [number, number][] = [
      [10, 0.3474606],
      [15, 0.04283391],
      [20, 0.004158973],
      [25, 0.0003583685],
    ];
    for (const [x, v] of paradox) {
      expect(
        rel(
          conditionalExpectedPurchases(m, [{ frequency: x, recency: 20, T: 39 }], {
            horizon: 52,
          })[0]!,
          v,
        ),
      ).toBeLessThan(1e-5);
    }
  });
  it("extreme customers [C, 40-digit check]", () => {
    const m = model();
    const cases: [number, number, number, number, number][] = [
      [1000, 9999, 10000, 0.999125751052, 5.18377219774],
      [0, 0, 10000, 1, 0.00125992527775],
      [500, 0.5, 1, 5.58891175119e-19, 8.53248114112e-16],
      [200, 52, 52, 0.996079065842, 139.812763214],
    ];
    for (const [x, tx, T, alive, y52] of cases) {
      const c = { frequency: x, recency: tx, T };
      expect(rel(probabilityAlive(m, [c])[0]!, alive)).toBeLessThan(1e-9);
      expect(rel(conditionalExpectedPurchases(m, [c], { horizon: 52 })[0]!, y52)).toBeLessThan(
        1e-9,
      );
    }
    const gone = { frequency: 1000, recency: 100, T: 10000 };
    expect(probabilityAlive(m, [gone])[0]).toBe(0);
    expect(conditionalExpectedPurchases(m, [gone], { horizon: 52 })[0]).toBe(0);
  });
  it("a = 1 is a removable singularity (limit agrees with a = 1 ± 1e-6)", () => {
    const c = { frequency: 3, recency: 20, T: 30 };
    const at = (a: number) =>
      conditionalExpectedPurchases(model({ ...THETA, a }), [c], { horizon: 52 })[0]!;
    const mid = (at(1 - 1e-6) + at(1 + 1e-6)) / 2;
    expect(rel(at(1), mid)).toBeLessThan(1e-9);
    const nm = (a: number) => expectedPurchases(model({ ...THETA, a }), { horizon: 52 });
    expect(rel(nm(1), (nm(1 - 1e-6) + nm(1 + 1e-6)) / 2)).toBeLessThan(1e-9);
  });
  it("a + b ≤ 1 (pole-free new-customer form) stays finite and equals the Beta-mixture integral", () => {
    const params = { r: 0.5, alpha: 3, a: 0.4, b: 0.6 }; // a + b − 1 = 0: the pole
    const value = expectedPurchases(model(params), { horizon: 10 });
    // E[X(t)] = E_p[(1 − (1 + p t/α)^{−r})/p], p ~ Beta(0.4, 0.6), by midpoint rule in u with p = u^{1/a}
    let integral = 0;
    const N = 200000;
    for (let i = 0; i < N; i++) {
      const u = (i + 0.5) / N;
      const p = u ** (1 / params.a); // p^{a−1} dp = du/a
      integral +=
        ((1 - (1 + (p * 10) / params.alpha) ** -params.r) / p) * (1 - p) ** (params.b - 1);
    }
    // ∫ p^{a−1}(1−p)^{b−1} f(p) dp / B(a,b) with dp p^{a−1} = du/a
    const B = Math.PI / Math.sin(Math.PI * 0.4); // B(0.4, 0.6) = Γ(0.4)Γ(0.6)/Γ(1), reflection formula
    expect(Number.isFinite(value)).toBe(true);
    expect(rel(value, integral / N / params.a / B)).toBeLessThan(1e-3);
  });
});

describe("fitBgNbd input errors", () => {
  const bad: [string, unknown, string][] = [
    ["negative frequency", [{ frequency: -1, recency: 0, T: 1 }], "customers[0].frequency"],
    ["non-integer frequency", [{ frequency: 1.5, recency: 0.5, T: 1 }], "customers[0].frequency"],
    ["recency > T", [{ frequency: 1, recency: 2, T: 1 }], "customers[0].recency"],
    ["T < 0", [{ frequency: 0, recency: 0, T: -1 }], "customers[0].T"],
    ["T = 0 with repeat purchases", [{ frequency: 1, recency: 0, T: 0 }], "customers[0].T"],
    ["every T = 0", [{ frequency: 0, recency: 0, T: 0 }], "Every customer has T = 0"],
    ["NaN recency", [{ frequency: 1, recency: Number.NaN, T: 1 }], "customers[0].recency"],
    ["bad count", [{ frequency: 1, recency: 1, T: 2, count: 0 }], "customers[0].count"],
    ["recency without purchases", [{ frequency: 0, recency: 1, T: 2 }], "customers[0].recency"],
    ["not an object", [3], "customers[0]"],
  ];
  it.each(bad)("%s", (_name, rows, path) => {
    expect(() => fitBgNbd(rows as never, { unit: "week" })).toThrow(InvalidInputError);
    expect(() => fitBgNbd(rows as never, { unit: "week" })).toThrow(path);
  });
  it("no repeat buyers / all-zero data", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 0, recency: 0, T: 5 },
    ];
    expect(() => fitBgNbd(rows, { unit: "week" })).toThrow(InvalidInputError);
    expect(() => fitBgNbd(rows, { unit: "week" })).toThrow(/repeat purchase/);
    expect(() => fitBgNbd([])).toThrow(InvalidInputError);
    expect(() => fitBgNbd("x" as never)).toThrow(InvalidInputError);
  });
  it("unknown options and initial keys are errors", () => {
    const rows = cdnowSummary();
    expect(() => fitBgNbd(rows, { tolerence: 1 } as never)).toThrow(/tolerence/);
    expect(() => fitBgNbd(rows, { initial: { s: 1 } })).toThrow(/initial\.s/);
  });
  it("non-convergence is a ModelFitError", async () => {
    const { ModelFitError } = await import("../../src/index.js");
    expect(() => fitBgNbd(cdnowSummary(), { maxIterations: 2 })).toThrow(ModelFitError);
  });
});
