import { invalidInput } from "../core/errors.js";
import { type Decimal, Money, ZERO } from "../core/money.js";
import { parseInput } from "../core/validate.js";
import {
  computeRetentionLifetimeValue,
  type ParsedRetentionInput,
  type RetentionLifetimeValueParameters,
  retentionLifetimeValueSchema,
} from "./retentionLifetimeValue.js";
import { finiteHorizon } from "./schemas.js";
import {
  exponents,
  type LifetimeValueTiming,
  rate,
  seriesDenominator,
  timingFactor,
  type ValueScheduleRow,
} from "./series.js";

/**
 * A driver of lifetime value whose elasticity {@link lifetimeValueSensitivity} reports.
 * @category Value
 */
export type LifetimeValueDriver =
  | "margin"
  | "retentionRate"
  | "discountRate"
  | "growthRate"
  | "acquisitionCost";

/**
 * One row of the lever table of {@link lifetimeValueSensitivity}.
 * @category Value
 */
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

/**
 * Result of {@link lifetimeValueSensitivity}.
 * @category Value
 */
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

/** The parsed value of a driver (for an error's `received`). */
function driverValue(parsed: ParsedRetentionInput, driver: LifetimeValueDriver): unknown {
  switch (driver) {
    case "margin":
      return parsed.margin;
    case "retentionRate":
      return parsed.retentionRate;
    case "discountRate":
      return parsed.discountRate;
    case "growthRate":
      return parsed.growthRate;
    case "acquisitionCost":
      return parsed.acquisitionCost;
  }
}

/** The products `x·∂V/∂x` of the value's drivers (before dividing by V), exact decimals. */
interface DriverTerms {
  /** `m·∂V/∂m`: the gross value, before the acquisition cost. */
  readonly gross: Decimal;
  /** `r·∂V/∂r`. */
  readonly rTerm: Decimal;
  /** `d·∂V/∂d`. */
  readonly dTerm: Decimal;
  /** `g·∂V/∂g`. */
  readonly gTerm: Decimal;
}

/**
 * The driver terms of the infinite-horizon closed form `V = m·A/D − AC` with
 * `D = 1 + d − r(1 + g)` and `A` the timing factor (`1 + d`, `r` or `1`), differentiated
 * analytically (divisions at 34 digits).
 */
function closedFormTerms(parsed: ParsedRetentionInput, timing: LifetimeValueTiming): DriverTerms {
  const m = parsed.margin;
  const r = rate(parsed.retentionRate);
  const d = rate(parsed.discountRate);
  const g = rate(parsed.growthRate ?? 0);
  const one = new Money(1);
  const D = seriesDenominator(parsed.retentionRate, parsed.discountRate, parsed.growthRate ?? 0);
  const A = timingFactor(timing, parsed.retentionRate, parsed.discountRate);
  const aR = timing === "end-of-period" ? one : ZERO;
  const aD = timing === "first-payment-now" ? one : ZERO;
  const D2 = D.times(D);
  return {
    gross: m.times(A).div(D),
    rTerm: r
      .times(m)
      .times(aR.times(D).plus(A.times(g.plus(1))))
      .div(D2),
    dTerm: d.times(m).times(aD.times(D).minus(A)).div(D2),
    gTerm: g.times(m).times(A).times(r).div(D2),
  };
}

/**
 * The driver terms of a finite horizon from its schedule, period by period:
 * `r·∂PV_k/∂r = s_k·PV_k`, `(1+d)·∂PV_k/∂d = −e_k·PV_k`, `(1+g)·∂PV_k/∂g = (k−1)·PV_k`.
 */
function scheduleTerms(
  schedule: readonly ValueScheduleRow[],
  timing: LifetimeValueTiming,
  d: Decimal,
  g: Decimal,
): DriverTerms {
  let sumS = ZERO;
  let sumE = ZERO;
  let sumK = ZERO;
  let gross = ZERO;
  for (const row of schedule) {
    const pv = row.presentValue;
    const { s, e } = exponents(timing, row.period);
    gross = gross.plus(pv);
    sumS = sumS.plus(pv.times(s));
    sumE = sumE.plus(pv.times(e));
    sumK = sumK.plus(pv.times(row.period - 1));
  }
  return {
    gross,
    rTerm: sumS,
    dTerm: sumE.neg().times(d).div(d.plus(1)),
    gTerm: sumK.times(g).div(g.plus(1)),
  };
}

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
 * in decimals and returned as numbers; `valueChangePerPercent` is the first-order (linear) approximation, which
 * understates large changes in retention because the value is convex in it.
 *
 * Rates are **per period**: use the same period for the margin, retention, discount and growth
 * rates. Convention: point elasticities (exact derivatives), because they do not depend on a step
 * size; the alternatives are the effect of a one-percentage-point change (0.80 → 0.81) or an arc
 * elasticity from a discrete change, which you can get by calling {@link retentionLifetimeValue}
 * twice.
 *
 * @param parameters - the same parameters as {@link retentionLifetimeValue} (including
 *   `horizon: number | "infinite"` and `allowLargeDiscountRate`)
 * @returns the value, the elasticities and the levers sorted by effect
 * @throws {@link InvalidInputError} for every bad parameter of {@link retentionLifetimeValue}
 *   (paths `parameters.<field>`, all listed at once), and when the value is 0 (path
 *   `parameters.margin`, code `unsupported`): a relative change of zero is undefined.
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
  parameters: RetentionLifetimeValueParameters,
): LifetimeValueSensitivityResult {
  const parsed = parseInput(FN, retentionLifetimeValueSchema, parameters, ["parameters"]);
  const result = computeRetentionLifetimeValue(parsed);
  if (result.value.isZero()) {
    throw invalidInput(
      FN,
      ["parameters", "margin"],
      "The lifetime value is 0, so its relative changes (elasticities) are undefined",
      "unsupported",
      parsed.margin,
    );
  }
  const timing = result.convention;
  const value = result.value;
  const d = rate(parsed.discountRate);
  const g = rate(parsed.growthRate ?? 0);
  const { gross, rTerm, dTerm, gTerm } =
    finiteHorizon(parsed.horizon) === undefined
      ? closedFormTerms(parsed, timing)
      : scheduleTerms(result.schedule, timing, d, g);
  const ac = parsed.acquisitionCost ?? ZERO;
  const elasticity = (term: Decimal): number => {
    const e = term.div(value).toNumber();
    return e === 0 ? 0 : e;
  };
  const elasticities: Record<LifetimeValueDriver, number> = {
    margin: elasticity(gross),
    retentionRate: elasticity(rTerm),
    discountRate: elasticity(dTerm),
    growthRate: elasticity(gTerm),
    acquisitionCost: elasticity(ac.neg()),
  };
  for (const driver of DRIVERS) {
    if (!Number.isFinite(elasticities[driver])) {
      throw invalidInput(
        FN,
        ["parameters", driver],
        "The elasticity is not finite: the value is too close to 0",
        "unsupported",
        driverValue(parsed, driver),
      );
    }
  }
  const levers = DRIVERS.map((driver) => ({
    driver,
    elasticity: elasticities[driver],
    valueChangePerPercent: result.value.times(elasticities[driver]).div(100),
  })).sort((a, b) => Math.abs(b.elasticity) - Math.abs(a.elasticity));
  return { value: result.value, convention: timing, elasticities, levers };
}
