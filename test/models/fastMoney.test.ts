/** The fast float → Decimal path builds exactly what the decimal.js constructor builds. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Decimal, Money, sumMoney } from "../../src/core/money.js";
import {
  moneyFromNumber,
  numberFromMoney,
  sumMoneyFast,
} from "../../src/models/predictions/fastMoney.js";

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
      { numRuns: 20000 },
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
      { numRuns: 20000 },
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
      { numRuns: 20000 },
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

describe("sumMoneyFast", () => {
  const amount = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => moneyFromNumber(v)),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => moneyFromNumber(v)),
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
  it("equals sumMoney on random amounts", () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (values) => {
        same(sumMoneyFast(values), sumMoney(values));
      }),
      { numRuns: 3000 },
    );
  });
  it("equals sumMoney on cancelling and many values", () => {
    const values = Array.from({ length: 20_000 }, (_, i) =>
      moneyFromNumber((i % 2 === 0 ? 1 : -1) * ((i * 7919) % 1000) * 0.0137 + 1e-7 * i),
    );
    same(sumMoneyFast(values), sumMoney(values));
    const opposite = [...values, ...values.map((v) => v.negated())];
    same(sumMoneyFast(opposite), sumMoney(opposite));
    expect(sumMoneyFast(opposite).isZero()).toBe(true);
  });
});
