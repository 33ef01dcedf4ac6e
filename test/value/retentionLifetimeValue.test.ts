import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Money } from "../../src/core/money.js";
import { type LifetimeValueTiming, retentionLifetimeValue } from "../../src/index.js";
import { expectInvalid } from "./expectInvalid.js";

const FN = "retentionLifetimeValue";
const TIMINGS: readonly LifetimeValueTiming[] = [
  "first-payment-now",
  "end-of-period",
  "start-of-period",
];
const base = { margin: 100, retentionRate: 0.8, discountRate: 0.1 } as const;

function relativeError(actual: Decimal, expected: number): number {
  return Math.abs(actual.toNumber() - expected) / Math.max(1e-12, Math.abs(expected));
}

describe("retentionLifetimeValue: the three conventions (Fader & Hardie 2012, note 024)", () => {
  // m = 100, r = 0.8, d = 0.1; Fader & Hardie's three closed forms (note 024).
  it("end-of-period m·r/(1+d−r) = 266.67 (Gupta & Lehmann 2003; Kotler & Keller 2012)", () => {
    const result = retentionLifetimeValue(base);
    expect(result.convention).toBe("end-of-period");
    expect(result.value.toFixed(2)).toBe("266.67");
    expect(result.schedule).toEqual([]);
  });
  it("first-payment-now m(1+d)/(1+d−r) = 366.67 (Blattberg et al. 2008)", () => {
    const result = retentionLifetimeValue({ ...base, timing: "first-payment-now" });
    expect(result.convention).toBe("first-payment-now");
    expect(result.value.toFixed(2)).toBe("366.67");
  });
  it("start-of-period m/(1+d−r) = 333.33 (Ofek 2002)", () => {
    const result = retentionLifetimeValue({ ...base, timing: "start-of-period" });
    expect(result.value.toFixed(2)).toBe("333.33");
  });
  it("the money is exact: 800/3 to 34 significant digits, no float artefact", () => {
    const value = retentionLifetimeValue(base).value;
    expect(value.toString()).toBe("266.6666666666666666666666666666667");
    expect(value.toString()).not.toContain("266.66666666666669");
    expect(Decimal.isDecimal(value)).toBe(true);
  });
  it("identities: first-payment-now − end-of-period = m; start = first-payment-now / (1+d)", () => {
    const now = retentionLifetimeValue({ ...base, timing: "first-payment-now" }).value;
    const end = retentionLifetimeValue({ ...base, timing: "end-of-period" }).value;
    const start = retentionLifetimeValue({ ...base, timing: "start-of-period" }).value;
    expect(now.minus(end).toString()).toBe("100");
    expect(now.div(1.1).minus(start).abs().toNumber()).toBeLessThan(1e-30);
  });
  // Gupta & Lehmann (2003), margin-multiple table r/(1+i−r).
  it.each([
    [0.6, 0.1, "1.20"],
    [0.6, 0.16, "1.07"],
    [0.7, 0.12, "1.67"],
    [0.8, 0.14, "2.35"],
    [0.9, 0.1, "4.50"],
    [0.9, 0.16, "3.46"],
  ])("margin multiple at r = %d, i = %d is %s", (r, i, multiple) => {
    const value = retentionLifetimeValue({ margin: 1, retentionRate: r, discountRate: i }).value;
    expect(value.toFixed(2)).toBe(multiple);
  });
  // Monthly homework example M = 15.49, d = 1%/month (justaaa.com; the closed form m·r/(1+d−r)).
  it.each([
    [0.99, "766.755"],
    [0.95, "245.258"],
    [0.9, "126.736"],
  ])("monthly M = 15.49, r = %d: %s", (r, expected) => {
    const value = retentionLifetimeValue({ margin: "15.49", retentionRate: r, discountRate: 0.01 });
    expect(value.value.toFixed(3)).toBe(expected);
  });
  it("undiscounted start-of-period value is margin × expected lifetime 1/(1−r) (Best: 80% ⇒ 5 years)", () => {
    const result = retentionLifetimeValue({
      margin: 100,
      retentionRate: 0.8,
      discountRate: 0,
      timing: "start-of-period",
    });
    expect(result.value.toString()).toBe("500");
  });
  it("growth form m·r/(1+i−r(1+g)) = 307.69 (Gupta & Lehmann 2003)", () => {
    const result = retentionLifetimeValue({ ...base, growthRate: 0.05 });
    expect(result.value.toFixed(2)).toBe("307.69");
  });
  it("acquisition cost is subtracted once", () => {
    const result = retentionLifetimeValue({ ...base, acquisitionCost: "66.67" });
    expect(result.value.toFixed(2)).toBe("200.00");
  });
  it("a negative margin gives a negative value", () => {
    expect(retentionLifetimeValue({ ...base, margin: -30 }).value.toFixed(0)).toBe("-80");
  });
});

describe("retentionLifetimeValue: finite horizon", () => {
  it("five payments from t = 0 (Fader & Hardie 2014 truncated CLV, T = 4) = 292.063", () => {
    const result = retentionLifetimeValue({ ...base, timing: "first-payment-now", horizon: 5 });
    expect(result.value.toFixed(3)).toBe("292.063");
    // the closed form m(1+d)/(1+d−r)·[1 − (r/(1+d))^(T+1)] (Fader & Hardie 2014)
    const closed = ((100 * 1.1) / 0.3) * (1 - (0.8 / 1.1) ** 5);
    expect(relativeError(result.value, closed)).toBeLessThan(1e-12);
  });
  it("lists each period with survival, discount factor and present value", () => {
    const result = retentionLifetimeValue({ ...base, horizon: 3, growthRate: 0.1 });
    expect(result.schedule.map((p) => p.period)).toEqual([1, 2, 3]);
    expect(result.schedule.map((p) => p.time)).toEqual([1, 2, 3]);
    expect(result.schedule.map((p) => p.margin.toString())).toEqual(["100", "110", "121"]);
    expect(result.schedule.map((p) => p.survival)).toEqual([0.8, 0.64, 0.512]);
    expect(result.schedule.map((p) => p.expectedMargin.toString())).toEqual([
      "80",
      "70.4",
      "61.952",
    ]);
    expect(result.schedule[1]!.discountFactor.eq(new Money(1).div("1.21"))).toBe(true);
    expect(result.schedule[0]!.presentValue.toString()).toBe(new Money(80).div(1.1).toString());
  });
  it("timing sets survival and discount exponents", () => {
    const now = retentionLifetimeValue({ ...base, horizon: 2, timing: "first-payment-now" });
    expect(now.schedule.map((p) => [p.time, p.survival])).toEqual([
      [0, 1],
      [1, 0.8],
    ]);
    const start = retentionLifetimeValue({ ...base, horizon: 2, timing: "start-of-period" });
    expect(start.schedule.map((p) => [p.time, p.survival])).toEqual([
      [1, 1],
      [2, 0.8],
    ]);
  });
  it('horizon 1 counts one margin; "infinite" is the default', () => {
    const result = retentionLifetimeValue({ ...base, horizon: 1, acquisitionCost: 10 });
    // end-of-period: 100 · 0.8 / 1.1 − 10
    expect(result.value.eq(new Money(80).div("1.1").minus(10))).toBe(true);
    expect(result.schedule).toHaveLength(1);
    expect(retentionLifetimeValue({ ...base, horizon: "infinite" })).toEqual(
      retentionLifetimeValue(base),
    );
  });
  it("a large discount rate (opt-in) over a long horizon stays exact (decimal discount factors)", () => {
    const result = retentionLifetimeValue({
      margin: 1,
      retentionRate: 1,
      discountRate: 1,
      allowLargeDiscountRate: true,
      horizon: 1100,
      timing: "first-payment-now",
    });
    // Σ 2^−t for t = 0..1099 = 2 − 2^−1099; the last discount factor 2^−1099 is below the
    // float range's normal numbers but exact to 34 digits here
    const close = (a: Decimal, b: Decimal) => a.div(b).minus(1).abs().toNumber() < 1e-30;
    expect(close(result.value, new Money(2).minus(new Money(2).pow(-1099)))).toBe(true);
    expect(close(result.schedule[1099]!.discountFactor, new Money(2).pow(-1099))).toBe(true);
    expect(Number.isFinite(result.schedule[1099]!.survival)).toBe(true);
  });
  it("a finite horizon accepts rates whose infinite series would diverge", () => {
    const result = retentionLifetimeValue({
      margin: 10,
      retentionRate: 1,
      discountRate: 0,
      horizon: 12,
    });
    expect(result.value.toString()).toBe("120");
  });
  it("sums of decimal inputs are exact: 0.1 margins, no discounting, full retention", () => {
    const result = retentionLifetimeValue({
      margin: 0.1,
      retentionRate: 1,
      discountRate: 0,
      horizon: 3,
      timing: "first-payment-now",
    });
    expect(result.value.toString()).toBe("0.3");
  });
});

describe("retentionLifetimeValue: properties", () => {
  const rates = fc.record({
    margin: fc.double({ min: 1, max: 10_000, noNaN: true }),
    retentionRate: fc.double({ min: 0, max: 0.95, noNaN: true }),
    discountRate: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    timing: fc.constantFrom(...TIMINGS),
  });

  it("the finite sum converges to the closed form as the horizon grows", () => {
    fc.assert(
      fc.property(rates, (input) => {
        const closed = retentionLifetimeValue(input).value;
        const q = input.retentionRate / (1 + input.discountRate);
        // choose H so that the tail q^H is below 1e-9 of the value
        const horizon = q === 0 ? 2 : Math.min(2000, Math.ceil(Math.log(1e-10) / Math.log(q)) + 2);
        const finite = retentionLifetimeValue({ ...input, horizon }).value;
        const shorter = retentionLifetimeValue({
          ...input,
          horizon: Math.floor(horizon / 2),
        }).value;
        expect(relativeError(finite, closed.toNumber())).toBeLessThan(1e-8);
        // and it approaches from below, monotonically (positive margins)
        // (up to the last of 34 digits: each sum is rounded there)
        const ulp = closed.abs().times(1e-30);
        expect(shorter.minus(finite).lte(ulp)).toBe(true);
        expect(finite.minus(closed).lte(ulp)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("Σ presentValue − acquisitionCost = value exactly", () => {
    fc.assert(
      fc.property(
        rates,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 500 }),
        (input, horizon, cost) => {
          const result = retentionLifetimeValue({ ...input, horizon, acquisitionCost: cost });
          let total = new Money(0);
          for (const p of result.schedule) total = total.plus(p.presentValue);
          expect(total.minus(cost).eq(result.value)).toBe(true);
          expect(result.schedule).toHaveLength(horizon);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("monotone: increasing in margin and retention, decreasing in discount rate", () => {
    fc.assert(
      fc.property(
        rates,
        fc.double({ min: 0.001, max: 0.04, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        (input, step, horizon) => {
          // r ≥ 0.01: with r = 0 only the first payment can count, so nothing depends on r or d
          const withHorizon = {
            ...input,
            retentionRate: Math.max(0.01, input.retentionRate),
            ...(horizon === undefined ? {} : { horizon }),
          };
          const value = retentionLifetimeValue(withHorizon).value;
          const moreMargin = retentionLifetimeValue({
            ...withHorizon,
            margin: input.margin + 1,
          }).value;
          const moreRetention = retentionLifetimeValue({
            ...withHorizon,
            retentionRate: withHorizon.retentionRate + step,
          }).value;
          const moreDiscount = retentionLifetimeValue({
            ...withHorizon,
            discountRate: input.discountRate + step,
          }).value;
          expect(moreMargin.gt(value)).toBe(true);
          // retention cannot raise the first-payment-now horizon-1 value (only today's payment counts)
          expect(moreRetention.gte(value)).toBe(true);
          if (!(horizon === 1 && input.timing !== "end-of-period")) {
            expect(moreRetention.gt(value)).toBe(true);
          }
          if (input.timing === "first-payment-now" && horizon === 1) {
            expect(moreDiscount.eq(value)).toBe(true);
          } else {
            expect(moreDiscount.lt(value)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never mutates its input", () => {
    const input = Object.freeze({ ...base, horizon: 3, timing: "start-of-period" as const });
    expect(() => retentionLifetimeValue(input)).not.toThrow();
    expect(input).toEqual({ ...base, horizon: 3, timing: "start-of-period" });
  });
});

describe("retentionLifetimeValue: bad input", () => {
  it.each([
    [{ ...base, retentionRate: 1.2 }, "parameters.retentionRate", /\[0, 1\]/, "too_big"],
    [{ ...base, retentionRate: -0.1 }, "parameters.retentionRate", /\[0, 1\]/, "too_small"],
    [{ ...base, discountRate: -0.01 }, "parameters.discountRate", /≥ 0/, "too_small"],
    [
      { ...base, discountRate: 10 },
      "parameters.discountRate",
      /allowLargeDiscountRate/,
      "implausible_rate",
    ],
    [{ ...base, discountRate: "0.1" }, "parameters.discountRate", /discount rate/, "invalid_type"],
    [{ ...base, horizon: -1 }, "parameters.horizon", /at least 1/, "too_small"],
    [{ ...base, horizon: 0 }, "parameters.horizon", /at least 1/, "too_small"],
    [{ ...base, horizon: 2.5 }, "parameters.horizon", /whole number/, "not_integer"],
    [{ ...base, horizon: 1e9 }, "parameters.horizon", /at most 10000/, "too_big"],
    [{ ...base, horizon: "forever" }, "parameters.horizon", /"infinite"/, "invalid_value"],
    [{ ...base, horizon: Number.POSITIVE_INFINITY }, "parameters.horizon", /"infinite"/, "too_big"],
    [{ ...base, growthRate: -1 }, "parameters.growthRate", /greater than -1/, "too_small"],
    [{ ...base, margin: "1,000" }, "parameters.margin", /Invalid amount/, "invalid_money"],
    [{ ...base, margin: Number.NaN }, "parameters.margin", /finite/, "invalid_money"],
    [{ ...base, acquisitionCost: -5 }, "parameters.acquisitionCost", /non-negative/, "too_small"],
    [{ ...base, timing: "mid-period" }, "parameters.timing", /Invalid option/, "invalid_value"],
    [
      { ...base, allowLargeDiscountRate: "yes" },
      "parameters.allowLargeDiscountRate",
      /true or false/,
      "invalid_type",
    ],
  ] as const)("%o is rejected at %s", (input, path, message, code) => {
    expectInvalid(() => retentionLifetimeValue(input as never), FN, path, message, code);
  });
  it("a discount rate of 10 (10 % typed as a number) is implausible; the opt-in accepts it", () => {
    const error = expectInvalid(
      () => retentionLifetimeValue({ ...base, discountRate: 10 }),
      FN,
      "parameters.discountRate",
      /1000 % per period/,
      "implausible_rate",
    );
    expect(error.issues[0]!.received).toBe(10);
    const large = retentionLifetimeValue({
      ...base,
      discountRate: 10,
      allowLargeDiscountRate: true,
    });
    // 100 · 0.8 / (1 + 10 − 0.8)
    expect(large.value.eq(new Money(80).div("10.2"))).toBe(true);
  });
  it("three bad fields are three issues, in one error", () => {
    const error = expectInvalid(
      () => retentionLifetimeValue({ margin: "abc", retentionRate: 1.5, discountRate: 10 }),
      FN,
      "parameters.margin",
      /Invalid amount/,
      "invalid_money",
    );
    expect(error.issues.map((issue) => [issue.path.join("."), issue.code])).toEqual([
      ["parameters.margin", "invalid_money"],
      ["parameters.retentionRate", "too_big"],
      ["parameters.discountRate", "implausible_rate"],
    ]);
  });
  it("1 + d − r ≤ 0 with an infinite horizon: the series diverges", () => {
    expectInvalid(
      () => retentionLifetimeValue({ margin: 100, retentionRate: 1, discountRate: 0 }),
      FN,
      "parameters.retentionRate",
      /series diverges/,
      "inconsistent",
    );
    expectInvalid(
      () =>
        retentionLifetimeValue({
          margin: 100,
          retentionRate: 1,
          discountRate: 0,
          horizon: "infinite",
        }),
      FN,
      "parameters.retentionRate",
      /series diverges/,
      "inconsistent",
    );
  });
  it("growth making the series diverge is reported at growthRate", () => {
    expectInvalid(
      () => retentionLifetimeValue({ ...base, growthRate: 0.4 }),
      FN,
      "parameters.growthRate",
      /series diverges.*\(1 \+ growthRate\)/,
      "inconsistent",
    );
  });
  it("negative growth can make an otherwise divergent series converge", () => {
    const result = retentionLifetimeValue({
      margin: 100,
      retentionRate: 1,
      discountRate: 0,
      growthRate: -0.5,
      timing: "first-payment-now",
    });
    expect(result.value.toString()).toBe("200");
  });
  it("unknown keys are errors (typos surface)", () => {
    expectInvalid(
      () => retentionLifetimeValue({ ...base, horizn: 3 } as never),
      FN,
      "parameters.horizn",
      /horizn/,
      "unknown_key",
    );
  });
  it("a parameters object that is not an object is reported at parameters", () => {
    expectInvalid(
      () => retentionLifetimeValue(5 as never),
      FN,
      "parameters",
      undefined,
      "invalid_type",
    );
  });
});
