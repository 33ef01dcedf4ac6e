/**
 * The columns of `churnRisk` beyond the lifetime value: the value if alive (the residual value
 * conditional on the customer being alive) and the whole days since the last purchase.
 * @internal
 * @module
 */
import { invalidInput } from "../core/errors.js";
import type { TimeUnit } from "../core/time.js";
import { TIME_UNITS } from "../core/time.js";
import { type UnitConversion, unitDays } from "../core/units.js";
import type { CustomerHistory } from "../models/predictions/customerLifetimeValue.js";
import { lifetimeValueColumns } from "../models/predictions/lifetimeValueColumns.js";
import type { LifetimeValueParsedOptions } from "../models/predictions/lifetimeValueOptions.js";

/** The smallest normal float64: a residual value below it has lost digits to underflow. */
const MIN_NORMAL = 2 ** -1022;
/** Repeat purchases up to which the value if alive can be evaluated again at tₓ = T. */
const MAX_REDO_FREQUENCY = 1e6;

/**
 * The value if alive, `E[value | history, alive at T]`, per customer. A customer who has left buys
 * nothing, so the residual value is `P(alive) × E[value | alive]` and the value if alive is
 * `residual / P(alive)`. In the BG/NBD, MBG/NBD and Pareto/NBD the posterior of the rates given
 * "alive at T" depends on (x, T) only — the likelihood of an alive customer is λˣe^{−λT} times the
 * survival terms, whatever tₓ — so when the residual value has underflowed (P(alive) so small that
 * `P(alive) × value if alive` is 0 or subnormal, and the quotient would lose its digits or divide 0
 * by 0), a repeat buyer's value if alive is computed at tₓ = T, where P(alive) is not small.
 * Otherwise the quotient is as precise as its two factors. A customer beyond that (no repeat
 * purchase, or more than a million) is an `InvalidInputError` (`unsupported`).
 * @internal
 */
export function valuesIfAlive(
  fn: string,
  model: unknown,
  rows: readonly CustomerHistory[],
  options: LifetimeValueParsedOptions,
  value: Float64Array,
  alive: Float64Array,
): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n);
  const redo: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = alive[i]!;
    const v = value[i]!;
    const x = rows[i]!.frequency;
    if (p > 0 && v >= MIN_NORMAL && Number.isFinite(v / p)) out[i] = v / p;
    else if (x > 0 && x <= MAX_REDO_FREQUENCY) redo.push(i);
    else {
      throw invalidInput(
        fn,
        ["customers", i],
        "P(alive) underflows to 0 for this customer: the value if alive is not defined in float64",
        "unsupported",
      );
    }
  }
  if (redo.length > 0) {
    const atLastPurchase = redo.map((i) => ({ ...rows[i]!, recency: rows[i]!.T }));
    const again = lifetimeValueColumns(fn, model, atLastPurchase, undefined, true, options);
    redo.forEach((i, k) => {
      out[i] = again.value[k]! / again.alive![k]!;
    });
  }
  return out;
}

/**
 * Days per model time unit for `daysSinceLastPurchase`: exact for days and weeks, the Gregorian
 * average for calendar units only with `unitConversion: "calendar-average"`; `undefined` otherwise
 * (the rows then carry no days).
 * @internal
 */
export function daysPerModelUnit(
  model: unknown,
  conversion: UnitConversion | undefined,
): number | undefined {
  const purchase =
    typeof model === "object" && model !== null
      ? (model as { purchase?: unknown }).purchase
      : undefined;
  const unit =
    typeof purchase === "object" && purchase !== null
      ? (purchase as { unit?: unknown }).unit
      : undefined;
  if (typeof unit !== "string" || !TIME_UNITS.includes(unit)) return undefined;
  if (unit === "day" || unit === "week") return unitDays(unit);
  return conversion === "calendar-average" ? unitDays(unit as TimeUnit) : undefined;
}
