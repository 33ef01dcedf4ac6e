import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { satisfactionLoyaltySegment } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const fn = "satisfactionLoyaltySegment";

describe("satisfactionLoyaltySegment (Jones & Sasser 1995)", () => {
  it("places each quadrant and the two extremes", () => {
    const r = satisfactionLoyaltySegment([
      { id: "apostle", satisfaction: 5, loyalty: 5 },
      { id: "loyalist", satisfaction: 4, loyalty: 5 },
      { id: "mercenary", satisfaction: 5, loyalty: 3 },
      { id: "hostage", satisfaction: 2, loyalty: 4 },
      { id: "defector", satisfaction: 3, loyalty: 3 },
      { id: "terrorist", satisfaction: 1, loyalty: 2 },
      { id: "__proto__", satisfaction: 1, loyalty: 4 },
    ]);
    for (const [id, segment] of r.segments) if (id !== "__proto__") expect(segment).toBe(id);
    expect(r.segments.get("__proto__")).toBe("hostage");
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
    const r = satisfactionLoyaltySegment([{ id: "a", satisfaction: 4, loyalty: 5 }], {
      satisfactionThreshold: 5,
    });
    expect(r.segments.get("a")).toBe("hostage");
  });
  it("the segments partition the customers and follow the thresholds", () => {
    const reading = fc.double({ min: 1, max: 5, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(reading, reading), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 2, max: 5 }),
        (rows, t) => {
          const customers = rows.map(([satisfaction, loyalty], i) => ({
            id: `c${i}`,
            satisfaction,
            loyalty,
          }));
          const r = satisfactionLoyaltySegment(customers, {
            satisfactionThreshold: t,
            loyaltyThreshold: t,
          });
          expect(r.segments.size).toBe(customers.length);
          expect(Object.values(r.counts).reduce((s, n) => s + n, 0)).toBe(customers.length);
          for (const c of customers) {
            const segment = r.segments.get(c.id);
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
      () => satisfactionLoyaltySegment([{ id: "a", satisfaction: 3 } as never]),
      fn,
      "customers[0].loyalty",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ id: 7, satisfaction: 3, loyalty: 3 } as never]),
      fn,
      "customers[0].id",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ id: "a", satisfaction: 3, loyalty: 3, nps: 9 } as never]),
      fn,
      "customers[0].nps",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ id: "a", satisfaction: Number.NaN, loyalty: 3 }]),
      fn,
      "customers[0].satisfaction",
    );
  });
  it("rejects duplicate ids, readings outside the scale and thresholds outside it", () => {
    expectInvalid(
      () =>
        satisfactionLoyaltySegment([
          { id: "a", satisfaction: 4, loyalty: 4 },
          { id: "a", satisfaction: 1, loyalty: 1 },
        ]),
      fn,
      "customers[1].id",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ id: "a", satisfaction: 6, loyalty: 4 }]),
      fn,
      "customers[0].satisfaction",
    );
    expectInvalid(
      () => satisfactionLoyaltySegment([{ id: "a", satisfaction: 3, loyalty: 0 }]),
      fn,
      "customers[0].loyalty",
    );
    expectInvalid(
      () =>
        satisfactionLoyaltySegment([{ id: "a", satisfaction: 3, loyalty: 3 }], {
          loyaltyThreshold: 9,
        }),
      fn,
      "options.loyaltyThreshold",
    );
  });
});
