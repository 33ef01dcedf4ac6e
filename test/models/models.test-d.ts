import type Decimal from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import {
  type BgNbdModel,
  conditionalExpectedPurchases,
  conditionalExpectedSpend,
  customerLifetimeValue,
  discountedExpectedResidualPurchases,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  type GammaGammaModel,
  type MbgNbdModel,
  type ParetoNbdModel,
  type PurchaseModel,
  probabilityAlive,
  purchaseCountProbability,
} from "../../src/index.js";

declare const bg: BgNbdModel;
declare const gg: GammaGammaModel;
const customer = { frequency: 1, recency: 2, T: 3 };

describe("model types", () => {
  it("fits return their model kinds", () => {
    expectTypeOf(fitBgNbd([customer])).toEqualTypeOf<BgNbdModel>();
    expectTypeOf(fitMbgNbd([customer])).toEqualTypeOf<MbgNbdModel>();
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
  it("predictions: numbers for one customer, Float64Array for many, Decimal for money", () => {
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
    probabilityAlive(gg, [customer])[0]!;
    // @ts-expect-error the spend model has no purchase process
    expectedPurchases(gg, { horizon: 3 });
    // @ts-expect-error a purchase model has no spend distribution
    conditionalExpectedSpend(bg, [{ frequency: 1, monetaryValue: 2 }])[0]!;
    customerLifetimeValue({ purchase: bg, spend: bg }, [], {
      horizon: 1,
      discountRate: 0,
      unit: "week",
    });
    // @ts-expect-error the time unit is required
    customerLifetimeValue({ purchase: bg, spend: gg }, [], { horizon: 1, discountRate: 0 });
    // @ts-expect-error discountRate is required
    discountedExpectedResidualPurchases(bg, [customer], {})[0]!;
  });
});
