import type Decimal from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import {
  type BgNbdModel,
  type ChurnRiskOptions,
  type churnRisk,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  type DiscountOptions,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  type expectedRemainingLifetime,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  type GammaGammaFitOptions,
  type GammaGammaModel,
  type LifetimeValueOptions,
  type MbgNbdModel,
  type ParetoNbdModel,
  type PurchaseModel,
  probabilityAlive,
  purchaseCountProbability,
  type subscriptionLifetimeValue,
} from "../../src/index.js";

declare const bg: BgNbdModel;
declare const gg: GammaGammaModel;
const customer = { frequency: 1, recency: 2, T: 3 };

describe("model types", () => {
  it("fits return their model kinds", () => {
    expectTypeOf(fitBgNbd([customer], { unit: "week" })).toEqualTypeOf<BgNbdModel>();
    expectTypeOf(fitMbgNbd([customer], { unit: "week" })).toEqualTypeOf<MbgNbdModel>();
    expectTypeOf(
      fitGammaGamma([{ frequency: 1, monetaryValue: "2" }]),
    ).toEqualTypeOf<GammaGammaModel>();
    expectTypeOf(bg.kind).toEqualTypeOf<"bg-nbd">();
    expectTypeOf(bg.converged).toEqualTypeOf<true>();
    expectTypeOf(bg.params).toEqualTypeOf<BgNbdModel["standardErrors"]>();
    expectTypeOf<ParetoNbdModel["params"]>().toHaveProperty("beta");
    expectTypeOf<BgNbdModel>().toExtend<PurchaseModel>();
    expectTypeOf<GammaGammaModel>().not.toExtend<PurchaseModel>();
  });
  it("Gamma-Gamma options and what the model records", () => {
    const options: GammaGammaFitOptions = {
      penalty: 0.01,
      nonPositiveSpend: "error",
      constrainFiniteMean: true,
      firstTransaction: "include",
    };
    fitGammaGamma([{ frequency: 0, monetaryValue: 0, totalSpend: "12.50" }], options);
    // @ts-expect-error -- "drop" is not one of "exclude" | "error"
    fitGammaGamma([{ frequency: 1, monetaryValue: 2 }], { nonPositiveSpend: "drop" });
    expectTypeOf(gg.excludedCount).toEqualTypeOf<number | undefined>();
    expectTypeOf(gg.firstTransaction).toEqualTypeOf<"exclude" | "include" | undefined>();
  });
  it("predictions: Float64Array in input order, number for a population figure, Decimal for money", () => {
    expectTypeOf(probabilityAlive(bg, [customer])[0]!).toEqualTypeOf<number>();
    expectTypeOf(probabilityAlive(bg, [customer])).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      conditionalExpectedPurchases(bg, [customer], { horizon: 5 }),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf(expectedPurchases(bg, { horizon: 5 })).toEqualTypeOf<number>();
    expectTypeOf(
      purchaseCountProbability(bg, { purchases: 1, horizon: 5 }),
    ).toEqualTypeOf<number>();
    expectTypeOf(
      discountedExpectedResidualPurchases(bg, [customer], { continuousDiscountRate: 0.01 })[0]!,
    ).toEqualTypeOf<number>();
    expectTypeOf(
      conditionalExpectedSpend(gg, [{ frequency: 1, monetaryValue: 2 }])[0]!,
    ).toEqualTypeOf<Decimal>();
    expectTypeOf(
      customerLifetimeValue({ purchase: bg, spend: gg }, [{ ...customer, monetaryValue: "3" }], {
        horizon: "infinite",
        discountRate: 0.01,
        unit: "week",
      }),
    ).toEqualTypeOf<Decimal[]>();
  });
  it("a model kind that does not support a function is a type error", () => {
    // @ts-expect-error the spend model has no purchase process
    probabilityAlive(gg, [customer]);
    // @ts-expect-error the spend model has no purchase process
    expectedPurchases(gg, { horizon: 3 });
    // @ts-expect-error a purchase model has no spend distribution
    conditionalExpectedSpend(bg, [{ frequency: 1, monetaryValue: 2 }]);
    // @ts-expect-error the pair's spend model must be a Gamma-Gamma model
    customerLifetimeValue({ purchase: bg, spend: bg }, [], { horizon: 1, discountRate: 0 });
    // @ts-expect-error a discount rate (discountRate or continuousDiscountRate) is required
    discountedExpectedResidualPurchases(bg, [customer], {});
    // @ts-expect-error not both rates
    discountedExpectedResidualPurchases(bg, [customer], {
      discountRate: 0.1,
      continuousDiscountRate: 0.1,
    });
  });
  it("one per-customer shape: arrays in, never a single customer", () => {
    // @ts-expect-error a single customer is not accepted: pass [customer]
    probabilityAlive(bg, customer);
    // @ts-expect-error a single customer is not accepted: pass [customer]
    conditionalExpectedPurchases(bg, customer, { horizon: 5 });
    // @ts-expect-error a single customer is not accepted
    conditionalExpectedSpend(gg, { frequency: 1, monetaryValue: 2 });
  });
  it("purchaseCountProbability cannot take two bare numbers", () => {
    // @ts-expect-error (model, n, t): two swappable bare numbers are not a call shape
    purchaseCountProbability(bg, 2, 39);
    // @ts-expect-error the horizon is named too
    conditionalExpectedPurchases(bg, [customer], 39);
    expectTypeOf(
      purchaseCountProbability(bg, { purchases: 2, horizon: 39 }),
    ).toEqualTypeOf<number>();
  });
  it("every discountRate has the same type and meaning: a compound rate per period, a number", () => {
    type Rate<F extends (...args: never[]) => unknown, I extends number> =
      Exclude<Parameters<F>[I], undefined> extends infer O
        ? O extends { readonly discountRate?: infer D }
          ? Exclude<D, undefined>
          : never
        : never;
    expectTypeOf<Rate<typeof customerLifetimeValue, 2>>().toEqualTypeOf<number>();
    expectTypeOf<Rate<typeof churnRisk, 2>>().toEqualTypeOf<number>();
    expectTypeOf<Rate<typeof subscriptionLifetimeValue, 1>>().toEqualTypeOf<number>();
    expectTypeOf<Rate<typeof expectedRemainingLifetime, 1>>().toEqualTypeOf<number>();
    expectTypeOf<Exclude<DiscountOptions["discountRate"], undefined>>().toEqualTypeOf<number>();
    // The continuous rate of the DERT formula has its own name.
    expectTypeOf<
      Exclude<DiscountOptions["continuousDiscountRate"], undefined>
    >().toEqualTypeOf<number>();
    expectTypeOf<LifetimeValueOptions["discountRate"]>().toEqualTypeOf<
      ChurnRiskOptions["discountRate"]
    >();
  });
});
