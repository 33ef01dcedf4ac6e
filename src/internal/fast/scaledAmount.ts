/**
 * Money amounts read as exact scaled integers, for the million-row passes: `"12.50"` is 1250 units
 * of 10^−2. Integer additions of such units are exact while the sums stay below 2^53, so a whole
 * column can be summed without decimal.js and turned into one `Decimal` at the end
 * (`fastMoney.ts`). Amounts that do not fit (too many digits, an exponent, a `Decimal` object) are
 * reported as needing a `Decimal`; the plain reader is `toMoney` (`core/money.ts`), and the
 * differential test checks that both read the same value and reject the same inputs.
 * @internal
 * @module
 */
import { MONEY_MAX_LENGTH, moneyProblem } from "../../core/money.js";

/**
 * Largest number of fraction digits the integer fast path of {@link readScaledAmount} handles.
 * @internal
 */
export const MAX_FAST_SCALE = 8;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

/**
 * Where {@link readScaledAmount} writes an amount it read: the amount is exactly
 * `units · 10^−scale`, `units` a safe integer. Owned by the caller (one object per call, reused for
 * every row), so that the hot path allocates nothing and a nested call cannot overwrite it.
 * @internal
 */
export interface ScaledAmount {
  units: number;
  scale: number;
}

/** {@link readScaledAmount}: read into the caller's {@link ScaledAmount}. @internal */
export const AMOUNT_SCALED = 0;
/** {@link readScaledAmount}: a valid amount that needs a `Decimal` (too many digits, exponent, Decimal object). @internal */
export const AMOUNT_DECIMAL = 1;
/** {@link readScaledAmount}: not a valid `MoneyInput` (see `moneyProblem`). @internal */
export const AMOUNT_INVALID = 2;

/**
 * Reads a `MoneyInput` as an exact scaled integer when it has at most {@link MAX_FAST_SCALE}
 * fraction digits and fewer than 16 significant digits, without allocating. Returns
 * {@link AMOUNT_SCALED} (the amount written into `out`), {@link AMOUNT_DECIMAL} (valid, use
 * `toMoney`; `out` untouched) or {@link AMOUNT_INVALID} (`out` untouched). Accepts exactly what
 * `moneyProblem` accepts; a number is read as its shortest round-trip decimal, like `toMoney`.
 * @internal
 */
export function readScaledAmount(value: unknown, out: ScaledAmount): number {
  if (typeof value === "string") return readScaledString(value, out);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return AMOUNT_INVALID;
    const magnitude = Math.abs(value);
    for (let scale = 0; scale <= MAX_FAST_SCALE; scale++) {
      const factor = POW10[scale]!;
      const units = Math.round(value * factor);
      if (Math.abs(units) >= 2 ** 51 || magnitude * factor >= 2 ** 51) break;
      if (units / factor === value) {
        out.units = units === 0 ? 0 : units;
        out.scale = scale;
        return AMOUNT_SCALED;
      }
    }
  }
  return needsDecimal(value);
}

/** A value the fast path does not read: valid (needs a `Decimal`) or invalid. */
function needsDecimal(value: unknown): number {
  return moneyProblem(value) === undefined ? AMOUNT_DECIMAL : AMOUNT_INVALID;
}

function readScaledString(value: string, out: ScaledAmount): number {
  const length = value.length;
  if (length > MONEY_MAX_LENGTH) return AMOUNT_INVALID;
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
      // An exponent, a second point, a comma, a blank…: let the full grammar and bounds decide.
      return needsDecimal(value);
    }
  }
  if (digits === 0) return AMOUNT_INVALID;
  if (significant > 15 || scale > MAX_FAST_SCALE) return needsDecimal(value);
  out.units = negative && units !== 0 ? -units : units;
  out.scale = Math.max(scale, 0);
  return AMOUNT_SCALED;
}

/** Below this, every partial sum of integers of magnitudes summing to less is exact in float64. */
const SAFE_TOTAL = 2 ** 52;

/**
 * Brings the amounts `units[k] · 10^−scales[k]` (k in `0 .. n`, each scale ≤
 * {@link MAX_FAST_SCALE}) to the common scale `scale` (the largest of them), in place, when the sum
 * of their magnitudes at that scale stays below 2^52 — then every partial sum of the column, in any
 * order, is an exact integer in float64. Returns whether it did; otherwise `units` is untouched and
 * the caller needs `Decimal`s.
 * @internal
 */
export function toCommonScale(
  units: Float64Array,
  scales: Uint8Array,
  n: number,
  scale: number,
): boolean {
  let total = 0;
  for (let k = 0; k < n; k++) {
    const shift = scale - scales[k]!;
    const v = shift === 0 ? units[k]! : units[k]! * POW10[shift]!;
    total += v < 0 ? -v : v;
  }
  if (!(total < SAFE_TOTAL)) return false;
  if (scale > 0) {
    for (let k = 0; k < n; k++) {
      const shift = scale - scales[k]!;
      if (shift !== 0) units[k] = units[k]! * POW10[shift]!;
    }
  }
  return true;
}
