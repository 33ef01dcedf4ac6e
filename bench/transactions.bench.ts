/**
 * Benchmark: `summarizeTransactions` on 1,000,000 generated transactions of 100,000
 * customers (ISO date strings, amounts as strings with cents), parsing and validation included;
 * target < 400 ms median, peak RSS < 600 MB (measured for one call in a fresh process, input
 * included). Also the real CDNOW_master log (69,659 rows), and `splitCalibrationHoldout` on the
 * same generated log.
 * For comparison: Python lifetimes needs about 410 ms on the generated log with parsed
 * dates (490 ms with parsing) and 54 ms on CDNOW_master.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { splitCalibrationHoldout, summarizeTransactions, type Transaction } from "../src/index.js";
import { bench, record, report } from "./harness.js";

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same log. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(transactions: number, customers: number): Transaction[] {
  const next = random(2026);
  const start = Date.UTC(2022, 0, 1);
  const days = 3 * 365;
  // Month prefixes ("2023-04") once; every transaction still gets its own id, date and amount string.
  const months = new Map<number, [string, number]>();
  for (let day = 0; day < days; day++) {
    const iso = new Date(start + day * 86_400_000).toISOString();
    months.set(day, [iso.slice(0, 7), Number(iso.slice(8, 10))]);
  }
  const log: Transaction[] = new Array(transactions);
  for (let i = 0; i < transactions; i++) {
    const customer = i < customers ? i : Math.floor(next() * customers);
    const [month, dayOfMonth] = months.get(Math.floor(next() * days))!;
    const cents = 100 + Math.floor(next() * 20_000);
    log[i] = {
      customerId: `C${customer + 1_000_000}`,
      date: `${month}-${dayOfMonth < 10 ? "0" : ""}${dayOfMonth}`,
      amount: `${Math.floor(cents / 100)}.${cents % 100 < 10 ? "0" : ""}${cents % 100}`,
    };
  }
  return log;
}

function cdnowMaster(): Transaction[] {
  const path = join(dirname(fileURLToPath(import.meta.url)), "../test/fixtures/CDNOW_master.txt");
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [id, date, , amount] = line.trim().split(/\s+/);
      return {
        customerId: id!,
        date: `${date!.slice(0, 4)}-${date!.slice(4, 6)}-${date!.slice(6, 8)}`,
        amount: amount!,
      };
    });
}

const generated = generate(1_000_000, 100_000);

if (process.argv.includes("--one-call")) {
  // Child mode: the peak memory of one call in a fresh process, input included.
  (globalThis as { gc?: () => void }).gc?.();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  summarizeTransactions(generated, { observationEnd: "2024-12-31", unit: "week" });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMb })}\n`);
  process.exit(0);
}

const master = cdnowMaster();
// Measure the function, not the generator's garbage (bench/run.ts passes --expose-gc).
(globalThis as { gc?: () => void }).gc?.();

const weeks = "summarizeTransactions 1M tx / 100k customers (weeks, calendar)";
bench(
  weeks,
  () => summarizeTransactions(generated, { observationEnd: "2024-12-31", unit: "week" }),
  { targetMs: 400 },
);
const days = "summarizeTransactions 1M tx / 100k customers (days)";
bench(days, () => summarizeTransactions(generated, { unit: "day", observationEnd: "2024-12-31" }), {
  targetMs: 400,
});
// Peak memory of summarising the 1M log once, in a fresh process (the input log included). The
// rows above run eight calls back to back in one process, so their peak RSS also holds the
// garbage of earlier calls that V8 has not collected yet (it depends on GC timing, not on what one
// call needs).
const child = JSON.parse(
  execFileSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", fileURLToPath(import.meta.url), "--one-call"],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  )
    .trim()
    .split("\n")
    .at(-1)!,
) as { ms: number; cpuMs: number; maxRssMb: number };
record({
  name: "summarizeTransactions 1M, one call in a fresh process: peak RSS",
  medianMs: child.ms,
  minMs: child.ms,
  cpuMedianMs: child.cpuMs,
  runs: 1,
  targetMs: undefined,
  peakRssMb: child.maxRssMb,
  targetRssMb: 600,
});
bench("splitCalibrationHoldout 1M tx / 100k customers (weeks, elapsed)", () =>
  splitCalibrationHoldout(generated, {
    calibrationEnd: "2023-12-31",
    observationEnd: "2024-12-31",
    unit: "week",
    bucketing: "elapsed",
  }),
);
bench(
  "summarizeTransactions CDNOW_master 69,659 tx (weeks, calendar)",
  () => summarizeTransactions(master, { observationEnd: "1998-06-30", unit: "week" }),
  { runs: 15 },
);
report();
