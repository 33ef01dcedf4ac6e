/**
 * Prediction dispatch, customer lifetime value and the input errors of every prediction function.
 * Reference values: models.md §1.8 (θ_BG: E[Y(52)], DERT at δ = ln 1.15/52) and §6.4 (θ_GG spend).
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
  InvalidInputError,
  type ParetoNbdModel,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";
import { expectInvalidAt } from "../expectInvalidAt.js";
import { cdnowSummaryWithSpend } from "../fixtures/load.js";
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from "../fixtures/models.js";

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);
const purchaseModel: BgNbdModel = CDNOW_BG_NBD;
const spendModel: GammaGammaModel = CDNOW_GAMMA_GAMMA;
const c1 = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: "22.35" };
const c3 = { frequency: 0, recency: 0, T: 38.86, monetaryValue: 0 };
const weekly15 = 1.15 ** (1 / 52) - 1; // 15 % a year, per week; ln(1 + d) = ln(1.15)/52

describe("customerLifetimeValue", () => {
  it("infinite horizon = margin × E[M] × DERT(ln(1 + d)) [models.md §1.8, §6.4]", () => {
    const [v1, v3] = customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers: [c1, c3],
      horizon: "infinite",
      discountRate: weekly15,
      unit: "week",
      margin: 0.3,
    });
    expect(Decimal.isDecimal(v1)).toBe(true);
    expect(rel(v1!.toNumber(), 0.3 * 24.6586161892 * 5.16963725518)).toBeLessThan(1e-10);
    expect(rel(v3!.toNumber(), 0.3 * 35.1710021525 * 1.01725067137)).toBeLessThan(1e-10);
  });
  it("finite horizon without discounting telescopes to E[M] × E[Y(H)]", () => {
    const [v1] = customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers: [c1],
      horizon: 52,
      discountRate: 0,
      unit: "week",
    });
    expect(rel(v1!.toNumber(), 24.6586161892 * 1.55858376177)).toBeLessThan(1e-10);
  });
  it("finite horizon: per-period end-of-period discounting", () => {
    const d = 0.01;
    const [v1] = customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers: [c1],
      horizon: 10,
      discountRate: d,
      unit: "week",
    });
    let expected = 0;
    for (let k = 1; k <= 10; k++) {
      const inc =
        conditionalExpectedPurchases(purchaseModel, c1, k) -
        conditionalExpectedPurchases(purchaseModel, c1, k - 1);
      expected += inc / (1 + d) ** k;
    }
    expect(rel(v1!.toNumber(), 24.6586161892 * expected)).toBeLessThan(1e-10);
  });
  it("values every CDNOW customer in input order, finite and non-negative", () => {
    const customers = cdnowSummaryWithSpend();
    const values = customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers,
      horizon: 52,
      discountRate: 0.002,
      unit: "week",
    });
    expect(values).toHaveLength(customers.length);
    const cet = conditionalExpectedPurchases(purchaseModel, customers, 52);
    values.forEach((v) => {
      expect(v.isFinite() && !v.isNegative()).toBe(true);
    });
    // A larger horizon never lowers the value.
    const longer = customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers,
      horizon: 104,
      discountRate: 0.002,
      unit: "week",
    });
    values.forEach((v, i) => {
      expect(longer[i]!.gte(v)).toBe(true);
    });
    expect(cet[0]).toBeGreaterThan(0);
  });
  it.each([
    ["horizon 0", { horizon: 0 }, "horizon"],
    ["fractional horizon", { horizon: 1.5 }, "horizon"],
    ["negative rate", { discountRate: -0.1 }, "discountRate"],
    ["infinite horizon at rate 0", { horizon: "infinite", discountRate: 0 }, "discountRate"],
    ["margin > 1", { margin: 1.5 }, "margin"],
    ["unknown unit", { unit: "fortnight" }, "unit"],
    ["unknown key", { horizn: 3 }, "horizn"],
    ["bad customer", { customers: [{ ...c1, recency: 50 }] }, "customers[0].recency"],
    ["bad spend", { customers: [{ ...c1, monetaryValue: "x" }] }, "customers[0].monetaryValue"],
    [
      "bad purchase model",
      { purchaseModel: { ...purchaseModel, kind: "gamma-gamma" } },
      "at purchaseModel.kind",
    ],
    [
      "bad purchase parameter",
      { purchaseModel: { ...purchaseModel, params: { ...purchaseModel.params, r: -1 } } },
      "at purchaseModel.params.r",
    ],
    ["bad spend model", { spendModel: purchaseModel }, "at spendModel.kind"],
  ])("%s is an InvalidInputError naming the path", (_name, change, path) => {
    const input = {
      purchaseModel,
      spendModel,
      customers: [c1],
      horizon: 12,
      discountRate: 0.01,
      unit: "week",
      ...change,
    };
    expect(() => customerLifetimeValue(input as never)).toThrow(InvalidInputError);
    expect(() => customerLifetimeValue(input as never)).toThrow(path);
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
    customers: 0,
  };
  it("DERT at the BTYD 78-week parameters, δ = 0.0027 (peers.md §4.8, 4 decimals)", () => {
    const c = { frequency: 7, recency: 35, T: 77.86 };
    expect(
      discountedExpectedResidualPurchases(pareto, c, { discountRate: 0.0027 }).toFixed(4),
    ).toBe("1.8642");
    const printed = [2.1992, 2.8435, 2.8671, 2.4454, 1.8405, 1.2624, 0.8096, 0.4948, 0.292, 0.1679];
    const many = printed.map((_, i) => ({ frequency: i + 1, recency: 30, T: 77.86 }));
    const values = discountedExpectedResidualPurchases(pareto, many, { discountRate: 0.0027 });
    printed.forEach((v, i) => {
      expect(values[i]!.toFixed(4)).toBe(v.toFixed(4));
    });
  });
  it("CLV with a Pareto/NBD purchase model equals E[M] × DERT", () => {
    const c = { frequency: 7, recency: 35, T: 77.86, monetaryValue: 20 };
    const [value] = customerLifetimeValue({
      purchaseModel: pareto,
      spendModel,
      customers: [c],
      horizon: "infinite",
      discountRate: Math.expm1(0.0027),
      unit: "week",
    });
    const expected =
      conditionalExpectedSpend(spendModel, c).toNumber() *
      discountedExpectedResidualPurchases(pareto, c, { discountRate: 0.0027 });
    expect(rel(value!.toNumber(), expected)).toBeLessThan(1e-12);
    const batch = conditionalExpectedPurchases(pareto, [c, c], 52);
    expect(batch[1]).toBe(conditionalExpectedPurchases(pareto, c, 52));
  });
});

describe("prediction input errors", () => {
  const check = (f: () => unknown, path: string) => {
    expect(f).toThrow(InvalidInputError);
    expect(f).toThrow(path);
  };
  it("invalid models", () => {
    check(() => probabilityAlive({ ...purchaseModel, kind: "bg" } as never, c1), "kind");
    check(
      () => expectedPurchases({ ...purchaseModel, params: { ...purchaseModel.params, r: -1 } }, 1),
      "params.r",
    );
    check(() => expectedPurchases(spendModel as never, 1), "kind");
  });
  it("invalid customers and arguments", () => {
    check(() => probabilityAlive(purchaseModel, { frequency: 1, recency: 5, T: 2 }), "recency");
    check(
      () => probabilityAlive(purchaseModel, [c1, { frequency: -2, recency: 0, T: 2 }]),
      "[1].frequency",
    );
    check(() => conditionalExpectedPurchases(purchaseModel, c1, -1), "t");
    check(() => conditionalExpectedPurchases(purchaseModel, c1, Number.NaN), "t");
    check(() => expectedPurchases(purchaseModel, Number.POSITIVE_INFINITY), "t");
    check(() => purchaseCountProbability(purchaseModel, 1.5, 3), "n");
    check(() => purchaseCountProbability(purchaseModel, 1, -3), "t");
    check(
      () => discountedExpectedResidualPurchases(purchaseModel, c1, { discountRate: 0 }),
      "discountRate",
    );
    check(
      () =>
        discountedExpectedResidualPurchases(purchaseModel, c1, {
          discountRate: 0.1,
          x: 1,
        } as never),
      "x",
    );
  });
  it("t = 0 edge cases", () => {
    expect(purchaseCountProbability(purchaseModel, 0, 0)).toBe(1);
    expect(purchaseCountProbability(purchaseModel, 3, 0)).toBe(0);
    expect(conditionalExpectedPurchases(purchaseModel, c1, 0)).toBe(0);
  });
  it("does not mutate its inputs", () => {
    const customers = [{ ...c1 }, { ...c3 }];
    const frozen = JSON.stringify(customers);
    const model = structuredClone(purchaseModel);
    probabilityAlive(model, customers);
    customerLifetimeValue({
      purchaseModel: model,
      spendModel,
      customers,
      horizon: 3,
      discountRate: 0,
      unit: "week",
    });
    expect(JSON.stringify(customers)).toBe(frozen);
    expect(model).toEqual(purchaseModel);
  });
});

describe("no NaN or infinity leaves a prediction", () => {
  it("a horizon beyond float64's reach throws InvalidInputError at path t", () => {
    // E[X(t)] grows like t^{1−a} (a = 0.79): finite and right even at t = 1e100 (mpmath, 150
    // digits, the textbook ₂F₁ form: 1.8788084072955673717e21), relative 1e-13.
    expect(expectedPurchases(CDNOW_BG_NBD, 1e100) / 1.8788084072955673717e21 - 1).toBeLessThan(
      1e-13,
    );
    // r·t/α beyond float64 (E[X(t)] ≈ (r t/α)^{1−a} with a = 0.01 exceeds 1e308): throws.
    const huge = { ...CDNOW_BG_NBD, params: { r: 1e10, alpha: 1e-10, a: 0.01, b: 1 } };
    expect(expectedPurchases(huge, 1)).toBeGreaterThan(0);
    expectInvalidAt(() => expectedPurchases(huge, 1e300), ["t"]);
    // One customer, and the same customer in an array: both throw rather than return Infinity.
    const customer = { frequency: 2, recency: 38, T: 38 };
    expect(conditionalExpectedPurchases(huge, customer, 1e10)).toBeGreaterThan(0);
    expectInvalidAt(() => conditionalExpectedPurchases(huge, customer, 1e300), ["t"]);
    expectInvalidAt(() => conditionalExpectedPurchases(huge, [customer], 1e300), [0]);
  });
  it("the row-wise guard names the customer whose result is not finite", async () => {
    const { conditionalOverRows, finiteResult } = await import(
      "../../src/models/predictions/kernels.js"
    );
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
      [1],
    );
    expect(finiteResult("probe", 2.5, ["t"])).toBe(2.5);
    expectInvalidAt(() => finiteResult("probe", Number.POSITIVE_INFINITY, ["t"]), ["t"]);
  });
  it("a spend beyond the money bound (1e21) throws for that customer's monetaryValue", () => {
    expectInvalidAt(
      () =>
        customerLifetimeValue({
          purchaseModel: CDNOW_BG_NBD,
          spendModel: CDNOW_GAMMA_GAMMA,
          customers: [
            { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 20 },
            { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 1.7e308 },
          ],
          horizon: 52,
          discountRate: 0,
          unit: "week",
        }),
      ["customers", 1, "monetaryValue"],
    );
  });
});
