import { describe, expectTypeOf, it } from "vitest";
import {
  type AnswerScale,
  compareNetPromoterScores,
  customerEffortScore,
  customerSatisfactionScore,
  type Decimal,
  type JonesSasserSegment,
  type KanoCategory,
  kanoClassify,
  type LoyaltyType,
  loyaltyMatrix,
  loyaltyScore,
  loyaltyType,
  type NetPromoterScoreOptions,
  type NetPromoterScoreResult,
  type NpsCategories,
  netPromoterScore,
  type RaterValues,
  raterIndex,
  satisfactionIndex,
  satisfactionIndicators,
  satisfactionLoyaltySegment,
  servqual,
} from "../../src/index.js";

describe("satisfaction public types", () => {
  it("NPS takes readonly numbers and returns plain numbers", () => {
    expectTypeOf(netPromoterScore).parameter(0).toEqualTypeOf<readonly number[]>();
    expectTypeOf(netPromoterScore([9])).toEqualTypeOf<NetPromoterScoreResult>();
    expectTypeOf(netPromoterScore([9]).score).toEqualTypeOf<number>();
    expectTypeOf(compareNetPromoterScores([9], [1]).first).toEqualTypeOf<NetPromoterScoreResult>();
    // @ts-expect-error: the scale is an AnswerScale, not a string
    netPromoterScore([9], { scale: "0-10" });
    expectTypeOf(netPromoterScore)
      .parameter(1)
      .toEqualTypeOf<NetPromoterScoreOptions | undefined>();
    expectTypeOf<NonNullable<NetPromoterScoreOptions["scale"]>>().toEqualTypeOf<AnswerScale>();
    expectTypeOf<
      NonNullable<NetPromoterScoreOptions["categories"]>
    >().toEqualTypeOf<NpsCategories>();
    netPromoterScore([5], {
      scale: { min: 1, max: 5 },
      categories: { detractorMax: 3, promoterMin: 5 },
    });
    compareNetPromoterScores([5], [1], { categories: { detractorMax: 6, promoterMin: 10 } });
    // @ts-expect-error: the breaks are named (detractorMax, promoterMin), not a tuple
    netPromoterScore([9], { categories: [6, 9] });
  });
  it("CSAT requires an explicit scale; CES requires a version", () => {
    // @ts-expect-error: options (with scale) are required
    customerSatisfactionScore([4]);
    // @ts-expect-error: version is required
    customerEffortScore([4], {});
    expectTypeOf(
      customerSatisfactionScore([4], { scale: { min: 1, max: 5 } }).method,
    ).toEqualTypeOf<"top-box" | "top-2-box" | "mean">();
    expectTypeOf(customerEffortScore([4], { version: "2.0" }).version).toEqualTypeOf<
      "1.0" | "2.0"
    >();
  });
  it("SERVQUAL and RATER use the five dimension names", () => {
    expectTypeOf(raterIndex).parameter(0).toEqualTypeOf<RaterValues>();
    expectTypeOf(servqual([]).dimensions[0]?.dimension).toEqualTypeOf<
      "tangibles" | "reliability" | "responsiveness" | "assurance" | "empathy" | undefined
    >();
    expectTypeOf(satisfactionIndex([], { weights: [] }).index).toEqualTypeOf<number>();
  });
  it("money comes back as Decimal; optional rates may be absent", () => {
    expectTypeOf(
      satisfactionIndicators({ customerCount: 1 }).meanPurchasePerTransaction,
    ).toEqualTypeOf<Decimal | undefined>();
    expectTypeOf(satisfactionIndicators({ customerCount: 1 }).repurchaseRate).toEqualTypeOf<
      number | undefined
    >();
  });
  it("scale has one type everywhere", () => {
    expectTypeOf<NonNullable<Parameters<typeof raterIndex>[1]>["scale"]>().toEqualTypeOf<
      AnswerScale | undefined
    >();
    expectTypeOf<NonNullable<Parameters<typeof loyaltyScore>[1]>["scale"]>().toEqualTypeOf<
      AnswerScale | undefined
    >();
    expectTypeOf<
      NonNullable<Parameters<typeof satisfactionLoyaltySegment>[1]>["scale"]
    >().toEqualTypeOf<AnswerScale | undefined>();
  });
  it("per-customer inputs are rows with a customerId; results are rows in input order", () => {
    expectTypeOf(kanoClassify([]).classes).toEqualTypeOf<readonly KanoCategory[]>();
    expectTypeOf(satisfactionLoyaltySegment([]).segments).toEqualTypeOf<
      readonly { readonly customerId: string; readonly segment: JonesSasserSegment }[]
    >();
    expectTypeOf(loyaltyMatrix([]).segments[0]?.segment).toEqualTypeOf<
      "loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty" | undefined
    >();
    expectTypeOf(
      loyaltyType([
        { customerId: "a", alternativesAvailable: true, repeatPurchase: 1, attitude: 1 },
      ])[0]?.type,
    ).toEqualTypeOf<LoyaltyType | undefined>();
    expectTypeOf(
      loyaltyScore([{ customerId: "a", satisfaction: 5, repeatPurchase: 1 }])[0]?.score,
    ).toEqualTypeOf<number | undefined>();
    // @ts-expect-error: the id is `customerId`, not `id`
    satisfactionLoyaltySegment([{ id: "a", satisfaction: 5, loyalty: 5 }]);
    // @ts-expect-error: one customer is a row in an array, not a bare object
    loyaltyScore({ customerId: "a", satisfaction: 5, repeatPurchase: 1 });
    // @ts-expect-error: no Map in a result
    loyaltyMatrix([]).segments.get("a");
  });
  it("satisfactionIndicators takes one parameters object; a count is customerCount", () => {
    // @ts-expect-error: `customers` is never a count
    satisfactionIndicators({ customers: 10 });
  });
});
