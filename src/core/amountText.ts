/**
 * The bounds every amount of money obeys and the reading of amount strings and numbers against
 * them: a linear-time scanner for the decimal-string grammar, and the messages that say why a
 * string or a number is not an amount. `money.ts` reads every `MoneyInput` through these.
 * @internal
 * @module
 */
import { echo } from "./echo.js";

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
 * that skips `moneyProblem` must still check `Math.abs(value) < MONEY_LIMIT`.
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

/** Why a string is not an amount (grammar, length, bounds), or `undefined` when it is. @internal */
export function stringProblem(value: string): string | undefined {
  const scan = scanDecimalString(value);
  if (scan === SCAN_TOO_LONG) {
    return `Invalid amount ${echo(value)}: an amount has at most ${MONEY_MAX_LENGTH} characters`;
  }
  if (scan === SCAN_SYNTAX) {
    return `Invalid amount ${echo(value)}: expected a decimal number such as "12.50"`;
  }
  return boundsProblem(echo(value), scanned.digits, scanned.exponent);
}

/**
 * Why an amount of `digits` significant digits led by 10^exponent is out of bounds, if it is;
 * `shown` is how the message prints the amount.
 * @internal
 */
export function boundsProblem(shown: string, digits: number, exponent: number): string | undefined {
  if (digits === 0) return undefined; // zero
  if (digits > MONEY_MAX_DIGITS) {
    return `Amount ${shown} has ${digits} significant digits: ${RANGE_TEXT}`;
  }
  if (exponent > MONEY_MAX_EXPONENT || exponent < MONEY_MIN_EXPONENT) {
    return `Amount ${shown} is out of range: ${RANGE_TEXT}`;
  }
  return undefined;
}

/** Why a number is not an amount (not finite, out of range), or `undefined` when it is. @internal */
export function numberProblem(value: number): string | undefined {
  if (!Number.isFinite(value)) return `Expected a finite amount, received ${value}`;
  // A float's shortest decimal form (what `new Money(value)` reads) has at most 17 digits and is
  // monotone in the float, so comparing with 10^21 (a float) tests its exponent; every non-zero
  // float is at least Number.MIN_VALUE, whose exponent is MONEY_MIN_EXPONENT.
  if (Math.abs(value) >= MONEY_LIMIT) return `Amount ${value} is out of range: ${RANGE_TEXT}`;
  return undefined;
}
