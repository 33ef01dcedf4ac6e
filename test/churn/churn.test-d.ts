import { describe, expectTypeOf, it } from "vitest";
import {
  type BudgetSelection,
  type ChurnCause,
  type ChurnRateCohort,
  type ChurnRateResult,
  type ChurnRisk,
  churnRate,
  churnRisk,
  type Decimal,
  type LifecyclePatternResult,
  type LifecycleStage,
  lifecyclePattern,
  lifecycleStage,
  prioritizeRecovery,
  type RecencyChurnRisk,
  type RecencyChurnRiskRow,
  type RecoveryAction,
  type RecoveryCandidate,
  type RecoveryPlan,
  type RecoveryPlanSummary,
  type RecoveryTier,
  recencyChurnRisk,
  recoveryPlanSummary,
  type TimeUnit,
} from "../../src/index.js";

describe("churn public types", () => {
  it("prioritizeRecovery takes candidates and options, returns a plan", () => {
    expectTypeOf(prioritizeRecovery).parameter(0).toEqualTypeOf<readonly RecoveryCandidate[]>();
    expectTypeOf(prioritizeRecovery).returns.toEqualTypeOf<RecoveryPlan>();
    expectTypeOf<RecoveryPlan["budget"]>().toEqualTypeOf<BudgetSelection | undefined>();
    expectTypeOf<RecoveryPlan["entries"][number]["expectedNetValue"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<ChurnCause>().toEqualTypeOf<
      "own" | "third-party" | "uncontrollable" | "unknown"
    >();
    expectTypeOf<RecoveryCandidate["customerId"]>().toEqualTypeOf<string>();
    expectTypeOf<RecoveryPlan["entries"][number]["customerId"]>().toEqualTypeOf<string>();
    expectTypeOf<RecoveryPlan["entries"][number]["rank"]>().toEqualTypeOf<number>();
    expectTypeOf<RecoveryPlan["byRank"]>().toEqualTypeOf<Uint32Array>();
    expectTypeOf<RecoveryCandidate["daysSinceLastPurchase"]>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error: unknown causes are rejected at compile time too
    prioritizeRecovery([{ customerId: "1", value: 1, cause: "price", cost: 1 }]);
    // @ts-expect-error: ids are strings
    prioritizeRecovery([{ customerId: 1, value: 1, cause: "own", cost: 1 }]);
    // @ts-expect-error: the buy-till-you-die recency is not days since the last purchase
    prioritizeRecovery([{ customerId: "1", value: 1, cause: "own", cost: 1, recency: 3 }]);
    // @ts-expect-error: options are strict
    prioritizeRecovery([], { budjet: 1 });
    // @ts-expect-error: the half-life is in days
    prioritizeRecovery([], { halfLife: 6 });
    const inWeeks = { customerId: "1", value: 1, cause: "own", cost: 1, timeSinceLastPurchase: 3 };
    // @ts-expect-error: a time since the last purchase in some unit is not days
    prioritizeRecovery([{ ...inWeeks, cause: "own", timeSinceLastPurchase: 3 }]);
    expectTypeOf<RecoveryTier>().toEqualTypeOf<
      "key" | "ordinary" | "small" | "not-worth-recovering" | "active"
    >();
    expectTypeOf<RecoveryAction>().toEqualTypeOf<
      "recover-strongly" | "recover-when-possible" | "minimal-effort" | "let-go" | "retain"
    >();
    expectTypeOf<RecoveryCandidate["probabilityAlive"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<
      RecoveryPlanSummary["byAction"]["retain"]["customerCount"]
    >().toEqualTypeOf<number>();
    expectTypeOf<RecoveryPlanSummary["byTier"]["active"]["value"]>().toEqualTypeOf<Decimal>();
  });
  it("a churnRisk row is a recovery candidate without conversion", () => {
    const toCandidate = (r: ChurnRisk): RecoveryCandidate => ({
      customerId: r.customerId ?? "",
      value: r.valueAtRisk,
      probabilityAlive: r.probabilityAlive,
      daysSinceLastPurchase: r.daysSinceLastPurchase,
      cause: "unknown",
      cost: 4,
    });
    expectTypeOf(toCandidate).returns.toEqualTypeOf<RecoveryCandidate>();
    expectTypeOf<ChurnRisk["valueIfAlive"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<ChurnRisk["daysSinceLastPurchase"]>().toEqualTypeOf<number | undefined>();
  });
  it("recoveryPlanSummary, churnRate, churnRisk, recencyChurnRisk", () => {
    expectTypeOf(recoveryPlanSummary).returns.toEqualTypeOf<RecoveryPlanSummary>();
    expectTypeOf<RecoveryPlanSummary["byTier"]["key"]["spend"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<RecoveryPlanSummary["total"]["customerCount"]>().toEqualTypeOf<number>();
    expectTypeOf<RecoveryPlanSummary["total"]["selectedCount"]>().toEqualTypeOf<number>();
    expectTypeOf(churnRate).returns.toEqualTypeOf<ChurnRateResult>();
    expectTypeOf<ChurnRateResult["byCohort"]>().toEqualTypeOf<readonly ChurnRateCohort[]>();
    expectTypeOf<ChurnRateResult["periodStart"]>().toEqualTypeOf<string>();
    expectTypeOf(churnRisk).returns.toEqualTypeOf<ChurnRisk[]>();
    expectTypeOf<ChurnRisk["valueAtRisk"]>().toEqualTypeOf<Decimal>();
    expectTypeOf(recencyChurnRisk).returns.toEqualTypeOf<RecencyChurnRisk[]>();
    expectTypeOf(recencyChurnRisk).parameter(0).toEqualTypeOf<readonly RecencyChurnRiskRow[]>();
    expectTypeOf<RecencyChurnRisk["customerId"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error: an RFM row (no T) is not a buy-till-you-die row
    recencyChurnRisk([{ customerId: "a", daysSinceLastPurchase: 30, purchases: 3 }]);
  });
  it("lifecycle functions", () => {
    expectTypeOf(lifecycleStage).returns.toHaveProperty("stage").toEqualTypeOf<LifecycleStage>();
    expectTypeOf(lifecyclePattern).returns.toEqualTypeOf<LifecyclePatternResult>();
    // @ts-expect-error: asOf is required
    lifecycleStage([], { unit: "month" });
    // @ts-expect-error: unit is required (no default)
    lifecycleStage([], { asOf: "2024-06-30" });
    // @ts-expect-error: unit is required for the pattern too
    lifecyclePattern([], {});
    expectTypeOf(lifecyclePattern).parameter(1).toHaveProperty("unit").toEqualTypeOf<TimeUnit>();
  });
});
