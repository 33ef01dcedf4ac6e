/**
 * Discrete and contractual models: BG/BB fit on the donations data (11,104 donors, 22 patterns),
 * sBG fit on a Fader & Hardie (2007) cohort, and a 100×100 P(alive) grid (targets: the
 * project's performance goals).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fitBgBb, fitSbg, probabilityAliveMatrix } from "../src/index.js";
import { bench, report } from "./harness.js";

const dir = dirname(fileURLToPath(import.meta.url));
const donations = readFileSync(join(dir, "../test/fixtures/donations.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [frequency, recency, periods, count] = line.split(",").map(Number);
    return { frequency: frequency!, recency: recency!, periods: periods!, count: count! };
  });

bench("BG/BB fit, donations (11,104 donors)", () => fitBgBb(donations, { unit: "year" }), {
  targetMs: 5,
  runs: 21,
  warmup: 3,
});
bench(
  "sBG fit, high-end cohort (8 points)",
  () => fitSbg([1000, 869, 743, 653, 593, 551, 517, 491], { unit: "year" }),
  { targetMs: 2, runs: 51 },
);
const model = fitBgBb(donations, { unit: "year" });
bench(
  "BG/BB P(alive) matrix 100×100",
  () => probabilityAliveMatrix(model, { maxFrequency: 100, maxT: 100 }),
  { targetMs: 20, runs: 21 },
);
const bgNbd = {
  kind: "bg-nbd" as const,
  params: {
    r: 0.2425929282798216,
    alpha: 4.413532265271803,
    a: 0.7928859664405851,
    b: 2.42575238262545,
  },
  logLikelihood: -9582.425560567366,
  standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
  iterations: 18,
  converged: true as const,
  customerCount: 2357,
  unit: "week" as const,
};
bench(
  "BG/NBD P(alive) matrix 100×100",
  () => probabilityAliveMatrix(bgNbd, { maxFrequency: 100, maxT: 100 }),
  { targetMs: 20, runs: 21 },
);
report();
