import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  discountedExpectedResidualPurchases,
  fitBgBb,
  probabilityAlive,
} from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";
import { donations } from "../fixtures/load.js";

// Issue 16: the BG/BB predictions rejected the fitter's own rows ("Unexpected key count"). The
// donations data (Fader, Hardie & Shang 2010, 11,104 donors as 22 { frequency, recency, periods,
// count } patterns) is fitted, then predicted on exactly the rows the fit took, with a customerId
// and a field of the caller's own added.
describe("BG/BB predictions take the fitter's rows as they are", () => {
  const rows = donations().map((row, i) => ({ ...row, customerId: `pattern-${i}`, note: "mine" }));
  const model = fitBgBb(rows);
  const bare = rows.map(({ frequency, recency, periods }) => ({ frequency, recency, periods }));

  it("fits the donations (FHS 2010 §4: α = 1.204, β = 0.750, γ = 0.657, δ = 2.783)", () => {
    expect(model.params.alpha).toBeCloseTo(1.204, 3);
    expect(model.params.delta).toBeCloseTo(2.783, 3);
    expect(model.customerCount).toBe(11104);
  });

  it("probabilityAlive, conditionalExpectedPurchases and DERT accept count, customerId and extra fields", () => {
    const alive = probabilityAlive(model, rows, { horizon: 1 });
    expect(Array.from(alive)).toEqual(Array.from(probabilityAlive(model, bare, { horizon: 1 })));
    // FHS 2010 Table 6: P(alive in 2002) of a 6-for-6 donor is 0.93, of a never-again donor 0.11.
    const six = rows.findIndex((r) => r.frequency === 6 && r.recency === 6);
    const none = rows.findIndex((r) => r.frequency === 0);
    expect(alive[six]!.toFixed(2)).toBe("0.93");
    expect(alive[none]!.toFixed(2)).toBe("0.11");
    const expected = conditionalExpectedPurchases(model, rows, { horizon: 5 });
    expect(Array.from(expected)).toEqual(
      Array.from(conditionalExpectedPurchases(model, bare, { horizon: 5 })),
    );
    // A row's count weighs it in the fit only: the prediction is per row, not × count.
    expect(expected[six]).toBeGreaterThan(2);
    expect(expected[six]).toBeLessThan(5);
    const dert = discountedExpectedResidualPurchases(model, rows, { discountRate: 0.1 });
    expect(Array.from(dert)).toEqual(
      Array.from(discountedExpectedResidualPurchases(model, bare, { discountRate: 0.1 })),
    );
  });

  it("an invalid count is rejected as the fitter rejects it (same path and code)", () => {
    const bad = [{ frequency: 1, recency: 1, periods: 6, count: 0 }];
    const fromFit = catchInvalidInput(() => fitBgBb(bad, { unit: "year" }));
    const fromPrediction = catchInvalidInput(() => probabilityAlive(model, bad));
    expect(fromPrediction.issues.map((i) => [i.path, i.code])).toEqual([
      [["customers", 0, "count"], "too_small"],
    ]);
    expect(fromFit.issues.map((i) => [i.path, i.code])).toEqual(
      fromPrediction.issues.map((i) => [i.path, i.code]),
    );
  });
});
