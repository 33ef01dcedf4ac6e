import { describe, expectTypeOf, it } from "vitest";
import {
  type BudgetSelection,
  type ChurnCause,
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
  type RecoveryCandidate,
  type RecoveryPlan,
  type RecoveryPlanSummary,
  recencyChurnRisk,
  recoveryPlanSummary,
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
    // @ts-expect-error: unknown causes are rejected at compile time too
    prioritizeRecovery([{ customerId: 1, value: 1, cause: "price", cost: 1 }]);
    // @ts-expect-error: options are strict
    prioritizeRecovery([], { budjet: 1 });
  });
  it("recoveryPlanSummary, churnRate, churnRisk, recencyChurnRisk", () => {
    expectTypeOf(recoveryPlanSummary).returns.toEqualTypeOf<RecoveryPlanSummary>();
    expectTypeOf<RecoveryPlanSummary["byTier"]["key"]["spend"]>().toEqualTypeOf<Decimal>();
    expectTypeOf(churnRate).returns.toEqualTypeOf<ChurnRateResult>();
    expectTypeOf<ChurnRateResult["byCohort"]>().toEqualTypeOf<
      ReadonlyMap<string, import("../../src/index.js").ChurnRateGroup>
    >();
    expectTypeOf(churnRisk).returns.toEqualTypeOf<ChurnRisk[]>();
    expectTypeOf<ChurnRisk["valueAtRisk"]>().toEqualTypeOf<Decimal>();
    expectTypeOf(recencyChurnRisk).returns.toEqualTypeOf<RecencyChurnRisk[]>();
  });
  it("lifecycle functions", () => {
    expectTypeOf(lifecycleStage).returns.toHaveProperty("stage").toEqualTypeOf<LifecycleStage>();
    expectTypeOf(lifecyclePattern).returns.toEqualTypeOf<LifecyclePatternResult>();
    // @ts-expect-error: asOf is required
    lifecycleStage([], {});
  });
});
