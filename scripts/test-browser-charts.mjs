#!/usr/bin/env node
// `npm run test:browser:charts`: every chart of `customer-value/charts` renders in a real browser.
//
// 1. Builds every spec of test/charts/allCharts.ts (real results on the CDNOW sample) in Node.
// 2. Bundles vega + vega-lite (dev dependencies) with those specs inlined into one page (esbuild,
//    browser platform) that compiles each spec, renders it to SVG in the DOM with a logger that
//    records every warning and error, and writes a verdict per chart into the DOM.
// 3. Loads the page in headless Chromium (/usr/bin/chromium, or $CHROMIUM; no browser download;
//    `--dump-dom` after the renders settle). Fails on any Vega or Vega-Lite warning or error, a
//    chart without an <svg>, or a page that does not report. Reuses the conventions of
//    scripts/test-browser.mjs.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromiumOrExit, dumpPre } from "./lib/chromium.mjs";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const chromium = chromiumOrExit();

const printed = spawnSync(
  process.execPath,
  ["--import", "tsx", join(root, "test", "charts", "printAllCharts.ts")],
  { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
);
if (printed.status !== 0) {
  console.error(`✖ could not build the specs:\n${printed.stderr}`);
  process.exit(1);
}
const specs = JSON.parse(printed.stdout);
const names = Object.keys(specs);

const page = `
import * as vega from "vega";
import { compile } from "vega-lite";
const specs = ${JSON.stringify(specs)};
function recorder(messages) {
  let level = 0;
  const logger = {
    level(value) { if (value === undefined) return level; level = value; return logger; },
    error(...args) { messages.push("error: " + args.join(" ")); return logger; },
    warn(...args) { messages.push("warn: " + args.join(" ")); return logger; },
    info() { return logger; },
    debug() { return logger; },
  };
  return logger;
}
const verdicts = {};
for (const [name, spec] of Object.entries(specs)) {
  const messages = [];
  const logger = recorder(messages);
  const container = document.createElement("div");
  container.dataset.chart = name;
  document.body.append(container);
  try {
    const view = new vega.View(vega.parse(compile(spec, { logger }).spec), {
      renderer: "svg", container, logger, hover: true,
    });
    view.logLevel(vega.Warn);
    await view.runAsync();
    if (container.querySelector("svg") === null) messages.push("error: no <svg> rendered");
  } catch (error) {
    messages.push("error: " + (error && error.stack ? error.stack : String(error)));
  }
  verdicts[name] = messages;
}
document.getElementById("verdicts").textContent = "OK " + JSON.stringify(verdicts);
`;

const app = mkdtempSync(join(tmpdir(), "customer-value-charts-browser-"));
let failed = false;
try {
  const bundle = await build({
    stdin: { contents: page, resolveDir: root, loader: "js" },
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    write: false,
    logLevel: "error",
  });
  const code = bundle.outputFiles[0].text;
  writeFileSync(
    join(app, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>customer-value/charts</title>
<pre id="verdicts"></pre>
<script type="module">
${code.replaceAll("</script", "<\\/script")}
</script>`,
  );
  const started = Date.now();
  const { shown, chrome } = dumpPre(chromium, app, "verdicts", {
    extraArgs: ["--virtual-time-budget=60000"],
    maxBuffer: 256 * 1024 * 1024,
  });
  if (shown === undefined || !shown.startsWith("OK ")) {
    failed = true;
    console.log(
      `✖ the page did not report (Chromium exit ${chrome.status}, ${chrome.error ?? ""})`,
    );
    console.log((chrome.stderr ?? "").split("\n").slice(-20).join("\n"));
  } else {
    const verdicts = JSON.parse(shown.slice(3));
    const svgs = (chrome.stdout.match(/<svg/g) ?? []).length;
    for (const name of names) {
      const messages = verdicts[name];
      if (messages === undefined || messages.length > 0) {
        failed = true;
        console.log(`✖ ${name}: ${messages === undefined ? "not rendered" : messages.join("; ")}`);
      }
    }
    if (svgs < names.length) {
      failed = true;
      console.log(`✖ ${svgs} <svg> elements in the page for ${names.length} charts`);
    }
    if (!failed) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `✔ headless Chromium rendered ${names.length} charts to SVG without a Vega warning (${seconds} s)`,
      );
    }
  }
} finally {
  rmSync(app, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
