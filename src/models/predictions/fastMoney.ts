/**
 * Fast construction of the library's `Decimal` from a float64 (used where a million values are
 * returned, e.g. {@link customerLifetimeValue}). It builds exactly the value `new Money(v)` builds —
 * the shortest round-trip decimal of `v` — by writing decimal.js's internal fields (own `constructor`,
 * sign `s`, base-10 exponent `e`, digits `d` in base 10⁷) directly, which avoids the generic string parser
 * (about 1.5 µs per value). Values outside the plain-notation range use the constructor. A test
 * checks equality with `new Money(v)` on random values.
 * @internal
 * @module
 */
import { type Decimal, Money, sumMoney } from "../../core/money.js";

const LOG_BASE = 7;
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];
const prototype = Money.prototype as object;

/** `new Money(v)` for a finite float64 `v`, faster. @internal */
export function moneyFromNumber(v: number): Decimal {
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
  const x = Object.create(prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Money; // decimal.js keeps the (cloned) constructor on every instance
  x.s = v < 0 ? -1 : 1;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
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
  const x = value as unknown as { s: number; e: number; d: number[] | null };
  const d = x.d;
  if (d === null || d === undefined) return value.toNumber();
  const n = d.length;
  let m = d[0]!;
  let digits = wordDigits(m);
  for (let k = 1; k < n; k++) {
    m = m * 1e7 + d[k]!;
    digits += LOG_BASE;
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
  const magnitude = Number(`${text}e${shift}`);
  return x.s < 0 ? -magnitude : magnitude;
}

/** Word positions (base 10⁷, relative to 10⁰) the fast sum accumulates; others use `sumMoney`. */
const MIN_POSITION = -8;
const MAX_POSITION = 8;

/**
 * `sumMoney(values)`, faster on many values: decimal.js keeps the digits in base-10⁷ words aligned
 * to exponents that are multiples of 7, so the words of all values add position by position into
 * float64 accumulators (exact: each stays far below 2⁵³), and only the few position totals are
 * added as `Decimal`s. The sequential `sumMoney` rounds a partial sum to the money precision (34
 * digits) only when some partial sum needs more digits; this path is taken only when no partial
 * sum can (every digit lies within 33 digits below the bound Σ|value|), so both give the same
 * `Decimal`; otherwise it calls `sumMoney`. A test checks equality with `sumMoney`.
 * @internal
 */
export function sumMoneyFast(values: readonly Decimal[]): Decimal {
  const count = values.length;
  if (count < 16 || count > 1e8) return sumMoney(values);
  const acc = new Float64Array(MAX_POSITION - MIN_POSITION + 1);
  let lowest = Number.POSITIVE_INFINITY; // lowest word position with a digit
  let bound = 0; // ≥ Σ|value|
  for (let i = 0; i < count; i++) {
    const x = values[i] as unknown as { s: number; e: number; d: number[] | null };
    const d = x.d;
    if (d === null || d === undefined) return sumMoney(values);
    const first = Math.floor(x.e / LOG_BASE);
    const last = first - d.length + 1;
    if (first > MAX_POSITION || last < MIN_POSITION) return sumMoney(values);
    if (last < lowest) lowest = last;
    bound += (d[0]! + 1) * 1e7 ** first;
    const s = x.s;
    for (let j = 0; j < d.length; j++) acc[first - j - MIN_POSITION]! += s * d[j]!;
  }
  const top = Math.floor(Math.log10(bound * (1 + 1e-9))) + 1;
  if (top - LOG_BASE * lowest > 33) return sumMoney(values);
  let total: Decimal = new Money(0);
  for (let p = MAX_POSITION; p >= MIN_POSITION; p--) {
    const a = acc[p - MIN_POSITION]!;
    if (a !== 0) total = total.plus(new Money(`${a}e${LOG_BASE * p}`));
  }
  return total;
}
