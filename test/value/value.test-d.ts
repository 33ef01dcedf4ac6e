import { describe, expectTypeOf, it } from "vitest";
import {
  type CompareOffersResult,
  type CustomerBaseValueResult,
  type CustomerEquityResult,
  compareOffers,
  customerBaseValue,
  customerEquity,
  type Decimal,
  type DeliveredValueInput,
  type DeliveredValueResult,
  type DiscountedCashFlowResult,
  deliveredValue,
  discountedCashFlowValue,
  type LifetimeValueDriver,
  type LifetimeValueSensitivityResult,
  type LifetimeValueTiming,
  lifetimeValueSensitivity,
  type RetentionLifetimeValueInput,
  type RetentionLifetimeValueResult,
  retentionLifetimeValue,
  type ValueComponent,
  type ValuePeriod,
} from "../../src/index.js";

describe("value types", () => {
  it("retentionLifetimeValue takes explicit conventions and returns Decimals", () => {
    expectTypeOf(retentionLifetimeValue).parameter(0).toEqualTypeOf<RetentionLifetimeValueInput>();
    expectTypeOf(retentionLifetimeValue).returns.toEqualTypeOf<RetentionLifetimeValueResult>();
    expectTypeOf<RetentionLifetimeValueResult["value"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<RetentionLifetimeValueResult["periods"]>().toEqualTypeOf<readonly ValuePeriod[]>();
    expectTypeOf<LifetimeValueTiming>().toEqualTypeOf<
      "first-payment-now" | "end-of-period" | "start-of-period"
    >();
    expectTypeOf<ValuePeriod["survival"]>().toEqualTypeOf<number>();
    expectTypeOf<ValuePeriod["presentValue"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<ValuePeriod["discountFactor"]>().toEqualTypeOf<Decimal>();
    // @ts-expect-error: the timing must be one of the three conventions
    retentionLifetimeValue({ margin: 1, retentionRate: 0.5, discountRate: 0.1, timing: "mid" });
    // @ts-expect-error: exactOptionalPropertyTypes: undefined is not a horizon
    retentionLifetimeValue({
      margin: 1,
      retentionRate: 0.5,
      discountRate: 0.1,
      horizon: undefined,
    });
  });
  it("the other functions", () => {
    expectTypeOf(discountedCashFlowValue).returns.toEqualTypeOf<DiscountedCashFlowResult>();
    expectTypeOf(discountedCashFlowValue)
      .parameter(0)
      .toEqualTypeOf<readonly (Decimal | number | string)[]>();
    expectTypeOf(lifetimeValueSensitivity).returns.toEqualTypeOf<LifetimeValueSensitivityResult>();
    expectTypeOf<LifetimeValueSensitivityResult["elasticities"]>().toEqualTypeOf<
      Readonly<Record<LifetimeValueDriver, number>>
    >();
    expectTypeOf(customerEquity).returns.toEqualTypeOf<CustomerEquityResult>();
    expectTypeOf(customerBaseValue).returns.toEqualTypeOf<CustomerBaseValueResult>();
    expectTypeOf(deliveredValue).parameter(0).toEqualTypeOf<DeliveredValueInput>();
    expectTypeOf<DeliveredValueInput["productValue"]>().toEqualTypeOf<ValueComponent | undefined>();
    expectTypeOf<DeliveredValueResult["valueRatio"]>().toEqualTypeOf<Decimal | null>();
    expectTypeOf(compareOffers).returns.toEqualTypeOf<CompareOffersResult>();
    expectTypeOf<CompareOffersResult["ranking"][number]["rank"]>().toEqualTypeOf<number>();
    // @ts-expect-error: offers need a name
    compareOffers([{ productValue: 1 }]);
  });
});
