import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareOffers, deliveredValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "compareOffers";

describe("compareOffers", () => {
  // Caterpillar vs a competitor's equal tractor (Kotler & Keller 2012): the competitor's is
  // worth 90,000 and priced 90,000; Caterpillar's is worth 110,000 and priced 100,000.
  it("a rational customer picks the Caterpillar tractor, by 10,000 of delivered value", () => {
    const result = compareOffers([
      { name: "competitor", productValue: 90000, monetaryCost: 90000 },
      { name: "Caterpillar", productValue: 103000, serviceValue: 7000, monetaryCost: 100000 },
    ]);
    expect(result.by).toBe("difference");
    expect(result.best).toBe("Caterpillar");
    expect(result.leadOverRunnerUp.toString()).toBe("10000");
    expect(result.ranking.map((o) => [o.name, o.rank, o.gapToBest.toString()])).toEqual([
      ["Caterpillar", 1, "0"],
      ["competitor", 2, "10000"],
    ]);
    expect(result.ranking[0]!.valueRatio?.toString()).toBe("1.1");
  });
  it("difference and ratio forms can disagree (Kotler & Keller compare by ratio)", () => {
    const offers = [
      { name: "big", productValue: 300, monetaryCost: 200 },
      { name: "small", productValue: 80, monetaryCost: 40 },
    ];
    expect(compareOffers(offers).best).toBe("big");
    const byRatio = compareOffers(offers, { by: "ratio" });
    expect(byRatio.best).toBe("small");
    expect(byRatio.leadOverRunnerUp.toString()).toBe("0.5");
  });
  it("ties share a rank and keep their input order", () => {
    const result = compareOffers([
      { name: "a", productValue: 5, monetaryCost: 4 },
      { name: "b", productValue: 10, monetaryCost: 5 },
      { name: "c", productValue: 7, monetaryCost: 6 },
      { name: "d", productValue: 15, monetaryCost: 10 },
    ]);
    expect(result.ranking.map((o) => [o.name, o.rank])).toEqual([
      ["b", 1],
      ["d", 1],
      ["a", 3],
      ["c", 3],
    ]);
    expect(result.leadOverRunnerUp.toString()).toBe("0");
  });
  it("a single offer is its own best", () => {
    const result = compareOffers([{ name: "only", productValue: 1 }]);
    expect(result.best).toBe("only");
    expect(result.leadOverRunnerUp.toString()).toBe("0");
  });
  it("property: the ranking is a permutation sorted by delivered value, matching deliveredValue", () => {
    const offer = fc.record({
      productValue: fc.integer({ min: 0, max: 1000 }),
      monetaryCost: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.array(offer, { minLength: 1, maxLength: 12 }), (raw) => {
        const offers = raw.map((o, i) => ({ ...o, name: `o${i}` }));
        const result = compareOffers(offers);
        expect(result.ranking.map((o) => o.name).sort()).toEqual(offers.map((o) => o.name).sort());
        for (let i = 1; i < result.ranking.length; i++) {
          expect(result.ranking[i - 1]!.deliveredValue.gte(result.ranking[i]!.deliveredValue)).toBe(
            true,
          );
        }
        for (const ranked of result.ranking) {
          const { name, ...components } = offers.find((o) => o.name === ranked.name)!;
          expect(name).toBe(ranked.name);
          expect(ranked.deliveredValue.eq(deliveredValue(components).deliveredValue)).toBe(true);
          expect(ranked.gapToBest.isNegative()).toBe(false);
        }
      }),
    );
  });
});

describe("compareOffers: bad input", () => {
  it("an empty list", () => {
    expectInvalid(() => compareOffers([]), FN, "offers", /at least one offer/, "too_small");
  });
  it("every invalid offer is reported at its index, in one error", () => {
    const error = expectInvalid(
      () =>
        compareOffers([
          { name: "a", productValue: 1 },
          { name: "b", productValue: -1 },
          { name: "c", monetaryCost: "x" },
        ]),
      FN,
      "offers[1].productValue",
      /non-negative/,
      "too_small",
    );
    expect(error.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["offers.1.productValue", "too_small"],
      ["offers.2.monetaryCost", "invalid_money"],
    ]);
    expectInvalid(
      () => compareOffers([{ productValue: 1 } as never]),
      FN,
      "offers[0].name",
      undefined,
      "required",
    );
  });
  it("duplicate names", () => {
    const error = expectInvalid(
      () =>
        compareOffers([
          { name: "a", productValue: 1 },
          { name: "a", productValue: 2 },
          { name: "a", productValue: 3 },
        ]),
      FN,
      "offers[1].name",
      /Duplicate/,
      "duplicate",
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ["offers", 1, "name"],
      ["offers", 2, "name"],
    ]);
  });
  it("ranking by ratio with a zero total cost", () => {
    expectInvalid(
      () =>
        compareOffers(
          [
            { name: "a", productValue: 1, monetaryCost: 1 },
            { name: "free", productValue: 1 },
          ],
          { by: "ratio" },
        ),
      FN,
      "offers[1]",
      /total cost is 0/,
      "inconsistent",
    );
  });
  it("unknown options, reported with the bad offers", () => {
    expectInvalid(
      () => compareOffers([{ name: "a" }], { by: "price" } as never),
      FN,
      "options.by",
      undefined,
      "invalid_value",
    );
    const error = expectInvalid(
      () => compareOffers([{ name: "a", productValue: -1 }], { sort: "asc" } as never),
      FN,
      "options.sort",
      /sort/,
      "unknown_key",
    );
    expect(error.issues.map((issue) => issue.code)).toEqual(["too_small", "unknown_key"]);
  });
});
