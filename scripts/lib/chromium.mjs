// Headless Chromium for the browser checks (scripts/test-browser.mjs, scripts/test-browser-charts.mjs):
// the system browser (/usr/bin/chromium, or $CHROMIUM; no browser download), a page loaded from a
// file, and the text a <pre> element of the page holds once it has run (`--dump-dom`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The Chromium binary; exits the process with a hint when there is none. */
export function chromiumOrExit() {
  const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    console.error(`✖ no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM)`);
    process.exit(1);
  }
  return chromium;
}

/**
 * Loads `dir/index.html` in headless Chromium (profile in `dir`) and returns the decoded text of
 * `<pre id="{preId}">` once the page has loaded (`undefined` when it is missing), with the process
 * result. `extraArgs` go before `--dump-dom` (e.g. a virtual-time budget).
 */
export function dumpPre(
  chromium,
  dir,
  preId,
  { extraArgs = [], maxBuffer = 64 * 1024 * 1024 } = {},
) {
  const chrome = spawnSync(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${join(dir, "chromium-profile")}`,
      ...extraArgs,
      "--dump-dom",
      `file://${join(dir, "index.html")}`,
    ],
    { encoding: "utf8", timeout: 180_000, maxBuffer },
  );
  const dom = new RegExp(`<pre id="${preId}">([^<]*)</pre>`).exec(chrome.stdout ?? "");
  const shown = dom?.[1]
    .replaceAll("&quot;", '"')
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
  return { shown, chrome };
}
