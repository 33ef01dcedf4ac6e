#!/usr/bin/env node
// `npm run test:consumers`: what a user gets from the published package, in every module mode.
//
// Builds, packs the package (`npm pack`), installs the tarball once with TypeScript ~5.9 and
// @types/node into a throwaway directory, then for each module mode — ESM `nodenext`, ESM `node16`,
// `bundler`, CommonJS `node16`, CommonJS `commonjs` — and each of `skipLibCheck: false` and `true`
// compiles test/consumers/consumer.ts.txt (one call into every domain and one chart of the
// `customer-value/charts` subpath, plus `// @ts-expect-error`
// lines that only hold when money is typed as `Decimal`, not `any`) and runs the output with Node.
// Every run must print the same figures.
//
// Options: --no-build (pack the existing dist/), --keep (keep the temporary directory).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const args = new Set(process.argv.slice(2));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Runs a command; returns its output, or throws with it when the exit code is not 0. */
function run(command, commandArgs, cwd, { allowFailure = false } = {}) {
  const result = spawnSync(command, commandArgs, { cwd, encoding: "utf8" });
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (!allowFailure && result.status !== 0) {
    throw new Error(`${command} ${commandArgs.join(" ")} (in ${cwd}) failed:\n${output}`);
  }
  return { ok: result.status === 0, stdout: result.stdout ?? "", output };
}

const modes = [
  { name: "esm-nodenext", type: "module", module: "nodenext", moduleResolution: "nodenext" },
  { name: "esm-node16", type: "module", module: "node16", moduleResolution: "node16" },
  { name: "bundler", type: "module", module: "esnext", moduleResolution: "bundler" },
  { name: "cjs-node16", type: "commonjs", module: "node16", moduleResolution: "node16" },
  { name: "cjs-commonjs", type: "commonjs", module: "commonjs", moduleResolution: "node10" },
];

const work = mkdtempSync(join(tmpdir(), "customer-value-consumers-"));
let failures = 0;
try {
  if (!args.has("--no-build")) run(npm, ["run", "build"], root);
  const packed = JSON.parse(run(npm, ["pack", "--json", "--pack-destination", work], root).stdout);
  const tarball = join(work, packed[0].filename);
  console.log(`packed ${packed[0].filename} (${packed[0].files.length} files)`);

  writeFileSync(join(work, "package.json"), JSON.stringify({ name: "consumers", private: true }));
  run(
    npm,
    ["install", "--no-audit", "--no-fund", tarball, "typescript@~5.9", "@types/node@20"],
    work,
  );
  const tsc = join(work, "node_modules", "typescript", "bin", "tsc");
  const version = run(process.execPath, [tsc, "--version"], work).stdout.trim();
  const data = join(root, "examples", "data", "CDNOW_sample.txt");

  const outputs = new Map();
  for (const mode of modes) {
    for (const skipLibCheck of [false, true]) {
      const name = `${mode.name}${skipLibCheck ? "-skiplibcheck" : ""}`;
      const dir = join(work, name);
      mkdirSync(join(dir, "src"), { recursive: true });
      writeFileSync(join(dir, "package.json"), JSON.stringify({ private: true, type: mode.type }));
      const compilerOptions = {
        target: "es2022",
        lib: ["es2022"],
        module: mode.module,
        moduleResolution: mode.moduleResolution,
        strict: true,
        skipLibCheck,
        types: ["node"],
        outDir: "out",
        rootDir: "src",
      };
      writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions }, null, 2));
      copyFileSync(
        join(root, "test", "consumers", "consumer.ts.txt"),
        join(dir, "src", "consumer.ts"),
      );

      const compiled = run(process.execPath, [tsc, "-p", "."], dir, { allowFailure: true });
      if (!compiled.ok) {
        failures++;
        console.log(`✖ ${name}: tsc failed\n${compiled.output.trim().replace(/^/gm, "    ")}`);
        continue;
      }
      const ran = run(process.execPath, [join("out", "consumer.js"), data], dir, {
        allowFailure: true,
      });
      if (!ran.ok) {
        failures++;
        console.log(`✖ ${name}: node failed\n${ran.output.trim().replace(/^/gm, "    ")}`);
        continue;
      }
      outputs.set(name, ran.stdout.trim());
      console.log(`✔ ${name}: compiled (${version}) and ran`);
    }
  }
  const distinct = new Set(outputs.values());
  if (distinct.size > 1) {
    failures++;
    console.log("✖ the modes printed different figures:");
    for (const [name, out] of outputs) console.log(`    ${name}: ${out}`);
  } else if (distinct.size === 1) {
    console.log(`  every mode printed: ${[...distinct][0]}`);
  }
} finally {
  if (args.has("--keep")) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
if (failures > 0) {
  console.log(`${failures} consumer check(s) failed`);
  process.exit(1);
}
console.log(`all ${modes.length * 2} consumer modes passed`);
