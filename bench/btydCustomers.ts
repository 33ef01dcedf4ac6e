/**
 * The customers the buy-till-you-die benchmarks (models, paretoNbd) run on: the CDNOW calibration
 * summary (2,357 customers, weeks), and 1,000,000 simulated BG/NBD customers observed for 6–12
 * months at daily resolution, in days or in weeks.
 */
import type { PurchaseHistoryRow } from "../src/index.js";
import { cdnowSummary } from "../test/fixtures/load.js";
import { simulateCustomers } from "../test/models/simulate.js";

export { cdnowSummaryWithSpend } from "../test/fixtures/load.js";

/** The CDNOW calibration summary (2,357 customers, times in weeks). */
export const cdnow = cdnowSummary();

/**
 * 1,000,000 customers (r = 0.25, α = 30, a = 0.8, b = 2.5) observed for 182–365 days, times in
 * whole days; with `spend`, each also has a Gamma–Gamma average spend (p = 6, q = 4, v = 15).
 * `seed` picks the draw (the churn benchmark uses its own, 11).
 */
export function millionDailyCustomers(spend = false, seed = 7) {
  return simulateCustomers({
    r: 0.25,
    alpha: 30,
    a: 0.8,
    b: 2.5,
    n: 1_000_000,
    minT: 182,
    maxT: 365,
    resolution: 1,
    ...(spend ? { spend: { p: 6, q: 4, v: 15 } } : {}),
    seed,
  });
}

/** The same customers with recency and T in weeks (daily resolution kept). */
export function inWeeks<C extends PurchaseHistoryRow>(customers: readonly C[]): C[] {
  return customers.map((c) => ({ ...c, recency: c.recency / 7, T: c.T / 7 }));
}
