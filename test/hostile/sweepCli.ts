/**
 * Runs the seeded random sweep in this process and prints a JSON report on stdout; the current
 * call's label goes to stderr first, so a parent that kills a hung run knows which call hung.
 * Used by test/slow/hostile.test.ts, which runs it under two process time zones:
 *
 *   TZ=America/Los_Angeles npx tsx test/hostile/sweepCli.ts <seed> <runsPerExport>
 */
import { writeSync } from "node:fs";
import * as api from "../../src/index.js";
import { prototypeSnapshot } from "./engine.js";
import { randomSweep } from "./sweep.js";

const seed = Number(process.argv[2] ?? 23);
const runs = Number(process.argv[3] ?? 40);
const before = prototypeSnapshot();
const report = randomSweep(api as unknown as Record<string, unknown>, seed, runs, (label) => {
  writeSync(2, `${label.slice(0, 300)}\n`);
});
const after = prototypeSnapshot();
process.stdout.write(
  JSON.stringify({
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    calls: report.calls,
    skipped: report.skipped,
    violations: report.violations,
    known: [...report.known].map(([k, v]) => ({
      export: k.export,
      reproducer: k.reproducer,
      count: v.length,
    })),
    digest: report.digest,
    prototypesUntouched: before === after,
  }),
);
