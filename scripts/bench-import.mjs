#!/usr/bin/env node
// `npm run bench:import`: what loading the package costs a fresh Node process.
//
// Runs `node -e 0`, `require("customer-value")` (dist/index.cjs) and `import("customer-value")`
// (dist/index.js), and the package's dependencies alone, each in a new process, interleaved, and
// prints the median over the runs (10 by default; `--runs N`) of the wall time and of the process's
// CPU time (user + system, from process.cpuUsage at exit — less sensitive to a busy machine),
// minus the bare `node -e 0` process. Target: ≤ 40 ms above `node -e 0`.
// The package resolves by self-reference (package.json "exports"), so run `npm run build` first.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 10;
const cpu =
  "const u = process.cpuUsage(); process.stdout.write(String((u.user + u.system) / 1000));";

const cases = [
  { name: "node -e 0 (baseline)", args: ["-e", cpu] },
  { name: 'require("customer-value")', args: ["-e", `require("customer-value"); ${cpu}`] },
  {
    name: 'import("customer-value")',
    args: ["--input-type=module", "-e", `await import("customer-value"); ${cpu}`],
  },
  { name: '  of which require("decimal.js")', args: ["-e", `require("decimal.js"); ${cpu}`] },
  {
    name: "  zod/mini from node_modules (not loaded: bundled in)",
    args: ["-e", `require("zod/mini"); ${cpu}`],
  },
];

const samples = cases.map(() => ({ wall: [], cpu: [] }));
for (let i = 0; i < runs; i++) {
  cases.forEach((c, k) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, c.args, { cwd: root, encoding: "utf8" });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${c.name} failed:\n${result.stderr}`);
    samples[k].wall.push(wall);
    samples[k].cpu.push(Number(result.stdout));
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const base = { wall: median(samples[0].wall), cpu: median(samples[0].cpu) };
console.log(`cold import, median of ${runs} processes (ms; "+" = above node -e 0)`);
console.log("case                               wall    +wall    cpu    +cpu");
cases.forEach((c, k) => {
  const wall = median(samples[k].wall);
  const used = median(samples[k].cpu);
  console.log(
    `${c.name.padEnd(33)} ${wall.toFixed(0).padStart(6)} ${(wall - base.wall).toFixed(0).padStart(7)} ${used.toFixed(0).padStart(6)} ${(used - base.cpu).toFixed(0).padStart(7)}`,
  );
});
