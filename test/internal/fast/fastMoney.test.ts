/** The fast float → Decimal path builds exactly what the decimal.js constructor builds. */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { type Decimal, Money, sumMoney, UnroundedMoney } from "../../../src/core/money.js";
import {
  centsRoundedUp,
  DECIMAL_FIELDS_HOLD,
  DECIMAL_FIELDS_READABLE,
  exactDecimalText,
  exactSum,
  fastPathsAgree,
  fieldsReadable,
  moneyFromEstimate,
  moneyFromNumber,
  moneyFromQuotient,
  moneyFromScaled,
  numberFromMoney,
  readDecimalAmount,
  readDecimalText,
} from "../../../src/internal/fast/fastMoney.js";
import { runs } from "../../slow/runs.js";

/** Same value, same internal digits, exponent and sign as decimal.js builds, same own keys. */
function expectSameDecimal(fast: Decimal, slow: Decimal): void {
  const x = fast as unknown as { s: number; e: number; d: number[] };
  const y = slow as unknown as { s: number; e: number; d: number[] };
  expect([x.s, x.e, x.d]).toEqual([y.s, y.e, y.d]);
  expect(Object.keys(fast)).toEqual(Object.keys(slow));
  expect(fast.toString()).toBe(slow.toString());
  expect(fast.plus(1).times(3).toString()).toBe(slow.plus(1).times(3).toString());
}

const pow10 = (scale: number) => new Money(`1e-${scale}`);

describe("moneyFromScaled", () => {
  it("equals new Money(units).times(10^-scale) for safe integers", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e9, max: 1e9 }),
          fc.double({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1, noNaN: true }).map(Math.trunc),
        ),
        fc.integer({ min: 0, max: 12 }),
        (units, scale) => {
          const u = units === 0 ? 0 : units; // no −0 ids
          expectSameDecimal(moneyFromScaled(u, scale), new Money(u).times(pow10(scale)));
        },
      ),
      { numRuns: runs(20000) },
    );
  });
  it("edge values", () => {
    for (const [units, scale] of [
      [0, 2],
      [1, 0],
      [10_000_000, 0],
      [10_000_000, 7],
      [9_999_999, 7],
      [-1234500, 2],
      [2 ** 53 - 1, 8],
      [100, 9],
    ] as const) {
      expectSameDecimal(moneyFromScaled(units, scale), new Money(units).times(pow10(scale)));
    }
  });
});

describe("moneyFromQuotient", () => {
  const reference = (units: number, divisor: number, scale: number) =>
    new Money(units).div(divisor).times(pow10(scale));
  it("equals decimal.js division at 34 digits, half-even", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e7, max: 1e7 }),
          fc.double({ min: -(2 ** 52) + 1, max: 2 ** 52 - 1, noNaN: true }).map(Math.trunc),
        ),
        fc.oneof(
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          fc.integer({ min: 0, max: 30 }).map((k) => 2 ** k), // terminating: exact ties occur
          fc.integer({ min: 0, max: 13 }).map((k) => 5 ** k),
        ),
        fc.integer({ min: 0, max: 8 }),
        (units, divisor, scale) => {
          const u = units === 0 ? 0 : units;
          expectSameDecimal(moneyFromQuotient(u, divisor, scale), reference(u, divisor, scale));
        },
      ),
      { numRuns: runs(30000) },
    );
  });
  it("rounds exact ties at the 35th digit to even, and carries 9s", () => {
    for (const [units, divisor, scale] of [
      [2 ** 52 - 1, 2 ** 30, 0], // 37 significant digits, exactly
      [2 ** 52 - 3, 2 ** 30, 2],
      [4503599627370495, 1073741824, 0],
      [999999999999999, 1, 0],
      [2, 3, 0],
      [-2, 3, 4],
      [1, 7, 8],
      [7, 2 ** 31 - 1, 0],
      [5, 10, 0],
    ] as const) {
      expectSameDecimal(moneyFromQuotient(units, divisor, scale), reference(units, divisor, scale));
    }
  });
  it("falls back to decimal.js outside its fast range", () => {
    expectSameDecimal(moneyFromQuotient(2 ** 53 - 1, 3, 2), reference(2 ** 53 - 1, 3, 2));
    expectSameDecimal(moneyFromQuotient(10, 2 ** 40, 0), reference(10, 2 ** 40, 0));
  });
});

describe("moneyFromEstimate", () => {
  /** Reference: the float's exact binary value, rounded once, half-even, to 15 digits. */
  const reference = (v: number) =>
    v === 0 ? new Money(0) : new Money(exactDecimalText(v)).toSignificantDigits(15, 6);
  it("exactDecimalText is the float's exact value", () => {
    expect(exactDecimalText(0.1)).toBe(
      "1000000000000000055511151231257827021181583404541015625e-55",
    );
    expect(exactDecimalText(-2.5)).toBe("-25e-1");
    expect(exactDecimalText(2 ** 60)).toBe("1152921504606846976e0");
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(new Money(exactDecimalText(v)).toNumber(), v === 0 ? 0 : v)).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });
  it("rounds the exact value of any float to 15 significant digits, half-even", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          // Near-ties: 16-digit decimals ending in 5 (and their float neighbours).
          fc
            .tuple(fc.integer({ min: 1e14, max: 1e15 - 1 }), fc.integer({ min: -8, max: 14 }))
            .map(([c, e]) => Number(`${c}5e${e - 15}`)),
        ),
        (v) => {
          expectSameDecimal(moneyFromEstimate(v), reference(v));
        },
      ),
      { numRuns: runs(30000) },
    );
  });
  it("edge values: exact ties, powers of ten, range ends, rounding up to a power of ten", () => {
    for (const v of [
      123456789012345.5, // exact tie: 5 odd → up
      123456789012344.5, // exact tie: 4 even → stays
      -123456789012344.5,
      0.1,
      1,
      1e14,
      1e15,
      999999999999999.9,
      0.99999999999999999,
      9.9999999999999995,
      1e-8,
      9.99999999e-9,
      1e-300,
      1.7976931348623157e308,
      5e-324,
      -0,
      1 / 3,
      2 / 3,
      // Just below a power of ten, where 10·v rounds up to the next power.
      ...[1e14, 1e3, 1, 1e-3, 1e-7].flatMap((x) => [
        x * (1 - 2 ** -53),
        x * (1 - 2 ** -52),
        x * (1 - 1e-16),
      ]),
    ]) {
      expectSameDecimal(moneyFromEstimate(v), reference(v));
    }
  });
  it("keeps 15 significant digits", () => {
    expect(moneyFromEstimate(1 / 3).toString()).toBe("0.333333333333333");
    expect(moneyFromEstimate(2 / 3).toString()).toBe("0.666666666666667");
    expect(moneyFromEstimate(123.45).toString()).toBe("123.45");
  });
});

describe("moneyFromNumber", () => {
  it("equals new Money(v) in value, digits and exponent", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const fast = moneyFromNumber(v) as unknown as { s: number; e: number; d: number[] };
        const slow = new Money(v) as unknown as { s: number; e: number; d: number[] };
        expect(moneyFromNumber(v).toString()).toBe(new Money(v).toString());
        expect(moneyFromNumber(v).equals(new Money(v))).toBe(true);
        if (v !== 0) expect([fast.s, fast.e, fast.d]).toEqual([slow.s, slow.e, slow.d]);
        expect(Object.keys(fast)).toEqual(Object.keys(slow));
        expect(moneyFromNumber(v).times(3).plus(1).toString()).toBe(
          new Money(v).times(3).plus(1).toString(),
        );
      }),
      { numRuns: runs(20000) },
    );
  });
  it("edge values", () => {
    for (const v of [
      1e-6, 0.1, 1, 10, 1234567, 12345678, 0.30000000000000004, 99.99, 1e20, 123.456e7,
    ]) {
      expect(moneyFromNumber(v).toString()).toBe(new Money(v).toString());
      expect(moneyFromNumber(v).plus(1).toString()).toBe(new Money(v).plus(1).toString());
      expect(moneyFromNumber(-v).toFixed(3)).toBe(new Money(-v).toFixed(3));
    }
  });
});

describe("numberFromMoney", () => {
  it("equals toNumber() on decimals built from doubles", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        expect(Object.is(numberFromMoney(new Money(v)), new Money(v).toNumber())).toBe(true);
        expect(Object.is(numberFromMoney(moneyFromNumber(v)), v)).toBe(true);
      }),
      { numRuns: runs(20000) },
    );
  });
  it("equals toNumber() on decimal strings with up to 34 digits", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 34n), max: 10n ** 34n }),
        fc.integer({ min: -40, max: 40 }),
        (digits, exponent) => {
          const value = new Money(`${digits}e${exponent}`);
          expect(Object.is(numberFromMoney(value), value.toNumber())).toBe(true);
        },
      ),
      { numRuns: runs(20000) },
    );
  });
  it("edge values", () => {
    for (const text of [
      "0",
      "-0",
      "12.34",
      "0.1",
      "9007199254740993",
      "9007199254740992",
      "1e22",
      "1e23",
      "123456789012345678901234567890",
      "-0.000000123",
      "1e-300",
      "2.5e-324",
      "1.7976931348623157e308",
    ]) {
      const value = new Money(text);
      expect(Object.is(numberFromMoney(value), value.toNumber())).toBe(true);
    }
  });
});

describe("exactSum", () => {
  const amount = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => moneyFromNumber(v)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => moneyFromNumber(v)),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => moneyFromEstimate(v)),
    fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -30, max: 30 }))
      .map(([digits, exponent]) => new Money(`${digits}e${exponent}`)),
    fc.constantFrom(0, 2, 5, 10, 25, -0.5).map((v) => new Money(v)),
  );
  const same = (a: Decimal, b: Decimal) => {
    const x = a as unknown as { s: number; e: number; d: number[] };
    const y = b as unknown as { s: number; e: number; d: number[] };
    expect([x.s, x.e, x.d]).toEqual([y.s, y.e, y.d]);
    expect(a.toString()).toBe(b.toString());
  };
  /** Reference: every digit kept (precision 10⁹), then one rounding to 34 digits. */
  const exact = (values: readonly Decimal[]) =>
    new Money(
      values.reduce((t: Decimal, v) => t.plus(v), new UnroundedMoney(0)),
    ).toSignificantDigits(34, Money.ROUND_HALF_EVEN);
  it("is the exact sum rounded once to 34 digits, on random amounts", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (values) => {
        same(exactSum(values), exact(values));
      }),
      { numRuns: runs(3000) },
    );
  });
  it("equals sumMoney when the total fits 34 digits (cents, estimates), also when cancelling", () => {
    const values = Array.from({ length: 20_000 }, (_, i) =>
      moneyFromNumber((i % 2 === 0 ? 1 : -1) * ((i * 7919) % 1000) * 0.0137 + 1e-7 * i),
    );
    same(exactSum(values), sumMoney(values));
    const opposite = [...values, ...values.map((v) => v.negated())];
    same(exactSum(opposite), sumMoney(opposite));
    expect(exactSum(opposite).isZero()).toBe(true);
    const cents = Array.from({ length: 5000 }, (_, i) => new Money(`${(i * 7919) % 100000}e-2`));
    same(exactSum(cents), sumMoney(cents));
    same(exactSum([]), sumMoney([]));
  });
  it("differs from sequential rounding only by keeping more digits", () => {
    // 1e40 + 1 − 1e40: sumMoney rounds the partial sum (1e40 + 1 needs 41 digits) and loses the 1.
    const values = [new Money("1e40"), new Money(1), new Money("-1e40")];
    expect(exactSum(values).toString()).toBe("1");
    expect(sumMoney(values).toString()).toBe("0");
  });
});

describe("the load-time self-check of decimal.js's layout", () => {
  it("passes on the installed decimal.js, so the fast builders are on", () => {
    expect([DECIMAL_FIELDS_HOLD, DECIMAL_FIELDS_READABLE]).toEqual([true, true]);
    expect(fastPathsAgree()).toBe(true);
    expect(fieldsReadable()).toBe(true);
    expect(fastPathsAgree((text) => new Money(text))).toBe(true);
  });

  it("fails when the public constructor builds a different value, shape or class", () => {
    // A rounding difference in the last of 34 digits, an extra own field (a changed layout), another
    // constructor (other prototype), a constructor that throws.
    expect(fastPathsAgree((text) => new Money(text).plus("1e-40"))).toBe(false);
    expect(fastPathsAgree((text) => Object.assign(new Money(text), { extra: 0 }) as Decimal)).toBe(
      false,
    );
    expect(fastPathsAgree((text) => new UnroundedMoney(text))).toBe(false);
    // The readers' own check: a changed layout (the exponent counted from another digit) or values
    // that are not the text's.
    const shifted = (text: string) => {
      const x = new Money(text) as unknown as { s: number; e: number; d: number[] };
      return Object.assign(Object.create(Money.prototype), {
        constructor: Money,
        s: x.s,
        e: x.e + 1,
        d: x.d,
      }) as Decimal;
    };
    expect(fieldsReadable(shifted)).toBe(false);
    expect(fieldsReadable((text) => new Money(text).neg())).toBe(false);
    expect(
      fastPathsAgree(() => {
        throw new Error("changed API");
      }),
    ).toBe(false);
  });

  it("in fallback mode (simulated mismatch) every builder and reader gives decimal.js's own values", async () => {
    // Simulate a decimal.js whose clones do not behave as the fast builders assume: every clone
    // computes at 20 significant digits, so the 34-digit quotient probe disagrees.
    vi.resetModules();
    vi.doMock("decimal.js", async (importOriginal) => {
      const real = ((await importOriginal()) as { default: typeof Money }).default;
      const Changed = real.clone();
      const clone = Changed.clone.bind(Changed);
      Changed.clone = (config?: { precision?: number }) =>
        clone({ ...config, precision: Math.min(config?.precision ?? 20, 20) });
      return { default: Changed, Decimal: Changed };
    });
    try {
      const fast = await import("../../../src/internal/fast/fastMoney.js");
      const money = await import("../../../src/core/money.js");
      const M = money.Money;
      expect(fast.DECIMAL_FIELDS_HOLD).toBe(false);
      const same = (a: Decimal, b: Decimal) =>
        expect([a.toString(), a.eq(b)]).toEqual([b.toString(), true]);
      same(fast.moneyFromQuotient(1, 7, 0), new M(1).div(7));
      expect(fast.moneyFromQuotient(1, 7, 0).toString()).toBe("0.14285714285714285714"); // 20 digits
      same(fast.moneyFromQuotient(-200, 3, 2), new M(-200).div(3).times("0.01"));
      same(fast.moneyFromNumber(123.45), new M(123.45));
      same(fast.moneyFromNumber(-0.000123), new M("-0.000123"));
      same(fast.moneyFromScaled(12345, 2), new M("123.45"));
      same(fast.moneyFromScaled(-7, 0), new M(-7));
      same(fast.moneyFromEstimate(2 / 3), new M("0.666666666666667"));
      expect(fast.numberFromMoney(new M("123.45"))).toBe(123.45);
      same(fast.exactSum([new M("0.1"), new M("0.2"), new M("-0.05")]), new M("0.25"));
      expect(fast.centsRoundedUp(new M("1.234"), 1.234)).toBe(124);
      expect(fast.centsRoundedUp(new M("1.23"), 1.23)).toBe(123);
      // Readers go through toString: same amounts, same problems.
      same(money.readMoney(new M("12.5")) as Decimal, new M("12.5"));
      same(money.readMoney(new Money("-3.25")) as Decimal, new M("-3.25"));
      expect(money.moneyProblem(new Money("NaN"))).toBe("Expected a finite Decimal amount");
      expect(money.moneyProblem(new Money("1e40"))).toMatch(/out of range/);
      expect(fast.decimalShapeProblem(new Money("Infinity"))).toBe(
        "Expected a finite Decimal amount",
      );
      expect(fast.decimalShapeProblem(new M("2.5"))).toBeUndefined();
    } finally {
      vi.doUnmock("decimal.js");
      vi.resetModules();
    }
  });
});

describe("readDecimalText (the readers' fallback)", () => {
  it("reads what the field reader reads, on random amounts and on the bounds", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 34n) + 1n, max: 10n ** 34n - 1n }),
        fc.integer({ min: -300, max: -14 }),
        (units, exponent) => {
          const value = new Money(`${units}e${exponent}`);
          const fields = readDecimalAmount(value);
          const text = readDecimalText(value);
          expect(text.problem).toBe(fields.problem);
          if (text.problem === undefined && fields.problem === undefined) {
            expect(new Money(text.text).eq(new Money(fields.text))).toBe(true);
          }
        },
      ),
      { numRuns: runs(2000) },
    );
    expect(readDecimalText(new Money("NaN")).problem).toBe("Expected a finite Decimal amount");
    expect(readDecimalText(new Money("1e21")).problem).toMatch(/out of range/);
    expect(readDecimalText({ toString: () => 5 }).problem).toMatch(/malformed/);
  });
});

describe("centsRoundedUp", () => {
  it("equals cost × 100 rounded up, on random amounts of up to 4 decimals", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 4 }),
        (units, scale) => {
          const cost = new Money(units).times(`1e-${scale}`);
          expect(centsRoundedUp(cost, cost.toNumber())).toBe(cost.times(100).ceil().toNumber());
        },
      ),
    );
  });
});
