import * as z from "zod/mini";
import { type TimeUnit, timeUnitSchema } from "../../core/time.js";
import { parseInput } from "../../core/validate.js";
import { parseModelWithUnit } from "../predictions/modelArguments.js";
import {
  type SbgModel,
  shiftedBetaGeometricModelSchema,
} from "../shiftedBetaGeometric/fitShiftedBetaGeometric.js";
import { beta, customerStream, geometricFailures } from "./random.js";
import { readSimulationTargets, seedSchema } from "./simulationInput.js";

/** Most renewal periods a simulated subscriber may be observed for (as `fitSbg` reads them). */
const MAX_SIMULATED_PERIODS = 1_000_000;

/**
 * A subscriber to simulate under the sBG: how many contract periods they are observed for.
 * @category Models
 */
export interface SubscriptionSimulationTarget {
  /** Contract periods observed (renewal decisions seen), a whole number from 0 to 1,000,000. */
  readonly periods: number;
  /** Carried to the simulated row. */
  readonly customerId?: string;
}

/**
 * Options of {@link simulateSubscriptions}.
 * @category Models
 */
export interface SubscriptionSimulationOptions {
  /** An integer in [0, 2³² − 1]; the same seed gives the same data. */
  readonly seed: number;
}

/**
 * One simulated subscriber, a row `fitSbg` takes.
 * @category Models
 */
export interface SimulatedSubscription {
  /** The input row's `customerId`, when it had one. */
  readonly customerId?: string;
  /** The period the subscriber cancelled in (when `churned`), else the input's `periods`. */
  readonly periodsObserved: number;
  /** Whether the subscriber cancelled within the observed periods. */
  readonly churned: boolean;
  /** The model's time unit (of one contract period). */
  readonly unit: TimeUnit;
}

/**
 * Simulates subscribers from a shifted-beta-geometric model: each draws a churn probability
 * θ ~ Beta(α, β) and cancels at the end of each contract period with probability θ, so the period
 * they cancel in is geometric on 1, 2, … (Fader & Hardie 2007, §2). A subscriber observed for
 * `periods` periods either cancelled in one of them (`churned: true`, `periodsObserved` = that
 * period) or is still active (`churned: false`, `periodsObserved` = `periods`).
 *
 * Deterministic: subscriber i draws from its own stream seeded from (`seed`, i) — same seed, same
 * rows; a subscriber's row does not depend on how many are simulated.
 *
 * @param model - an sBG model: a fitted one, or only the `kind`, `params` and `unit` you choose
 * @param customers - one row per subscriber with `periods` (a whole number from 0 to 1,000,000) and
 *   optional `customerId`; other fields are ignored
 * @param options - `{ seed }`
 * @returns one row per subscriber, in input order
 * @throws {InvalidInputError} on an invalid model (`model.params.alpha`, `model.unit`), customers
 *   (`customers[i].periods`; every bad row listed) or `options.seed` (not an integer in
 *   [0, 2³² − 1])
 * @example
 * ```ts
 * import { fitSbg, simulateSubscriptions } from "customer-value";
 * // The "regular" segment of Fader & Hardie (2007): alpha 0.704, beta 1.182.
 * const model = { kind: "sbg", params: { alpha: 0.704, beta: 1.182 }, unit: "year" } as const;
 * const cohort = Array.from({ length: 1000 }, () => ({ periods: 7 }));
 * const simulated = simulateSubscriptions(model, cohort, { seed: 11 });
 * simulated.filter((s) => !s.churned).length; // => 228
 * const refit = fitSbg(simulated);
 * Math.abs(refit.params.alpha - 0.704) < 3 * refit.standardErrors.alpha; // => true
 * ```
 * @category Models
 * @see Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention. Journal of
 *   Interactive Marketing 21(1), 76–90.
 */
export function simulateSubscriptions(
  model: Pick<SbgModel, "kind" | "params" | "unit">,
  customers: readonly SubscriptionSimulationTarget[],
  options: SubscriptionSimulationOptions,
): SimulatedSubscription[] {
  const fn = "simulateSubscriptions";
  const parsed = parseModelWithUnit(fn, modelSchema, model, ["model"]) as SbgModel;
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const { lengths, ids } = readSimulationTargets(
    fn,
    customers,
    "periods",
    true,
    MAX_SIMULATED_PERIODS,
  );
  const { alpha, beta: b } = parsed.params;
  const rows: SimulatedSubscription[] = new Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) {
    const u = customerStream(opts.seed, i);
    const theta = beta(u, alpha, b);
    const cancelsIn = 1 + geometricFailures(u, theta);
    const periods = lengths[i]!;
    const churned = cancelsIn <= periods;
    const id = ids[i];
    rows[i] = {
      ...(id === undefined ? {} : { customerId: id }),
      periodsObserved: churned ? cancelsIn : periods,
      churned,
      unit: parsed.unit,
    };
  }
  return rows;
}

const modelSchema = z.extend(shiftedBetaGeometricModelSchema, { unit: timeUnitSchema });

const optionsSchema = z.strictObject({ seed: seedSchema }) satisfies z.ZodMiniType<
  unknown,
  SubscriptionSimulationOptions
>;
