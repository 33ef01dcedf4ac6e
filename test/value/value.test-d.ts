import { describe, expectTypeOf, it } from "vitest";
import {
  type CashFlow,
  type CompareOffersResult,
  type CustomerBaseValueParameters,
  type CustomerBaseValueResult,
  type CustomerEquityOptions,
  type CustomerEquityResult,
  compareOffers,
  customerBaseValue,
  customerEquity,
  type Decimal,
  type DeliveredValueParameters,
  type DeliveredValueResult,
  type DiscountedCashFlowOptions,
  type DiscountedCashFlowResult,
  deliveredValue,
  discountedCashFlowValue,
  type EquityGroups,
  type LifetimeValueDriver,
  type LifetimeValueSensitivityResult,
  type LifetimeValueTiming,
  lifetimeValueSensitivity,
  type RetentionLifetimeValueParameters,
  type RetentionLifetimeValueResult,
  retentionLifetimeValue,
  type ValueComponent,
  type ValueScheduleRow,
} from "../../src/index.js";

describe("value types", () => {
  it("retentionLifetimeValue takes explicit conventions and returns Decimals", () => {
    expectTypeOf(retentionLifetimeValue)
      .parameter(0)
      .toEqualTypeOf<RetentionLifetimeValueParameters>();
    expectTypeOf(retentionLifetimeValue).returns.toEqualTypeOf<RetentionLifetimeValueResult>();
    expectTypeOf<RetentionLifetimeValueResult["value"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<RetentionLifetimeValueResult["schedule"]>().toEqualTypeOf<
      readonly ValueScheduleRow[]
    >();
    // one spelling of the horizon; one type of discount rate
    expectTypeOf<RetentionLifetimeValueParameters["horizon"]>().toEqualTypeOf<
      number | "infinite" | undefined
    >();
    expectTypeOf<CustomerBaseValueParameters["horizon"]>().toEqualTypeOf<
      number | "infinite" | undefined
    >();
    expectTypeOf<CustomerEquityOptions["horizon"]>().toEqualTypeOf<
      number | "infinite" | undefined
    >();
    expectTypeOf<RetentionLifetimeValueParameters["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<DiscountedCashFlowOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<CustomerEquityOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<CustomerBaseValueParameters["allowLargeDiscountRate"]>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<LifetimeValueTiming>().toEqualTypeOf<
      "first-payment-now" | "end-of-period" | "start-of-period"
    >();
    expectTypeOf<ValueScheduleRow["survival"]>().toEqualTypeOf<number>();
    expectTypeOf<ValueScheduleRow["presentValue"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<ValueScheduleRow["discountFactor"]>().toEqualTypeOf<Decimal>();
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
    expectTypeOf(discountedCashFlowValue).parameter(0).toEqualTypeOf<readonly CashFlow[]>();
    expectTypeOf(discountedCashFlowValue).parameter(1).toEqualTypeOf<DiscountedCashFlowOptions>();
    // @ts-expect-error: cash flows are rows { margin, survival? }, not bare amounts
    discountedCashFlowValue([100, 120], { discountRate: 0.1 });
    expectTypeOf(lifetimeValueSensitivity).returns.toEqualTypeOf<LifetimeValueSensitivityResult>();
    expectTypeOf<LifetimeValueSensitivityResult["elasticities"]>().toEqualTypeOf<
      Readonly<Record<LifetimeValueDriver, number>>
    >();
    expectTypeOf(customerEquity).returns.toEqualTypeOf<CustomerEquityResult>();
    expectTypeOf(customerEquity).parameter(0).toEqualTypeOf<EquityGroups>();
    expectTypeOf(customerEquity).parameter(1).toEqualTypeOf<CustomerEquityOptions>();
    // @ts-expect-error: the discount rate is an option, not part of the groups (data)
    customerEquity({ discountRate: 0.1, segments: [] });
    // @ts-expect-error: customers is never a count (customerCount)
    customerBaseValue({ customers: 5, margin: 1, retentionRate: 0.5, discountRate: 0.1 });
    expectTypeOf(customerBaseValue).returns.toEqualTypeOf<CustomerBaseValueResult>();
    expectTypeOf(deliveredValue).parameter(0).toEqualTypeOf<DeliveredValueParameters>();
    expectTypeOf<DeliveredValueParameters["productValue"]>().toEqualTypeOf<
      ValueComponent | undefined
    >();
    expectTypeOf<DeliveredValueResult["valueRatio"]>().toEqualTypeOf<Decimal | null>();
    expectTypeOf(compareOffers).returns.toEqualTypeOf<CompareOffersResult>();
    expectTypeOf<CompareOffersResult["ranking"][number]["rank"]>().toEqualTypeOf<number>();
    // @ts-expect-error: offers need a name
    compareOffers([{ productValue: 1 }]);
  });
});
