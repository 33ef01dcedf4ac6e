/**
 * The library's decimal constructors: {@link Money} (34 significant digits, banker's rounding) and
 * {@link UnroundedMoney} (exact sums), private clones of decimal.js, and the `Decimal` type every
 * amount of money is returned as. Reading money inputs is in `money.ts`; the fast builders that
 * make these values without the parser are in `internal/fast/fastMoney.ts`.
 * @internal
 * @module
 */
import type { Decimal as DecimalInstance } from "decimal.js";
import DecimalJs from "decimal.js";

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
 * Whether `value` claims to be a decimal.js instance (of any copy of decimal.js). Never throws: a
 * proxy or a getter that throws makes it "not a decimal".
 * @internal
 */
export function claimsDecimal(value: object): boolean {
  try {
    return DecimalJs.isDecimal(value);
  } catch {
    return false;
  }
}
