/**
 * The simulators at scale: one million customers each from the CDNOW BG/NBD (with a 39-week
 * holdout and Gamma-Gamma spend), the donations BG/BB and an sBG cohort. No target in the issue:
 * `targetMs` is what we hold ourselves to (about a microsecond of work per customer and draw).
 */
import {
  simulateDiscreteHistories,
  simulatePurchaseHistories,
  simulateSubscriptions,
} from "../src/index.js";
import { bench, report } from "./harness.js";

const bgNbd = {
  kind: "bg-nbd",
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  unit: "week",
} as const;
const spend = { kind: "gamma-gamma", params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
const million = <T>(row: T): T[] => Array.from({ length: 1_000_000 }, () => row);

const ages = million({ T: 39 });
bench(
  "simulate 1M BG/NBD customers (T 39, holdout 39)",
  () => simulatePurchaseHistories(bgNbd, ages, { seed: 1, holdoutDuration: 39 }),
  { targetMs: 1500, runs: 5, warmup: 1 },
);
bench(
  "simulate 1M BG/NBD + Gamma-Gamma customers",
  () => simulatePurchaseHistories({ purchase: bgNbd, spend }, ages, { seed: 1 }),
  { targetMs: 2000, runs: 5, warmup: 1 },
);
const donors = million({ periods: 6 });
const bgBb = {
  kind: "bg-bb",
  params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 },
  unit: "year",
} as const;
bench(
  "simulate 1M BG/BB donors (6 opportunities)",
  () => simulateDiscreteHistories(bgBb, donors, { seed: 1 }),
  { targetMs: 1500, runs: 5, warmup: 1 },
);
const sbg = { kind: "sbg", params: { alpha: 0.704, beta: 1.182 }, unit: "year" } as const;
bench(
  "simulate 1M sBG subscribers (8 periods)",
  () => simulateSubscriptions(sbg, million({ periods: 8 }), { seed: 1 }),
  { targetMs: 1000, runs: 5, warmup: 1 },
);
report();
