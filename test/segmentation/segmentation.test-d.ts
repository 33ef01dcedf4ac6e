import { describe, expectTypeOf, it } from "vitest";
import type {
  assignSegments,
  CustomerValueInput,
  customerValueMatrix,
  Decimal,
  RfmRow,
  RfmScore,
  RfmScoresResult,
  RfmValues,
  rfmScores,
  rfmTable,
  SegmentRule,
  SegmentSummaryRow,
  SegmentSummaryValues,
  TargetGridPlacement,
  targetCustomerGrid,
  ValueMatrixCell,
  valueMatrix,
} from "../../src/index.js";

describe("segmentation types", () => {
  it("rfmTable returns a read-only map of RfmRow with Decimal money", () => {
    expectTypeOf<ReturnType<typeof rfmTable>>().toEqualTypeOf<ReadonlyMap<string, RfmRow>>();
    expectTypeOf<RfmRow["monetary"]>().toEqualTypeOf<Decimal>();
  });
  it("rfmTable rows feed rfmScores, customerValueMatrix and segmentSummary", () => {
    expectTypeOf<RfmRow>().toExtend<RfmValues>();
    expectTypeOf<RfmRow>().toExtend<CustomerValueInput>();
    expectTypeOf<RfmRow>().toExtend<SegmentSummaryValues>();
    expectTypeOf<ReturnType<typeof rfmScores>>().toEqualTypeOf<RfmScoresResult>();
    expectTypeOf<RfmScore["code"]>().toEqualTypeOf<string>();
  });
  it("assignSegments maps ids to names; options are typed", () => {
    expectTypeOf<ReturnType<typeof assignSegments>>().toEqualTypeOf<ReadonlyMap<string, string>>();
    expectTypeOf<{ name: string; codes: string[] }>().toExtend<SegmentRule>();
    expectTypeOf<Parameters<typeof rfmScores>[1]>().toEqualTypeOf<
      import("../../src/index.js").RfmScoresOptions | undefined
    >();
  });
  it("matrices return cells as literal unions", () => {
    expectTypeOf<ReturnType<typeof valueMatrix>["counts"]>().toEqualTypeOf<
      Map<ValueMatrixCell, number>
    >();
    expectTypeOf<
      ReturnType<typeof customerValueMatrix>["customers"] extends Map<string, infer P> ? P : never
    >().toEqualTypeOf<
      import("../../src/index.js").MatrixPlacement<"Best" | "Spenders" | "Frequent" | "Uncertain">
    >();
    expectTypeOf<ReturnType<typeof targetCustomerGrid>["customers"]>().toEqualTypeOf<
      Map<string, TargetGridPlacement>
    >();
    expectTypeOf<SegmentSummaryRow["revenue"]>().toEqualTypeOf<Decimal>();
  });
});
