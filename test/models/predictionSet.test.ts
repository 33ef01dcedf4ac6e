/**
 * The prediction set of issue 16 (part "predB"): heterogeneity densities, posterior mean rates, the
 * purchase-count distribution over a later window (`from`), and the sBG retention elasticity.
 * Reference values: scipy.stats 1.17.1 `gamma.pdf/ppf`, `beta.pdf/ppf` (the same densities as R's
 * dgamma/dbeta that BTYD's heterogeneity plots draw); test/fixtures/posteriorMeans.py (direct 2-D
 * numerical integration, scipy nquad) → posteriorMeans.json; test/fixtures/intervalCounts.py (mpmath
 * 30-digit quadrature and the ₂F₁ closed form at n = 0); test/fixtures/paretoIntervalCounts.py (the
 * closed form of BTYD `pnbd.pmf.General`, Hardie note 013, re-typed with mpmath); mpmath `nsum` of the elasticity's defining
 * series (values inline, with the command).
 */
import { describe, expect, it } from "vitest";
import {
  expectedPurchases,
  expectedRemainingLifetime,
  heterogeneityDensities,
  posteriorMeanRates,
  purchaseCountProbability,
  retentionElasticity,
} from "../../src/index.js";
import { expectInvalidAt, expectIssue } from "../expectInvalidAt.js";
import {
  bgbbModel,
  bgNbdModel,
  CDNOW_BG_NBD,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
  paretoNbdModel,
  sbgModel,
} from "../fixtures/models.js";
import posteriorMeans from "../fixtures/posteriorMeans.json" with { type: "json" };

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const BG = bgNbdModel(0.2425929282798216, 4.413532265271803, 0.7928859664405851, 2.42575238262545);
const MBG = { ...BG, kind: "mbg-nbd" as const };
const PARETO = paretoNbdModel(0.55, 10.58, 0.61, 11.67);
const BGBB = bgbbModel(1.204, 0.75, 0.657, 2.783);
const HIGH_END = sbgModel(0.6680883501264947, 3.8060949687750463); // Fader & Hardie (2007), "high end"

describe("heterogeneityDensities", () => {
  it("gamma and beta densities and quantile ends equal scipy.stats (independent values)", () => {
    const { purchase, dropout } = heterogeneityDensities(PARETO, { points: 3 });
    expect(purchase).toMatchObject({
      parameter: "lambda",
      distribution: "gamma",
      shapes: [0.55, 10.58],
    });
    // scipy: gamma(0.55, scale=1/10.58).ppf(0.001), .ppf(0.999), .pdf(x) at the grid points
    expect(rel(purchase.points[0]!.value, 2.678840388681476e-7)).toBeLessThan(1e-9);
    expect(rel(purchase.points[2]!.value, 0.5279617599671551)).toBeLessThan(1e-12);
    expect(rel(purchase.points[1]!.density, 0.2525429726610336)).toBeLessThan(1e-12);
    expect(rel(purchase.points[0]!.density, 2053.123420999796)).toBeLessThan(1e-9);
    expect(rel(dropout.variance, 0.004479072817241346)).toBeLessThan(1e-14);
    expect(rel(dropout.points[1]!.density, 0.29181199058353396)).toBeLessThan(1e-12);
    const bg = heterogeneityDensities(BG);
    expect(bg.dropout.parameter).toBe("p");
    expect(bg.dropout.points).toHaveLength(200);
    // scipy: beta(a, b).ppf(0.001), .ppf(0.999), .pdf(ppf(0.001))
    expect(rel(bg.dropout.points[0]!.value, 6.444998471374124e-5)).toBeLessThan(1e-9);
    expect(rel(bg.dropout.points[199]!.value, 0.9326140478152939)).toBeLessThan(1e-12);
    expect(rel(bg.dropout.points[0]!.density, 12.301714759330057)).toBeLessThan(1e-9);
    expect(rel(bg.purchase.points[0]!.value, 6.54584230752209e-14)).toBeLessThan(1e-8);
  });

  it("BG/BB: p ~ Beta(α, β), θ ~ Beta(γ, δ); the exponential case is α e^{−αλ}", () => {
    const h = heterogeneityDensities(BGBB, { points: 5, lowerQuantile: 0.01, upperQuantile: 0.99 });
    expect(h.purchase.parameter).toBe("p");
    expect(h.dropout.parameter).toBe("theta");
    expect(h.purchase.mean).toBeCloseTo(1.204 / 1.954, 14);
    const expo = heterogeneityDensities(paretoNbdModel(1, 2, 1, 3), { points: 4 });
    for (const { value, density } of expo.purchase.points) {
      expect(rel(density, 2 * Math.exp(-2 * value))).toBeLessThan(1e-12);
    }
    // Exponential quantiles: −ln(1 − q)/rate
    expect(rel(expo.dropout.points[3]!.value, -Math.log(0.001) / 3)).toBeLessThan(1e-12);
  });

  it("rejects bad options and models", () => {
    expectIssue(
      () => heterogeneityDensities(BG, { points: 1 }),
      "heterogeneityDensities",
      ["options", "points"],
      "too_small",
    );
    expectInvalidAt(
      () => heterogeneityDensities(BG, { upperQuantile: 1 }),
      ["options", "upperQuantile"],
    );
    expectInvalidAt(() => heterogeneityDensities(BG, { bins: 3 } as never), ["options", "bins"]);
    expectInvalidAt(
      () => heterogeneityDensities({ ...BG, params: { ...BG.params, r: -1 } }),
      ["model", "params", "r"],
    );
  });
});

describe("posteriorMeanRates", () => {
  const histories = [
    { customerId: "ann", frequency: 2, recency: 30.43, T: 38.86 },
    { frequency: 0, recency: 0, T: 38.86 },
    { frequency: 10, recency: 5, T: 38.86 },
  ];
  const discrete = [
    { frequency: 3, recency: 4, periods: 6 },
    { frequency: 0, recency: 0, periods: 6 },
    { frequency: 6, recency: 6, periods: 6 },
  ];
  const check = (rows: { purchaseRate: number; dropoutRate: number }[], expected: number[][]) => {
    rows.forEach((row, i) => {
      expect(rel(row.purchaseRate, expected[i]![0]!)).toBeLessThan(1e-9);
      expect(rel(row.dropoutRate, expected[i]![1]!)).toBeLessThan(1e-9);
    });
  };

  it("equals direct numerical integration of the posterior (fixtures/posteriorMeans.py)", () => {
    check(posteriorMeanRates(BG, histories), posteriorMeans["bg-nbd"]);
    check(posteriorMeanRates(MBG, histories), posteriorMeans["mbg-nbd"]);
    check(posteriorMeanRates(PARETO, histories), posteriorMeans["pareto-nbd"]);
    check(posteriorMeanRates(BGBB, discrete), posteriorMeans["bg-bb"]);
  });

  it("keeps the input order and customerId; a new BG/NBD customer's E[λ] is r/(α+T)", () => {
    const rows = posteriorMeanRates(BG, histories);
    expect(rows[0]!.customerId).toBe("ann");
    expect("customerId" in rows[1]!).toBe(false);
    const { r, alpha, a, b } = BG.params;
    expect(rel(rows[1]!.purchaseRate, r / (alpha + 38.86))).toBeLessThan(1e-14);
    expect(rel(rows[1]!.dropoutRate, a / (a + b))).toBeLessThan(1e-14);
    expect(structuredClone(rows)).toEqual(rows);
  });

  it("lists every bad row", () => {
    const error = expectIssue(
      () =>
        posteriorMeanRates(BG, [
          { frequency: 1, recency: 5, T: 2 },
          { frequency: -1, recency: 0, T: 1 },
        ]),
      "posteriorMeanRates",
      ["customers", 1, "frequency"],
      "too_small",
    );
    expect(error.issues.length).toBeGreaterThanOrEqual(2);
    expectInvalidAt(
      () => posteriorMeanRates(BGBB, [{ frequency: 2, recency: 1, periods: 6 }]),
      ["customers", 0, "frequency"],
    );
  });
});

describe("purchaseCountProbability with from (window (from, from + horizon])", () => {
  it("BG/NBD and MBG/NBD equal the mpmath quadrature and the ₂F₁ closed form (fixtures/intervalCounts.py)", () => {
    const cases: [typeof BG | typeof MBG, number, number, number, number][] = [
      [BG, 0, 39, 39, 0.754250659039192],
      [BG, 2, 39, 39, 0.0479387035488293],
      [BG, 2, 1000, 52, 0.00954822215086175],
      [BG, 0, 1000, 52, 0.944615528300595],
      [MBG, 0, 39, 39, 0.796735234376435],
      [MBG, 2, 39, 39, 0.0401340041169466],
      [MBG, 2, 1000, 52, 0.00915144994575675],
    ];
    for (const [model, purchases, from, horizon, expected] of cases) {
      expect(
        rel(purchaseCountProbability(model, { purchases, from, horizon }), expected),
      ).toBeLessThan(1e-12);
    }
  });

  it("Pareto/NBD equals the closed form of BTYD pnbd.pmf.General / Hardie note 013 (fixtures/paretoIntervalCounts.py)", () => {
    // At from = 0 BTYD as shipped gives the same values; for from > 0 its B₂ terms use
    // max(α, β + t₁) + t₂ where conditioning on "alive at t₁" gives + (t₂ − t₁): as shipped its
    // probabilities sum to 1.157 at (39, 78), with the window length they sum to 1 and equal ours.
    const cases: [number, number, number, number][] = [
      [0, 0, 39, 0.593532766445094],
      [1, 0, 39, 0.165584804227002],
      [0, 39, 39, 0.790222114333119],
      [1, 39, 39, 0.0742299395992138],
      [2, 39, 39, 0.0420878443546371],
      [0, 1000, 52, 0.958511341283891],
      [2, 1000, 52, 0.00737963774197581],
    ];
    for (const [purchases, from, horizon, expected] of cases) {
      const p = purchaseCountProbability(CDNOW_PARETO_NBD, { purchases, from, horizon });
      expect(rel(p, expected)).toBeLessThan(1e-12);
    }
  });

  it("BG/NBD with large beta shapes, where the count pulls the mass away from the beta's mode", () => {
    // fixtures/intervalCounts.py, "sharp": 6.29049269866019e-24 (mpmath, 30 digits); the
    // quadrature's panels resolve the shifted peak to about 10⁻⁸ relative at this 10⁻²⁴ value
    const sharp = {
      ...bgNbdModel(0.11387551645447617, 160.8965687953995, 38.12015806318125, 37.759667039837794),
      kind: "mbg-nbd" as const,
    };
    const p = purchaseCountProbability(sharp, {
      purchases: 20,
      from: 565.5271382282549,
      horizon: 69.88876775649624,
    });
    expect(rel(p, 6.29049269866019e-24)).toBeLessThan(1e-8);
  });

  it("from = 0 is today's result; Σₙ P = 1; Σₙ n·P = E[X(from + horizon)] − E[X(from)]", () => {
    for (const model of [BG, MBG, PARETO]) {
      expect(purchaseCountProbability(model, { purchases: 3, horizon: 39, from: 0 })).toBe(
        purchaseCountProbability(model, { purchases: 3, horizon: 39 }),
      );
      for (const [from, horizon] of [
        [39, 39],
        [1000, 52],
      ] as const) {
        let total = 0;
        let mean = 0;
        for (let n = 0; n <= 400; n++) {
          const p = purchaseCountProbability(model, { purchases: n, from, horizon });
          total += p;
          mean += n * p;
        }
        const expected =
          expectedPurchases(model, { horizon: from + horizon }) -
          expectedPurchases(model, { horizon: from });
        expect(Math.abs(total - 1)).toBeLessThan(1e-12);
        expect(rel(mean, expected)).toBeLessThan(1e-10);
      }
    }
  });

  it("BG/BB equals BTYD bgbb.pmf.General's formula at the donations parameters", () => {
    // pieces 1–3 of bgbb.pmf.General (BTYD 2.4.3, R/bgbb.R; Fader, Hardie & Shang 2010, appendix),
    // evaluated with mpmath (30 digits) at n.cal = from, n.star = horizon
    const cases: [number, number, number, number][] = [
      [0, 6, 5, 0.627219094344511],
      [1, 6, 5, 0.0714961474733004],
      [2, 6, 5, 0.0671567142725769],
      [0, 3, 10, 0.511666801751764],
      [2, 3, 10, 0.0601883110081263],
    ];
    for (const [purchases, from, horizon, expected] of cases) {
      const p = purchaseCountProbability(DONATIONS_BG_BB, { purchases, from, horizon });
      expect(rel(p, expected)).toBeLessThan(1e-12);
    }
  });

  it("BG/BB: Σₙ P = 1 and the mean is the difference of expectations; from = 0 unchanged", () => {
    for (const [from, horizon] of [
      [6, 5],
      [3, 10],
    ] as const) {
      let total = 0;
      let mean = 0;
      for (let n = 0; n <= horizon; n++) {
        const p = purchaseCountProbability(BGBB, { purchases: n, from, horizon });
        total += p;
        mean += n * p;
      }
      const expected =
        expectedPurchases(BGBB, { horizon: from + horizon }) -
        expectedPurchases(BGBB, { horizon: from });
      expect(Math.abs(total - 1)).toBeLessThan(1e-13);
      expect(rel(mean, expected)).toBeLessThan(1e-12);
    }
    expect(purchaseCountProbability(BGBB, { purchases: 2, horizon: 5, from: 0 })).toBe(
      purchaseCountProbability(BGBB, { purchases: 2, horizon: 5 }),
    );
  });

  it("converts from with the unit and rejects a bad from", () => {
    const weeks = purchaseCountProbability(CDNOW_BG_NBD, {
      purchases: 1,
      from: 14,
      horizon: 7,
      unit: "day",
    });
    expect(
      rel(weeks, purchaseCountProbability(CDNOW_BG_NBD, { purchases: 1, from: 2, horizon: 1 })),
    ).toBeLessThan(1e-14);
    expectIssue(
      () => purchaseCountProbability(BG, { purchases: 1, horizon: 1, from: -1 }),
      "purchaseCountProbability",
      ["options", "from"],
      "too_small",
    );
    expectInvalidAt(
      () => purchaseCountProbability(BGBB, { purchases: 1, horizon: 1, from: 1.5 }),
      ["options", "from"],
    );
  });
});

describe("retentionElasticity", () => {
  it("equals the defining series Σ(k+1)S_k z^k / Σ S_k z^k (mpmath nsum) at the high-end parameters", () => {
    // python3 -c "from mpmath import *; a,b,d=mpf('0.6680883501264947'),mpf('3.8060949687750463'),mpf('0.1');
    //   z=1/(1+d); S=lambda k: beta(a,b+n+k+1)/beta(a,b+n); nsum(lambda k:(k+1)*S(k)*z**k,[0,inf])/nsum(S(k)*z**k)"
    const expected = [
      [0, 7.57735688956845],
      [1, 7.80335750643201],
      [4, 8.29537489876192],
    ] as const;
    for (const [renewals, value] of expected) {
      expect(
        rel(retentionElasticity(HIGH_END, { renewals, discountRate: 0.1 }), value),
      ).toBeLessThan(1e-12);
    }
  });

  it("is 1 + d ln DERL / d ln z (finite difference of expectedRemainingLifetime)", () => {
    const d = 0.05;
    const h = 1e-6;
    const lnDerl = (rate: number) =>
      Math.log(expectedRemainingLifetime(HIGH_END, { renewals: 2, discountRate: rate }));
    const slope =
      (lnDerl(d * (1 + h)) - lnDerl(d * (1 - h))) /
      (Math.log1p(d * (1 - h)) - Math.log1p(d * (1 + h)));
    expect(
      rel(retentionElasticity(HIGH_END, { renewals: 2, discountRate: d }), 1 + slope),
    ).toBeLessThan(1e-7);
  });

  it("without heterogeneity tends to the geometric model's (1 + d)/(1 + d − r) (Pfeifer & Farris 2004)", () => {
    const homogeneous = sbgModel(1e9, 9e9); // retention r = 0.9 for everyone
    expect(
      rel(retentionElasticity(homogeneous, { renewals: 3, discountRate: 0.1 }), 1.1 / 0.2),
    ).toBeLessThan(1e-7);
  });

  it("rejects what expectedRemainingLifetime rejects", () => {
    expectIssue(
      () => retentionElasticity(HIGH_END, { renewals: 0, discountRate: 0 }),
      "retentionElasticity",
      ["options", "discountRate"],
      "too_small",
    );
    expectInvalidAt(
      () => retentionElasticity(HIGH_END, { renewals: -1, discountRate: 0.1 }),
      ["options", "renewals"],
    );
  });
});
