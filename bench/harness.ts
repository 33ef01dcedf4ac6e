/**
 * A tiny benchmark harness: each `bench/*.bench.ts` file calls {@link bench} for its cases and
 * {@link report} at the end. `npm run bench` (bench/run.ts) runs every file in its own process so
 * that peak memory (max RSS) belongs to that file alone.
 */
import { cpus, totalmem } from "node:os";

export interface BenchResult {
  readonly name: string;
  /** Median wall time of the timed runs, ms. */
  readonly medianMs: number;
  readonly minMs: number;
  /** Median process CPU time (user + system, all threads incl. GC helpers) of the timed runs, ms. */
  readonly cpuMedianMs: number;
  readonly runs: number;
  /** Target from the issue, ms (undefined when there is none). */
  readonly targetMs: number | undefined;
  /** Peak resident memory of the process so far, MB. */
  readonly peakRssMb: number;
  /** Target for peak memory, MB. */
  readonly targetRssMb: number | undefined;
}

const results: BenchResult[] = [];

export interface BenchOptions {
  /** Timed runs after one warm-up run (default 7). */
  readonly runs?: number;
  readonly targetMs?: number;
  readonly targetRssMb?: number;
  /** Warm-up runs (default 1). */
  readonly warmup?: number;
}

/** Times `fn` (median of `runs` runs after warm-up) and records the result. */
export function bench(name: string, fn: () => unknown, options: BenchOptions = {}): BenchResult {
  const runs = options.runs ?? 7;
  let sink: unknown;
  for (let i = 0; i < (options.warmup ?? 1); i++) sink = fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Drop the previous result first, so it does not stay alive (and inflate GC work) during the next run.
    sink = undefined;
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    sink = fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const result: BenchResult = {
    name,
    medianMs: times[Math.floor(times.length / 2)]!,
    minMs: times[0]!,
    cpuMedianMs: cpu[Math.floor(cpu.length / 2)]!,
    runs,
    targetMs: options.targetMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    targetRssMb: options.targetRssMb,
  };
  results.push(result);
  return result;
}

/** Records a result measured elsewhere (e.g. in a child process). */
export function record(result: BenchResult): void {
  results.push(result);
}

/** Prints this file's results as JSON for bench/run.ts (or as a table when run alone). */
export function report(): void {
  if (process.env.BENCH_JSON === "1") {
    process.stdout.write(`${JSON.stringify(results)}\n`);
  } else {
    printTable(results);
  }
}

export function printTable(rows: readonly BenchResult[]): void {
  console.log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const header = [
    "benchmark",
    "median ms",
    "min ms",
    "CPU ms",
    "runs",
    "target ms",
    "peak RSS MB",
    "status",
  ];
  const lines = rows.map((r) => {
    const timeOk = r.targetMs === undefined || r.medianMs <= r.targetMs;
    const memOk = r.targetRssMb === undefined || r.peakRssMb <= r.targetRssMb;
    return [
      r.name,
      r.medianMs.toFixed(2),
      r.minMs.toFixed(2),
      r.cpuMedianMs.toFixed(r.cpuMedianMs < 10 ? 2 : 0),
      String(r.runs),
      r.targetMs === undefined ? "-" : String(r.targetMs),
      r.peakRssMb.toFixed(0) + (r.targetRssMb === undefined ? "" : ` (≤ ${r.targetRssMb})`),
      r.targetMs === undefined && r.targetRssMb === undefined
        ? ""
        : timeOk && memOk
          ? "ok"
          : "MISSED",
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(fmt(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const line of lines) console.log(fmt(line));
}
