import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { satisfactionLoyaltySegment } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "satisfactionLoyaltySegment";

describe("satisfactionLoyaltySegment (Jones & Sasser 1995)", () => {
  it("places each quadrant and the two extremes", () => {
    const r = satisfactionLoyaltySegment([
      { customerId: "apostle", satisfaction: 5, loyalty: 5 },
      { customerId: "loyalist", satisfaction: 4, loyalty: 5 },
      { customerId: "mercenary", satisfaction: 5, loyalty: 3 },
      { customerId: "hostage", satisfaction: 2, loyalty: 4 },
      { customerId: "defector", satisfaction: 3, loyalty: 3 },
      { customerId: "terrorist", satisfaction: 1, loyalty: 2 },
      { customerId: "__proto__", satisfaction: 1, loyalty: 4 },
    ]);
    expect(r.segments.map((row) => row.customerId)).toEqual([
      "apostle",
      "loyalist",
      "mercenary",
      "hostage",
      "defector",
      "terrorist",
      "__proto__",
    ]);
    for (const { customerId, segment } of r.segments.slice(0, 6)) expect(segment).toBe(customerId);
    expect(r.segments[6]).toEqual({ customerId: "__proto__", segment: "hostage" });
    expect(r.counts).toEqual({
      apostle: 1,
      loyalist: 1,
      mercenary: 1,
      hostage: 2,
      defector: 1,
      terrorist: 1,
    });
  });
  it("the strict reading: only completely satisfied customers count as satisfied", () => {
    const r = satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 4, loyalty: 5 }], {
      satisfactionThreshold: 5,
    });
    expect(r.segments[0]?.segment).toBe("hostage");
  });
  it("the segments partition the customers and follow the thresholds", () => {
    const reading = fc.double({ min: 1, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(reading, reading), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 2, max: 5 }),
        (rows, t) => {
          const customers = rows.map(([satisfaction, loyalty], i) => ({
            customerId: `c${i}`,
            satisfaction,
            loyalty,
          }));
          const r = satisfactionLoyaltySegment(customers, {
            satisfactionThreshold: t,
            loyaltyThreshold: t,
          });
          expect(r.segments).toHaveLength(customers.length);
          expect(Object.values(r.counts).reduce((s, n) => s + n, 0)).toBe(customers.length);
          for (const [i, c] of customers.entries()) {
            expect(r.segments[i]?.customerId).toBe(c.customerId);
            const segment = r.segments[i]?.segment;
            const satisfied =
              segment === "apostle" || segment === "loyalist" || segment === "mercenary";
            const loyal = segment === "apostle" || segment === "loyalist" || segment === "hostage";
            expect(satisfied).toBe(c.satisfaction >= t);
            expect(loyal).toBe(c.loyalty >= t);
          }
        },
      ),
    );
  });
  it("rejects malformed rows with their path", () => {
    expectInvalid(
      () => satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 3 } as never]),
      fn,
      "customers[0].loyalty",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ customerId: 7, satisfaction: 3, loyalty: 3 } as never]),
      fn,
      "customers[0].customerId",
    );
    // Fields of your own are ignored; the old `id` is not read as the customer id.
    const withNps = { customerId: "a", satisfaction: 3, loyalty: 3, nps: 9 };
    expect(satisfactionLoyaltySegment([withNps]).segments).toEqual([
      { customerId: "a", segment: "defector" },
    ]);
    expectInvalid(
      () => satisfactionLoyaltySegment([{ id: "a", satisfaction: 3, loyalty: 3 } as never]),
      fn,
      "customers[0].customerId",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ customerId: "a", satisfaction: Number.NaN, loyalty: 3 }]),
      fn,
      "customers[0].satisfaction",
    );
  });
  it("rejects duplicate ids, readings outside the scale and thresholds outside it", () => {
    expectInvalid(
      () =>
        satisfactionLoyaltySegment([
          { customerId: "a", satisfaction: 4, loyalty: 4 },
          { customerId: "a", satisfaction: 1, loyalty: 1 },
        ]),
      fn,
      "customers[1].customerId",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 6, loyalty: 4 }]),
      fn,
      "customers[0].satisfaction",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 3, loyalty: 0 }]),
      fn,
      "customers[0].loyalty",
    );
    expectInvalid(
      () =>
        satisfactionLoyaltySegment([{ customerId: "a", satisfaction: 3, loyalty: 3 }], {
          loyaltyThreshold: 9,
        }),
      fn,
      "options.loyaltyThreshold",
    );
  });
});
