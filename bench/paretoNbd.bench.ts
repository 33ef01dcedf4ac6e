/**
 * Pareto/NBD benchmarks, medians including validation. `npm run bench -- paretoNbd`.
 */
import {
  conditionalExpectedPurchases,
  discountedExpectedResidualPurchases,
  fitParetoNbd,
  probabilityAlive,
} from "../src/index.js";
import { paretoNbdConditionalExpectedPurchasesMany } from "../src/models/paretoNbd/fitParetoNbd.js";
import { cdnow, inWeeks, millionDailyCustomers } from "./btydCustomers.js";
import { bench, report } from "./harness.js";

// Target: ≤ 40 ms (Python lifetimes: 270 ms on this kind of machine).
bench("fitParetoNbd, CDNOW summary (2,357 customers)", () => fitParetoNbd(cdnow), {
  targetMs: 40,
  runs: 15,
});

// 1,000,000 customers observed for 6–12 months at daily resolution, in weeks.
const customers = inWeeks(millionDailyCustomers());
const model = fitParetoNbd(cdnow);

bench(
  "Pareto/NBD P(alive) + conditional expected purchases (52 weeks), 1,000,000 customers",
  () => {
    probabilityAlive(model, customers);
    return conditionalExpectedPurchases(model, customers, { horizon: 52 });
  },
  { targetMs: 300, runs: 5 },
);

const x = Float64Array.from(customers, (c) => c.frequency);
const tx = Float64Array.from(customers, (c) => c.recency);
const T = Float64Array.from(customers, (c) => c.T);
const alive = new Float64Array(x.length);
const expected = new Float64Array(x.length);
bench(
  "Pareto/NBD kernel: P(alive) + CET(52) over Float64Arrays, 1,000,000 customers (no validation)",
  () => paretoNbdConditionalExpectedPurchasesMany(model.params, x, tx, T, 52, alive, expected),
  { runs: 5 },
);

bench(
  "Pareto/NBD DERT (15 %/year), 1,000,000 customers",
  () =>
    discountedExpectedResidualPurchases(model, customers, {
      continuousDiscountRate: Math.log(1.15) / 52,
    }),
  { runs: 3 },
);

report();
