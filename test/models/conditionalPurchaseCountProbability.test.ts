/**
 * conditionalPurchaseCountProbability: P(X(T, T+t] = n | x, t_x, T). Reference values: the
 * Pareto/NBD conditional PMF of lifetimes 0.11.3 (`ParetoNBDFitter.
 * conditional_probability_of_n_purchases_up_to_time`) for the ten reference CDNOW customers at
 * t = 39 weeks (models.md §3.7, label [L]); the new-customer PMFs P(X(39) = n) of lifetimes
 * (BG/NBD, MBG/NBD, models.md §1.8 and §2.4 [L]) and of the Pareto/NBD closed form (§3.7 [C]),
 * which the conditional PMF must approach as T → 0; for the BG/BB, P(alive at n + 1) of lifetimes
 * (models.md §4.7 [L]). Σₙ P = 1 and Σₙ n·P = conditionalExpectedPurchases are checked for every
 * model.
 */
import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  conditionalPurchaseCountProbability,
  type PurchaseModel,
  probabilityAlive,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";
import {
  bgNbdModel,
  CDNOW_BG_NBD,
  CDNOW_MBG_NBD,
  CDNOW_PARETO_NBD,
  DONATIONS_BG_BB,
} from "../fixtures/models.js";
import {
  expectRelative,
  REFERENCE_CUSTOMERS as REFERENCE,
} from "../fixtures/referenceCustomers.js";

const pmf = (model: PurchaseModel, purchases: number, horizon = 39) =>
  conditionalPurchaseCountProbability(model, REFERENCE, { purchases, horizon });

describe("conditionalPurchaseCountProbability: reference values", () => {
  it("Pareto/NBD, n = 0, 1, 2 at t = 39 weeks: lifetimes' conditional PMF (models.md §3.7)", () => {
    expectRelative(
      pmf(CDNOW_PARETO_NBD, 0),
      [
        0.408091057792, 0.913420234131, 0.930733295419, 0.0234804610396, 0.989945498892,
        0.0787949393702, 0.0238186418697, 0.999999976796, 0.143654690829, 0.896657691816,
      ],
      1e-10,
    );
    expectRelative(
      pmf(CDNOW_PARETO_NBD, 1),
      [
        0.219266363625, 0.0431012194933, 0.0458827476307, 0.0186144557538, 0.00150634864798,
        0.0807932442514, 0.020524825433, 5.92966735852e-10, 0.135965873726, 0.0631661037382,
      ],
      1e-10,
    );
    expectRelative(
      pmf(CDNOW_PARETO_NBD, 2),
      [
        0.151746155153, 0.0221326954951, 0.014674440325, 0.017703877715, 0.00162008608789,
        0.090900820666, 0.0194200456587, 5.54724533162e-10, 0.136402199818, 0.0229232579779,
      ],
      1e-10,
    );
  });
  it("as T → 0 a customer without history is a new customer: P(X(39) = n), n = 0…3 (lifetimes)", () => {
    const fresh = [{ frequency: 0, recency: 0, T: 1e-9 }];
    const cases: [PurchaseModel, number[]][] = [
      [CDNOW_BG_NBD, [0.574307283405, 0.199193061282, 0.0853224087605, 0.0457971917242]],
      [CDNOW_MBG_NBD, [0.582605567407, 0.182763373981, 0.0868705914752, 0.0485507224355]],
      [CDNOW_PARETO_NBD, [0.593532766445, 0.165584804227, 0.0825040112921, 0.0490522901637]],
    ];
    for (const [model, expected] of cases) {
      const actual = expected.map(
        (_, n) =>
          conditionalPurchaseCountProbability(model, fresh, { purchases: n, horizon: 39 })[0]!,
      );
      expectRelative(actual, expected, 1e-8);
    }
  });
  it("BG/BB, one opportunity ahead: P(1) = P(alive at n + 1)·(α + x)/(α + β + n) (lifetimes P(alive at 7), models.md §4.7)", () => {
    const { alpha, beta } = DONATIONS_BG_BB.params;
    const patterns = [
      [0, 0, 0.10813327511],
      [1, 1, 0.0694618050169],
      [2, 4, 0.589657189079],
      [3, 4, 0.439593892509],
      [4, 5, 0.696800115918],
      [6, 6, 0.930433577509],
    ] as const;
    const rows = patterns.map(([frequency, recency]) => ({ frequency, recency, periods: 6 }));
    const one = conditionalPurchaseCountProbability(DONATIONS_BG_BB, rows, {
      purchases: 1,
      horizon: 1,
    });
    expectRelative(
      one,
      patterns.map(([x, , alive]) => (alive * (alpha + x)) / (alpha + beta + 6)),
      1e-10,
    );
    const none = conditionalPurchaseCountProbability(DONATIONS_BG_BB, rows, {
      purchases: 0,
      horizon: 1,
    });
    // Two outcomes of one opportunity; each is a difference of log-betas (≈ 1e-14 absolute error).
    for (let i = 0; i < rows.length; i++)
      expect(Math.abs(none[i]! + one[i]! - 1)).toBeLessThan(1e-13);
  });
});

describe("conditionalPurchaseCountProbability: a distribution whose mean is the conditional expectation", () => {
  it("BG/NBD, MBG/NBD, Pareto/NBD at t = 39: Σₙ P = 1 and Σₙ n·P = E[Y(39) | x, t_x, T]", () => {
    for (const model of [CDNOW_BG_NBD, CDNOW_MBG_NBD, CDNOW_PARETO_NBD]) {
      const total = new Float64Array(REFERENCE.length);
      const mean = new Float64Array(REFERENCE.length);
      for (let n = 0; n <= 250; n++) {
        const p = pmf(model, n);
        for (let i = 0; i < p.length; i++) {
          expect(p[i]).toBeGreaterThanOrEqual(0);
          total[i]! += p[i]!;
          mean[i]! += n * p[i]!;
        }
      }
      const expected = conditionalExpectedPurchases(model, REFERENCE, { horizon: 39 });
      for (let i = 0; i < REFERENCE.length; i++) {
        expect(Math.abs(total[i]! - 1)).toBeLessThan(1e-12);
        expect(Math.abs(mean[i]! - expected[i]!)).toBeLessThan(1e-11 * expected[i]! + 1e-15);
      }
    }
  });
  it("BG/BB over 5 opportunities: Σ P = 1, mean = E[X(6, 11) | x, t_x, 6] (lifetimes, models.md §4.7)", () => {
    const rows = [
      [0, 0],
      [2, 4],
      [6, 6],
    ].map(([frequency, recency]) => ({ frequency: frequency!, recency: recency!, periods: 6 }));
    const total = [0, 0, 0];
    const mean = [0, 0, 0];
    for (let k = 0; k <= 6; k++) {
      const p = conditionalPurchaseCountProbability(DONATIONS_BG_BB, rows, {
        purchases: k,
        horizon: 5,
      });
      for (let i = 0; i < 3; i++) {
        total[i]! += p[i]!;
        mean[i]! += k * p[i]!;
      }
      if (k === 6) expect([...p]).toEqual([0, 0, 0]); // more purchases than opportunities
    }
    for (const t of total) expect(Math.abs(t - 1)).toBeLessThan(1e-13);
    expectRelative(mean, [0.0728633389408, 1.05760354611, 3.75254424661], 1e-10);
  });
  it("n = 0 is P(no purchase) = 1 − P(alive)·P(buys | alive); horizon 0 gives 1[n = 0]", () => {
    const alive = probabilityAlive(CDNOW_BG_NBD, REFERENCE);
    const none = pmf(CDNOW_BG_NBD, 0);
    for (let i = 0; i < REFERENCE.length; i++) {
      expect(none[i]).toBeGreaterThanOrEqual(1 - alive[i]! - 1e-15);
    }
    expect([...pmf(CDNOW_PARETO_NBD, 0, 0)]).toEqual(REFERENCE.map(() => 1));
    expect([...pmf(CDNOW_MBG_NBD, 3, 0)]).toEqual(REFERENCE.map(() => 0));
  });
  it("horizon in another unit: 273 days = 39 weeks", () => {
    const days = conditionalPurchaseCountProbability(CDNOW_PARETO_NBD, REFERENCE, {
      purchases: 1,
      horizon: 273,
      unit: "day",
    });
    expectRelative(days, [...pmf(CDNOW_PARETO_NBD, 1)], 1e-14);
  });
});

describe("conditionalPurchaseCountProbability: PyMC-Marketing's expected_probability_no_purchase tests", () => {
  // pymc-marketing tests/clv/models/test_beta_geo.py at (a, b, α, r) = (0.793, 2.426, 4.414, 0.243):
  // infrequent, long-quiet customers buy nothing in the next 3 periods (P ≈ 1, atol 0.01);
  // customers who bought at every period up to T buy within 30, 90, 120 (P ≈ 0, atol 0.01);
  // t = 0 gives exactly 1.
  const model = bgNbdModel(0.243, 4.414, 0.793, 2.426);
  const none = (rows: { frequency: number; recency: number; T: number }[], horizon: number) => [
    ...conditionalPurchaseCountProbability(model, rows, { purchases: 0, horizon }),
  ];
  it("infrequent customers: ≈ 1; frequent customers: ≈ 0; now: 1", () => {
    const infrequent = [
      [3, 100, 500],
      [30, 30, 300],
      [5, 500, 1000],
      [70, 70, 700],
      [9, 900, 1800],
    ].map(([frequency, recency, T]) => ({ frequency: frequency!, recency: recency!, T: T! }));
    for (const p of none(infrequent, 3)) expect(Math.abs(p - 1)).toBeLessThan(0.01);
    const frequent = [100, 300, 500, 700, 900].map((x) => ({ frequency: x, recency: x, T: x }));
    for (const t of [30, 90, 120]) for (const p of none(frequent, t)) expect(p).toBeLessThan(0.01);
    const recent = [1, 3, 5, 7, 9].map((x, i) => ({
      frequency: x,
      recency: i % 2 === 0 ? 20 : 30,
      T: i % 2 === 0 ? 25 : 35,
    }));
    expect(none(recent, 0)).toEqual([1, 1, 1, 1, 1]);
  });
});

describe("conditionalPurchaseCountProbability: errors", () => {
  const fn = "conditionalPurchaseCountProbability";
  it("reports options, rows and budgets at their paths", () => {
    expectIssue(() => pmf(CDNOW_BG_NBD, 1.5), fn, ["options", "purchases"], "not_integer");
    expectIssue(() => pmf(CDNOW_BG_NBD, 1, -1), fn, ["options", "horizon"], "too_small");
    expectIssue(
      () =>
        conditionalPurchaseCountProbability(CDNOW_BG_NBD, [{ frequency: 0, recency: 1, T: 2 }], {
          purchases: 0,
          horizon: 1,
        }),
      fn,
      ["customers", 0, "recency"],
      "inconsistent",
    );
    expectIssue(
      () =>
        conditionalPurchaseCountProbability(
          CDNOW_PARETO_NBD,
          [{ frequency: 5000, recency: 30, T: 31 }],
          { purchases: 1000, horizon: 1 },
        ),
      fn,
      ["options", "purchases"],
      "unsupported",
    );
    expectIssue(
      () =>
        conditionalPurchaseCountProbability(
          DONATIONS_BG_BB,
          [{ frequency: 0, recency: 0, periods: 6 }],
          {
            purchases: 0,
            horizon: 2.5,
          },
        ),
      fn,
      ["options", "horizon"],
      "not_integer",
    );
    expectIssue(
      () =>
        conditionalPurchaseCountProbability(
          DONATIONS_BG_BB,
          [{ frequency: 0, recency: 0, periods: 6 }],
          {
            purchases: 0,
            horizon: 2,
            unit: "month",
          },
        ),
      fn,
      ["options", "unit"],
      "unit_mismatch",
    );
  });
});
