import { describe, expectTypeOf, it } from "vitest";
import {
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
  type NetPromoterScoreResult,
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
    // @ts-expect-error: scale is one of the two documented strings
    netPromoterScore([9], { scale: "0-5" });
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
    expectTypeOf(satisfactionIndicators({ customers: 1 }).meanPurchasePerTransaction).toEqualTypeOf<
      Decimal | undefined
    >();
    expectTypeOf(satisfactionIndicators({ customers: 1 }).repurchaseRate).toEqualTypeOf<
      number | undefined
    >();
  });
  it("Kano and loyalty results are typed unions keyed by id in Maps", () => {
    expectTypeOf(kanoClassify([]).classes).toEqualTypeOf<readonly KanoCategory[]>();
    expectTypeOf(satisfactionLoyaltySegment([]).segments).toEqualTypeOf<
      ReadonlyMap<string, JonesSasserSegment>
    >();
    expectTypeOf(loyaltyMatrix([]).segments.get("x")).toEqualTypeOf<
      "loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty" | undefined
    >();
    expectTypeOf(
      loyaltyType({ alternativesAvailable: true, repeatPurchase: 1, attitude: 1 }).type,
    ).toEqualTypeOf<LoyaltyType>();
    expectTypeOf(
      loyaltyScore({ satisfaction: 5, repeatPurchase: 1 }).score,
    ).toEqualTypeOf<number>();
  });
});
