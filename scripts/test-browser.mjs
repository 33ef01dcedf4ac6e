#!/usr/bin/env node
// `npm run test:browser`: the quickstart's pure part runs in a real browser and agrees with Node.
//
// 1. Bundles test/consumers/quickstartFigures.ts with the CDNOW sample inlined (esbuild, ESM,
//    browser platform), resolving its library import to `customer-value` the way an app's bundler
//    does (package.json "exports", from a node_modules/customer-value link to this checkout).
//    Fails if any `node:` or Node built-in import reaches the bundle.
// 2. Runs it in headless Chromium (/usr/bin/chromium, or $CHROMIUM; no browser download): the page
//    writes its figures into the DOM, which `--dump-dom` prints once the page has loaded.
// 3. Runs the same function in Node on the package's Node entry (dist/index.js) and compares:
//    the `exact` figures (decimal sums, counts, NPS) must be identical; the `estimated` ones (fitted
//    models, P(alive), CLV) must agree to a relative 1e-6. They cannot be bitwise equal across
//    engines: Math.exp/log/pow/... differ in the last bit between Node 20's V8 and current
//    Chromium's (ECMA-262 leaves their accuracy to the implementation; only + − × ÷ √ are exact).
//    A fit stops once it is certified within 1e-4 standard errors of the maximum (the Newton
//    decrement, docs/conventions.md); when those last-bit differences change the optimiser's path,
//    the two engines stop at different points of that certified ball (measured: 1.3e-8 relative in
//    the Gamma-Gamma parameters, 2.7e-12 in the BG/NBD ones), and the values computed from the
//    fits inherit the difference. 1e-6 is the fits' own precision, not a looser one.
// Run `npm run build` first (or pass --build).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromiumOrExit, dumpPre } from "./lib/chromium.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const chromium = chromiumOrExit();
if (process.argv.includes("--build") || !existsSync(join(root, "dist", "modules", "index.js"))) {
  const built = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const app = mkdtempSync(join(tmpdir(), "customer-value-browser-"));
let failed = false;
try {
  mkdirSync(join(app, "node_modules"));
  symlinkSync(root, join(app, "node_modules", "customer-value"), "dir");
  const figures = join(root, "test", "consumers", "quickstartFigures.ts");
  const sample = join(root, "examples", "data", "CDNOW_sample.txt");
  const entry = [
    `import { quickstartFigures } from ${JSON.stringify(figures)};`,
    `import sample from ${JSON.stringify(sample)};`,
    "globalThis.__figures = () => JSON.stringify(quickstartFigures(sample));",
  ].join("\n");
  // quickstartFigures.ts imports ../../src/index.js (so the repository's tsc checks it); consumers
  // import the package instead: resolve that import as `customer-value` from the app directory.
  const asPackage = (external) => ({
    name: "as-package",
    setup(b) {
      b.onResolve({ filter: /\/src\/index\.js$/ }, async (args) => {
        if (!args.importer.endsWith("quickstartFigures.ts")) return undefined;
        if (external) return { path: "customer-value", external: true };
        return b.resolve("customer-value", { kind: args.kind, resolveDir: app });
      });
    },
  });
  const common = {
    stdin: { contents: entry, resolveDir: app, loader: "js" },
    bundle: true,
    format: "esm",
    loader: { ".txt": "text" },
    write: false,
    metafile: true,
    logLevel: "error",
  };

  // 1. the browser bundle, and what it imports
  const browser = await build({
    ...common,
    platform: "browser",
    target: "es2022",
    minify: true,
    plugins: [asPackage(false)],
  });
  const nodeOnly = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
  const leaks = Object.values(browser.metafile.inputs)
    .flatMap((input) => input.imports)
    .filter((imp) => imp.external || imp.path.startsWith("node:") || nodeOnly.has(imp.path))
    .map((imp) => imp.path);
  const inputs = Object.keys(browser.metafile.inputs);
  const viaModules = inputs.some((path) => path.includes("dist/modules/"));
  const code = browser.outputFiles[0].text;
  if (leaks.length > 0 || /\bfrom\s*"node:|require\("node:/.test(code)) {
    failed = true;
    console.log(`✖ Node-only imports reached the browser bundle: ${leaks.join(", ") || "node:"}`);
  } else {
    console.log(
      `✔ browser bundle: ${(code.length / 1000).toFixed(0)} kB (sample inlined), ${inputs.length} modules, no node: import${viaModules ? ", library from dist/modules" : ""}`,
    );
  }

  // 2. run it in headless Chromium
  const html = `<!doctype html><meta charset="utf-8"><title>customer-value</title>
<pre id="figures"></pre>
<script type="module">
${code.replaceAll("</script", "<\\/script")}
const out = document.getElementById("figures");
try { out.textContent = "OK " + globalThis.__figures(); }
catch (error) { out.textContent = "ERROR " + (error && error.stack ? error.stack : String(error)); }
</script>`;
  writeFileSync(join(app, "index.html"), html);
  const started = Date.now();
  const { shown, chrome } = dumpPre(chromium, app, "figures");
  if (shown === undefined || !shown.startsWith("OK ")) {
    failed = true;
    console.log(
      `✖ Chromium did not compute the figures (exit ${chrome.status}, ${chrome.error ?? ""})`,
    );
    console.log(shown ?? (chrome.stderr ?? "").split("\n").slice(-20).join("\n"));
  }
  const inBrowser = shown?.startsWith("OK ") ? shown.slice(3) : undefined;
  if (inBrowser !== undefined) {
    console.log(
      `✔ headless Chromium computed the figures (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }

  // 3. the same function in Node, on the package's Node entry
  const forNode = await build({ ...common, platform: "node", plugins: [asPackage(true)] });
  writeFileSync(
    join(app, "node-run.mjs"),
    `${forNode.outputFiles[0].text}\nprocess.stdout.write(globalThis.__figures());\n`,
  );
  const node = spawnSync(process.execPath, [join(app, "node-run.mjs")], {
    cwd: app,
    encoding: "utf8",
  });
  if (node.status !== 0) {
    failed = true;
    console.log(`✖ Node run failed:\n${node.stderr}`);
  } else if (inBrowser !== undefined) {
    const browserFigures = JSON.parse(inBrowser);
    const nodeFigures = JSON.parse(node.stdout);
    const problems = [];
    for (const key of Object.keys(nodeFigures.exact)) {
      const a = JSON.stringify(browserFigures.exact[key]);
      const b = JSON.stringify(nodeFigures.exact[key]);
      if (a !== b) problems.push(`exact ${key}: browser ${a}, node ${b}`);
    }
    let worst = 0;
    const compare = (path, a, b) => {
      if (typeof b === "object" && b !== null) {
        for (const key of Object.keys(b)) compare(`${path}.${key}`, a?.[key], b[key]);
        return;
      }
      const x = Number(a);
      const y = Number(b);
      const relative = x === y ? 0 : Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y));
      worst = Math.max(worst, relative);
      if (!(relative <= 1e-6))
        problems.push(`${path}: browser ${a}, node ${b} (relative ${relative})`);
    };
    compare("estimated", browserFigures.estimated, nodeFigures.estimated);
    if (problems.length > 0) {
      failed = true;
      console.log(`✖ Chromium and Node disagree:\n  ${problems.join("\n  ")}`);
    } else {
      console.log(
        `✔ Chromium and Node agree: exact figures identical, estimated ones to a relative ${worst.toExponential(1)} (≤ 1e-6)`,
      );
      console.log(`  ${node.stdout}`);
    }
  }
} finally {
  rmSync(app, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
