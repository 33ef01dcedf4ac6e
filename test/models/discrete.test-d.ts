import { describe, expectTypeOf, it } from "vitest";
import {
  type BgBbModel,
  compareModels,
  conditionalExpectedPurchases,
  type Decimal,
  type DiscretePurchaseHistory,
  type DiscretePurchaseHistoryRow,
  discountedExpectedResidualPurchases,
  expectedRemainingLifetime,
  fitBgBb,
  fitSbg,
  type HoldoutComparison,
  holdoutComparison,
  type ModelComparison,
  probabilityAlive,
  probabilityAliveMatrix,
  type SbgModel,
  subscriptionLifetimeValue,
  survivalCurve,
} from "../../src/index.js";

describe("discrete and contractual model types", () => {
  it("fits return plain model objects with literal kinds", () => {
    const sbg = fitSbg([100, 60, 40]);
    expectTypeOf(sbg).toEqualTypeOf<SbgModel>();
    expectTypeOf(sbg.kind).toEqualTypeOf<"sbg">();
    expectTypeOf(fitSbg).toBeCallableWith([
      [100, 60],
      [50, 20],
    ]);
    expectTypeOf(fitSbg).toBeCallableWith([{ periodsObserved: 2, churned: true }]);
    const bgbb = fitBgBb([{ frequency: 1, recency: 1, periods: 2 }]);
    expectTypeOf(bgbb).toEqualTypeOf<BgBbModel>();
    expectTypeOf(bgbb.params).toEqualTypeOf<{
      readonly alpha: number;
      readonly beta: number;
      readonly gamma: number;
      readonly delta: number;
    }>();
  });
  it("predictions", () => {
    const sbg = fitSbg([100, 60, 40]);
    expectTypeOf(survivalCurve(sbg, { periods: 3 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      expectedRemainingLifetime(sbg, { renewals: 1, discountRate: 0.1 }),
    ).toEqualTypeOf<number>();
    expectTypeOf(
      subscriptionLifetimeValue(sbg, { pricePerPeriod: "9.99", discountRate: 0.1 }),
    ).toEqualTypeOf<Decimal>();
    // @ts-expect-error renewals is required in the options of expectedRemainingLifetime
    expectedRemainingLifetime(sbg, { discountRate: 0.1 });
  });
  it("comparison and diagnostics", () => {
    const sbg = fitSbg([100, 60, 40]);
    expectTypeOf(compareModels([sbg, sbg])).toEqualTypeOf<ModelComparison>();
    const bgbb = fitBgBb([{ frequency: 1, recency: 1, periods: 2 }]);
    expectTypeOf(
      holdoutComparison(bgbb, [
        { frequency: 1, recency: 1, periods: 2, holdoutFrequency: 0, holdoutPeriods: 1 },
      ]),
    ).toEqualTypeOf<HoldoutComparison>();
    expectTypeOf(
      probabilityAliveMatrix(bgbb, { maxFrequency: 2, maxT: 2 })[0]!.probabilityAlive,
    ).toEqualTypeOf<number>();
    // @ts-expect-error an sBG model cannot be checked against a purchase holdout
    holdoutComparison(sbg, []);
  });
  it("the BG/BB predictions take the fitter's rows (count, customerId, fields of your own)", () => {
    expectTypeOf<DiscretePurchaseHistoryRow>().toExtend<DiscretePurchaseHistory>();
    expectTypeOf<Parameters<typeof fitBgBb>[0][number]>().toExtend<DiscretePurchaseHistory>();
    // A variable, not a literal argument: extra fields are the caller's own (no excess-property check).
    const rows = [
      { customerId: "a", frequency: 2, recency: 4, periods: 6, count: 3, unit: "year" as const },
    ];
    const model = fitBgBb(rows);
    expectTypeOf(probabilityAlive(model, rows, { horizon: 1 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      conditionalExpectedPurchases(model, rows, { horizon: 5 }),
    ).toEqualTypeOf<Float64Array>();
    expectTypeOf(
      discountedExpectedResidualPurchases(model, rows, { discountRate: 0.1 }),
    ).toEqualTypeOf<Float64Array>();
  });
});
