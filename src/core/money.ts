import type { Decimal as DecimalInstance } from "decimal.js";
import DecimalJs from "decimal.js";
import * as z from "zod/mini";
import { echo, InvalidInputError, type IssueCode } from "./errors.js";

/**
 * An exact decimal number (decimal.js). Every amount of money this library returns is a `Decimal`.
 * Use its methods (`plus`, `times`, `toFixed(2)`, `toNumber()`) to work with it.
 *
 * It is decimal.js's named `Decimal` class type, not its default export: the default export of a
 * CommonJS declaration file is a namespace under ESM `node16`/`nodenext` resolution, so a type
 * written through it would fail (`skipLibCheck: false`) or degrade to `any` in consumers' builds.
 *
 * **Not plain data.** A decimal.js instance carries its class as an own property, so
 * `structuredClone` and `postMessage` reject it (`DataCloneError`); `JSON.stringify` writes it as
 * a string. Send results that hold money through `toPlainData`, which writes every `Decimal` as
 * its exact string; every money input accepts those strings back.
 * @category Core
 */
export type Decimal = DecimalInstance;

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

/**
 * Most significant digits an amount may have: the library's 34-digit precision (that of IEEE 754
 * decimal128), so that reading an amount never rounds it.
 * @internal
 */
export const MONEY_MAX_DIGITS = 34;
/**
 * Largest power of ten of an amount's leading digit: every amount is below 10^21 in magnitude.
 * @internal
 */
export const MONEY_MAX_EXPONENT = 20;
/**
 * Every amount is below this in magnitude (10^({@link MONEY_MAX_EXPONENT} + 1)): a number fast path
 * that skips {@link moneyProblem} must still check `Math.abs(value) < MONEY_LIMIT`.
 * @internal
 */
export const MONEY_LIMIT = 1e21;
/**
 * Smallest power of ten of a non-zero amount's leading digit: that of the smallest positive float64
 * (`Number.MIN_VALUE` ≈ 4.9e−324), so every finite number below 10^21 is an amount — a model's
 * estimate fed back in included — while an exact sum of amounts still spans at most a few hundred
 * digits (an exponent like `"1e-999999999"` would make one of a billion digits).
 * @internal
 */
export const MONEY_MIN_EXPONENT = -324;
/** Longest amount string accepted (characters), checked before anything else is read. @internal */
export const MONEY_MAX_LENGTH = 100;

const RANGE_TEXT = `an amount is below 1e${MONEY_MAX_EXPONENT + 1} in magnitude, 0 or at least 1e${MONEY_MIN_EXPONENT}, with at most ${MONEY_MAX_DIGITS} significant digits`;

/**
 * Output of {@link scanDecimalString}: the number of significant digits (first to last non-zero
 * digit) and the power of ten of the leading one; `digits` is 0 for zero. Written and read with no
 * user code in between, so re-entrant calls cannot disturb it.
 */
const scanned = { digits: 0, exponent: 0 };
const SCAN_OK = 0;
const SCAN_SYNTAX = 1;
const SCAN_TOO_LONG = 2;

/**
 * Reads `[+-]? (d+ [. d*] | . d+) ([eE] [+-]? d+)?` — the grammar of a decimal string — in one
 * left-to-right pass that never goes back (linear time; a regular expression for this grammar
 * backtracks quadratically on a long run of digits followed by a bad character). Strings longer
 * than {@link MONEY_MAX_LENGTH} are refused before any character is read.
 */
function scanDecimalString(text: string): number {
  const length = text.length;
  if (length > MONEY_MAX_LENGTH) return SCAN_TOO_LONG;
  let i = 0;
  let code = text.charCodeAt(0);
  if (code === 43 || code === 45) i = 1;
  let digits = 0; // mantissa digits read
  let integerDigits = 0; // of which before the point
  let point = false;
  let first = -1; // index (among mantissa digits) of the first non-zero digit
  let last = -1; // … and of the last
  for (; i < length; i++) {
    code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (code !== 48) {
        if (first < 0) first = digits;
        last = digits;
      }
      digits++;
      if (!point) integerDigits++;
    } else if (code === 46 && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (digits === 0) return SCAN_SYNTAX;
  let exponent = 0;
  if (i < length) {
    if (code !== 101 && code !== 69) return SCAN_SYNTAX; // e, E
    i++;
    let negative = false;
    code = text.charCodeAt(i);
    if (code === 43 || code === 45) {
      negative = code === 45;
      i++;
    }
    if (i >= length) return SCAN_SYNTAX;
    for (; i < length; i++) {
      code = text.charCodeAt(i);
      if (code < 48 || code > 57) return SCAN_SYNTAX;
      // Saturates (the string is short): any exponent this large is out of range anyway.
      if (exponent < 1e9) exponent = exponent * 10 + (code - 48);
    }
    if (negative) exponent = -exponent;
  }
  scanned.digits = first < 0 ? 0 : last - first + 1;
  scanned.exponent = first < 0 ? 0 : integerDigits - 1 - first + exponent;
  return SCAN_OK;
}

/** Whether a string is a plain decimal number in the grammar money strings use. @internal */
export function isDecimalString(value: string): boolean {
  return scanDecimalString(value) === SCAN_OK;
}

function stringProblem(value: string): string | undefined {
  const scan = scanDecimalString(value);
  if (scan === SCAN_TOO_LONG) {
    return `Invalid amount ${echo(value)}: an amount has at most ${MONEY_MAX_LENGTH} characters`;
  }
  if (scan === SCAN_SYNTAX) {
    return `Invalid amount ${echo(value)}: expected a decimal number such as "12.50"`;
  }
  return boundsProblem(echo(value), scanned.digits, scanned.exponent);
}

/** Why an amount of `digits` significant digits led by 10^exponent is out of bounds, if it is. */
function boundsProblem(shown: string, digits: number, exponent: number): string | undefined {
  if (digits === 0) return undefined; // zero
  if (digits > MONEY_MAX_DIGITS) {
    return `Amount ${shown} has ${digits} significant digits: ${RANGE_TEXT}`;
  }
  if (exponent > MONEY_MAX_EXPONENT || exponent < MONEY_MIN_EXPONENT) {
    return `Amount ${shown} is out of range: ${RANGE_TEXT}`;
  }
  return undefined;
}

function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return `Expected a finite amount, received ${value}`;
  // A float's shortest decimal form (what `new Money(value)` reads) has at most 17 digits and is
  // monotone in the float, so comparing with 10^21 (a float) tests its exponent; every non-zero
  // float is at least Number.MIN_VALUE, whose exponent is MONEY_MIN_EXPONENT.
  if (Math.abs(value) >= MONEY_LIMIT) return `Amount ${value} is out of range: ${RANGE_TEXT}`;
  return undefined;
}

/** A decimal.js instance read from its fields: its canonical text, or why it is not an amount. */
type DecimalRead =
  | { readonly text: string; readonly canonical: boolean; readonly problem?: undefined }
  | { readonly problem: string };

const MALFORMED_DECIMAL: DecimalRead = {
  problem: "Expected a Decimal amount, received a malformed Decimal-like object",
};
const NON_FINITE_DECIMAL: DecimalRead = { problem: "Expected a finite Decimal amount" };
/** Words read at most: 34 digits fill 6 base-10⁷ words; more words means too many digits. */
const MAX_WORDS = 8;

/**
 * Whether `value` claims to be a decimal.js instance (of any copy of decimal.js). Never throws: a
 * proxy or a getter that throws makes it "not a decimal".
 */
function claimsDecimal(value: object): boolean {
  try {
    return DecimalJs.isDecimal(value);
  } catch {
    return false;
  }
}

/**
 * Reads a decimal.js instance (of any copy of decimal.js) through its sign `s`, exponent `e` and
 * base-10⁷ digit words `d` — each read once, inside `try`, so a malformed or hostile object gives a
 * problem rather than a decimal.js error or a `TypeError` — and checks every field. Its value is what
 * decimal.js's own `toString` would print: the digits of `d` (words after the first padded to 7)
 * with the leading one at 10^e. `canonical` says the fields are laid out exactly as decimal.js
 * lays them out (so the object itself can be used in arithmetic).
 */
function readDecimalObject(value: object): DecimalRead {
  let s: unknown;
  let e: unknown;
  const words: number[] = [];
  let wordCount: number;
  try {
    const fields = value as { s?: unknown; e?: unknown; d?: unknown };
    s = fields.s;
    e = fields.e;
    const d = fields.d;
    if (d === null || d === undefined) {
      return s === 1 || s === -1 || Number.isNaN(s) ? NON_FINITE_DECIMAL : MALFORMED_DECIMAL;
    }
    if (!Array.isArray(d)) return MALFORMED_DECIMAL;
    wordCount = d.length;
    for (let k = 0; k < wordCount && k < MAX_WORDS; k++) {
      const word: unknown = d[k];
      if (typeof word !== "number" || !Number.isInteger(word) || word < 0 || word >= 1e7) {
        return MALFORMED_DECIMAL;
      }
      words.push(word);
    }
  } catch {
    return MALFORMED_DECIMAL;
  }
  if ((s !== 1 && s !== -1) || typeof e !== "number" || !Number.isSafeInteger(e)) {
    return MALFORMED_DECIMAL;
  }
  if (wordCount === 0) return MALFORMED_DECIMAL;
  const sign = s < 0 ? "-" : "";
  const lead = words[0]!;
  if (lead === 0) {
    return wordCount === 1 ? { text: `${sign}0`, canonical: e === 0 } : MALFORMED_DECIMAL;
  }
  if (wordCount > MAX_WORDS) {
    return { problem: `Decimal amount has more than ${MONEY_MAX_DIGITS} significant digits` };
  }
  let digits = String(lead);
  for (let k = 1; k < wordCount; k++) digits += String(words[k]! + 1e7).slice(1);
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  const text = `${sign}${digits[0]}${end > 1 ? `.${digits.slice(1)}` : ""}e${e}`;
  const problem = boundsProblem(text, end, e);
  if (problem !== undefined) return { problem };
  // decimal.js's layout: the first word holds (e + 1) mod 7 digits (7 when that is 0), and there
  // is no trailing zero word.
  let size = (e + 1) % 7;
  if (size <= 0) size += 7;
  const canonical = String(lead).length === size && words[wordCount - 1] !== 0;
  return { text, canonical };
}

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
    if (LAYOUT_HOLDS && isOwnAmount(value)) return value as Decimal;
    if (claimsDecimal(value)) {
      const read = LAYOUT_HOLDS ? readDecimalObject(value) : readDecimalText(value);
      if (read.problem !== undefined) return read.problem;
      if (read.canonical && ownMoney(value)) return value as Decimal;
      return new Money(read.text);
    }
  }
  return `Expected an amount (Decimal, number or decimal string), received ${typeOf(value)}`;
}

/**
 * {@link readDecimalObject}'s fallback should a future decimal.js lay out its instances differently
 * (see {@link LAYOUT_HOLDS}): the value's own `toString`, read as a decimal string.
 */
function readDecimalText(value: object): DecimalRead {
  let text: unknown;
  try {
    text = (value as { toString(): unknown }).toString();
  } catch {
    return MALFORMED_DECIMAL;
  }
  if (typeof text !== "string") return MALFORMED_DECIMAL;
  if (text === "NaN" || text === "Infinity" || text === "-Infinity") return NON_FINITE_DECIMAL;
  const problem = stringProblem(text);
  return problem === undefined ? { text, canonical: false } : { problem };
}

/**
 * Whether this copy of decimal.js lays out its instances as {@link readDecimalObject} reads them
 * (sign `s`, exponent `e` of the leading digit, base-10⁷ words `d`): checked once, at load, on
 * values of every shape. If a future decimal.js changes its internals, Decimal amounts are read
 * through their `toString` instead — slower, never wrong.
 * @internal
 */
export const LAYOUT_HOLDS = [
  "-123.4567891e10",
  "0.000012",
  "1e-324",
  "987654321987654321.5",
  "0",
].every((probe) => {
  const expected = new Money(probe);
  const read = readDecimalObject(expected);
  return read.problem === undefined && read.canonical && new Money(read.text).eq(expected);
});

/** Number of decimal digits of an integer in [1, 10⁷). */
function wordDigits(word: number): number {
  let digits = 1;
  while (digits < 7 && word >= POW10[digits]!) digits++;
  return digits;
}

/**
 * The fast path of {@link readMoney} for the library's own `Decimal`s (the results of one function
 * passed to the next): whether `value` is a `Decimal` of {@link Money}, laid out exactly as
 * decimal.js lays it out, within the money bounds — checked field by field without allocating.
 * `false` sends the value down the general path, which says what is wrong.
 */
function isOwnAmount(value: object): boolean {
  try {
    const x = value as { constructor?: unknown; s?: unknown; e?: unknown; d?: unknown };
    const maker: unknown = x.constructor;
    // decimal.js gives every instance an own `constructor`, so a spread copy (`{ ...amount }`) has
    // one too: the prototype tells a real instance from a plain object holding its fields.
    if (maker !== Money || Object.getPrototypeOf(value) !== Money.prototype) return false;
    const s = x.s;
    const e = x.e;
    const d = x.d;
    if ((s !== 1 && s !== -1) || typeof e !== "number" || !Array.isArray(d)) return false;
    const n = d.length;
    if (n === 0 || n > 6) return false; // 34 digits fill at most 6 words
    const lead: unknown = d[0];
    if (lead === 0) return n === 1 && e === 0;
    if (typeof lead !== "number" || !Number.isInteger(lead) || lead < 1 || lead >= 1e7) {
      return false;
    }
    if (!Number.isInteger(e) || e > MONEY_MAX_EXPONENT || e < MONEY_MIN_EXPONENT) return false;
    let size = (e + 1) % 7;
    if (size <= 0) size += 7;
    if (wordDigits(lead) !== size) return false;
    let last = lead;
    for (let k = 1; k < n; k++) {
      const word: unknown = d[k];
      if (typeof word !== "number" || !Number.isInteger(word) || word < 0 || word >= 1e7) {
        return false;
      }
      last = word;
    }
    if (last === 0) return false; // a trailing zero word: not decimal.js's layout
    let digits = size + 7 * (n - 1);
    while (last % 10 === 0) {
      last /= 10;
      digits--;
    }
    return digits <= MONEY_MAX_DIGITS;
  } catch {
    return false;
  }
}

/** Whether a (well-formed) decimal is the library's own: its constructor is {@link Money}. */
function ownMoney(value: object): boolean {
  try {
    return (
      (value as { constructor?: unknown }).constructor === Money &&
      Object.getPrototypeOf(value) === Money.prototype
    );
  } catch {
    return false;
  }
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

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
