import { describe, expectTypeOf, it } from "vitest";
import type {
  assignSegments,
  CustomerSummary,
  CustomerValueInput,
  customerValueMatrix,
  Decimal,
  MatrixPlacement,
  RfmMeasures,
  RfmRow,
  RfmScoreInput,
  RfmScoreRow,
  RfmScoresResult,
  RfmTableOptions,
  rfmScores,
  rfmTable,
  SegmentInput,
  SegmentRow,
  SegmentRule,
  SegmentSummaryRow,
  SegmentSummaryValues,
  segmentSummary,
  TargetGridPlacement,
  targetCustomerGrid,
  ValueMatrixCell,
  valueMatrix,
} from "../../src/index.js";

describe("segmentation types", () => {
  it("rfmTable returns an array of RfmRow with customerId and Decimal money", () => {
    expectTypeOf<ReturnType<typeof rfmTable>>().toEqualTypeOf<RfmRow[]>();
    expectTypeOf<RfmTableOptions["sameDayPurchases"]>().toEqualTypeOf<
      "separate" | "merge" | undefined
    >();
    expectTypeOf<RfmRow["totalSpend"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<RfmRow["customerId"]>().toEqualTypeOf<string>();
    expectTypeOf<RfmRow>().not.toHaveProperty("recency");
  });
  it("rfmTable rows feed rfmScores, customerValueMatrix and segmentSummary as they are", () => {
    expectTypeOf<RfmRow>().toExtend<RfmMeasures>();
    expectTypeOf<RfmRow>().toExtend<CustomerValueInput>();
    expectTypeOf<RfmRow>().toExtend<SegmentSummaryValues>();
    expectTypeOf<ReturnType<typeof rfmScores>>().toEqualTypeOf<RfmScoresResult>();
    expectTypeOf<RfmScoresResult["scores"]>().toEqualTypeOf<RfmScoreRow[]>();
    expectTypeOf<RfmScoreRow["rfmCode"]>().toEqualTypeOf<string>();
  });
  it("buy-till-you-die rows do not fit where RFM rows belong", () => {
    expectTypeOf<CustomerSummary>().not.toExtend<RfmMeasures>();
    expectTypeOf<CustomerSummary>().not.toExtend<SegmentSummaryValues>();
    // even with the RFM fields added, a row carrying recency/T does not fit
    expectTypeOf<
      CustomerSummary & { daysSinceLastPurchase: number; purchases: number }
    >().not.toExtend<RfmMeasures>();
    const summaries = [] as CustomerSummary[];
    const score = (rows: readonly RfmMeasures[]) => rows;
    // @ts-expect-error BTYD rows into RFM scoring do not compile
    score(summaries);
  });
  it("score rows feed assignSegments; segment rows feed segmentSummary and segmentMigration", () => {
    expectTypeOf<RfmScoreRow>().toExtend<RfmScoreInput>();
    expectTypeOf<ReturnType<typeof assignSegments>>().toEqualTypeOf<SegmentRow[]>();
    expectTypeOf<SegmentRow>().toExtend<SegmentInput>();
    expectTypeOf<ReturnType<typeof segmentSummary>>().toEqualTypeOf<SegmentSummaryRow[]>();
    expectTypeOf<{ name: string; codes: string[] }>().toExtend<SegmentRule>();
    expectTypeOf<Parameters<typeof rfmScores>[1]>().toEqualTypeOf<
      import("../../src/index.js").RfmScoresOptions | undefined
    >();
  });
  it("matrices return placements as arrays of rows and counts as records, cells as literal unions", () => {
    expectTypeOf<ReturnType<typeof valueMatrix>["counts"]>().toEqualTypeOf<
      Record<ValueMatrixCell, number>
    >();
    expectTypeOf<ReturnType<typeof customerValueMatrix>["placements"]>().toEqualTypeOf<
      MatrixPlacement<"Best" | "Spenders" | "Frequent" | "Uncertain">[]
    >();
    expectTypeOf<ReturnType<typeof targetCustomerGrid>["placements"]>().toEqualTypeOf<
      TargetGridPlacement[]
    >();
    expectTypeOf<SegmentSummaryRow["totalSpend"]>().toEqualTypeOf<Decimal>();
    expectTypeOf<SegmentSummaryRow["customerCount"]>().toEqualTypeOf<number>();
  });
});
