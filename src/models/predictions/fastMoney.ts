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
import { type Decimal, Money } from "../../core/money.js";

const LOG_BASE = 7;
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
  const d: number[] = [];
  let word = 0;
  let count = 0;
  for (let k = first; k <= last; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) continue;
    word = word * 10 + (c - 48);
    if (++count === size) {
      d.push(word);
      word = 0;
      count = 0;
      size = LOG_BASE;
    }
  }
  if (count > 0) d.push(word * 10 ** (size - count));
  const x = Object.create(prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Money; // decimal.js keeps the (cloned) constructor on every instance
  x.s = v < 0 ? -1 : 1;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}
