/**
 * Prediction dispatch, customer lifetime value and the input errors of every prediction function.
 * Reference values: the CDNOW BG/NBD (Fader, Hardie & Lee 2005a: E[Y(52)]; DERT at δ = ln 1.15/52,
 * Fader, Hardie & Lee 2005b, "RFM and CLV") and the Gamma-Gamma spend (Fader & Hardie 2013).
 */
import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import {
  type BgNbdModel,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  type GammaGammaModel,
  type ParetoNbdModel,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";
import { catchInvalidInput, expectInvalidAt } from "../expectInvalidAt.js";
import { cdnowSummaryWithSpend } from "../fixtures/load.js";
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from "../fixtures/models.js";

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const purchaseModel: BgNbdModel = CDNOW_BG_NBD;
const spendModel: GammaGammaModel = CDNOW_GAMMA_GAMMA;
const c1 = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" };
const c3 = { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 };
const weekly15 = 1.15 ** (1 / 52) - 1; // 15 % a year, per week; ln(1 + d) = ln(1.15)/52

describe("customerLifetimeValue", () => {
  it("infinite horizon = margin × E[M] × DERT(ln(1 + d)) (Fader, Hardie & Lee 2005b)", () => {
    const [v1, v3] = customerLifetimeValue(
      { purchase: purchaseModel, spend: spendModel },
      [c1, c3],
      { horizon: "infinite", discountRate: weekly15, unit: "week", profitMargin: 0.3 },
    );
    expect(Decimal.isDecimal(v1)).toBe(true);
    expect(rel(v1!.toNumber(), 0.3 * 24.6586161892 * 5.16963725518)).toBeLessThan(1e-10);
    expect(rel(v3!.toNumber(), 0.3 * 35.1710021525 * 1.01725067137)).toBeLessThan(1e-10);
  });
  it("finite horizon without discounting telescopes to E[M] × E[Y(H)]", () => {
    const [v1] = customerLifetimeValue({ purchase: purchaseModel, spend: spendModel }, [c1], {
      horizon: 52,
      discountRate: 0,
      unit: "week",
    });
    expect(rel(v1!.toNumber(), 24.6586161892 * 1.55858376177)).toBeLessThan(1e-10);
  });
  it("finite horizon: per-period end-of-period discounting", () => {
    const d = 0.01;
    const [v1] = customerLifetimeValue({ purchase: purchaseModel, spend: spendModel }, [c1], {
      horizon: 10,
      discountRate: d,
      unit: "week",
    });
    let expected = 0;
    for (let k = 1; k <= 10; k++) {
      const inc =
        conditionalExpectedPurchases(purchaseModel, [c1], { horizon: k })[0]! -
        conditionalExpectedPurchases(purchaseModel, [c1], { horizon: k - 1 })[0]!;
      expected += inc / (1 + d) ** k;
    }
    expect(rel(v1!.toNumber(), 24.6586161892 * expected)).toBeLessThan(1e-10);
  });
  it("values every CDNOW customer in input order, finite and non-negative", () => {
    const customers = cdnowSummaryWithSpend();
    const values = customerLifetimeValue(
      { purchase: purchaseModel, spend: spendModel },
      customers,
      { horizon: 52, discountRate: 0.002, unit: "week" },
    );
    expect(values).toHaveLength(customers.length);
    const cet = conditionalExpectedPurchases(purchaseModel, customers, { horizon: 52 });
    values.forEach((v) => {
      expect(v.isFinite() && !v.isNegative()).toBe(true);
    });
    // A larger horizon never lowers the value.
    const longer = customerLifetimeValue(
      { purchase: purchaseModel, spend: spendModel },
      customers,
      { horizon: 104, discountRate: 0.002, unit: "week" },
    );
    values.forEach((v, i) => {
      expect(longer[i]!.gte(v)).toBe(true);
    });
    expect(cet[0]).toBeGreaterThan(0);
  });
  it.each([
    ["horizon 0", {}, {}, { horizon: 0 }, ["options", "horizon"], "too_small"],
    ["fractional horizon", {}, {}, { horizon: 1.5 }, ["options", "horizon"], "not_integer"],
    ["negative rate", {}, {}, { discountRate: -0.1 }, ["options", "discountRate"], "too_small"],
    [
      "infinite horizon at rate 0",
      {},
      {},
      { horizon: "infinite", discountRate: 0 },
      ["options", "discountRate"],
      "too_small",
    ],
    [
      "rate 10 (meant as 10 %)",
      {},
      {},
      { discountRate: 10 },
      ["options", "discountRate"],
      "implausible_rate",
    ],
    ["profitMargin > 1", {}, {}, { profitMargin: 1.5 }, ["options", "profitMargin"], "too_big"],
    ["unknown unit", {}, {}, { unit: "fortnight" }, ["options", "unit"], "invalid_value"],
    ["unknown key", {}, {}, { horizn: 3 }, ["options", "horizn"], "unknown_key"],
    ["old name margin", {}, {}, { margin: 0.3 }, ["options", "margin"], "unknown_key"],
    ["bad customer", {}, { recency: 50 }, {}, ["customers", 0, "recency"], undefined],
    ["bad spend", {}, { monetaryValue: "x" }, {}, ["customers", 0, "monetaryValue"], undefined],
    [
      "bad purchase model",
      { purchase: { ...purchaseModel, kind: "gamma-gamma" } },
      {},
      {},
      ["model", "purchase", "kind"],
      undefined,
    ],
    [
      "bad purchase parameter",
      { purchase: { ...purchaseModel, params: { ...purchaseModel.params, r: -1 } } },
      {},
      {},
      ["model", "purchase", "params", "r"],
      "too_small",
    ],
    [
      "purchase model without unit",
      { purchase: { ...purchaseModel, unit: undefined } },
      {},
      {},
      ["model", "purchase", "unit"],
      undefined,
    ],
    ["bad spend model", { spend: purchaseModel }, {}, {}, ["model", "spend", "kind"], undefined],
  ] as const)(
    "%s is an InvalidInputError naming the path",
    (_name, model, row, options, path, code) => {
      const error = catchInvalidInput(() =>
        customerLifetimeValue(
          { purchase: purchaseModel, spend: spendModel, ...model } as never,
          [{ ...c1, ...row }] as never,
          { horizon: 12, discountRate: 0.01, unit: "week", ...options } as never,
        ),
      );
      expect(error.functionName).toBe("customerLifetimeValue");
      expect(error.issues[0]!.path).toEqual(path);
      if (code !== undefined) expect(error.issues[0]!.code).toBe(code);
    },
  );
  it("lists every bad row in one error", () => {
    const error = catchInvalidInput(() =>
      customerLifetimeValue(
        { purchase: purchaseModel, spend: spendModel },
        [c1, { ...c1, recency: 50 }, c3, { ...c1, T: -1 }],
        { horizon: 12, discountRate: 0.01 },
      ),
    );
    expect(error.issues.map((i) => i.path)).toEqual([
      ["customers", 1, "recency"],
      ["customers", 3, "T"],
    ]);
  });
});

describe("dispatch to the Pareto/NBD", () => {
  const pareto: ParetoNbdModel = {
    kind: "pareto-nbd",
    params: { r: 0.5629966, alpha: 12.559037, s: 0.4081095, beta: 10.5148048 },
    logLikelihood: 0,
    standardErrors: { r: 0, alpha: 0, s: 0, beta: 0 },
    iterations: 0,
    converged: true,
    customerCount: 0,
    unit: "week",
  };
  it("DERT at the BTYD 78-week parameters, δ = 0.0027 (BTYD R package, 4 decimals)", () => {
    const c = { frequency: 7, recency: 35, T: 77.86 };
    expect(
      discountedExpectedResidualPurchases(pareto, [c], {
        continuousDiscountRate: 0.0027,
      })[0]!.toFixed(4),
    ).toBe("1.8642");
    const printed = [2.1992, 2.8435, 2.8671, 2.4454, 1.8405, 1.2624, 0.8096, 0.4948, 0.292, 0.1679];
    const many = printed.map((_, i) => ({ frequency: i + 1, recency: 30, T: 77.86 }));
    const values = discountedExpectedResidualPurchases(pareto, many, {
      continuousDiscountRate: 0.0027,
    });
    printed.forEach((v, i) => {
      expect(values[i]!.toFixed(4)).toBe(v.toFixed(4));
    });
  });
  it("CLV with a Pareto/NBD purchase model equals E[M] × DERT", () => {
    const c = { frequency: 7, recency: 35, T: 77.86, monetaryValue: 20 };
    const [value] = customerLifetimeValue({ purchase: pareto, spend: spendModel }, [c], {
      horizon: "infinite",
      discountRate: Math.expm1(0.0027),
      unit: "week",
    });
    const expected =
      conditionalExpectedSpend(spendModel, [c])[0]!.toNumber() *
      discountedExpectedResidualPurchases(pareto, [c], { continuousDiscountRate: 0.0027 })[0]!;
    expect(rel(value!.toNumber(), expected)).toBeLessThan(1e-12);
    const batch = conditionalExpectedPurchases(pareto, [c, c], { horizon: 52 });
    expect(batch[1]).toBe(conditionalExpectedPurchases(pareto, [c], { horizon: 52 })[0]!);
  });
});

describe("prediction input errors", () => {
  const check = (f: () => unknown, path: readonly PropertyKey[], code?: string) => {
    const error = expectInvalidAt(f, path);
    if (code !== undefined) expect(error.issues[0]!.code).toBe(code);
  };
  it("invalid models: paths start at model", () => {
    check(
      () => probabilityAlive({ ...purchaseModel, kind: "bg" } as never, [c1]),
      ["model", "kind"],
    );
    check(
      () =>
        expectedPurchases(
          { ...purchaseModel, params: { ...purchaseModel.params, r: -1 } },
          { horizon: 1 },
        ),
      ["model", "params", "r"],
      "too_small",
    );
    check(() => expectedPurchases(spendModel as never, { horizon: 1 }), ["model", "kind"]);
    const { unit: _unit, ...withoutUnit } = purchaseModel;
    check(() => probabilityAlive(withoutUnit as never, [c1]), ["model", "unit"], "required");
    check(
      () => probabilityAlive({ ...purchaseModel, unit: "fortnight" } as never, [c1]),
      ["model", "unit"],
      "invalid_value",
    );
  });
  it("invalid customers and options: customers[i].field and options.key", () => {
    check(
      () => probabilityAlive(purchaseModel, [{ frequency: 1, recency: 5, T: 2 }]),
      ["customers", 0, "recency"],
    );
    check(
      () => probabilityAlive(purchaseModel, [c1, { frequency: -2, recency: 0, T: 2 }]),
      ["customers", 1, "frequency"],
    );
    check(() => probabilityAlive(purchaseModel, c1 as never), ["customers"], "invalid_type");
    check(
      () => conditionalExpectedPurchases(purchaseModel, [c1], { horizon: -1 }),
      ["options", "horizon"],
      "too_small",
    );
    check(
      () => conditionalExpectedPurchases(purchaseModel, [c1], { horizon: Number.NaN }),
      ["options", "horizon"],
    );
    check(
      () => conditionalExpectedPurchases(purchaseModel, [c1], 39 as never),
      ["options"],
      "invalid_type",
    );
    check(
      () => expectedPurchases(purchaseModel, { horizon: Number.POSITIVE_INFINITY }),
      ["options", "horizon"],
    );
    check(
      () => purchaseCountProbability(purchaseModel, { purchases: 1.5, horizon: 3 }),
      ["options", "purchases"],
      "not_integer",
    );
    check(
      () => purchaseCountProbability(purchaseModel, { purchases: 1, horizon: -3 }),
      ["options", "horizon"],
      "too_small",
    );
    check(
      () => discountedExpectedResidualPurchases(purchaseModel, [c1], { continuousDiscountRate: 0 }),
      ["options", "continuousDiscountRate"],
      "too_small",
    );
    check(
      () =>
        discountedExpectedResidualPurchases(purchaseModel, [c1], {
          discountRate: 0.1,
          x: 1,
        } as never),
      ["options", "x"],
      "unknown_key",
    );
    check(
      () =>
        discountedExpectedResidualPurchases(purchaseModel, [c1], {
          discountRate: 0.1,
          continuousDiscountRate: 0.1,
        } as never),
      ["options", "continuousDiscountRate"],
      "inconsistent",
    );
    check(
      () => discountedExpectedResidualPurchases(purchaseModel, [c1], {} as never),
      ["options", "discountRate"],
      "required",
    );
    check(
      () => discountedExpectedResidualPurchases(purchaseModel, [c1], { discountRate: 5 }),
      ["options", "discountRate"],
      "implausible_rate",
    );
    check(
      () => conditionalExpectedSpend(spendModel, [c1, { frequency: 1.5, monetaryValue: 3 }]),
      ["customers", 1, "frequency"],
      "not_integer",
    );
  });
  it("lists every bad row of a prediction in one error (up to 100)", () => {
    const bad = { frequency: 1, recency: 5, T: 2 };
    const rows = [c1, bad, c3, { ...bad }, ...Array.from({ length: 200 }, () => bad)];
    const error = catchInvalidInput(() =>
      conditionalExpectedPurchases(purchaseModel, rows, { horizon: 5 }),
    );
    expect(error.issues.slice(0, 2).map((i) => i.path)).toEqual([
      ["customers", 1, "recency"],
      ["customers", 3, "recency"],
    ]);
    expect(error.issues[0]!.code).toBe("inconsistent");
    expect(error.issues[0]!.received).toBe(5);
    expect(error.issues).toHaveLength(101); // 100 listed and "…and more"
    const spend = catchInvalidInput(() =>
      conditionalExpectedSpend(spendModel, [
        { frequency: -1, monetaryValue: 1 },
        c1,
        { frequency: 2 } as never,
      ]),
    );
    expect(spend.issues.map((i) => i.path)).toEqual([
      ["customers", 0, "frequency"],
      ["customers", 2, "monetaryValue"],
    ]);
  });
  it("t = 0 edge cases", () => {
    expect(purchaseCountProbability(purchaseModel, { purchases: 0, horizon: 0 })).toBe(1);
    expect(purchaseCountProbability(purchaseModel, { purchases: 3, horizon: 0 })).toBe(0);
    expect(conditionalExpectedPurchases(purchaseModel, [c1], { horizon: 0 })[0]!).toBe(0);
  });
  it("does not mutate its inputs", () => {
    const customers = [{ ...c1 }, { ...c3 }];
    const frozen = JSON.stringify(customers);
    const model = structuredClone(purchaseModel);
    probabilityAlive(model, customers);
    customerLifetimeValue({ purchase: model, spend: spendModel }, customers, {
      horizon: 3,
      discountRate: 0,
      unit: "week",
    });
    expect(JSON.stringify(customers)).toBe(frozen);
    expect(model).toEqual(purchaseModel);
  });
});

describe("no NaN or infinity leaves a prediction", () => {
  it("a horizon beyond float64's reach throws InvalidInputError at options.horizon or the customer", () => {
    // E[X(t)] grows like t^{1−a} (a = 0.79): finite and right even at t = 1e100 (mpmath, 150
    // digits, the textbook ₂F₁ form: 1.8788084072955673717e21), relative 1e-13.
    expect(
      expectedPurchases(CDNOW_BG_NBD, { horizon: 1e100 }) / 1.8788084072955673717e21 - 1,
    ).toBeLessThan(1e-13);
    // r·t/α beyond float64 (E[X(t)] ≈ (r t/α)^{1−a} with a = 0.01 exceeds 1e308): throws.
    const huge = { ...CDNOW_BG_NBD, params: { r: 1e10, alpha: 1e-10, a: 0.01, b: 1 } };
    expect(expectedPurchases(huge, { horizon: 1 })).toBeGreaterThan(0);
    expectInvalidAt(() => expectedPurchases(huge, { horizon: 1e300 }), ["options", "horizon"]);
    // One customer, and the same customer in an array: both throw rather than return Infinity.
    const customer = { frequency: 2, recency: 38, T: 38 };
    expect(conditionalExpectedPurchases(huge, [customer], { horizon: 1e10 })[0]!).toBeGreaterThan(
      0,
    );
    expectInvalidAt(
      () => conditionalExpectedPurchases(huge, [customer], { horizon: 1e300 }),
      ["customers", 0],
    );
  });
  it("the row-wise guard names the customer whose result is not finite", async () => {
    const { conditionalOverRows } = await import("../../src/models/predictions/customerRows.js");
    const { finiteResult } = await import("../../src/models/predictions/modelArguments.js");
    const rows = [
      { frequency: 1, recency: 1, T: 2 },
      { frequency: 2, recency: 1, T: 3 },
    ];
    const ifAlive = (x: number) => (x === 2 ? Number.NaN : 1);
    expectInvalidAt(
      () =>
        conditionalOverRows(
          "probe",
          rows,
          () => 1,
          ifAlive,
          () => 1,
        ),
      ["customers", 1],
    );
    expect(finiteResult("probe", 2.5, ["t"])).toBe(2.5);
    expectInvalidAt(() => finiteResult("probe", Number.POSITIVE_INFINITY, ["t"]), ["t"]);
  });
  it("a spend beyond the money bound (1e21) throws for that customer's monetaryValue", () => {
    expectInvalidAt(
      () =>
        customerLifetimeValue(
          { purchase: CDNOW_BG_NBD, spend: CDNOW_GAMMA_GAMMA },
          [
            { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 20 },
            { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 1.7e308 },
          ],
          { horizon: 52, discountRate: 0, unit: "week" },
        ),
      ["customers", 1, "monetaryValue"],
    );
  });
});

describe("a huge frequency is computed, not cached (no array of that length)", () => {
  it("scores x = 1e9 and reports x = 1e308 as an InvalidInputError, never a RangeError", async () => {
    const { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } = await import("../fixtures/models.js");
    const { customerLifetimeValue, InvalidInputError } = await import("../../src/index.js");
    const pair = { purchase: CDNOW_BG_NBD, spend: CDNOW_GAMMA_GAMMA };
    const options = { horizon: 52, discountRate: 0.0027 };
    const row = (frequency: number) => [
      { frequency, recency: 38.86, T: 38.86, monetaryValue: 22.35 },
    ];
    // For a customer alive at T the value grows as the posterior rate (r + x)/(α + T) (and the
    // spend tends to the customer's own mean): 1e5 → 1.80e6, 1e9 → 1.80e10, a ratio of 1e4 to 1e-5.
    const small = customerLifetimeValue(pair, row(1e5), options)[0]!.toNumber();
    const large = customerLifetimeValue(pair, row(1e9), options)[0]!.toNumber();
    expect(large / small / 1e4).toBeCloseTo(1, 5);
    expect(() => customerLifetimeValue(pair, row(1e308), options)).toThrow(InvalidInputError);
  });
});
