import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deliveredValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "deliveredValue";

describe("deliveredValue", () => {
  // Kotler & Keller's (2012) Caterpillar perceived-value example: worth 90,000 if equal to the
  // competitor's, premiums durability 7,000, reliability 6,000, service 5,000, warranty 2,000;
  // total 110,000; price 100,000 ⇒ delivered value 10,000, ratio 1.10.
  it("reproduces the Caterpillar tractor: 110,000 of value for a price of 100,000", () => {
    const result = deliveredValue({
      productValue: [
        { name: "equal to competitor", value: 90000 },
        { name: "durability", value: 7000 },
        { name: "reliability", value: 6000 },
      ],
      serviceValue: [
        { name: "service", value: 5000 },
        { name: "warranty", value: 2000 },
      ],
      monetaryCost: 100000,
    });
    expect(result.totalValue.toString()).toBe("110000");
    expect(result.totalCost.toString()).toBe("100000");
    expect(result.deliveredValue.toString()).toBe("10000");
    expect(result.valueRatio?.toFixed(2)).toBe("1.10");
    expect(result.components.productValue.toString()).toBe("103000");
    expect(result.components.serviceValue.toString()).toBe("7000");
    // "priced at a $10,000 premium, it is actually creating $20,000 extra value"
    expect(result.totalValue.minus(90000).toString()).toBe("20000");
  });
  it("the four values and four costs all count; weighted sub-scores are Σ weight × value", () => {
    const result = deliveredValue({
      productValue: 10,
      serviceValue: "2.5",
      personnelValue: new Decimal("1.25"),
      imageValue: [
        { value: 8, weight: 0.5 },
        { value: 4, weight: 0.25 },
      ],
      monetaryCost: 6,
      timeCost: [{ value: 2, weight: 1.5 }],
      energyCost: "0.1",
      psychicCost: "0.2",
    });
    expect(result.totalValue.toString()).toBe("18.75");
    expect(result.totalCost.toString()).toBe("9.3");
    expect(result.deliveredValue.toString()).toBe("9.45");
    expect(result.valueRatio?.toSignificantDigits(12).toString()).toBe("2.01612903226");
  });
  it("a free offer has no ratio (null, not Infinity or NaN)", () => {
    const result = deliveredValue({ productValue: 5 });
    expect(result.valueRatio).toBeNull();
    expect(result.deliveredValue.toString()).toBe("5");
    const empty = deliveredValue({});
    expect(empty.totalValue.toString()).toBe("0");
    expect(empty.valueRatio).toBeNull();
  });
  it("delivered value may be negative: the offer is not attractive", () => {
    const result = deliveredValue({ productValue: 50, monetaryCost: 80, timeCost: 5 });
    expect(result.deliveredValue.toString()).toBe("-35");
  });
  it("property: difference = value − cost exactly, ratio > 1 ⇔ difference > 0", () => {
    const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => (c / 100).toFixed(2));
    fc.assert(
      fc.property(cents, cents, cents, cents, cents, (product, service, price, time, psychic) => {
        const result = deliveredValue({
          productValue: product,
          serviceValue: service,
          monetaryCost: price,
          timeCost: time,
          psychicCost: psychic,
        });
        const value = new Decimal(product).plus(service);
        const cost = new Decimal(price).plus(time).plus(psychic);
        expect(result.totalValue.eq(value)).toBe(true);
        expect(result.deliveredValue.eq(value.minus(cost))).toBe(true);
        if (result.valueRatio !== null) {
          expect(result.valueRatio.gt(1)).toBe(result.deliveredValue.gt(0));
        } else {
          expect(cost.isZero()).toBe(true);
        }
      }),
    );
  });
});

describe("deliveredValue: bad input", () => {
  it.each([
    [{ productValue: -1 }, "parameters.productValue", /non-negative/, "too_small"],
    [{ monetaryCost: "ten" }, "parameters.monetaryCost", /Invalid amount/, "invalid_money"],
    [{ monetaryCost: {} }, "parameters.monetaryCost", /amount/, "invalid_money"],
    [
      { timeCost: [{ value: 1, weight: -2 }] },
      "parameters.timeCost[0].weight",
      /negative/,
      "too_small",
    ],
    [
      { imageValue: [{ value: -1 }] },
      "parameters.imageValue[0].value",
      /non-negative/,
      "too_small",
    ],
    [
      { imageValue: [{ value: 1, wieght: 2 }] },
      "parameters.imageValue[0].wieght",
      /wieght/,
      "unknown_key",
    ],
    [{ brandValue: 5 }, "parameters.brandValue", /brandValue/, "unknown_key"],
  ] as const)("%o is rejected at %s", (input, path, message, code) => {
    expectInvalid(() => deliveredValue(input as never), FN, path, message, code);
  });
  it("every bad component is listed in one error", () => {
    const error = expectInvalid(
      () => deliveredValue({ productValue: -1, serviceValue: "x", monetaryCost: -2 }),
      FN,
      "parameters.productValue",
    );
    expect(error.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["parameters.productValue", "too_small"],
      ["parameters.serviceValue", "invalid_money"],
      ["parameters.monetaryCost", "too_small"],
    ]);
  });
});
