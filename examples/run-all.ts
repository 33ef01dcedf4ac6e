/**
 * Smoke run of every example (used by `npm run check`): runs each examples/*.ts script except this
 * one and fails if any exits non-zero or prints nothing.
 */
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = dirname(fileURLToPath(import.meta.url));
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run-all.ts")
  .sort();
for (const script of scripts) {
  const out = execFileSync(process.execPath, ["--import", "tsx", join(dir, script)], {
    encoding: "utf8",
  });
  if (out.trim().length === 0) throw new Error(`examples/${script} printed nothing`);
  console.log(`examples/${script}: ok (${out.split("\n").length} lines)`);
}
