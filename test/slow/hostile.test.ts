/**
 * The promises at the edges: a seeded fast-check sweep over every export of `src/index.ts` with hostile
 * values (test/hostile/sweep.ts) asserts, per call, only `InvalidInputError` / `ModelFitError`,
 * no bare "Invalid input" message, no non-finite number or Decimal returned (deep, typed arrays
 * included), no call over 2 s, and `Object.prototype` / `Array.prototype` untouched; and the
 * whole sweep, run in two processes with `TZ=UTC` and `TZ=America/Los_Angeles`, returns identical
 * results (a canonical digest of every call). Known failures, if any, are listed, by reproducer, in test/hostile/knownFailures.ts.
 */
import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { KNOWN_TIME_ZONE_DEPENDENT } from "../hostile/knownFailures.js";
import type { Violation } from "../hostile/sweep.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SEED = 23;
const RUNS_PER_EXPORT = Number(process.env.HOSTILE_RUNS ?? 120);
/** A run that takes longer has hung (a sweep of ~4,000 calls takes a few minutes on 2 cores). */
const SWEEP_TIMEOUT_MS = 25 * 60_000;

interface CliReport {
  readonly timeZone: string;
  readonly calls: number;
  readonly skipped: number;
  readonly violations: Violation[];
  readonly known: { export: string; reproducer: string; count: number }[];
  readonly digest: string[];
  readonly prototypesUntouched: boolean;
}

/** Runs test/hostile/sweepCli.ts under `timeZone`; on a hang, names the call that hung. */
function sweepIn(timeZone: string): Promise<CliReport> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      resolve(root, "node_modules/.bin/tsx"),
      ["test/hostile/sweepCli.ts", String(SEED), String(RUNS_PER_EXPORT)],
      { cwd: root, env: { ...process.env, TZ: timeZone } },
    );
    let stdout = "";
    let lastCall = "";
    // setEncoding decodes across chunk boundaries (a "→" split between two chunks stays whole).
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: string) => {
      const lines = chunk.trimEnd().split("\n");
      lastCall = lines[lines.length - 1] ?? lastCall;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`TZ=${timeZone}: the sweep hung; last call started: ${lastCall}`));
    }, SWEEP_TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`TZ=${timeZone}: the sweep exited with ${code}; last call: ${lastCall}`));
        return;
      }
      resolvePromise(JSON.parse(stdout) as CliReport);
    });
  });
}

it(
  "hostile sweep: two error types, finite results, ≤ 2 s per call, no pollution, TZ-independent",
  async () => {
    const [utc, losAngeles] = await Promise.all([sweepIn("UTC"), sweepIn("America/Los_Angeles")]);
    expect(utc.timeZone).toBe("UTC");
    expect(losAngeles.timeZone).toBe("America/Los_Angeles");
    for (const report of [utc, losAngeles]) {
      expect(report.calls).toBeGreaterThan(RUNS_PER_EXPORT * 40);
      expect(
        report.violations.map((v) => `${v.kind}: ${v.label} — ${v.detail}`),
        `TZ=${report.timeZone}`,
      ).toEqual([]);
      expect(report.prototypesUntouched).toBe(true);
    }
    // Same calls, same results, whatever the process time zone.
    const differences = utc.digest
      .map((line, i) => [line, losAngeles.digest[i]] as const)
      .filter(([a, b]) => a !== b)
      .filter(([a]) => !KNOWN_TIME_ZONE_DEPENDENT.some((k) => k.matches(a)))
      .slice(0, 10)
      .map(([a, b]) => `UTC: ${a.slice(0, 300)}\nLA:  ${(b ?? "(missing)").slice(0, 300)}`);
    expect(differences).toEqual([]);
    expect(losAngeles.digest.length).toBe(utc.digest.length);
  },
  60 * 60_000,
);
