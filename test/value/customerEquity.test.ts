import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerEquity, retentionLifetimeValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "customerEquity";
// Blattberg & Deighton (1996) worked in Tsao's BD-model slides (formulas.md §3.1):
// a = 0.3, m = 100, A = 50, R = 20, r = 0.6, d = 0.1 ⇒ bracket 180, CE per prospect 4.0.
const bd = {
  name: "bd",
  customers: 0,
  prospects: 1,
  margin: 100,
  retentionRate: 0.6,
  retentionCost: 20,
  acquisitionRate: 0.3,
  acquisitionCost: 50,
} as const;

describe("customerEquity: Blattberg–Deighton segments", () => {
  it("reproduces CE = 4.0 per prospect", () => {
    const result = customerEquity({ discountRate: 0.1, segments: [bd] });
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
          const result = customerEquity({
            discountRate: d,
            segments: [
              {
                name: "s",
                customers: 0,
                prospects: 1,
                margin: m,
                retentionRate: r,
                retentionCost: R,
                acquisitionRate: a,
                acquisitionCost: A,
              },
            ],
          });
          expect(Math.abs(result.equity.toNumber() - textbook)).toBeLessThan(
            1e-9 * Math.max(1, Math.abs(textbook)),
          );
        },
      ),
    );
  });
  it("current customers are worth their remaining life: the end-of-period CLV when R = 0", () => {
    const result = customerEquity({
      discountRate: 0.1,
      segments: [{ name: "base", customers: 1000, margin: 100, retentionRate: 0.8 }],
    });
    const clv = retentionLifetimeValue({
      margin: 100,
      retentionRate: 0.8,
      discountRate: 0.1,
    }).value;
    expect(result.segments[0]!.valuePerCustomer.eq(clv)).toBe(true);
    expect(result.currentValue.eq(clv.times(1000))).toBe(true);
  });
  it("a finite horizon truncates the stream", () => {
    const result = customerEquity({
      discountRate: 0,
      horizon: 2,
      segments: [{ name: "s", customers: 1, margin: 10, retentionRate: 0.5 }],
    });
    // 10·0.5 + 10·0.25
    expect(result.equity.toString()).toBe("7.5");
  });
});

describe("customerEquity: Gupta–Lehmann–Stuart cohorts", () => {
  it("a cohort acquired now: n·(first-payment-now CLV − c)", () => {
    const result = customerEquity({
      discountRate: 0.1,
      cohorts: [
        {
          name: "now",
          period: 0,
          customers: 100,
          margin: 100,
          retentionRate: 0.8,
          acquisitionCost: 66,
        },
      ],
    });
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
    const now = customerEquity({
      discountRate: 0.1,
      cohorts: [{ name: "k0", period: 0, customers: 10, margin: 100, retentionRate: 0.8 }],
    });
    const later = customerEquity({
      discountRate: 0.1,
      cohorts: [{ name: "k2", period: 2, customers: 10, margin: 100, retentionRate: 0.8 }],
    });
    expect(now.equity.div(later.equity).toNumber()).toBeCloseTo(1.21, 12);
  });
  it("cohorts after the horizon add nothing; segments and cohorts add up", () => {
    const result = customerEquity({
      discountRate: 0,
      horizon: 1,
      segments: [{ name: "s", customers: 2, margin: 10, retentionRate: 1 }],
      cohorts: [
        { name: "in", period: 1, customers: 1, margin: 10, retentionRate: 1 },
        { name: "out", period: 2, customers: 1, margin: 10, retentionRate: 1 },
      ],
    });
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
          const at = (customers: number, margin: number, retentionRate: number) =>
            customerEquity({
              discountRate: 0.1,
              segments: [{ name: "s", customers, margin, retentionRate }],
            }).equity;
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
    expectInvalid(() => customerEquity({ discountRate: 0.1 }), FN, "segments", /at least one/);
    expectInvalid(
      () => customerEquity({ discountRate: 0.1, segments: [], cohorts: [] }),
      FN,
      "segments",
    );
  });
  it("an infinite horizon with 1 + d − r ≤ 0 diverges", () => {
    expectInvalid(
      () => customerEquity({ discountRate: 0, segments: [{ ...bd, retentionRate: 1 }] }),
      FN,
      "segments[0].retentionRate",
      /series diverges/,
    );
    expectInvalid(
      () =>
        customerEquity({
          discountRate: -0.1,
          cohorts: [{ name: "c", period: 0, customers: 1, margin: 1, retentionRate: 0.95 }],
        }),
      FN,
      "cohorts[0].retentionRate",
      /series diverges/,
    );
  });
  it.each([
    [{ discountRate: 0.1, segments: [{ ...bd, retentionRate: 1.5 }] }, "segments[0].retentionRate"],
    [{ discountRate: 0.1, segments: [{ ...bd, customers: -1 }] }, "segments[0].customers"],
    [
      { discountRate: 0.1, segments: [{ ...bd, acquisitionRate: undefined }] },
      "segments[0].acquisitionRate",
    ],
    [{ discountRate: 0.1, segments: [{ ...bd, retentionCost: -1 }] }, "segments[0].retentionCost"],
    [{ discountRate: -1.5, segments: [bd] }, "discountRate"],
    [{ discountRate: 0.1, horizon: -2, segments: [bd] }, "horizon"],
    [{ discountRate: 0.1, horizon: 1.5, segments: [bd] }, "horizon"],
    [
      {
        discountRate: 0.1,
        cohorts: [{ name: "c", period: 0.5, customers: 1, margin: 1, retentionRate: 0.5 }],
      },
      "cohorts[0].period",
    ],
  ])("%o is rejected at %s", (input, path) => {
    const { acquisitionRate, ...withoutRate } = bd;
    const fixed =
      path === "segments[0].acquisitionRate"
        ? { discountRate: 0.1, segments: [withoutRate] }
        : input;
    expect(acquisitionRate).toBe(0.3);
    expectInvalid(() => customerEquity(fixed as never), FN, path);
  });
});
