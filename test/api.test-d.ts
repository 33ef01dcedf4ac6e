/**
 * The API's traps closed at compile time (one file for the whole surface; the domains' own
 * type tests go into detail):
 * - buy-till-you-die rows do not go into RFM scoring;
 * - `purchaseCountProbability` cannot be called with two bare numbers;
 * - every `discountRate` is the same type (a number: a compound rate per period of the stated unit),
 *   and a continuous rate has its own name;
 * - every per-customer input is an array of rows, and per-customer outputs are arrays.
 */
import { describe, expectTypeOf, it } from "vitest";
import {
  type ChurnRiskOptions,
  type CustomerBaseValueParameters,
  type CustomerEquityOptions,
  type CustomerSummary,
  type DiscountedCashFlowOptions,
  type DiscountOptions,
  type ExpectedRemainingLifetimeOptions,
  type LifetimeValueOptions,
  purchaseCountProbability,
  type RetentionLifetimeValueParameters,
  rfmScores,
  type SubscriptionLifetimeValueOptions,
  summarizeTransactions,
} from "../src/index.js";
import { CDNOW_BG_NBD } from "./fixtures/models.js";

describe("the one API, at compile time", () => {
  it("BTYD rows into RFM scoring do not compile", () => {
    const btyd: CustomerSummary[] = summarizeTransactions([], {
      observationEnd: "2024-01-31",
      unit: "day",
    });
    // @ts-expect-error — `recency` here is time from first to last purchase, not days since the last
    rfmScores(btyd);
    // @ts-expect-error — even with the RFM fields added, a row carrying BTYD `recency`/`T` is refused
    rfmScores(btyd.map((row) => ({ ...row, daysSinceLastPurchase: 1, purchases: 1 })));
    rfmScores([{ customerId: "a", daysSinceLastPurchase: 3, purchases: 2, totalSpend: "10.00" }]);
  });

  it("purchaseCountProbability takes named options, never two bare numbers", () => {
    // @ts-expect-error — which one is n and which one is t?
    purchaseCountProbability(CDNOW_BG_NBD, 2, 39);
    expectTypeOf(
      purchaseCountProbability(CDNOW_BG_NBD, { purchases: 2, horizon: 39 }),
    ).toEqualTypeOf<number>();
  });

  it("every discountRate is the same type, and the continuous rate has its own name", () => {
    expectTypeOf<LifetimeValueOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<ChurnRiskOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<RetentionLifetimeValueParameters["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<CustomerBaseValueParameters["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<CustomerEquityOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<DiscountedCashFlowOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<SubscriptionLifetimeValueOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<ExpectedRemainingLifetimeOptions["discountRate"]>().toEqualTypeOf<number>();
    expectTypeOf<
      Extract<DiscountOptions, { discountRate: number }>["discountRate"]
    >().toEqualTypeOf<number>();
    // The DERT takes one or the other, never both.
    // @ts-expect-error — both rates at once
    const both: DiscountOptions = { discountRate: 0.01, continuousDiscountRate: 0.01 };
    void both;
    // The opt-in for rates ≥ 1 per period has one name everywhere.
    expectTypeOf<LifetimeValueOptions["allowLargeDiscountRate"]>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<RetentionLifetimeValueParameters["allowLargeDiscountRate"]>().toEqualTypeOf<
      boolean | undefined
    >();
    expectTypeOf<DiscountedCashFlowOptions["allowLargeDiscountRate"]>().toEqualTypeOf<
      boolean | undefined
    >();
  });

  it("one spelling of the horizon", () => {
    expectTypeOf<LifetimeValueOptions["horizon"]>().toEqualTypeOf<number | "infinite">();
    expectTypeOf<ChurnRiskOptions["horizon"]>().toEqualTypeOf<number | "infinite">();
    expectTypeOf<NonNullable<RetentionLifetimeValueParameters["horizon"]>>().toEqualTypeOf<
      number | "infinite"
    >();
    expectTypeOf<NonNullable<CustomerEquityOptions["horizon"]>>().toEqualTypeOf<
      number | "infinite"
    >();
  });
});
