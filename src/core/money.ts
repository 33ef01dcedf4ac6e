/**
 * Money inputs: the {@link MoneyInput} type, the one reader every amount goes through
 * ({@link readMoney}), its zod schemas and exact sums. The decimal constructors live in
 * `decimal.ts`, the amount bounds and the string grammar in `amountText.ts`, and reading a
 * `Decimal` through its fields in `internal/fast/fastMoney.ts`; this file re-exports what callers
 * import from it.
 * @module
 */
import * as z from "zod/mini";
import {
  DECIMAL_FIELDS_READABLE,
  isOwnAmount,
  ownMoney,
  readDecimalAmount,
} from "../internal/fast/fastMoney.js";
import {
  MONEY_MAX_DIGITS,
  MONEY_MAX_EXPONENT,
  MONEY_MAX_LENGTH,
  MONEY_MIN_EXPONENT,
  numberProblem,
  stringProblem,
} from "./amountText.js";
import { claimsDecimal, type Decimal, Money, ZERO } from "./decimal.js";
import { InvalidInputError, type IssueCode } from "./errors.js";

export {
  isDecimalString,
  MONEY_LIMIT,
  MONEY_MAX_DIGITS,
  MONEY_MAX_EXPONENT,
  MONEY_MAX_LENGTH,
  MONEY_MIN_EXPONENT,
} from "./amountText.js";
export { type Decimal, Money, UNROUNDED_ZERO, UnroundedMoney, ZERO } from "./decimal.js";

/**
 * An amount of money as the caller has it: a `Decimal` (from any copy of decimal.js), a finite
 * JavaScript number, or a decimal string such as `"12.50"`, `"-3"`, `"1e3"`. Strings with a comma,
 * blanks, `"NaN"` or `"Infinity"` are rejected.
 *
 * Every amount is bounded, so that exact sums stay small and every amount converts to a finite
 * float: its magnitude is below `1e21` and, unless it is 0, at least `1e-324` (so every finite
 * number below `1e21` is accepted); it has at most 34 significant digits (the library's decimal
 * precision, so reading an amount never rounds it); and a string has at most 100 characters.
 * Anything else — `"1e999999999"`, `"1e-400"`, a 40-digit `Decimal`, a `bigint` — is an
 * `InvalidInputError` naming the amount's path.
 * @category Core
 */
export type MoneyInput = Decimal | number | string;

/**
 * Whether this copy of decimal.js lays out its instances as the field readers expect (the
 * load-time self-check of `internal/fast/fastMoney.ts`). If a future decimal.js changes its
 * internals, `Decimal` amounts are read through their `toString` instead — slower, never wrong.
 * @internal
 */
export const LAYOUT_HOLDS: boolean = DECIMAL_FIELDS_READABLE;

/**
 * Reads any value as an amount of money, checking it against the bounds every amount obeys: a
 * string of at most {@link MONEY_MAX_LENGTH} characters in decimal notation, a finite number, or a
 * finite decimal.js `Decimal` (any copy), with at most {@link MONEY_MAX_DIGITS} significant digits
 * and zero or a magnitude in [10^{@link MONEY_MIN_EXPONENT}, 10^({@link MONEY_MAX_EXPONENT}+1)).
 * Returns the library's `Decimal` (the same instance for a well-formed library `Decimal`), or a
 * string saying what is wrong. Never throws, whatever `value` is. The one reader behind
 * {@link moneyProblem}, {@link toMoney} and {@link moneySchema}.
 * @internal
 */
export function readMoney(value: unknown): Decimal | string {
  if (typeof value === "string") return stringProblem(value) ?? new Money(value);
  if (typeof value === "number") return numberProblem(value) ?? new Money(value);
  if (typeof value === "object" && value !== null) {
    if (isOwnAmount(value)) return value as Decimal;
    if (claimsDecimal(value)) {
      const read = readDecimalAmount(value);
      if (read.problem !== undefined) return read.problem;
      if (read.canonical && ownMoney(value)) return value as Decimal;
      return new Money(read.text);
    }
  }
  return `Expected an amount (Decimal, number or decimal string), received ${typeOf(value)}`;
}

/**
 * Why `value` is not a valid {@link MoneyInput}, or `undefined` when it is. Allocates nothing for
 * a valid string or number.
 * @internal
 */
export function moneyProblem(value: unknown): string | undefined {
  if (typeof value === "number") return numberProblem(value);
  if (typeof value === "string") return stringProblem(value);
  const read = readMoney(value);
  return typeof read === "string" ? read : undefined;
}

/**
 * The {@link IssueCode} of a value that is not a valid {@link MoneyInput} (the code to report next
 * to {@link moneyProblem}'s message): `"required"` when it is missing, `"invalid_money"` for a
 * number, a string or a `Decimal` that cannot be read exactly (not finite, malformed, out of the
 * bounds), `"invalid_type"` for anything else (a boolean, `null`, a plain object). Never throws.
 * @internal
 */
export function moneyIssueCode(value: unknown): IssueCode {
  if (value === undefined) return "required";
  if (typeof value === "string" || typeof value === "number") return "invalid_money";
  return typeof value === "object" && value !== null && claimsDecimal(value)
    ? "invalid_money"
    : "invalid_type";
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  try {
    if (Array.isArray(value)) return "array";
  } catch {
    // A revoked proxy: report its type.
  }
  return typeof value;
}

/**
 * Converts a validated {@link MoneyInput} to the library's `Decimal`. Checks again (a value read
 * twice through a getter may have changed): an invalid value throws {@link InvalidInputError}.
 * @internal
 */
export function toMoney(value: MoneyInput): Decimal {
  const read = readMoney(value);
  if (typeof read === "string") {
    throw new InvalidInputError("customer-value", [
      { path: [], message: read, code: moneyIssueCode(value), received: value },
    ]);
  }
  return read;
}

/** zod schema for a {@link MoneyInput}; parses to a `Decimal`. @internal */
export const moneySchema = z.pipe(
  z.custom<MoneyInput>(),
  z.transform((value: MoneyInput, context): Decimal => {
    // One read: the check and the conversion are the same call.
    const read = readMoney(value);
    if (typeof read !== "string") return read;
    context.issues.push({
      code: "custom",
      message: read,
      input: value,
      params: { code: moneyIssueCode(value) },
    });
    return z.NEVER;
  }),
);

/** zod schema for a non-negative {@link MoneyInput}; parses to a `Decimal`. @internal */
export const nonNegativeMoneySchema = moneySchema.check(
  z.refine((value: Decimal) => !value.isNegative(), {
    error: "Expected a non-negative amount",
    params: { code: "too_small" },
  }),
);

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
