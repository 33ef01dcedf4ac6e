/**
 * `npm run bench [-- filter]`: runs every bench/*.bench.ts (or those whose name contains the
 * filter) in its own Node process and prints one table of medians against the issues' targets.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchResult, printTable } from "./harness.js";

const dir = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? "";
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
  .sort();

const all: BenchResult[] = [];
for (const file of files) {
  process.stderr.write(`running ${file}…\n`);
  const out = execFileSync(process.execPath, ["--import", "tsx", "--expose-gc", join(dir, file)], {
    env: { ...process.env, BENCH_JSON: "1" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const lastLine = out.trim().split("\n").at(-1) ?? "[]";
  all.push(...(JSON.parse(lastLine) as BenchResult[]));
}
printTable(all);
