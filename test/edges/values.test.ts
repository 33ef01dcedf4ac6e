/**
 * Non-finite results and hangs outside the BG/NBD family — the sBG, BG/BB, Gamma-Gamma, Pareto/NBD
 * purchase counts, customerLifetimeValue and the diagnostics: every result is finite or an error.
 * Each reproducer failed (NaN, Infinity, a negative spend, or seconds to minutes of work) before the
 * fix; the sizes that took minutes are now rejected by validation before any work is done. (How long
 * the accepted extremes take is a benchmark's business, not a test's: these tests assert results.)
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedSpend,
  cumulativePurchaseTracking,
  customerLifetimeValue,
  discountedCashFlowValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  expectedPurchasesMatrix,
  expectedRemainingLifetime,
  probabilityAlive,
  probabilityAliveMatrix,
  purchaseCountProbability,
  retentionLifetimeValue,
  subscriptionLifetimeValue,
  survivalCurve,
} from "../../src/index.js";
import { sbgDel, sbgDerl } from "../../src/models/shiftedBetaGeometric/subscriptionPredictions.js";
import { expectInvalidAt } from "../expectInvalidAt.js";
import {
  bgbbModel,
  bgNbdModel,
  gammaGammaModel,
  paretoNbdModel,
  sbgModel,
} from "../fixtures/models.js";

const REGULAR = sbgModel(0.7040772796023907, 1.182042983460019);
/** Fader, Hardie & Shang (2010) donations fit. */
const DONATIONS = bgbbModel(1.2035, 0.7497, 0.6567, 2.7834);
/** The Gamma-Gamma model fitted to CDNOW (p 6.25, q 3.74, v 15.45: Fader, Hardie & Lee 2005, as in lifetimes' docs). */
const GG = gammaGammaModel(6.25, 3.74, 15.45);
const PARETO = paretoNbdModel(0.55, 10.58, 0.61, 11.67);
const BG = bgNbdModel(0.2426, 4.4135, 0.7929, 2.4258);

const rel = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe("shifted-beta-geometric: no NaN at tiny rates or extreme parameters", () => {
  it("reproducer: discountRate 1e-16 was NaN; now below the 1e-6 floor → InvalidInputError", () => {
    expectInvalidAt(
      () => subscriptionLifetimeValue(REGULAR, { pricePerPeriod: 100, discountRate: 1e-16 }),
      ["options", "discountRate"],
    );
    expectInvalidAt(
      () => expectedRemainingLifetime(REGULAR, { renewals: 3, discountRate: 9.99e-7 }),
      ["options", "discountRate"],
    );
    const atFloor = subscriptionLifetimeValue(REGULAR, {
      pricePerPeriod: 100,
      discountRate: 1e-6,
    }).toNumber();
    expect(Number.isFinite(atFloor) && atFloor > 0).toBe(true);
  });

  it("DEL and DERL match 40-digit mpmath over α, β ∈ [1e-8, 1e4], d ∈ {1e-6, 0.1, 10}, n ≤ 1000 (rel 1e-9)", () => {
    // test/fixtures/sbgLifetime.py writes these (mpmath hyp2f1 after Pfaff's transformation).
    const cases = JSON.parse(
      readFileSync(new URL("../fixtures/sbgLifetime.json", import.meta.url), "utf8"),
    ) as [string, string, string, number, string][];
    expect(cases.length).toBe(240);
    for (const [a, b, d, n, want] of cases) {
      const got = n < 0 ? sbgDel(+a, +b, +d) : sbgDerl(+a, +b, n, +d);
      expect(rel(got, +want), `α ${a} β ${b} d ${d} n ${n}`).toBeLessThan(1e-9);
    }
  });

  it("extreme parameters are finite (the old ₂F₁ path gave NaN at α 0.5, β 1e300; α+β overflow)", () => {
    for (const [alpha, beta] of [
      [0.5, 1e300],
      [1e-8, 0.5],
      [1e300, 1e300],
      [1e-300, 1e-300],
    ] as const) {
      const model = sbgModel(alpha, beta);
      for (const d of [1e-6, 0.1, 1e300]) {
        const v = expectedRemainingLifetime(model, {
          renewals: 7,
          discountRate: d,
          allowLargeDiscountRate: true,
        });
        // DERL = (1+d)·E[(1−θ)/(d+θ)] ≤ (1+d)/d
        expect(Number.isFinite(v) && v >= 0 && v <= ((1 + d) / d) * (1 + 1e-9)).toBe(true);
      }
      const curve = survivalCurve(model, { periods: 100 });
      expect(curve.every((s) => Number.isFinite(s) && s >= 0 && s <= 1)).toBe(true);
    }
    // α = β = 1e-300: θ is 0 or 1 with probability ½ each, so S(t) = ½ for t ≥ 1 (was NaN)
    expect(Array.from(survivalCurve(sbgModel(1e-300, 1e-300), { periods: 3 }))).toEqual([
      1, 0.5, 0.5, 0.5,
    ]);
    // α = β = 1e300: θ = ½ for everyone, DERL = (1+d)·½/(d+½) = 11/12 at d = 0.1
    expect(
      rel(
        expectedRemainingLifetime(sbgModel(1e300, 1e300), { renewals: 7, discountRate: 0.1 }),
        11 / 12,
      ),
    ).toBeLessThan(1e-12);
    // α + β overflows float64: an InvalidInputError, not the 0.5 the fraction read as b/c = 0 gave
    expectInvalidAt(
      () =>
        expectedRemainingLifetime(sbgModel(1.7e308, 1.7e308), { renewals: 7, discountRate: 0.1 }),
      ["model", "params"],
    );
  });

  it("renewals beyond 2^53 (not exact integers) are rejected", () => {
    expectInvalidAt(
      () => expectedRemainingLifetime(REGULAR, { renewals: 1e300, discountRate: 0.1 }),
      ["options", "renewals"],
    );
  });
});

describe("Gamma-Gamma expected spend", () => {
  it("reproducer: monetaryValue 1e308 gave Infinity; now beyond the money bound, an InvalidInputError", () => {
    expectInvalidAt(
      () => conditionalExpectedSpend(GG, [{ frequency: 2, monetaryValue: 1e308 }]),
      ["customers", 0, "monetaryValue"],
    );
  });
  it("a finite expectation whose intermediate p(v + x z̄) overflows is evaluated in logs", () => {
    // p(v + x z̄)/(px + q − 1) at v = 1e308, x = 2, z̄ = 1e20 (Fader, Hardie & Lee 2005, eq. 4),
    // mpmath 30 digits: 6.25·(1e308 + 2e20)/(12.5 + 3.74 − 1) = 4.10104986876640419947506561680e307;
    // p·v alone is 6.25e308 (Infinity before the fix). Logs: relative error ≤ |ln E|·ε ≈ 1.6e-13.
    const spend = conditionalExpectedSpend(gammaGammaModel(6.25, 3.74, 1e308), [
      {
        frequency: 2,
        monetaryValue: 1e20,
      },
    ])[0]!.toNumber();
    expect(rel(spend, 4.101049868766404e307)).toBeLessThan(1e-12);
  });
  it("an expectation beyond float64 is an InvalidInputError at monetaryValue", () => {
    // p 1, q 0.5, v 1e308, x 1, z̄ 1: (1e308 + 1)/0.5 = 2e308 > float64's 1.8e308
    expectInvalidAt(
      () =>
        conditionalExpectedSpend(gammaGammaModel(1, 0.5, 1e308), [
          { frequency: 1, monetaryValue: 1 },
        ]),
      ["customers", 0, "monetaryValue"],
    );
  });
  it("px + q ≤ 1 (infinite expectation) was a negative spend; now InvalidInputError at params.q", () => {
    // p 0.1, q 0.5, x 1: px + q − 1 = −0.4, the old formula returned −(0.1·(1 + 20))/0.4 = −5.25
    expectInvalidAt(
      () =>
        conditionalExpectedSpend(gammaGammaModel(0.1, 0.5, 1), [
          { frequency: 1, monetaryValue: 20 },
        ]),
      ["model", "params", "q"],
    );
    expectInvalidAt(
      () =>
        customerLifetimeValue(
          { purchase: BG, spend: gammaGammaModel(0.1, 0.5, 1) },
          [{ frequency: 1, recency: 3, T: 5, monetaryValue: 20 }],
          { horizon: 10, discountRate: 0.01, unit: "week" },
        ),
      ["model", "spend", "params", "q"],
    );
  });
});

describe("BG/BB at extreme accepted parameters and long histories", () => {
  it("tiny parameters were NaN (δ + k − 1 rounded to 0); now finite and right", () => {
    // γ = δ = 1e-300: θ is 0 or 1 with probability ½ each, S(k) = ½ for k ≥ 1;
    // E[X(10)] = α/(α+β)·Σ_{k=1}^{10} S(k) = ½·10·½ = 2.5 (Fader, Hardie & Shang 2010, eq. 9)
    expect(expectedPurchases(bgbbModel(0.5, 0.5, 1e-300, 1e-300), { horizon: 10 })).toBeCloseTo(
      2.5,
      12,
    );
    const tiny = bgbbModel(0.5, 1e-300, 3, 3);
    const p = purchaseCountProbability(tiny, { purchases: 2, horizon: 10 });
    expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true);
    const alive = probabilityAlive(bgbbModel(3, 3, 1e8 / 100, 1e-300), [
      {
        frequency: 3,
        recency: 5,
        periods: 6,
      },
    ])[0]!;
    expect(Number.isFinite(alive)).toBe(true);
  });
  it("parameters above 1e6 are an InvalidInputError naming the parameter (ln B differences are noise there)", () => {
    expectInvalidAt(
      () => expectedPurchases(bgbbModel(1e300, 1, 1, 1), { horizon: 10 }),
      ["model", "params", "alpha"],
    );
    expectInvalidAt(
      () =>
        probabilityAlive(bgbbModel(1, 1, 1, 1.7e308), [
          { frequency: 1, recency: 1, periods: 2 },
        ])[0]!,
      ["model", "params", "delta"],
    );
  });
  it("reproducer: periods 1e6 took 19 s; now well under 2 s, and above 1e6 is rejected", () => {
    const p = purchaseCountProbability(DONATIONS, { purchases: 3, horizon: 1e6 });
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    probabilityAlive(DONATIONS, [{ frequency: 1, recency: 1, periods: 1e6 }])[0]!;
    discountedExpectedResidualPurchases(DONATIONS, [{ frequency: 1, recency: 1, periods: 1e6 }], {
      discountRate: 0.1,
    })[0]!;
    expectInvalidAt(
      () => probabilityAlive(DONATIONS, [{ frequency: 1, recency: 1, periods: 1e6 + 1 }]),
      ["customers", 0, "periods"],
    );
    expectInvalidAt(() => expectedPurchases(DONATIONS, { horizon: 1e7 }), ["options", "horizon"]);
  });
  it("the BG/BB DERT takes a per-opportunity rate of at least 1e-6", () => {
    expectInvalidAt(
      () =>
        discountedExpectedResidualPurchases(DONATIONS, [{ frequency: 1, recency: 1, periods: 6 }], {
          discountRate: 1e-9,
        })[0]!,
      ["options", "discountRate"],
    );
  });
});

describe("purchaseCountProbability: bounded n", () => {
  it("reproducer: Pareto/NBD n = 1e308 never ended; now InvalidInputError at n", () => {
    expectInvalidAt(
      () => purchaseCountProbability(PARETO, { purchases: 1e308, horizon: 39 }),
      ["options", "purchases"],
    );
    expectInvalidAt(
      () => purchaseCountProbability(PARETO, { purchases: 100_001, horizon: 39 }),
      ["options", "purchases"],
    );
  });
  it("n = 10⁵ at t = 10⁵ matches mpmath within 1e-9", () => {
    // mpmath 30 digits, P(X(t) = n) = NB(n; r, α, t)(β/(β+t))^s + ∫₀^t NB(n; r, α, τ) sβ^s/(β+τ)^{s+1} dτ
    // (Fader & Hardie 2005, "Deriving an expression for P(X(t) = x) under the Pareto/NBD model"):
    // 2.43183215370995e-12
    const p = purchaseCountProbability(PARETO, { purchases: 100_000, horizon: 1e5 });
    expect(rel(p, 2.43183215370995e-12)).toBeLessThan(1e-9);
  });
});

describe("customerLifetimeValue: discount floor and horizon bound", () => {
  const pair = { purchase: BG, spend: GG };
  const customers = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 20 }];
  const base = { unit: "week" } as const;
  it("reproducer: infinite horizon at discountRate 1e-15 took seconds; now InvalidInputError at once", () => {
    expectInvalidAt(
      () =>
        customerLifetimeValue(pair, customers, {
          ...base,
          horizon: "infinite",
          discountRate: 1e-15,
        }),
      ["options", "discountRate"],
    );
    const [atFloor] = customerLifetimeValue(pair, customers, {
      ...base,
      horizon: "infinite",
      discountRate: 1e-6,
    });
    expect(atFloor!.isFinite() && atFloor!.gt(0)).toBe(true);
  });
  it("a finite horizon above 10,000 periods (1e7 took 10 s) is an InvalidInputError at horizon", () => {
    expectInvalidAt(
      () => customerLifetimeValue(pair, customers, { ...base, horizon: 1e7, discountRate: 0.01 }),
      ["options", "horizon"],
    );
    expectInvalidAt(
      () =>
        customerLifetimeValue(pair, customers, { ...base, horizon: 10_001, discountRate: 0.01 }),
      ["options", "horizon"],
    );
    customerLifetimeValue(pair, customers, { ...base, horizon: 10_000, discountRate: 0.01 });
  });
});

describe("diagnostics with hostile sizes", () => {
  it("a 10⁴ × 10⁴ grid (10⁸ cells) is rejected at once", () => {
    expectInvalidAt(
      () => expectedPurchasesMatrix(BG, { maxFrequency: 1e4, maxT: 1e4, horizon: 10 }),
      ["options", "maxT"],
    );
    expectInvalidAt(
      () => probabilityAliveMatrix(DONATIONS, { maxFrequency: 6, maxT: 6, horizon: 1e308 }),
      ["options", "horizon"],
    );
  });
  it("BG/BB tracking over 10⁵ periods is O(periods) and equals E[X(n)]", () => {
    const rows = cumulativePurchaseTracking(DONATIONS, [1], { periods: 1e5 });
    expect(
      rel(rows.at(-1)!.expectedCumulative, expectedPurchases(DONATIONS, { horizon: 1e5 })),
    ).toBeLessThan(1e-12);
  });
});

describe("value formulas: bounded horizons", () => {
  it("a 100,000-period retention value took 8 s (decimal rows); the horizon is now at most 10,000", () => {
    expectInvalidAt(
      () =>
        retentionLifetimeValue({
          margin: 100,
          retentionRate: 0.8,
          discountRate: 0.1,
          horizon: 100_000,
        }),
      ["parameters", "horizon"],
    );
    const result = retentionLifetimeValue({
      margin: 100,
      retentionRate: 0.8,
      discountRate: 0.1,
      horizon: 10_000,
    });
    // Gupta & Lehmann (2003): the finite sum tends to m·r/(1+d−r) = 80/0.3 = 266.67
    expect(result.value.toFixed(2)).toBe("266.67");
  });
  it("more than 10,000 cash flows are rejected at the argument (100,000 took 2.4 s)", () => {
    expectInvalidAt(
      () =>
        discountedCashFlowValue(new Array(10_001).fill({ margin: "100" }), { discountRate: 0.1 }),
      ["cashFlows"],
    );
  });
});
