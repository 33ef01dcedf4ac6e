import DecimalJs from "decimal.js";
import { z } from "zod";
import { decimalShapeProblem } from "./validate.js";

/**
 * An exact decimal number (decimal.js). Every amount of money this library returns is a `Decimal`.
 * Use its methods (`plus`, `times`, `toFixed(2)`, `toNumber()`) to work with it.
 * @category Core
 */
export type Decimal = DecimalJs;

/**
 * An amount of money as the caller has it: a `Decimal` (from any copy of decimal.js), a finite
 * JavaScript number, or a decimal string such as `"12.50"`, `"-3"`, `"1e3"`. Strings with a comma,
 * blanks, `"NaN"` or `"Infinity"` are rejected.
 * @category Core
 */
export type MoneyInput = Decimal | number | string;

/**
 * The library's private decimal constructor: 34 significant digits, banker's rounding. A private
 * clone, so the user's own decimal.js settings are never touched (no `Decimal.set`).
 * @internal
 */
export const Money = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_EVEN });

/**
 * A decimal constructor for exact sums: additions never round (precision 10^9 digits, the
 * decimal.js maximum), so a sum of any amounts is exact. Wrap results with `new Money(sum)` (which
 * keeps every digit) before returning them, so that the caller's later operations run at the
 * library's 34 digits.
 * @internal
 */
export const UnroundedMoney = DecimalJs.clone({
  precision: 1e9,
  rounding: DecimalJs.ROUND_HALF_EVEN,
});

/** Zero of {@link UnroundedMoney}: start exact sums from it. @internal */
export const UNROUNDED_ZERO: Decimal = new UnroundedMoney(0);

/** Zero, as a money value. @internal */
export const ZERO: Decimal = new Money(0);

const DECIMAL_STRING = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a string is a plain decimal number the library accepts as money. @internal */
export function isDecimalString(value: string): boolean {
  return DECIMAL_STRING.test(value);
}

/**
 * Why `value` is not a valid {@link MoneyInput}, or `undefined` when it is.
 * @internal
 */
export function moneyProblem(value: unknown): string | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) ? undefined : `Expected a finite amount, received ${value}`;
  }
  if (typeof value === "string") {
    return DECIMAL_STRING.test(value)
      ? undefined
      : `Invalid amount ${JSON.stringify(value)}: expected a decimal number such as "12.50"`;
  }
  if (DecimalJs.isDecimal(value)) return decimalShapeProblem(value);
  return `Expected an amount (Decimal, number or decimal string), received ${typeOf(value)}`;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Converts a validated {@link MoneyInput} to the library's `Decimal`. @internal */
export function toMoney(value: MoneyInput): Decimal {
  if (typeof value === "number" || typeof value === "string") return new Money(value);
  // Copies the validated sign, exponent and digits: no method of the caller's object runs.
  return new Money(value);
}

/** zod schema for a {@link MoneyInput}; parses to a `Decimal`. @internal */
export const moneySchema = z
  .custom<MoneyInput>((value) => moneyProblem(value) === undefined, {
    error: (issue) => moneyProblem(issue.input) ?? "Invalid amount",
  })
  .transform((value) => toMoney(value));

/** zod schema for a non-negative {@link MoneyInput}; parses to a `Decimal`. @internal */
export const nonNegativeMoneySchema = moneySchema.refine((value) => !value.isNegative(), {
  error: "Expected a non-negative amount",
});

/**
 * Sum of decimals at 34 significant digits: exact for every realistic amount of money (a total up to
 * 10^32 with two decimals); a total needing more than 34 significant digits is rounded half-even.
 * @internal
 */
export function sumMoney(values: Iterable<Decimal>): Decimal {
  let total: Decimal = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}

/**
 * Largest number of fraction digits the integer fast path of {@link readScaledAmount} handles.
 * @internal
 */
export const MAX_FAST_SCALE = 8;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * Output of {@link readScaledAmount}: the amount is exactly `units · 10^−scale`, `units` a safe
 * integer. A module-level scratch object so that the hot path allocates nothing.
 * @internal
 */
export const scaledAmount = { units: 0, scale: 0 };

/** {@link readScaledAmount}: read into {@link scaledAmount}. @internal */
export const AMOUNT_SCALED = 0;
/** {@link readScaledAmount}: a valid amount that needs a `Decimal` (too many digits, exponent, Decimal object). @internal */
export const AMOUNT_DECIMAL = 1;
/** {@link readScaledAmount}: not a valid {@link MoneyInput} (see {@link moneyProblem}). @internal */
export const AMOUNT_INVALID = 2;

/**
 * Reads a {@link MoneyInput} as an exact scaled integer when it has at most
 * {@link MAX_FAST_SCALE} fraction digits and fewer than 16 significant digits, without allocating:
 * the hot path of exact money sums (integer additions are exact below 2^53). Returns
 * {@link AMOUNT_SCALED} (result in {@link scaledAmount}), {@link AMOUNT_DECIMAL} (valid, use
 * {@link toMoney}) or {@link AMOUNT_INVALID}. Accepts exactly what {@link moneyProblem} accepts;
 * a number is read as its shortest round-trip decimal, like `toMoney`.
 * @internal
 */
export function readScaledAmount(value: unknown): number {
  if (typeof value === "string") return readScaledString(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return AMOUNT_INVALID;
    const magnitude = Math.abs(value);
    for (let scale = 0; scale <= MAX_FAST_SCALE; scale++) {
      const factor = POW10[scale]!;
      const units = Math.round(value * factor);
      if (Math.abs(units) >= 2 ** 51 || magnitude * factor >= 2 ** 51) return AMOUNT_DECIMAL;
      if (units / factor === value) {
        scaledAmount.units = units === 0 ? 0 : units;
        scaledAmount.scale = scale;
        return AMOUNT_SCALED;
      }
    }
    return AMOUNT_DECIMAL;
  }
  return moneyProblem(value) === undefined ? AMOUNT_DECIMAL : AMOUNT_INVALID;
}

function readScaledString(value: string): number {
  const length = value.length;
  let i = 0;
  let negative = false;
  let code = value.charCodeAt(0);
  if (code === 43 || code === 45) {
    negative = code === 45;
    i = 1;
  }
  let units = 0;
  let digits = 0;
  let significant = 0;
  let scale = -1;
  for (; i < length; i++) {
    code = value.charCodeAt(i);
    const digit = code - 48;
    if (digit >= 0 && digit <= 9) {
      units = units * 10 + digit;
      digits++;
      if (units !== 0) significant++;
      if (scale >= 0) scale++;
    } else if (code === 46 && scale < 0) {
      scale = 0;
    } else {
      // An exponent, a second point, a comma, a blank…: let the full grammar decide.
      return isDecimalString(value) ? AMOUNT_DECIMAL : AMOUNT_INVALID;
    }
  }
  if (digits === 0) return AMOUNT_INVALID;
  if (significant > 15 || scale > MAX_FAST_SCALE) return AMOUNT_DECIMAL;
  scaledAmount.units = negative && units !== 0 ? -units : units;
  scaledAmount.scale = Math.max(scale, 0);
  return AMOUNT_SCALED;
}
