import { invalidInput } from "../core/errors.js";
import { type Decimal, Money } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import {
  computeRetentionLifetimeValue,
  type RetentionLifetimeValueInput,
  retentionLifetimeValueSchema,
} from "./retentionLifetimeValue.js";
import { exponents, type LifetimeValueTiming } from "./series.js";

/** A driver of lifetime value whose elasticity {@link lifetimeValueSensitivity} reports. */
export type LifetimeValueDriver =
  | "margin"
  | "retentionRate"
  | "discountRate"
  | "growthRate"
  | "acquisitionCost";

/** One row of the lever table of {@link lifetimeValueSensitivity}. */
export interface LifetimeValueLever {
  /** The input being changed. */
  readonly driver: LifetimeValueDriver;
  /** Elasticity: percent change of the value per 1% (relative) increase of the driver. */
  readonly elasticity: number;
  /**
   * First-order change of the value when the driver rises by 1% of itself
   * (`value × elasticity / 100`), e.g. retention 0.80 → 0.808.
   */
  readonly valueChangePerPercent: Decimal;
}

/** Result of {@link lifetimeValueSensitivity}. */
export interface LifetimeValueSensitivityResult {
  /** The lifetime value at the given inputs (as {@link retentionLifetimeValue} returns it). */
  readonly value: Decimal;
  /** The timing convention used. */
  readonly convention: LifetimeValueTiming;
  /** Elasticity of the value to each driver (0 for a driver that is 0 or not given). */
  readonly elasticities: Readonly<Record<LifetimeValueDriver, number>>;
  /** The levers sorted by the size of their effect, largest first (ties keep the driver order). */
  readonly levers: readonly LifetimeValueLever[];
}

const FN = "lifetimeValueSensitivity";
const DRIVERS: readonly LifetimeValueDriver[] = [
  "margin",
  "retentionRate",
  "discountRate",
  "growthRate",
  "acquisitionCost",
];

/**
 * Elasticities of retention-based lifetime value to margin, retention, discount rate, growth and
 * acquisition cost: the lever table that says how much value 1% more retention buys.
 *
 * The elasticity of the value `V` to a driver `x` is `(x / V) · ∂V/∂x`: the percent change of
 * `V` for a 1% (relative) rise of `x`. `V` is {@link retentionLifetimeValue} with the same
 * inputs and convention (net of the acquisition cost `AC`). For the infinite horizon, with
 * `D = 1 + d − r(1+g)` and `A = 1+d`, `r` or `1` by timing, the derivatives are exact:
 * `∂V/∂m = A/D`, `∂V/∂r = m(A′_r·D + A(1+g))/D²`, `∂V/∂d = m(A′_d·D − A)/D²`,
 * `∂V/∂g = m·A·r/D²`, `∂V/∂AC = −1`. For a finite horizon they are the exact derivatives of the
 * sum (`r·∂V/∂r = Σ s_k·PV_k`, `d·∂V/∂d = −d/(1+d)·Σ e_k·PV_k`). For example, end-of-period with
 * r = 0.8 and d = 0.1 has retention elasticity (1+d)/(1+d−r) = 3.67 against a margin elasticity
 * of 1, which is why Gupta, Lehmann & Stuart (2004) find retention the strongest lever. Computed
 * in float64; `valueChangePerPercent` is the first-order (linear) approximation, which
 * understates large changes in retention because the value is convex in it.
 *
 * @param input - the same input as {@link retentionLifetimeValue}
 * @returns the value, the elasticities and the levers sorted by effect
 * @throws {@link InvalidInputError} for every bad input of {@link retentionLifetimeValue}, and
 *   when the value is 0 (path `margin`): a relative change of zero is undefined.
 * @example
 * ```ts
 * import { lifetimeValueSensitivity } from "customer-value";
 * const s = lifetimeValueSensitivity({ margin: 100, retentionRate: 0.8, discountRate: 0.1 });
 * s.elasticities.retentionRate; // => 3.667
 * s.elasticities.discountRate; // => -0.333
 * s.levers[0]?.driver; // => "retentionRate"
 * s.levers[0]?.valueChangePerPercent.toFixed(2); // => "9.78"
 * ```
 * @category Value
 * @see Gupta, S., Lehmann, D. R. & Stuart, J. A. (2004). Valuing customers. Journal of Marketing Research, 41(1), 7–18.
 * @see Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of Interactive Marketing, 17(1), 9–24.
 */
export function lifetimeValueSensitivity(
  input: RetentionLifetimeValueInput,
): LifetimeValueSensitivityResult {
  const parsed = parseInput(FN, retentionLifetimeValueSchema, input);
  const result = computeRetentionLifetimeValue(parsed);
  const v = result.value.toNumber();
  if (v === 0) {
    throw invalidInput(
      FN,
      ["margin"],
      "The lifetime value is 0, so its relative changes (elasticities) are undefined",
    );
  }
  const timing = result.convention;
  const m = parsed.margin.toNumber();
  const r = parsed.retentionRate;
  const d = parsed.discountRate;
  const g = parsed.growthRate ?? 0;
  const ac = parsed.acquisitionCost?.toNumber() ?? 0;
  let gross: number;
  let rDeriv: number;
  let dDeriv: number;
  let gDeriv: number;
  if (parsed.horizon === undefined) {
    const D = 1 + d - r * (1 + g);
    const A = timing === "first-payment-now" ? 1 + d : timing === "end-of-period" ? r : 1;
    const aR = timing === "end-of-period" ? 1 : 0;
    const aD = timing === "first-payment-now" ? 1 : 0;
    gross = (m * A) / D;
    rDeriv = (m * (aR * D + A * (1 + g))) / (D * D);
    dDeriv = (m * (aD * D - A)) / (D * D);
    gDeriv = (m * A * r) / (D * D);
  } else {
    // r·∂PV_k/∂r = s_k·PV_k; (1+d)·∂PV_k/∂d = −e_k·PV_k; (1+g)·∂PV_k/∂g = (k−1)·PV_k.
    let sumS = 0;
    let sumE = 0;
    let sumK = 0;
    gross = 0;
    for (const row of result.periods) {
      const pv = row.presentValue.toNumber();
      const { s, e } = exponents(timing, row.period);
      gross += pv;
      sumS += s * pv;
      sumE += e * pv;
      sumK += (row.period - 1) * pv;
    }
    // Only the products x·∂V/∂x are needed; store them as "derivatives" of unit x when x = 0.
    rDeriv = r === 0 ? 0 : sumS / r;
    dDeriv = -sumE / (1 + d);
    gDeriv = sumK / (1 + g);
  }
  const elasticities: Record<LifetimeValueDriver, number> = {
    margin: gross / v,
    retentionRate: (r * rDeriv) / v,
    discountRate: (d * dDeriv) / v,
    growthRate: (g * gDeriv) / v,
    acquisitionCost: -ac / v,
  };
  for (const driver of DRIVERS) {
    if (!Number.isFinite(elasticities[driver])) {
      throw invalidInput(FN, [driver], "The elasticity is not finite: the value is too close to 0");
    }
    if (Object.is(elasticities[driver], -0)) elasticities[driver] = 0;
  }
  const levers = DRIVERS.map((driver) => ({
    driver,
    elasticity: elasticities[driver],
    valueChangePerPercent: result.value.times(new Money(elasticities[driver])).div(100),
  })).sort((a, b) => Math.abs(b.elasticity) - Math.abs(a.elasticity));
  return { value: result.value, convention: timing, elasticities, levers };
}
