import DecimalJs from "decimal.js";
import { z } from "zod";

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
  if (DecimalJs.isDecimal(value)) {
    return (value as Decimal).isFinite() ? undefined : "Expected a finite Decimal amount";
  }
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
  return new Money(value.toString());
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

/** Exact sum of decimals. @internal */
export function sumMoney(values: Iterable<Decimal>): Decimal {
  let total: Decimal = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
}
