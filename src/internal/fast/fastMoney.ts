/**
 * decimal.js internals, in one place. This is the only file that reads or writes decimal.js's
 * private fields (sign `s`, base-10 exponent `e`, digits `d` in base-10⁷ words, the own
 * `constructor`): the fast builders of the library's `Decimal`s where a million values are
 * returned (summaries, RFM tables, lifetime values, churn risk, recovery plans), which avoid the
 * generic parser and arithmetic (about 0.3–1.5 µs per value), and the readers that check and
 * convert `Decimal` inputs without calling their methods.
 *
 * decimal.js does not promise its field layout, so `package.json` pins the release line the tests
 * ran against, and at load {@link fastPathsAgree} builds a few values both ways — fast builder and
 * public constructor or arithmetic — and reads them back. Should anything differ (a future
 * decimal.js laying out its instances differently), {@link DECIMAL_FIELDS_HOLD} (builders) or
 * {@link DECIMAL_FIELDS_READABLE} (readers) is false and every builder or reader here takes the
 * public path instead: slower, never wrong. (Two flags, both `@__PURE__`, so that a bundle that
 * only reads money does not keep the builders.) Tests check every
 * builder against decimal.js itself on random values, and the fallback on a simulated mismatch:
 *
 * - {@link moneyFromNumber}: `new Money(v)`, the shortest round-trip decimal of a float (inputs);
 * - {@link moneyFromEstimate}: a float estimate at 15 significant digits (model outputs);
 * - {@link moneyFromScaled}: an exact scaled integer `units · 10^−scale` (sums of amounts);
 * - {@link moneyFromQuotient}: `units / divisor · 10^−scale` at 34 digits (means of amounts).
 * @internal
 * @module
 */
import {
  boundsProblem,
  MONEY_MAX_DIGITS,
  MONEY_MAX_EXPONENT,
  MONEY_MIN_EXPONENT,
  stringProblem,
} from "../../core/amountText.js";
import { type Decimal, Money, UNROUNDED_ZERO, UnroundedMoney, ZERO } from "../../core/decimal.js";

/** Significant digits of the library's money precision. */
const MONEY_PRECISION = 34;

const LOG_BASE = 7;
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];
const prototype = Money.prototype as object;

/**
 * An instance shaped exactly like decimal.js's own: prototype `Money.prototype`, own `constructor`
 * (decimal.js keeps the clone's constructor on every instance), `s`, `e`, `d`, in that order. An
 * object literal, not `new` or `Object.create`: V8 tracks literals by allocation site and, seeing
 * that these results survive, allocates them straight in the old generation, which spares the
 * young-generation collector from copying a million results twice.
 */
function decimalOf(s: number, e: number, d: number[]): Decimal {
  return { __proto__: prototype, constructor: Money, s, e, d } as unknown as Decimal;
}

/** `new Money(v)` for a finite float64 `v`, faster. @internal */
export function moneyFromNumber(v: number): Decimal {
  return DECIMAL_FIELDS_HOLD ? fastFromNumber(v) : new Money(v);
}

function fastFromNumber(v: number): Decimal {
  const abs = Math.abs(v);
  if (!(abs >= 1e-6 && abs < 1e21)) return new Money(v);
  const text = String(abs); // shortest round-trip digits, plain notation in this range
  const n = text.length;
  let point = text.indexOf(".");
  if (point < 0) point = n;
  // First and last non-zero digits.
  let first = 0;
  while (first < n && (text.charCodeAt(first) === 48 || text.charCodeAt(first) === 46)) first++;
  let last = n - 1;
  while (text.charCodeAt(last) === 48 || text.charCodeAt(last) === 46) last--;
  // Base-10 exponent of the leading digit.
  const e = first < point ? point - first - 1 : point - first;
  // decimal.js words: the first holds (e + 1) mod 7 digits (7 when that is 0), the others 7; the
  // last is padded with zeros to its full size.
  let size = (e + 1) % LOG_BASE;
  if (size <= 0) size += LOG_BASE;
  // At most 17 significant digits, so at most 4 words; build an exactly sized packed array (a
  // growing `[]` would reserve 16 slots per value, which matters for a million results).
  const w = [0, 0, 0, 0];
  let words = 0;
  let word = 0;
  let count = 0;
  for (let k = first; k <= last; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) continue;
    word = word * 10 + (c - 48);
    if (++count === size) {
      w[words++] = word;
      word = 0;
      count = 0;
      size = LOG_BASE;
    }
  }
  if (count > 0) w[words++] = word * 10 ** (size - count);
  const d =
    words === 1
      ? [w[0]!]
      : words === 2
        ? [w[0]!, w[1]!]
        : words === 3
          ? [w[0]!, w[1]!, w[2]!]
          : [w[0]!, w[1]!, w[2]!, w[3]!];
  return decimalOf(v < 0 ? -1 : 1, e, d);
}

/** Number of decimal digits of a word in [1, 10⁷). */
function wordDigits(word: number): number {
  return word < 1e3
    ? word < 10
      ? 1
      : word < 100
        ? 2
        : 3
    : word < 1e5
      ? word < 1e4
        ? 4
        : 5
      : word < 1e6
        ? 6
        : 7;
}

/**
 * `value.toNumber()` for a library `Decimal`, faster: the correctly rounded float64 nearest the
 * decimal. When the significand is an integer below 2⁵³ and the power of ten at most 10²² in size,
 * one float multiplication or division is exact-then-rounded (Clinger's fast path); otherwise the
 * digits are handed to the engine's (correctly rounding) string-to-number conversion, skipping
 * decimal.js's own formatting. A test checks equality with `toNumber()`.
 * @internal
 */
export function numberFromMoney(value: Decimal): number {
  return DECIMAL_FIELDS_READABLE ? fastNumber(value) : value.toNumber();
}

function fastNumber(value: Decimal): number {
  const x = value as unknown as { s: number; e: number; d: number[] | null };
  const d = x.d;
  if (d === null || d === undefined) return value.toNumber();
  const n = d.length;
  let m = d[0]!;
  let digits = wordDigits(m);
  for (let k = 1; k < n - 1; k++) {
    m = m * 1e7 + d[k]!;
    digits += LOG_BASE;
  }
  if (n > 1) {
    // The last word is padded with zeros to 7 digits: leave them out, so that a 15- or 16-digit
    // value keeps its significand below 2⁵³.
    let last = d[n - 1]!;
    let width = LOG_BASE;
    while (last % 10 === 0 && width > 0) {
      last /= 10;
      width--;
    }
    m = m * POW10[width]! + last;
    digits += width;
  }
  const shift = x.e - digits + 1;
  if (m < 9007199254740992 && shift >= -22 && shift <= 22) {
    const magnitude = shift >= 0 ? m * POW10[shift]! : m / POW10[-shift]!;
    return x.s < 0 ? -magnitude : magnitude;
  }
  let text = String(d[0]);
  for (let k = 1; k < n; k++) {
    const word = d[k]!;
    text += word >= 1e6 ? String(word) : String(word + 1e7).slice(1);
  }
  const magnitude = Number(`${text}e${x.e - text.length + 1}`);
  return x.s < 0 ? -magnitude : magnitude;
}

/** Word positions (base 10⁷, relative to 10⁰) the fast sum accumulates; others use decimal.js. */
const MIN_POSITION = -8;
const MAX_POSITION = 8;

/**
 * The exact sum of library `Decimal`s, rounded once (half-even) to the money precision of 34
 * significant digits — equal to `sumMoney(values)` whenever no partial sum needs more than 34 digits
 * (every realistic total), and the better of the two when one does (`sumMoney` rounds partial sums).
 * decimal.js keeps the digits in base-10⁷ words aligned to exponents that are multiples of 7, so the
 * words of all values add position by position into float64 accumulators (exact: each stays below
 * 10⁷ · 10⁸ < 2⁵³), and only the few position totals are added as `Decimal`s. Values with digits
 * outside 10⁻⁵⁶…10⁶² are added by decimal.js without rounding. A test checks the result against an
 * exact sum on random values.
 * @internal
 */
export function exactSum(values: readonly Decimal[]): Decimal {
  if (DECIMAL_FIELDS_READABLE) return fastExactSum(values);
  let total: Decimal = UNROUNDED_ZERO;
  for (const value of values) total = total.plus(value); // UnroundedMoney: no rounding
  return new Money(total).toSignificantDigits(MONEY_PRECISION, Money.ROUND_HALF_EVEN);
}

function fastExactSum(values: readonly Decimal[]): Decimal {
  const count = values.length;
  const acc = new Float64Array(MAX_POSITION - MIN_POSITION + 1);
  let exact: Decimal = UNROUNDED_ZERO;
  let outside = false;
  for (let i = 0; i < count; i++) {
    const x = values[i] as unknown as { s: number; e: number; d: number[] | null };
    const d = x.d;
    const first = Math.floor(x.e / LOG_BASE);
    if (
      d === null ||
      d === undefined ||
      first > MAX_POSITION ||
      first - d.length + 1 < MIN_POSITION ||
      count > 1e8
    ) {
      exact = exact.plus(values[i]!); // UnroundedMoney: no rounding
      outside = true;
      continue;
    }
    const s = x.s;
    for (let j = 0; j < d.length; j++) acc[first - j - MIN_POSITION]! += s * d[j]!;
  }
  let total: Decimal = outside ? exact : UNROUNDED_ZERO;
  for (let p = MAX_POSITION; p >= MIN_POSITION; p--) {
    const a = acc[p - MIN_POSITION]!;
    if (a !== 0) total = total.plus(new UnroundedMoney(`${a}e${LOG_BASE * p}`));
  }
  return new Money(total).toSignificantDigits(MONEY_PRECISION, Money.ROUND_HALF_EVEN);
}

/** Significant digits of a {@link moneyFromEstimate} result: float64's guaranteed decimal precision. */
export const ESTIMATE_DIGITS = 15;

/** Scratch digit buffer of the builders (at most 34 digits plus a rounding digit). */
const digitBuffer = new Uint8Array(48);

/**
 * A library `Decimal` from significant digits `digits[0..count)` (`digits[0]` ≠ 0, any trailing
 * zeros are dropped) whose leading digit has base-10 exponent `e`.
 */
function fromDigits(negative: boolean, digits: Uint8Array, count: number, e: number): Decimal {
  while (count > 1 && digits[count - 1] === 0) count--;
  // decimal.js words: the first holds (e + 1) mod 7 digits (7 when that is 0), the others 7, the
  // last padded with zeros; no trailing zero words (there are none: the last digit is non-zero).
  let size = (e + 1) % LOG_BASE;
  if (size <= 0) size += LOG_BASE;
  const words = 1 + Math.ceil(Math.max(0, count - size) / LOG_BASE);
  const d: number[] = new Array(words);
  let k = 0;
  for (let w = 0; w < words; w++) {
    const width = w === 0 ? size : LOG_BASE;
    let word = 0;
    for (let j = 0; j < width; j++) word = word * 10 + (k < count ? digits[k++]! : 0);
    d[w] = word;
  }
  return decimalOf(negative ? -1 : 1, e, d);
}

/** Writes the decimal digits of the positive integer `n` (< 2⁵³) to `digitBuffer[at..)`; returns the count. */
function writeInteger(n: number, at: number): number {
  let count = 0;
  for (let m = n; m >= 1; m = Math.floor(m / 10)) count++;
  let m = n;
  for (let j = at + count - 1; j >= at; j--) {
    const q = Math.floor(m / 10);
    digitBuffer[j] = m - 10 * q;
    m = q;
  }
  return count;
}

/** Number of decimal digits of a positive integer below 2⁵³. */
function digitCount(c: number): number {
  let count = 1;
  while (count < 16 && c >= POW10[count]!) count++;
  return count;
}

/**
 * ⌊a / b⌋ for integers 0 ≤ a < 2⁵³ and b ≥ 1. The float quotient is correctly rounded and every
 * integer below 2⁵³ is a float, so its floor is never too small; it is one too large when rounding
 * carried a quotient just below an integer up to it, which the (exact) remainder shows.
 */
function floorDivide(a: number, b: number): number {
  const q = Math.floor(a / b);
  return a - q * b < 0 ? q - 1 : q;
}

/**
 * A library `Decimal` from a positive integer coefficient `c` (< 2⁵³) of `count` digits whose leading
 * digit has base-10 exponent `e`: the words are cut from `c` by arithmetic (no digit buffer), and the
 * digit array is an exactly sized literal.
 */
function fromCoefficient(negative: boolean, c: number, count: number, e: number): Decimal {
  while (c % 10 === 0) {
    c /= 10; // exact: c is a multiple of 10 below 2⁵³
    count--;
  }
  let size = (e + 1) % LOG_BASE;
  if (size <= 0) size += LOG_BASE;
  let d: number[];
  if (count <= size) {
    d = [c * POW10[size - count]!];
  } else {
    // Cut the leading word, then 7-digit words; the last (padded) word holds the last digit, which
    // is not 0, so there are no trailing zero words. A float quotient can round up across an
    // integer, hence the corrections.
    let rest = count - size;
    let unit = POW10[rest]!;
    const w0 = floorDivide(c, unit);
    let r = c - w0 * unit;
    if (rest <= LOG_BASE) {
      d = [w0, r * POW10[LOG_BASE - rest]!];
    } else {
      rest -= LOG_BASE;
      unit = POW10[rest]!;
      const w1 = floorDivide(r, unit);
      r -= w1 * unit;
      d = rest <= LOG_BASE ? [w0, w1, r * POW10[LOG_BASE - rest]!] : wordsOf4(w0, w1, r, rest);
    }
  }
  return decimalOf(negative ? -1 : 1, e, d);
}

/** The last two words when `r` still has more than 7 digits (`rest` in 8…14). */
function wordsOf4(w0: number, w1: number, r: number, rest: number): number[] {
  const tail = rest - LOG_BASE;
  const unit = POW10[tail]!;
  const w2 = floorDivide(r, unit);
  return [w0, w1, w2, (r - w2 * unit) * POW10[LOG_BASE - tail]!];
}

/**
 * The exact `Decimal` `units · 10^−scale` for a safe integer `units` (|units| < 2⁵³) and an integer
 * `scale` ≥ 0: `new Money(units).times(10^−scale)` without the arithmetic. Zero is `0`.
 * @internal
 */
export function moneyFromScaled(units: number, scale: number): Decimal {
  if (units === 0) return ZERO;
  return DECIMAL_FIELDS_HOLD ? fastFromScaled(units, scale) : new Money(`${units}e-${scale}`);
}

function fastFromScaled(units: number, scale: number): Decimal {
  const c = Math.abs(units);
  const count = digitCount(c);
  return fromCoefficient(units < 0, c, count, count - 1 - scale);
}

/**
 * `(units / divisor) · 10^−scale` rounded half-even to 34 significant digits — exactly
 * `new Money(units).div(divisor).times(10^−scale)` — by schoolbook long division, for a safe
 * integer `units` (|units| < 2⁵²), an integer `divisor` in [1, 2³¹) and an integer `scale` ≥ 0.
 * Other arguments go through decimal.js.
 * @internal
 */
export function moneyFromQuotient(units: number, divisor: number, scale: number): Decimal {
  if (units === 0) return ZERO;
  const a = Math.abs(units);
  if (
    !(a < 2 ** 52 && divisor >= 1 && divisor < 2 ** 31 && Number.isInteger(divisor)) ||
    !DECIMAL_FIELDS_HOLD
  ) {
    return new Money(units).div(divisor).times(new Money(`1e-${scale}`));
  }
  return fastQuotient(units, a, divisor, scale);
}

/** {@link moneyFromQuotient} by long division, for `a` = |units| in its fast range. */
function fastQuotient(units: number, a: number, divisor: number, scale: number): Decimal {
  // Integer part: q·divisor ≤ a < 2⁵², so the product and the remainder are exact.
  const q = floorDivide(a, divisor);
  let r = a - q * divisor;
  let count = 0;
  let e: number;
  if (q > 0) {
    count = writeInteger(q, 0);
    e = count - 1;
  } else {
    // Skip the leading zeros of the fraction: r < divisor < 2³¹, so 10·r stays exact.
    e = -1;
    r *= 10;
    while (r < divisor) {
      r *= 10;
      e--;
    }
    const digit = Math.floor(r / divisor);
    digitBuffer[count++] = digit;
    r -= digit * divisor;
  }
  // Six digits a step: r < divisor < 2³¹, so r · 10⁶ < 2⁵³ stays exact.
  while (count < MONEY_PRECISION && r !== 0) {
    const take = Math.min(6, MONEY_PRECISION - count);
    const t = r * POW10[take]!;
    let chunk = floorDivide(t, divisor);
    r = t - chunk * divisor;
    for (let j = count + take - 1; j >= count; j--) {
      const rest = Math.floor(chunk / 10);
      digitBuffer[j] = chunk - 10 * rest;
      chunk = rest;
    }
    count += take;
  }
  // Round half-even on the remainder (a 16-digit integer part leaves no remainder to round here:
  // 16 < 34 digits, so the quotient is always carried to 34 digits or to its exact end).
  if (r !== 0) {
    const twice = 2 * r;
    const up = twice > divisor || (twice === divisor && (digitBuffer[count - 1]! & 1) === 1);
    if (up) {
      let j = count - 1;
      while (j >= 0 && digitBuffer[j] === 9) digitBuffer[j--] = 0;
      if (j >= 0) {
        digitBuffer[j]!++;
      } else {
        digitBuffer[0] = 1; // 99…9 rounded up to 100…0
        count = 1;
        e++;
      }
    }
  }
  return fromDigits(units < 0, digitBuffer, count, e - scale);
}

const SPLITTER = 134_217_729; // 2²⁷ + 1, Veltkamp's splitting constant

/**
 * A float64 estimate (a model's expected value of money) as a `Decimal` of its first 15 significant
 * digits, rounded half-even from the exact value of the float. Float64 guarantees 15 significant
 * decimal digits (C's `DBL_DIG`); the 16th and 17th digits of the shortest round-trip form are the
 * computation's rounding noise, and leaving them out makes the conversion about five times cheaper
 * (no float-to-string conversion). Exact (an error-free product) for |v| in [10⁻⁸, 10¹⁵); other
 * values go through decimal.js.
 * @internal
 */
export function moneyFromEstimate(v: number): Decimal {
  return DECIMAL_FIELDS_HOLD ? fastEstimate(v) : estimateSlow(v);
}

function fastEstimate(v: number): Decimal {
  if (!roundEstimate(Math.abs(v))) return estimateSlow(v);
  const c = rounded.c;
  const count = c < 1e15 ? 15 : 16; // 16 when rounded up to 10¹⁵
  return fromCoefficient(v < 0, c, count, count - 1 - rounded.k);
}

/**
 * The float nearest to {@link moneyFromEstimate}(v): `v` rounded to 15 significant digits, as a
 * number (for ranking by exactly the values that are reported). @internal
 */
export function estimateFloat(v: number): number {
  if (!roundEstimate(Math.abs(v))) {
    return Number.isFinite(v) && v !== 0 ? numberFromMoney(estimateSlow(v)) : v;
  }
  // c < 2⁵³ and 10^k are exact, so one division rounds correctly.
  const magnitude = rounded.c / POW10[rounded.k]!;
  return v < 0 ? -magnitude : magnitude;
}

/** Output of {@link roundEstimate}: the estimate is c · 10^−k with c a 15-digit integer (or 10¹⁵). */
const rounded = { c: 0, k: 0 };

/**
 * Rounds `abs` (> 0) half-even to 15 significant digits into {@link rounded}, exactly; returns false
 * outside [10⁻⁸, 10¹⁵) (and for 0 or non-finite values), where decimal.js does it.
 */
function roundEstimate(abs: number): boolean {
  if (!(abs >= 1e-8 && abs < 1e15)) return false;
  // Scale by 10^k so that p = abs · 10^k lies in [10¹⁴, 10¹⁵): its integer part has 15 digits.
  // k = 14 − ⌊log₁₀ abs⌋, found by comparisons with exact powers of ten (abs ≥ 10⁻⁸ ⇒ k ≤ 22).
  let k = 22;
  let scaled = abs * 1e22;
  while (scaled >= 1e15) {
    // At most three steps of 10⁸, then single steps: no logarithm needed.
    if (scaled >= 1e23) {
      k -= 8;
    } else {
      k -= 1;
    }
    scaled = abs * POW10[k]!;
  }
  if (scaled < 1e14) {
    // The product 10× larger rounded up to 10¹⁵ while this one is just below 10¹⁴: one step back.
    if (k === 22) return false;
    k++;
    scaled = abs * POW10[k]!;
  }
  const p = scaled;
  // Round the exact product p + err half-even to an integer. p < 2⁵⁰, so its ulp is ≥ 2⁻⁵² and
  // ≤ 2⁻³: the fraction p − ⌊p⌋ and its distance to ½ are exact, and |err| ≤ 2⁻⁴ cannot move p
  // past an integer. Only when p is within 2⁻⁴ of a half does the sign of err matter.
  let c = Math.floor(p);
  const excess = p - c - 0.5;
  if (excess > 0.0625) {
    c++;
  } else if (excess >= -0.0625) {
    // The exact error of the product (Dekker's error-free product, as in Shewchuk 1997; 10^k is
    // exact).
    const scale = POW10[k]!;
    let t = SPLITTER * abs;
    const aHigh = t - (t - abs);
    const aLow = abs - aHigh;
    t = SPLITTER * scale;
    const sHigh = t - (t - scale);
    const sLow = scale - sHigh;
    const err = aLow * sLow - (p - aHigh * sHigh - aLow * sHigh - aHigh * sLow);
    if (excess > -err || (excess === -err && c % 2 === 1)) c++;
  }
  rounded.c = c;
  rounded.k = k;
  return true;
}

/** {@link moneyFromEstimate} through decimal.js, for values outside the fast range. */
function estimateSlow(v: number): Decimal {
  if (v === 0) return ZERO;
  // Callers check their results first; this guard only keeps a bug from hanging exactDecimalText.
  if (!Number.isFinite(v)) throw new RangeError(`moneyFromEstimate: not a finite number: ${v}`);
  return new Money(exactDecimalText(v)).toSignificantDigits(ESTIMATE_DIGITS, Money.ROUND_HALF_EVEN);
}

/**
 * The exact value of a finite float as decimal text: v = m · 2^x with m an integer, so for x < 0
 * v = (m · 5^−x) · 10^x. (The decimal.js constructor keeps every digit of a string; only
 * arithmetic rounds.) @internal
 */
export function exactDecimalText(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`exactDecimalText: not a finite number: ${v}`);
  let m = Math.abs(v);
  let x = 0;
  while (!Number.isInteger(m)) {
    m *= 2; // exact
    x--;
  }
  const digits = x === 0 ? BigInt(m) : BigInt(m) * 5n ** BigInt(-x);
  return `${v < 0 ? "-" : ""}${digits}e${x}`;
}

/**
 * A direct-mapped cache of {@link moneyFromEstimate} results keyed by the float's bits. Customers
 * with the same history get the same estimate (one-time buyers of one calendar day, say — over half
 * of a typical base), and `Decimal`s are immutable, so equal estimates can share one instance: a
 * million results then allocate far fewer objects. @internal
 */
export interface EstimateCache {
  readonly keys: Float64Array;
  readonly values: Decimal[];
}

const CACHE_BITS = 14;
const floatCell = new Float64Array(1);
const floatWords = new Int32Array(floatCell.buffer);

/** A new, empty {@link EstimateCache}. @internal */
export function createEstimateCache(): EstimateCache {
  return {
    keys: new Float64Array(1 << CACHE_BITS).fill(Number.NaN),
    values: new Array(1 << CACHE_BITS),
  };
}

/** {@link moneyFromEstimate}(v), reusing the instance of an equal value converted before. @internal */
export function cachedEstimate(cache: EstimateCache, v: number): Decimal {
  floatCell[0] = v;
  const slot =
    Math.imul(floatWords[0]! ^ Math.imul(floatWords[1]!, 0x9e3779b1), 0x85ebca6b) >>>
    (32 - CACHE_BITS);
  if (cache.keys[slot] === v) return cache.values[slot]!;
  const value = moneyFromEstimate(v);
  cache.keys[slot] = v;
  cache.values[slot] = value;
  return value;
}

/**
 * Cost in whole cents, rounded up. With at most two decimals (read off decimal.js's base-10⁷ words
 * as `Decimal#decimalPlaces` does) the float times 100 rounds to the exact cents. `costFloat` is
 * `cost.toNumber()`.
 * @internal
 */
export function centsRoundedUp(cost: Decimal, costFloat: number): number {
  if (!DECIMAL_FIELDS_READABLE) {
    return cost.decimalPlaces() <= 2 && costFloat < 2 ** 45
      ? Math.round(costFloat * 100)
      : cost.times(100).ceil().toNumber();
  }
  const { d, e } = cost as unknown as { d: number[] | null; e: number };
  if (d !== null && d !== undefined && costFloat < 2 ** 45) {
    const w = d.length - 1;
    let places = (w - Math.floor(e / 7)) * 7;
    for (let last = d[w]!; last !== 0 && last % 10 === 0; last /= 10) places--;
    if (places <= 2) return Math.round(costFloat * 100);
  }
  return cost.times(100).ceil().toNumber();
}

// ---------------------------------------------------------------------------------------------
// Reading `Decimal` inputs through their fields (money.ts's readers and toPlainData's check).

/**
 * A decimal.js instance read from its fields (or, in fallback mode, its text): its canonical text,
 * or why it is not an amount. `canonical` says the fields are laid out exactly as decimal.js lays
 * them out, so the object itself can be used in arithmetic.
 * @internal
 */
export type DecimalRead =
  | { readonly text: string; readonly canonical: boolean; readonly problem?: undefined }
  | { readonly problem: string };

const MALFORMED_DECIMAL: DecimalRead = {
  problem: "Expected a Decimal amount, received a malformed Decimal-like object",
};
const NON_FINITE_DECIMAL: DecimalRead = { problem: "Expected a finite Decimal amount" };
/** Words read at most: 34 digits fill 6 base-10⁷ words; more words means too many digits. */
const MAX_WORDS = 8;

/**
 * Reads a decimal.js instance (of any copy of decimal.js) as an amount: through its fields (see
 * {@link readDecimalFields}), or through its own `toString` when the fields are not laid out as
 * this file expects ({@link DECIMAL_FIELDS_READABLE} false). Never throws.
 * @internal
 */
export function readDecimalAmount(value: object): DecimalRead {
  return DECIMAL_FIELDS_READABLE ? readDecimalFields(value) : readDecimalText(value);
}

/**
 * Reads a decimal.js instance through its sign `s`, exponent `e` and base-10⁷ digit words `d` —
 * each read once, inside `try`, so a malformed or hostile object gives a problem rather than a
 * decimal.js error or a `TypeError` — and checks every field. Its value is what decimal.js's own
 * `toString` would print: the digits of `d` (words after the first padded to 7) with the leading
 * one at 10^e.
 */
function readDecimalFields(value: object): DecimalRead {
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
  return wordsRead(s, e, words, wordCount);
}

/** {@link readDecimalFields} once the fields are read and typed: text, bounds and layout. */
function wordsRead(s: number, e: number, words: readonly number[], wordCount: number): DecimalRead {
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
  let size = (e + 1) % LOG_BASE;
  if (size <= 0) size += LOG_BASE;
  const canonical = String(lead).length === size && words[wordCount - 1] !== 0;
  return { text, canonical };
}

/**
 * The fallback reader of {@link readDecimalAmount}: the value's own `toString`, read as a decimal
 * string. Never throws.
 * @internal
 */
export function readDecimalText(value: object): DecimalRead {
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
 * The fast path of reading money for the library's own `Decimal`s (the results of one function
 * passed to the next): whether `value` is a `Decimal` of `Money`, laid out exactly as decimal.js
 * lays it out, within the money bounds — checked field by field without allocating. `false` sends
 * the value down the general path, which says what is wrong (always, in fallback mode).
 * @internal
 */
export function isOwnAmount(value: object): boolean {
  return DECIMAL_FIELDS_READABLE && ownAmountFields(value);
}

function ownAmountFields(value: object): boolean {
  try {
    const x = value as { s?: unknown; e?: unknown; d?: unknown };
    if (!ownMoney(value)) return false;
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
    let size = (e + 1) % LOG_BASE;
    if (size <= 0) size += LOG_BASE;
    if (wordDigits(lead) !== size) return false;
    return trailingWordsFit(d, n, lead, size);
  } catch {
    return false;
  }
}

/** Whether the words after the lead are valid, the last is not 0, and the digits fit 34. */
function trailingWordsFit(d: readonly unknown[], n: number, lead: number, size: number): boolean {
  let last = lead;
  for (let k = 1; k < n; k++) {
    const word: unknown = d[k];
    if (typeof word !== "number" || !Number.isInteger(word) || word < 0 || word >= 1e7) {
      return false;
    }
    last = word;
  }
  if (last === 0) return false; // a trailing zero word: not decimal.js's layout
  let digits = size + LOG_BASE * (n - 1);
  while (last % 10 === 0) {
    last /= 10;
    digits--;
  }
  return digits <= MONEY_MAX_DIGITS;
}

/**
 * Whether a decimal is an instance of the library's own `Money`. decimal.js gives every instance
 * an own `constructor`, so a spread copy (`{ ...amount }`) has one too: the prototype tells a real
 * instance from a plain object holding its fields. Never throws.
 * @internal
 */
export function ownMoney(value: object): boolean {
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
 * Why a value that `Decimal.isDecimal` recognises (a decimal.js instance from any copy of the
 * library, or any object with its `toStringTag`) is not a usable finite Decimal, or `undefined`.
 * The digits are checked the way decimal.js stores them (sign ±1, an integer exponent, base-1e7
 * words), without calling any of the object's methods, so a duck-typed imitation is an
 * `InvalidInputError` rather than a `TypeError` or a `DecimalError`. In fallback mode the value's
 * `toString` is read instead.
 * @internal
 */
export function decimalShapeProblem(value: unknown): string | undefined {
  if (!DECIMAL_FIELDS_READABLE) {
    const read = readDecimalText(value as object);
    if (read === NON_FINITE_DECIMAL) return NON_FINITE_DECIMAL.problem;
    return read.problem === undefined ? undefined : LOOKALIKE;
  }
  const { s, e, d } = value as { s?: unknown; e?: unknown; d?: unknown };
  if (
    d === null ||
    (typeof e === "number" && Number.isNaN(e)) ||
    (typeof s === "number" && Number.isNaN(s))
  ) {
    return NON_FINITE_DECIMAL.problem;
  }
  const wellFormed =
    (s === 1 || s === -1) &&
    typeof e === "number" &&
    Number.isSafeInteger(e) &&
    Array.isArray(d) &&
    d.length > 0 &&
    d.length <= 1_000 &&
    d.every(
      (word) => typeof word === "number" && Number.isInteger(word) && word >= 0 && word < 1e7,
    ) &&
    (d.length === 1 || d[0] !== 0);
  return wellFormed ? undefined : LOOKALIKE;
}

const LOOKALIKE = "Expected a Decimal (decimal.js), received an object that only looks like one";

// ---------------------------------------------------------------------------------------------
// The load-time self-check.

/** Whether two decimals are the same value with the same fields, prototype and own keys. */
function sameDecimal(fast: Decimal, expected: Decimal): boolean {
  const a = fast as unknown as { s: unknown; e: unknown; d: unknown };
  const b = expected as unknown as { s: unknown; e: unknown; d: unknown };
  return (
    Object.getPrototypeOf(fast) === Object.getPrototypeOf(expected) &&
    Object.keys(fast).join() === Object.keys(expected).join() &&
    a.s === b.s &&
    a.e === b.e &&
    Array.isArray(a.d) &&
    Array.isArray(b.d) &&
    a.d.join() === b.d.join() &&
    fast.toString() === expected.toString() &&
    fast.plus(expected).eq(expected.times(2))
  );
}

const PROBE_NUMBERS = [1, -42, 123.45, -0.000123, 0.1, 1234567.125, 1.5e20, 9.87654321e-5];
const PROBE_SCALED: readonly (readonly [number, number])[] = [
  [12345, 2],
  [-1, 8],
  [9007199254740991, 4],
  [10000000, 0],
  [123, 30],
];
const PROBE_QUOTIENTS: readonly (readonly [number, number, number])[] = [
  [1, 7, 0], // 34 digits, rounded
  [-200, 3, 2],
  [5, 8, 0],
  [123456789, 1000003, 5],
];
const PROBE_ESTIMATES = [2 / 3, -1.2345678, 3.3e-8, 123456789.123, 987654321012345];

/**
 * Whether the field readers read what decimal.js's public API says: on values made by `reference`
 * (by default the public `Money` constructor) of every shape — integers, decimals, negatives, tiny
 * and large exponents — the fields give the same text, number, sum and own-amount verdict. Any
 * difference or exception is false. Run once at load into {@link DECIMAL_FIELDS_READABLE}.
 * @internal
 */
export function fieldsReadable(reference: (text: string) => Decimal = publicMoney): boolean {
  try {
    const terms: Decimal[] = [];
    for (const v of PROBE_NUMBERS) {
      const expected = reference(String(v));
      terms.push(expected);
      if (fastNumber(expected) !== v || !ownAmountFields(expected)) return false;
      const read = readDecimalFields(expected);
      if (read.problem !== undefined || !read.canonical || read.text === undefined) return false;
      if (reference(read.text).toString() !== expected.toString()) return false;
    }
    const total = terms.reduce((sum, term) => sum.plus(term), reference("0"));
    return fastExactSum(terms).toString() === total.toString();
  } catch {
    return false;
  }
}

/**
 * Builds a few values both ways — each fast builder against `reference` (by default the public
 * `Money` constructor) and decimal.js's public arithmetic: integers, decimals, negatives, tiny and
 * large exponents, a 34-digit quotient — comparing value, fields, prototype and own keys, after
 * checking the readers ({@link fieldsReadable}). True when everything agrees; any difference or
 * exception is false. Run once at load into {@link DECIMAL_FIELDS_HOLD}; a test runs it against
 * deliberately wrong references.
 * @internal
 */
export function fastPathsAgree(reference: (text: string) => Decimal = publicMoney): boolean {
  if (!fieldsReadable(reference)) return false;
  try {
    for (const v of PROBE_NUMBERS) {
      if (!sameDecimal(fastFromNumber(v), reference(String(v)))) return false;
    }
    for (const [units, scale] of PROBE_SCALED) {
      if (!sameDecimal(fastFromScaled(units, scale), reference(`${units}e-${scale}`))) return false;
    }
    for (const [units, divisor, scale] of PROBE_QUOTIENTS) {
      const expected = reference(String(units))
        .div(reference(String(divisor)))
        .times(reference(`1e-${scale}`));
      if (!sameDecimal(fastQuotient(units, Math.abs(units), divisor, scale), expected)) {
        return false;
      }
    }
    for (const v of PROBE_ESTIMATES) {
      const expected = reference(exactDecimalText(v)).toSignificantDigits(
        ESTIMATE_DIGITS,
        Money.ROUND_HALF_EVEN,
      );
      if (!sameDecimal(fastEstimate(v), expected)) return false;
    }
    return true;
  } catch {
    return false;
  }
}

function publicMoney(text: string): Decimal {
  return new Money(text);
}

/**
 * Whether this copy of decimal.js lays out its instances as this file reads them
 * ({@link fieldsReadable} at load). When false, every reader here goes through decimal.js's public
 * `toString`, `toNumber` and arithmetic.
 * @internal
 */
export const DECIMAL_FIELDS_READABLE: boolean = /* @__PURE__ */ fieldsReadable();

/**
 * Whether this copy of decimal.js lays out its instances as this file writes and reads them
 * ({@link fastPathsAgree} at load). When false, every builder here goes through decimal.js's public
 * constructor and arithmetic.
 * @internal
 */
export const DECIMAL_FIELDS_HOLD: boolean = /* @__PURE__ */ fastPathsAgree();
