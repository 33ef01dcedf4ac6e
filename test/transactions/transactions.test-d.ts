import type DecimalJs from "decimal.js";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CalibrationHoldoutSummary,
  type CustomerSummary,
  type Decimal,
  type SplitCalibrationHoldoutOptions,
  type SummarizeTransactionsOptions,
  splitCalibrationHoldout,
  summarizeTransactions,
  type TimeUnit,
  type Transaction,
} from "../../src/index.js";

describe("transaction summary types", () => {
  it("accepts transactions with Date or string dates and any MoneyInput", () => {
    expectTypeOf<{ customerId: string; date: Date }>().toExtend<Transaction>();
    expectTypeOf<{ customerId: string; date: string; amount: number }>().toExtend<Transaction>();
    expectTypeOf<{ customerId: string; date: string; amount: DecimalJs }>().toExtend<Transaction>();
    expectTypeOf<{ customerId: number; date: string }>().not.toExtend<Transaction>();
    expectTypeOf<{ customerId: string; date: number }>().not.toExtend<Transaction>();
  });
  it("requires observationEnd and restricts unit and bucketing", () => {
    expectTypeOf<{ unit: "week" }>().not.toExtend<SummarizeTransactionsOptions>();
    expectTypeOf<{
      observationEnd: string;
      unit: "week";
      bucketing: "elapsed";
    }>().toExtend<SummarizeTransactionsOptions>();
    expectTypeOf<{
      observationEnd: string;
      bucketing: "rolling";
    }>().not.toExtend<SummarizeTransactionsOptions>();
    expectTypeOf<{ observationEnd: string }>().not.toExtend<SplitCalibrationHoldoutOptions>();
    // No default unit (docs/conventions.md, Time units): a unit-less call does not compile.
    expectTypeOf<{ observationEnd: string }>().not.toExtend<SummarizeTransactionsOptions>();
    expectTypeOf<{
      calibrationEnd: string;
      observationEnd: string;
    }>().not.toExtend<SplitCalibrationHoldoutOptions>();
    expectTypeOf<{
      calibrationEnd: string;
      observationEnd: string;
      unit: "day";
    }>().toExtend<SplitCalibrationHoldoutOptions>();
    // exactOptionalPropertyTypes: an explicit undefined is not an omitted option.
    expectTypeOf<{
      observationEnd: string;
      unit: undefined;
    }>().not.toExtend<SummarizeTransactionsOptions>();
  });
  it("returns summary rows with numbers, Decimals and ISO day strings", () => {
    expectTypeOf(summarizeTransactions).returns.toEqualTypeOf<CustomerSummary[]>();
    expectTypeOf(splitCalibrationHoldout).returns.toEqualTypeOf<CalibrationHoldoutSummary[]>();
    expectTypeOf<CustomerSummary["frequency"]>().toEqualTypeOf<number>();
    expectTypeOf<CustomerSummary["T"]>().toEqualTypeOf<number>();
    expectTypeOf<CustomerSummary["monetaryValue"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<CustomerSummary["firstPurchase"]>().toEqualTypeOf<string>();
    expectTypeOf<CalibrationHoldoutSummary>().toExtend<CustomerSummary>();
    expectTypeOf<CalibrationHoldoutSummary["holdoutSpend"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<CustomerSummary["unit"]>().toEqualTypeOf<TimeUnit>();
    expectTypeOf<CalibrationHoldoutSummary["unit"]>().toEqualTypeOf<TimeUnit>();
    expectTypeOf(summarizeTransactions).parameter(0).toEqualTypeOf<readonly Transaction[]>();
  });
});
