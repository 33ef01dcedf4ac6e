/**
 * Differential test of the scaled-integer money reader against the plain reader (`toMoney`,
 * `moneyProblem`): the same value for every amount it reads, the same inputs rejected.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { moneyProblem, toMoney } from "../../../src/core/money.js";
import {
  AMOUNT_DECIMAL,
  AMOUNT_INVALID,
  AMOUNT_SCALED,
  readScaledAmount,
  type ScaledAmount,
  toCommonScale,
} from "../../../src/internal/fast/scaledAmount.js";

const Exact = Decimal.clone({ precision: 100 });

function check(value: unknown): void {
  const out: ScaledAmount = { units: 0, scale: 0 };
  const kind = readScaledAmount(value, out);
  if (moneyProblem(value) !== undefined) {
    expect(kind).toBe(AMOUNT_INVALID);
    return;
  }
  expect(kind).not.toBe(AMOUNT_INVALID);
  if (kind === AMOUNT_SCALED) {
    expect(Number.isSafeInteger(out.units)).toBe(true);
    const read = new Exact(out.units).div(new Exact(10).pow(out.scale));
    expect(read.eq(toMoney(value as string).toString())).toBe(true);
  }
}

describe("readScaledAmount (exact integer fast path for money)", () => {
  it("reads exactly what toMoney reads, and rejects exactly what moneyProblem rejects", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double(),
          fc.integer(),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 100),
          fc.stringMatching(/^[+-]?\d{0,18}(\.\d{0,10})?([eE][+-]?\d{1,2})?$/),
          fc.string({ maxLength: 6 }),
          fc.constantFrom("12,5", "", ".", "+", "-", "5.", ".5", "-0", "0.00", " 1", "1 ", "NaN"),
        ),
        check,
      ),
      { numRuns: 2000 },
    );
  });
  it("classifies typical amounts", () => {
    const out: ScaledAmount = { units: 0, scale: 0 };
    expect(readScaledAmount("12.50", out)).toBe(AMOUNT_SCALED);
    expect(out).toEqual({ units: 1250, scale: 2 });
    expect(readScaledAmount(-0.07, out)).toBe(AMOUNT_SCALED);
    expect(out).toEqual({ units: -7, scale: 2 });
    expect(readScaledAmount("1e3", out)).toBe(AMOUNT_DECIMAL);
    expect(readScaledAmount("0.123456789", out)).toBe(AMOUNT_DECIMAL);
    expect(readScaledAmount(new Decimal(1), out)).toBe(AMOUNT_DECIMAL);
    expect(readScaledAmount("12,5", out)).toBe(AMOUNT_INVALID);
    expect(readScaledAmount(Number.NaN, out)).toBe(AMOUNT_INVALID);
  });
  it("writes only into the caller's output: a value read earlier is not overwritten", () => {
    const first: ScaledAmount = { units: 0, scale: 0 };
    const second: ScaledAmount = { units: 0, scale: 0 };
    readScaledAmount("1.5", first);
    readScaledAmount("2.25", second);
    expect(first).toEqual({ units: 15, scale: 1 });
    expect(second).toEqual({ units: 225, scale: 2 });
    expect(readScaledAmount("1e3", first)).toBe(AMOUNT_DECIMAL);
    expect(first).toEqual({ units: 15, scale: 1 });
  });
});

describe("toCommonScale", () => {
  /** Plain implementation: exact decimal values, brought to the largest scale when they fit. */
  function plain(units: readonly number[], scales: readonly number[]): number[] | undefined {
    const scale = Math.max(0, ...scales);
    const exact = units.map((u, k) => new Exact(u).times(new Exact(10).pow(scale - scales[k]!)));
    const total = exact.reduce((sum, v) => sum.plus(v.abs()), new Exact(0));
    return total.lt(2 ** 52) ? exact.map((v) => v.toNumber()) : undefined;
  }

  it("brings every amount to the common scale exactly, or leaves the column untouched", () => {
    const amount = fc.record({
      units: fc.oneof(
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
      ),
      scale: fc.integer({ min: 0, max: 8 }),
    });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 40 }), (amounts) => {
        const units = Float64Array.from(amounts, (a) => a.units);
        const scales = Uint8Array.from(amounts, (a) => a.scale);
        const scale = Math.max(0, ...scales);
        const before = [...units];
        const expected = plain(before, [...scales]);
        const done = toCommonScale(units, scales, amounts.length, scale);
        expect(done).toBe(expected !== undefined);
        expect([...units]).toEqual(expected ?? before);
      }),
      { numRuns: 1000 },
    );
  });
});
