/**
 * Segmentation hot paths: rfmTable on 1,000,000 transactions ≤ 400 ms; rfmScores +
 * assignSegments for 1,000,000 customers ≤ 400 ms. Validation is included in both.
 * Data: a seeded, CDNOW-like log — 250,000 customers, ~4 purchases each on average with a
 * heavy one-time-buyer share, two years of calendar days, amounts as decimal strings.
 */
import { assignSegments, type RfmMeasures, rfmScores, rfmTable } from "../src/index.js";
import { bench, report } from "./harness.js";

let seed = 20_240_601;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}

const CUSTOMERS = 250_000;
const TRANSACTIONS = 1_000_000;
const ids = Array.from({ length: CUSTOMERS }, (_, i) => `C${String(i).padStart(7, "0")}`);
const days = Array.from({ length: 730 }, (_, d) =>
  new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10),
);
// skewed activity: customer index drawn from a power law, so many buy once and a few buy often
const transactions = Array.from({ length: TRANSACTIONS }, () => ({
  customerId: ids[Math.floor(CUSTOMERS * random() ** 2.2)]!,
  date: days[Math.floor(730 * random())]!,
  amount: (5 + 120 * random() ** 2).toFixed(2),
}));

// Measure the function, not the generator's garbage (bench/run.ts passes --expose-gc).
(globalThis as { gc?: () => void }).gc?.();

const table = "rfmTable, 1M transactions (250k customers)";
bench(table, () => rfmTable(transactions, { asOf: "2025-01-01" }), {
  targetMs: 400,
  runs: 5,
});

const N = 1_000_000;
const rows: RfmMeasures[] = [];
for (let i = 0; i < N; i++) {
  const oneTimer = random() < 0.6;
  rows.push({
    customerId: `K${i}`,
    daysSinceLastPurchase: Math.floor(730 * random()),
    purchases: oneTimer ? 1 : 2 + Math.floor(-Math.log(1 - random()) * 4),
    totalSpend: Math.round(100 * (5 + 400 * random() ** 3)) / 100,
  });
}

(globalThis as { gc?: () => void }).gc?.();
const scoring = "rfmScores + assignSegments, 1M customers";
bench(scoring, () => assignSegments(rfmScores(rows).scores), {
  targetMs: 400,
  runs: 5,
});

report();
