import * as z from "zod/mini";
import { parseInput } from "../core/validate.js";
import {
  type LifecyclePurchase,
  type LifecycleRuleOptions,
  type LifecycleStage,
  lifecycleRuleShape,
  stageAt,
} from "./lifecycleStage.js";
import { periodSeries } from "./periodSeries.js";

/**
 * How an ended relationship ran (named by the stage in which it ended).
 * @category Churn
 */
export type LifecyclePatternName = "early-aborted" | "mid-way-aborted" | "early-exit" | "long-kept";

/**
 * Options of {@link lifecyclePattern}.
 * @category Churn
 */
export interface LifecyclePatternOptions extends LifecycleRuleOptions {
  /** Periods in maturity needed to count as long-kept (default 12). */
  readonly longKeptPeriods?: number;
}

/**
 * Result of {@link lifecyclePattern}.
 * @category Churn
 */
export interface LifecyclePatternResult {
  /** The pattern. */
  readonly pattern: LifecyclePatternName;
  /** The furthest stage reached (exploration, build-up or maturity). */
  readonly furthestStage: Exclude<LifecycleStage, "decline">;
  /** Periods in which the customer was in maturity. */
  readonly maturityPeriods: number;
  /** The stage at the end of each period, from the first purchase's period to the last purchase's. */
  readonly stages: readonly LifecycleStage[];
}

const optionsSchema = z.strictObject({
  ...lifecycleRuleShape,
  longKeptPeriods: z.exactOptional(z.int().check(z.minimum(1))),
}) satisfies z.ZodMiniType<unknown, LifecyclePatternOptions>;

/**
 * The lifecycle pattern of an ended relationship: early-aborted, mid-way-aborted, early-exit or
 * long-kept.
 *
 * The relationship is taken to end with the last purchase. The stage is computed at the end of every
 * period from the first purchase to the last with the rules of {@link lifecycleStage}; the pattern
 * is named by the furthest stage reached: only exploration → `"early-aborted"` (早期流产型);
 * build-up but never maturity → `"mid-way-aborted"` (中途夭折型); maturity for fewer than
 * `longKeptPeriods` (12) periods → `"early-exit"` (提前退出型); at least that → `"long-kept"`
 * (长久保持型). The patterns come from the Chinese four-stage adaptation of Dwyer, Schurr & Oh
 * (1987); the thresholds are this library's convention.
 *
 * @param purchases - the purchases `{ date, amount }` of a relationship that has ended
 * @param options - `{ unit, window?, tolerance?, timeZone?, longKeptPeriods? }` (`unit` is required)
 * @returns the pattern, the furthest stage and the stage of each period
 * The stage is evaluated only at the periods where it can change and repeated in between, so the
 * cost is O(n log n) in the number of purchases plus the length of `stages` (at most 3,652,425
 * periods: the days of the supported range 0000-01-01 … 9999-12-31).
 *
 * @throws {InvalidInputError} listing every bad purchase in one pass (up to 100): an invalid date,
 *   or one whose calendar day in `timeZone` is outside 0000-01-01 … 9999-12-31
 *   (`purchases[i].date`, `invalid_date`), an invalid or negative amount (`purchases[i].amount`,
 *   `invalid_money` / `too_small`); an empty history (`purchases`, `too_small`); a missing `unit`
 *   (`options.unit`, `required`) or any other invalid option (`options.<key>`)
 * @example
 * ```ts
 * import { lifecyclePattern } from "customer-value";
 * const purchases = [{ date: "2024-01-05", amount: 30 }, { date: "2024-02-10", amount: 25 }];
 * lifecyclePattern(purchases, { unit: "month" }).pattern; // => "early-aborted"
 * lifecyclePattern(purchases, { unit: "month" }).stages; // => ["exploration", "exploration"]
 * ```
 * @category Churn
 * @see Dwyer, F. R., Schurr, P. H. & Oh, S. (1987). Developing buyer–seller relationships. Journal
 *   of Marketing 51(2), 11–27.
 */
export function lifecyclePattern(
  purchases: readonly LifecyclePurchase[],
  options: LifecyclePatternOptions,
): LifecyclePatternResult {
  const fn = "lifecyclePattern";
  const opts = parseInput(fn, optionsSchema, options, ["options"]);
  const series = periodSeries(fn, purchases, opts.unit, opts.timeZone ?? "UTC", undefined);
  const rules = { window: opts.window ?? 3, tolerance: opts.tolerance ?? 0.2 };
  const last = series.lastPurchase;
  // The stage at the end of period k depends on k only through the purchases in [0, k], in the
  // recent window [k − w + 1, k] and the previous one [k − 2w + 1, k − w], and on whether
  // k + 1 ≥ 2w; so it can change only at k = 2w − 1 and at p, p + w, p + 2w for a purchase period
  // p. Evaluate it there and repeat it up to the next change point: O(n log n) in the purchases,
  // plus filling the result.
  const points = [0];
  if (2 * rules.window - 1 <= last) points.push(2 * rules.window - 1);
  for (const p of series.periods) {
    for (const k of [p, p + rules.window, p + 2 * rules.window]) if (k <= last) points.push(k);
  }
  points.sort((a, b) => a - b);
  const stages: LifecycleStage[] = new Array<LifecycleStage>(last + 1);
  let furthest: Exclude<LifecycleStage, "decline"> = "exploration";
  let maturityPeriods = 0;
  for (let i = 0; i < points.length; i++) {
    const from = points[i]!;
    if (i > 0 && from === points[i - 1]) continue;
    let to = last + 1;
    for (let j = i + 1; j < points.length; j++) {
      if (points[j]! > from) {
        to = points[j]!;
        break;
      }
    }
    const stage = stageAt(series, from, rules).stage;
    stages.fill(stage, from, to);
    if (stage === "maturity") {
      maturityPeriods += to - from;
      furthest = "maturity";
    } else if (stage === "build-up" && furthest === "exploration") {
      furthest = "build-up";
    }
  }
  const pattern: LifecyclePatternName =
    furthest === "exploration"
      ? "early-aborted"
      : furthest === "build-up"
        ? "mid-way-aborted"
        : maturityPeriods >= (opts.longKeptPeriods ?? 12)
          ? "long-kept"
          : "early-exit";
  return { pattern, furthestStage: furthest, maturityPeriods, stages };
}
