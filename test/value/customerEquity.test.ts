import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerEquity, retentionLifetimeValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "customerEquity";
// Blattberg & Deighton (1996), as worked in Tsao's BD-model slides:
// a = 0.3, m = 100, A = 50, R = 20, r = 0.6, d = 0.1 ⇒ bracket 180, CE per prospect 4.0.
const bd = {
  name: "bd",
  customerCount: 0,
  prospectCount: 1,
  margin: 100,
  retentionRate: 0.6,
  retentionCost: 20,
  acquisitionRate: 0.3,
  acquisitionCost: 50,
} as const;

describe("customerEquity: Blattberg–Deighton segments", () => {
  it("reproduces CE = 4.0 per prospect", () => {
    const result = customerEquity({ segments: [bd] }, { discountRate: 0.1 });
    const segment = result.segments[0]!;
    expect(segment.valuePerProspect.toString()).toBe("4");
    // (m − R/r)·r′/(1 − r′) with r′ = r/(1+d): (100 − 33.33)·1.2 = 80
    expect(segment.valuePerCustomer.toString()).toBe("80");
    expect(result.equity.toString()).toBe("4");
    expect(result.currentValue.toString()).toBe("0");
    expect(result.futureValue.toString()).toBe("4");
  });
  it("the BD textbook form a·m − A + a·(m − R/r)·r′/(1−r′) agrees", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        (m, r, R, a, A, d) => {
          const rp = r / (1 + d);
          const textbook = a * m - A + a * (m - R / r) * (rp / (1 - rp));
          const result = customerEquity(
            {
              segments: [
                {
                  name: "s",
                  customerCount: 0,
                  prospectCount: 1,
                  margin: m,
                  retentionRate: r,
                  retentionCost: R,
                  acquisitionRate: a,
                  acquisitionCost: A,
                },
              ],
            },
            { discountRate: d },
          );
          expect(Math.abs(result.equity.toNumber() - textbook)).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(textbook)),
          );
        },
      ),
    );
  });
  it("current customers are worth their remaining life: the end-of-period CLV when R = 0", () => {
    const result = customerEquity(
      { segments: [{ name: "base", customerCount: 1000, margin: 100, retentionRate: 0.8 }] },
      { discountRate: 0.1 },
    );
    const clv = retentionLifetimeValue({
      margin: 100,
      retentionRate: 0.8,
      discountRate: 0.1,
    }).value;
    expect(result.segments[0]!.valuePerCustomer.eq(clv)).toBe(true);
    expect(result.currentValue.eq(clv.times(1000))).toBe(true);
  });
  it("a finite horizon truncates the stream", () => {
    const result = customerEquity(
      { segments: [{ name: "s", customerCount: 1, margin: 10, retentionRate: 0.5 }] },
      { discountRate: 0, horizon: 2 },
    );
    // 10·0.5 + 10·0.25
    expect(result.equity.toString()).toBe("7.5");
  });
});

describe("customerEquity: Gupta–Lehmann–Stuart cohorts", () => {
  it("a cohort acquired now: n·(first-payment-now CLV − c)", () => {
    const result = customerEquity(
      {
        cohorts: [
          {
            name: "now",
            periodsUntilAcquisition: 0,
            customerCount: 100,
            margin: 100,
            retentionRate: 0.8,
            acquisitionCost: 66,
          },
        ],
      },
      { discountRate: 0.1 },
    );
    const clv = retentionLifetimeValue({
      margin: 100,
      retentionRate: 0.8,
      discountRate: 0.1,
      timing: "first-payment-now",
    }).value;
    expect(result.cohorts[0]!.lifetimeValuePerCustomer.minus(clv).abs().toNumber()).toBeLessThan(
      1e-28,
    );
    expect(result.equity.toFixed(2)).toBe("30066.67");
  });
  it("a future cohort is discounted back (1+d)^k", () => {
    const cohort = { customerCount: 10, margin: 100, retentionRate: 0.8 };
    const now = customerEquity(
      { cohorts: [{ name: "k0", periodsUntilAcquisition: 0, ...cohort }] },
      { discountRate: 0.1 },
    );
    const later = customerEquity(
      { cohorts: [{ name: "k2", periodsUntilAcquisition: 2, ...cohort }] },
      { discountRate: 0.1 },
    );
    expect(now.equity.div(later.equity).toNumber()).toBeCloseTo(1.21, 12);
  });
  it("cohorts after the horizon add nothing; segments and cohorts add up", () => {
    const one = { customerCount: 1, margin: 10, retentionRate: 1 };
    const result = customerEquity(
      {
        segments: [{ name: "s", customerCount: 2, margin: 10, retentionRate: 1 }],
        cohorts: [
          { name: "in", periodsUntilAcquisition: 1, ...one },
          { name: "out", periodsUntilAcquisition: 2, ...one },
        ],
      },
      { discountRate: 0, horizon: 1 },
    );
    expect(result.cohorts.map((c) => c.equity.toString())).toEqual(["10", "0"]);
    expect(result.currentValue.toString()).toBe("20");
    expect(result.equity.toString()).toBe("30");
  });
  it("property: equity is monotone in customers, margin and retention", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        (n, m, r) => {
          const at = (customerCount: number, margin: number, retentionRate: number) =>
            customerEquity(
              { segments: [{ name: "s", customerCount, margin, retentionRate }] },
              { discountRate: 0.1 },
            ).equity;
          const v = at(n, m, r);
          expect(at(n + 1, m, r).gt(v)).toBe(true);
          expect(at(n, m + 1, r).gt(v)).toBe(true);
          expect(at(n, m, r + 0.05).gt(v)).toBe(true);
        },
      ),
    );
  });
});

describe("customerEquity: bad input", () => {
  it("needs at least one segment or cohort", () => {
    expectInvalid(
      () => customerEquity({}, { discountRate: 0.1 }),
      FN,
      "groups",
      /at least one/,
      "too_small",
    );
    expectInvalid(
      () => customerEquity({ segments: [], cohorts: [] }, { discountRate: 0.1 }),
      FN,
      "groups",
      /at least one/,
      "too_small",
    );
  });
  it("an infinite horizon with 1 + d − r ≤ 0 diverges", () => {
    expectInvalid(
      () => customerEquity({ segments: [{ ...bd, retentionRate: 1 }] }, { discountRate: 0 }),
      FN,
      "groups.segments[0].retentionRate",
      /series diverges/,
      "inconsistent",
    );
    expectInvalid(
      () =>
        customerEquity(
          {
            cohorts: [
              {
                name: "c",
                periodsUntilAcquisition: 0,
                customerCount: 1,
                margin: 1,
                retentionRate: 1,
              },
            ],
          },
          { discountRate: 0, horizon: "infinite" },
        ),
      FN,
      "groups.cohorts[0].retentionRate",
      /series diverges/,
      "inconsistent",
    );
  });
  it("a discount rate of 10 is implausible; the opt-in accepts it", () => {
    expectInvalid(
      () => customerEquity({ segments: [bd] }, { discountRate: 10 }),
      FN,
      "options.discountRate",
      /allowLargeDiscountRate/,
      "implausible_rate",
    );
    const large = customerEquity(
      { segments: [bd] },
      { discountRate: 10, allowLargeDiscountRate: true },
    );
    // valuePerCustomer = (m·r − R)/(1 + d − r) = 40 / 10.4
    expect(large.segments[0]!.valuePerCustomer.toFixed(6)).toBe((40 / 10.4).toFixed(6));
  });
  it("problems in both arguments are listed in one error", () => {
    const error = expectInvalid(
      () =>
        customerEquity(
          { segments: [{ ...bd, retentionRate: 1.5, customerCount: -1 }] },
          { discountRate: -0.1, horizon: 0 },
        ),
      FN,
      "groups.segments[0].retentionRate",
    );
    expect(error.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["groups.segments.0.customerCount", "too_small"],
      ["groups.segments.0.retentionRate", "too_big"],
      ["options.horizon", "too_small"],
      ["options.discountRate", "too_small"],
    ]);
  });
  const { acquisitionRate: _rate, ...withoutRate } = bd;
  const cohort = { name: "c", customerCount: 1, margin: 1, retentionRate: 0.5 };
  it.each([
    [
      { segments: [{ ...bd, retentionRate: 1.5 }] },
      {},
      "groups.segments[0].retentionRate",
      "too_big",
    ],
    [
      { segments: [{ ...bd, customerCount: -1 }] },
      {},
      "groups.segments[0].customerCount",
      "too_small",
    ],
    [{ segments: [{ ...bd, customers: 1 }] }, {}, "groups.segments[0].customers", "unknown_key"],
    [{ segments: [withoutRate] }, {}, "groups.segments[0].acquisitionRate", "required"],
    [
      { segments: [{ ...bd, retentionCost: -1 }] },
      {},
      "groups.segments[0].retentionCost",
      "too_small",
    ],
    [{ segments: [bd] }, { discountRate: -1.5 }, "options.discountRate", "too_small"],
    [{ segments: [bd] }, { horizon: -2 }, "options.horizon", "too_small"],
    [{ segments: [bd] }, { horizon: 1.5 }, "options.horizon", "not_integer"],
    [{ segments: [bd] }, { horizn: 3 }, "options.horizn", "unknown_key"],
    [
      { cohorts: [{ ...cohort, periodsUntilAcquisition: 0.5 }] },
      {},
      "groups.cohorts[0].periodsUntilAcquisition",
      "not_integer",
    ],
    [{ cohorts: [{ ...cohort, period: 1 }] }, {}, "groups.cohorts[0].period", "unknown_key"],
  ] as const)("%o %o is rejected at %s", (groups, options, path, code) => {
    expectInvalid(
      () => customerEquity(groups as never, { discountRate: 0.1, ...options } as never),
      FN,
      path,
      undefined,
      code,
    );
  });
});
