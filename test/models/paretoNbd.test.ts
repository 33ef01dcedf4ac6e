/**
 * Pareto/NBD: fit, likelihood, gradient and predictions against the published figures
 * (Fader, Hardie & Lee 2005; BTYD vignette and manual; CLVTools test suite), lifetimes 0.11.3
 * outputs [L] and 40-digit high-precision computations [C] of the same formulas.
 */
import { describe, expect, it } from "vitest";
import {
  discountedExpectedResidualPurchases,
  expectedPurchases,
  fitParetoNbd,
  type ParetoNbdModel,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";
import {
  paretoNbdConditionalExpectedPurchases,
  paretoNbdConditionalExpectedPurchasesMany,
  paretoNbdDert,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from "../../src/models/paretoNbd/paretoNbdExpectations.js";
import {
  paretoNbdLogLikelihood,
  paretoNbdLogLikelihoodGradient,
} from "../../src/models/paretoNbd/paretoNbdLikelihood.js";
import {
  paretoNbdConditionalPurchaseCountProbability,
  paretoNbdPurchaseCountProbability,
} from "../../src/models/paretoNbd/paretoNbdPurchaseCount.js";
import { cdnowSummary } from "../fixtures/load.js";

const rel = (value: number, expected: number): number =>
  Math.abs(value - expected) / Math.abs(expected);

/** θ_PNBD: the Pareto/NBD optimum on CDNOW (weeks), lifetimes 0.11.3 at a tight tolerance. */
const theta = {
  r: 0.5532755414445361,
  alpha: 10.57761269430219,
  s: 0.6062134688357712,
  beta: 11.667907456461924,
};
/** θ_PNBD78: the 78-week fit of BTYD's `pnbd.DERT` example. */
const theta78 = { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 };
/** Continuous weekly rate of 15 % a year: ln(1.15)/52. */
const delta = Math.log(1.15) / 52;

// CDNOW customers: id, x, t_x, T, ℓ_i [C], P(alive) [L], E[Y(39)] [L], E[Y(52)] [L],
// P(Y(39)=0..2) [L], DERT [C]. Printed to 12 significant digits: tolerance 1e-11 relative.
const customers: number[][] = [
  [
    1, 2, 30.43, 38.86, -9.55433315023, 0.869118727978, 1.45511300352, 1.85078355933,
    0.408091057792, 0.219266363625, 0.151746155153, 6.50019948826,
  ],
  [
    2, 1, 1.71, 38.86, -4.44970946763, 0.16787197422, 0.170980518613, 0.217473097999,
    0.913420234131, 0.0431012194933, 0.0221326954951, 0.763794617255,
  ],
  [
    3, 0, 0, 38.86, -0.5212017958, 0.295097148426, 0.107059796408, 0.136171218714, 0.930733295419,
    0.0458827476307, 0.014674440325, 0.478251539322,
  ],
  [
    157, 29, 37.71, 38.0, -45.0552142576, 0.996124591723, 19.5947572113, 24.9103570536,
    0.0234804610396, 0.0186144557538, 0.017703877715, 87.1675633377,
  ],
  [
    244, 5, 5.14, 37.29, -13.0052009556, 0.0114233480841, 0.0427570816397, 0.0543330111081,
    0.989945498892, 0.00150634864798, 0.00162008608789, 0.189540951069,
  ],
  [
    720, 7, 34.86, 34.86, -21.1954434114, 1, 5.32105955828, 6.75143938607, 0.0787949393702,
    0.0807932442514, 0.090900820666, 23.298921419,
  ],
  [
    1516, 26, 30.86, 31.0, -39.1307657947, 0.997917943492, 20.115867372, 25.4565473297,
    0.0238186418697, 0.020524825433, 0.0194200456587, 86.2642165681,
  ],
  [
    1901, 21, 4.71, 29.29, -17.8004448397, 2.38400544976e-8, 4.04010251887e-7, 5.10632208245e-7,
    0.999999976796, 5.92966735852e-10, 5.54724533162e-10, 1.71571524678e-6,
  ],
  [
    2356, 4, 26.57, 27.0, -13.8726763175, 0.993064767354, 3.73444592812, 4.71159446475,
    0.143654690829, 0.135965873726, 0.136402199818, 15.6442799015,
  ],
  [
    2357, 0, 0, 27.0, -0.469921968554, 0.38373862448, 0.175348338665, 0.22122967577, 0.896657691816,
    0.0631661037382, 0.0229232579779, 0.734566397034,
  ],
];
const TOL = 1e-11;

describe("fitParetoNbd on CDNOW (weeks)", () => {
  const rows = cdnowSummary();
  const model = fitParetoNbd(rows);

  it("reproduces the published estimates (Fader, Hardie & Lee 2005; BTYD) to the printed digits", () => {
    expect(model.kind).toBe("pareto-nbd");
    expect(model.converged).toBe(true);
    expect(model.customerCount).toBe(2357);
    expect(model.unit).toBe("week");
    expect(model.params.r.toFixed(4)).toBe("0.5533");
    expect(model.params.alpha.toFixed(3)).toBe("10.578");
    expect(model.params.s.toFixed(4)).toBe("0.6062");
    expect(model.params.beta.toFixed(2)).toBe("11.67");
    expect(model.logLikelihood.toFixed(2)).toBe("-9594.97");
  });

  it("matches θ_PNBD of lifetimes (r, α, s to 2e-6; β is flat: 1e-4; LL to 1e-12)", () => {
    expect(rel(model.params.r, theta.r)).toBeLessThan(2e-6);
    expect(rel(model.params.alpha, theta.alpha)).toBeLessThan(2e-6);
    expect(rel(model.params.s, theta.s)).toBeLessThan(2e-6);
    expect(rel(model.params.beta, theta.beta)).toBeLessThan(1e-4);
    expect(rel(model.logLikelihood, -9594.973929826863)).toBeLessThan(1e-12);
  });

  it("standard errors match the [C] values to the printed digits and CLVTools to 2e-4", () => {
    const se = model.standardErrors;
    expect(Math.abs(se.r - 0.047629)).toBeLessThanOrEqual(5e-7);
    expect(Math.abs(se.alpha - 0.84272)).toBeLessThanOrEqual(5e-6);
    expect(Math.abs(se.s - 0.18728)).toBeLessThanOrEqual(5e-6);
    expect(Math.abs(se.beta - 6.211)).toBeLessThanOrEqual(5e-5);
    // CLVTools test suite at its (nearby) estimates: 0.0476264, 0.8427222, 0.1872594, 6.2105448
    expect(rel(se.r, 0.0476264)).toBeLessThan(2e-4);
    expect(rel(se.alpha, 0.8427222)).toBeLessThan(2e-4);
    expect(rel(se.s, 0.1872594)).toBeLessThan(2e-4);
    expect(rel(se.beta, 6.2105448)).toBeLessThan(2e-4);
  });

  it("accepts rows with extra fields and counts, and compression does not change the fit", () => {
    const grouped = new Map<
      string,
      { frequency: number; recency: number; T: number; count: number }
    >();
    for (const row of rows) {
      const key = `${row.frequency},${row.recency},${row.T}`;
      const g = grouped.get(key);
      if (g) g.count += 1;
      else grouped.set(key, { frequency: row.frequency, recency: row.recency, T: row.T, count: 1 });
    }
    const refit = fitParetoNbd([...grouped.values()], { unit: "week" });
    expect(refit.customerCount).toBe(2357);
    expect(rel(refit.logLikelihood, model.logLikelihood)).toBeLessThan(1e-12);
    expect(rel(refit.params.r, model.params.r)).toBeLessThan(1e-8);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe("Pareto/NBD log-likelihood and gradient (Fader & Hardie 2005 note, [C])", () => {
  it.each(customers)("customer %i: ℓ_i", (_id, x, tx, T, ll) => {
    expect(rel(paretoNbdLogLikelihood(theta, x!, tx!, T!), ll!)).toBeLessThan(TOL);
  });
  it("CDNOW totals at θ_PNBD, (1,1,1,1) (α = β) and (0.5, 2, 0.7, 3) [C]", () => {
    const total = (q: typeof theta) =>
      cdnowSummary().reduce(
        (sum, c) => sum + paretoNbdLogLikelihood(q, c.frequency, c.recency, c.T),
        0,
      );
    expect(rel(total(theta), -9594.973929826863)).toBeLessThan(1e-13);
    expect(rel(total({ r: 1, alpha: 1, s: 1, beta: 1 }), -12032.163265236144)).toBeLessThan(1e-13);
    expect(rel(total({ r: 0.5, alpha: 2, s: 0.7, beta: 3 }), -10144.35038954056)).toBeLessThan(
      1e-13,
    );
  });
  it.each([
    [2, 30.43, 38.86, [0.922664264847, -8.05641278751e-5, -1.23667535624, 0.0369232090663]],
    [0, 0, 38.86, [-0.854659978582, 0.0263722268453, 0.356726227698, -0.012908761015]],
    [29, 37.71, 38, [3.56703692944, -0.55607334074, -1.44211237932, 0.0396718882794]],
  ])("gradient at θ_PNBD for x = %i, t_x = %d, T = %d [C]", (x, tx, T, expected) => {
    const g = paretoNbdLogLikelihoodGradient(theta, x, tx, T);
    for (let j = 0; j < 4; j++) expect(rel(g[j]!, expected[j]!)).toBeLessThan(TOL);
  });
  it("gradient agrees with central differences of ℓ on both branches, α = β and t_x = T", () => {
    const points = [
      theta,
      { r: 0.8, alpha: 3, s: 1.7, beta: 0.5 },
      { r: 2, alpha: 4, s: 0.3, beta: 4 },
      { r: 0.3, alpha: 50, s: 0.9, beta: 0.05 },
    ];
    const histories = [
      [0, 0, 5],
      [3, 2.5, 10],
      [12, 12, 12],
      [200, 40, 52],
    ];
    const keys = ["r", "alpha", "s", "beta"] as const;
    for (const q of points) {
      for (const [x, tx, T] of histories) {
        const g = paretoNbdLogLikelihoodGradient(q, x!, tx!, T!);
        keys.forEach((key, j) => {
          const h = 1e-6 * q[key];
          const up = paretoNbdLogLikelihood({ ...q, [key]: q[key] + h }, x!, tx!, T!);
          const down = paretoNbdLogLikelihood({ ...q, [key]: q[key] - h }, x!, tx!, T!);
          const numeric = (up - down) / (2 * h);
          expect(Math.abs(g[j]! - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
        });
      }
    }
  });
});

describe("Pareto/NBD predictions (lifetimes [L], [C])", () => {
  it.each(customers)(
    "customer %i: P(alive), E[Y(39)], E[Y(52)], P(Y(39) = 0, 1, 2), DERT",
    (...row) => {
      const [, x, tx, T, , alive, e39, e52, p0, p1, p2, dert] = row as number[];
      expect(rel(paretoNbdProbabilityAlive(theta, x!, tx!, T!), alive!)).toBeLessThan(TOL);
      expect(rel(paretoNbdConditionalExpectedPurchases(theta, x!, tx!, T!, 39), e39!)).toBeLessThan(
        TOL,
      );
      expect(rel(paretoNbdConditionalExpectedPurchases(theta, x!, tx!, T!, 52), e52!)).toBeLessThan(
        TOL,
      );
      const pmf = [p0, p1, p2].map((_, n) =>
        paretoNbdConditionalPurchaseCountProbability(theta, x!, tx!, T!, n, 39),
      );
      expect(rel(pmf[0]!, p0!)).toBeLessThan(TOL);
      expect(rel(pmf[1]!, p1!)).toBeLessThan(TOL);
      expect(rel(pmf[2]!, p2!)).toBeLessThan(TOL);
      expect(rel(paretoNbdDert(theta, x!, tx!, T!, delta), dert!)).toBeLessThan(TOL);
    },
  );

  it("customer 720 (t_x = T) is alive with probability exactly 1", () => {
    expect(paretoNbdProbabilityAlive(theta, 7, 34.86, 34.86)).toBe(1);
  });

  it("new customer: E[X(t)] [L/C] and P(X(39) = n) [C]", () => {
    expect(rel(paretoNbdExpectedPurchases(theta, 1), 0.0510065458882)).toBeLessThan(TOL);
    expect(rel(paretoNbdExpectedPurchases(theta, 39), 1.21340805993)).toBeLessThan(TOL);
    expect(rel(paretoNbdExpectedPurchases(theta, 52), 1.47344140272)).toBeLessThan(TOL);
    expect(rel(paretoNbdExpectedPurchases(theta, 78), 1.90988078237)).toBeLessThan(TOL);
    const expected = [0.593532766445, 0.165584804227, 0.0825040112921, 0.0490522901637];
    expected.forEach((p, n) => {
      expect(rel(paretoNbdPurchaseCountProbability(theta, n, 39), p)).toBeLessThan(TOL);
    });
  });

  it("BTYD manual: E[X(t)], t = 1…9 at (0.55, 10.56, 0.61, 11.64), 8 printed decimals [B]", () => {
    const q = { r: 0.55, alpha: 10.56, s: 0.61, beta: 11.64 };
    const printed = [
      0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024,
      0.38909211,
    ];
    printed.forEach((v, i) => {
      expect(Math.abs(paretoNbdExpectedPurchases(q, i + 1) - v)).toBeLessThanOrEqual(5e-9);
    });
    expect(paretoNbdExpectedPurchases(q, 0)).toBe(0);
  });

  it("BTYD vignette figures (at BTYD's slightly off-optimum estimates, LL −9594.976) agree to 1e-4 (paradox: 1e-3)", () => {
    // E[X(52)] = 1.473434; customer 1516 CET(52) = 25.45647, P(alive) = 0.997874;
    // paradox t_x = 20, T = 39, t = 52: x = 10, 15, 20, 25 → 0.7062289, 0.1442396, 0.02250658, 0.00309267.
    expect(rel(paretoNbdExpectedPurchases(theta, 52), 1.473434)).toBeLessThan(1e-4);
    expect(
      rel(paretoNbdConditionalExpectedPurchases(theta, 26, 30.86, 31, 52), 25.45647),
    ).toBeLessThan(1e-4);
    expect(rel(paretoNbdProbabilityAlive(theta, 26, 30.86, 31), 0.997874)).toBeLessThan(1e-4);
    const paradox = [0.7062289, 0.1442396, 0.02250658, 0.00309267];
    [10, 15, 20, 25].forEach((x, i) => {
      expect(
        rel(paretoNbdConditionalExpectedPurchases(theta, x, 20, 39, 52), paradox[i]!),
      ).toBeLessThan(1e-3);
    });
  });

  it("DERT at the 78-week fit, δ = 0.0027, T = 77.86 (CLVTools, 4 decimals; [C])", () => {
    expect(paretoNbdDert(theta78, 7, 35, 77.86, 0.0027).toFixed(4)).toBe("1.8642");
    expect(rel(paretoNbdDert(theta78, 7, 35, 77.86, 0.0027), 1.86418332807)).toBeLessThan(TOL);
    const printed = [2.1992, 2.8435, 2.8671, 2.4454, 1.8405, 1.2624, 0.8096, 0.4948, 0.292, 0.1679];
    const full = [
      2.1991554497, 2.84353440607, 2.86712839121, 2.44541007861, 1.84050192448, 1.26241647174,
      0.809618119454, 0.494803619375, 0.29202470157, 0.167927508566,
    ];
    printed.forEach((v, i) => {
      const dert = paretoNbdDert(theta78, i + 1, 30, 77.86, 0.0027);
      expect(Math.abs(dert - v)).toBeLessThanOrEqual(5e-5);
      expect(rel(dert, full[i]!)).toBeLessThan(TOL);
    });
  });

  it("extreme customers at θ_PNBD match 40-digit computations [C]", () => {
    const extremes = [
      [1000, 9999, 10000, -3310.71586244, 0.999936318661, 5.18888933822],
      [1000, 100, 10000, 1192.7631675, 0, 0],
      [0, 0, 10000, -0.673621799695, 7.37271257075e-4, 2.11558570038e-6],
      [500, 0.5, 1, 1398.75450135, 2.24060597216e-7, 2.80523807016e-4],
      [200, 52, 52, 31.0964098959, 1, 137.337566682],
    ];
    for (const [x, tx, T, ll, alive, e52] of extremes) {
      expect(rel(paretoNbdLogLikelihood(theta, x!, tx!, T!), ll!)).toBeLessThan(TOL);
      const a = paretoNbdProbabilityAlive(theta, x!, tx!, T!);
      const e = paretoNbdConditionalExpectedPurchases(theta, x!, tx!, T!, 52);
      if (alive === 0) {
        expect(a).toBe(0);
        expect(e).toBe(0);
      } else {
        expect(rel(a, alive!)).toBeLessThan(TOL);
        expect(rel(e, e52!)).toBeLessThan(TOL);
      }
    }
  });

  it("the column kernel equals the scalar functions", () => {
    const x = Float64Array.from(customers, (c) => c[1]!);
    const tx = Float64Array.from(customers, (c) => c[2]!);
    const T = Float64Array.from(customers, (c) => c[3]!);
    const a2 = new Float64Array(x.length);
    const e = new Float64Array(x.length);
    paretoNbdConditionalExpectedPurchasesMany(theta, x, tx, T, 52, a2, e);
    for (let i = 0; i < x.length; i++) {
      expect(a2[i]).toBe(paretoNbdProbabilityAlive(theta, x[i]!, tx[i]!, T[i]!));
      expect(e[i]).toBe(paretoNbdConditionalExpectedPurchases(theta, x[i]!, tx[i]!, T[i]!, 52));
    }
  });

  it("the public prediction functions dispatch to the Pareto/NBD", () => {
    const model: ParetoNbdModel = {
      kind: "pareto-nbd",
      params: theta,
      logLikelihood: -9594.973929826863,
      standardErrors: { r: 0.047629, alpha: 0.84272, s: 0.18728, beta: 6.211 },
      iterations: 21,
      converged: true,
      customerCount: 2357,
      unit: "week",
    };
    const c1 = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(rel(probabilityAlive(model, [c1])[0]!, 0.869118727978)).toBeLessThan(TOL);
    expect(rel(expectedPurchases(model, { horizon: 39 }), 1.21340805993)).toBeLessThan(TOL);
    expect(
      rel(purchaseCountProbability(model, { purchases: 0, horizon: 39 }), 0.593532766445),
    ).toBeLessThan(TOL);
    expect(
      rel(
        discountedExpectedResidualPurchases(model, [c1], { continuousDiscountRate: delta })[0]!,
        6.50019948826,
      ),
    ).toBeLessThan(TOL);
  });
});
