#!/usr/bin/env node
// `npm run size`: what an app pays to import parts of the package in a browser bundle.
//
// Bundles imports of `customer-value` and `customer-value/charts` with esbuild — minified, ESM, browser platform,
// tree-shaken — resolving the package the way an app's bundler does (through package.json
// "exports", from a node_modules/customer-value link to this checkout), gzips each result
// (level 9) and compares with the size budgets (kB = 1000 bytes). Prints the table and what
// dominates each bundle (minified bytes by package, from esbuild's metafile). Run `npm run build`
// first (or pass --build).
//
// Each import has a budget (the target) and, while the budget is not met, a ceiling: the size
// measured when the budget was last missed, rounded up. CI runs this script: it exits 1 when an
// import grows past its ceiling (or past its budget when it has no ceiling), so nothing gets
// heavier unnoticed; `--strict` also fails on a missed budget. A ceiling is removed once the budget
// is met. docs/bundle.md keeps the figures and what dominates each bundle.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = resolve(fileURLToPath(import.meta.url), "../..");
if (process.argv.includes("--build") || !existsSync(join(root, "dist", "modules", "index.js"))) {
  const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const cases = [
  {
    name: "netPromoterScore",
    source: "export { netPromoterScore } from 'customer-value';",
    budget: 12,
  },
  {
    name: "retentionLifetimeValue",
    source: "export { retentionLifetimeValue } from 'customer-value';",
    budget: 25,
    ceiling: 27,
  },
  {
    name: "fitBgNbd + probabilityAlive",
    source: "export { fitBgNbd, probabilityAlive } from 'customer-value';",
    budget: 25,
    // 27 until issue 16 gave probabilityAlive a `horizon` for every model (P(alive at T + t):
    // a ₂F₁ path with a Beta-mixture fallback, unit conversion): +1 kB.
    ceiling: 28,
  },
  // 98 until issues 16 and 19 added the prediction set, the simulators and predictiveCheck: +10 kB.
  { name: "whole library", source: "export * from 'customer-value';", budget: 80, ceiling: 108 },
  // customer-value/charts: ≤ 6 kB per chart function (issue 21); the import must not pull in the
  // library's code (a chart only reads a result), so its cost is the charts' own.
  {
    name: "charts: netPromoterScoreChart + probabilityAliveChart",
    source: "export { netPromoterScoreChart, probabilityAliveChart } from 'customer-value/charts';",
    budget: 12,
  },
  {
    name: "charts: every chart",
    source: "export * from 'customer-value/charts';",
    budget: 6 * 15,
  },
];

/** The package an input file belongs to (`customer-value` for dist/), for the attribution. */
function owner(path) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(path);
  if (match === null || match[1] === "customer-value") return "customer-value";
  const sub = match[2] ?? "";
  // zod's parts are worth telling apart: `import { z } from "zod"` keeps the whole classic namespace
  // (every locale, JSON Schema conversion) alive; zod/mini imports only the functions used.
  if (match[1] === "zod") {
    if (sub.includes("/locales/")) return "zod locales";
    return sub.includes("/classic/") ? "zod classic API" : "zod core";
  }
  return match[1];
}

// An app directory whose node_modules holds the package, as after `npm install customer-value`.
const app = mkdtempSync(join(tmpdir(), "customer-value-size-"));
mkdirSync(join(app, "node_modules"));
symlinkSync(root, join(app, "node_modules", "customer-value"), "dir");

const kB = (bytes) => (bytes / 1000).toFixed(1);
const rows = [];
let missed = 0;
let grew = 0;
for (const c of cases) {
  const result = await build({
    stdin: { contents: c.source, resolveDir: app, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    treeShaking: true,
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const code = result.outputFiles[0].contents;
  const gzip = gzipSync(code, { level: 9 }).length;
  const byOwner = new Map();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      byOwner.set(owner(path), (byOwner.get(owner(path)) ?? 0) + bytesInOutput);
    }
  }
  const shares = [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .filter(([, bytes]) => bytes > 0)
    .map(([name, bytes]) => `${name} ${Math.round((100 * bytes) / code.length)} %`)
    .join(", ");
  const ok = gzip <= c.budget * 1000;
  const limit = c.ceiling ?? c.budget;
  const status = ok ? "ok" : gzip <= limit * 1000 ? `over budget, under ceiling ${limit}` : "OVER";
  if (!ok) missed++;
  if (gzip > limit * 1000) grew++;
  rows.push([c.name, kB(code.length), kB(gzip), `${c.budget}`, status, shares]);
}

rmSync(app, { recursive: true, force: true });

const header = ["import", "min kB", "min+gz kB", "budget kB", "", "minified bytes by package"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]))
    .join("  ")
    .trimEnd();
console.log(line(header));
for (const row of rows) console.log(line(row));
if (missed > 0) {
  console.log(
    `\n${missed} of ${cases.length} size budgets missed (gzipped, esbuild, browser, ESM)`,
  );
}
if (grew > 0) {
  console.log(`${grew} of ${cases.length} imports grew past their ceiling`);
  process.exit(1);
}
if (missed > 0 && process.argv.includes("--strict")) process.exit(1);
