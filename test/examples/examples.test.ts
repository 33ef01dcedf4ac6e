/**
 * Smoke tests of the runnable examples: each `examples/*.ts` script runs under `node --import tsx`
 * (as `npx tsx examples/<name>.ts` would) and prints the lines a reader is told to expect; the
 * quickstart writes the five charts (specs from customer-value/charts), and each chart is parsed
 * as XML and checked for its series.
 *
 * The scripts run one after another in this single file (they share examples/output/), ~15 s in all.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCharts } from "../../examples/charts.js";
import { loadCdnowSample } from "../../examples/data/load.js";
import {
  assignSegments,
  fitBgNbd,
  probabilityAliveMatrix,
  rfmScores,
  rfmTable,
  segmentSummary,
  splitCalibrationHoldout,
} from "../../src/index.js";
import { descendants, parseXml, type XmlElement } from "./xml.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const examples = join(root, "examples");
const output = join(examples, "output");
const run = promisify(execFile);

async function runExample(script: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", join(examples, script), ...args],
    { cwd: root, encoding: "utf8", env: { ...process.env, TZ: process.env.TZ ?? "UTC" } },
  );
  return stdout;
}

/** Every line of `expected` appears in `output` (in that order). */
function expectLines(output: string, expected: readonly (string | RegExp)[]): void {
  let from = 0;
  const lines = output.split("\n");
  for (const want of expected) {
    const at = lines.findIndex(
      (line, i) => i >= from && (typeof want === "string" ? line.includes(want) : want.test(line)),
    );
    expect(
      at,
      `expected a line matching ${String(want)} after line ${from}`,
    ).toBeGreaterThanOrEqual(0);
    from = at + 1;
  }
}

describe("examples run and print what their docs promise", { timeout: 120_000 }, () => {
  it("every example script is covered here", () => {
    const scripts = readdirSync(examples).filter((f) => f.endsWith(".ts"));
    expect(scripts.sort()).toEqual(
      [
        "charts.ts",
        "churn-recovery.ts",
        "lifetime-value.ts",
        "quickstart.ts",
        "run-all.ts",
        "satisfaction.ts",
        "score-in-workers.ts",
        "segmentation.ts",
        "subscription-retention.ts",
      ].sort(),
    );
  });

  it("quickstart.ts: the whole story, with the published CDNOW fit, and the charts", async () => {
    rmSync(output, { recursive: true, force: true });
    const out = await runExample("quickstart.ts");
    expectLines(out, [
      "1. The customer base",
      /^customers\s+2,357$/,
      /^transactions\s+6,919$/,
      "2. Models fitted on the 39-week calibration period",
      // Fader, Hardie & Lee (2005), Table 1 / BTYD walkthrough: r 0.2426, α 4.414, a 0.7929, b 2.426
      /^BG\/NBD \(weeks\)\s+r 0\.2426 .*alpha 4\.4136 .*a 0\.7929 .*b 2\.4259 .*-9582\.43$/,
      // BTYD walkthrough, calibration vs holdout by frequency: 1,411 customers at x = 0, 0.2367 actual
      /^0\s+1411\s+0\.237\s+0\.225$/,
      "total: predicted 1653.4 repeat purchases, actual 1882",
      "3. Top 10 customers by 52-week CLV",
      "first-payment-now  366.67",
      "4. RFM segments as of 1998-07-01",
      /^Champions\s+624\s+26\.5%\s+164876\.58$/,
      "5. Satisfaction to loyalty",
      /^NPS\s+25\.0 /,
      // Issue 16: the plan values customers by value at risk and retains the likely-alive ones, so
      // rank 1 is no longer 509 (P(alive) 0.95, now "retain") but 1901 (P(alive) ≈ 0, $1,858 if
      // alive); the totals are those of docs/churn-recovery.md and the README (same recipe).
      "6. Top of the recovery plan ($4 offer, $300 budget, exact selection, spend $160.00, expected net $373.26; 1,964 customers still likely active: retain)",
      /^\s+1\s+1901\s+key\s+recover-strongly\s+0\.000\s/,
      "7. Charts written to examples/output/",
      "tracking.svg",
      "nps-distribution.svg",
    ]);
  });

  it("charts.ts: writes the five SVG files when run on its own", async () => {
    const out = await runExample("charts.ts");
    expectLines(out, [
      "Charts written (SVG):",
      /tracking\.svg$/,
      /calibration-vs-holdout\.svg$/,
      /p-alive-heatmap\.svg$/,
      /rfm-segments\.svg$/,
      /nps-distribution\.svg$/,
    ]);
  });

  it("lifetime-value.ts: three model families, the spend model and the predictions", async () => {
    const out = await runExample("lifetime-value.ts");
    expectLines(out, [
      // Fader, Hardie & Lee (2005): BG/NBD r 0.2426, α 4.414, a 0.793, b 2.426, LL −9582.4
      /^bg-nbd\s+r 0\.2426, alpha 4\.414, a 0\.7929, b 2\.426\s+-9582\.43/,
      // Fader, Hardie & Lee (2005, "A note on implementing the Pareto/NBD"): r 0.55, α 10.58, s 0.61, β 11.67
      /^pareto-nbd\s+r 0\.5533, alpha 10\.58, s 0\.6062, beta 11\.67\s+-9594\.98/,
      /^recommended by BIC: /,
      // customer 1 (x 2, t_x 30.43, T 38.86): P(alive) 0.7266, CET(39) 1.2260, DERT 5.17 at 15 %/year
      /^\s+1\s+2\s+30\.43\s+38\.86\s+0\.7266\s+1\.2260\s+\d+\.\d\d\s+5\.170\s/,
    ]);
  });

  it("segmentation.ts: cut points and the classic segments", async () => {
    const out = await runExample("segmentation.ts");
    expectLines(out, [
      "RFM of 2,357 customers as of 1998-07-01",
      /purchases\s+≥ 2 \/ 2 \/ 3 \/ 5$/,
      /^Champions\s+624\s+26\.5%\s+164876\.58/,
    ]);
  });

  it("satisfaction.ts: NPS with its interval, CSAT conventions", async () => {
    const out = await runExample("satisfaction.ts");
    expectLines(out, [
      /this quarter\s+42\.0\s+± 5\.3 SE\s+CI \[31\.7, 52\.3\]/,
      /change vs last quarter\s+10\.0\s+z = 1\.34\s+p = 0\.180/,
      /CSAT top-2-box\s+76\.00/,
      /CSAT top-box\s+36\.50/,
    ]);
  });

  it("subscription-retention.ts: the sBG fits of Fader & Hardie (2007)", async () => {
    const out = await runExample("subscription-retention.ts");
    // Fader & Hardie (2007), "How to project customer retention": regular α 0.704, β 1.182
    expectLines(out, [/^regular: alpha 0\.704 .*beta 1\.182 .*log-likelihood -1680\.27$/]);
  });

  it("churn-recovery.ts: value at risk and a budgeted plan", async () => {
    const out = await runExample("churn-recovery.ts");
    expectLines(out, [
      "Top 5 customers by value at risk",
      /^Recovery plan for 2357 customers, 1964 still likely active \(retain\): exact selection, spend \$160\.00 of \$300, expected net value \$373\.26/,
      /#1\s+\d+ key\s+recover-strongly/,
      /^\s+active\s+1964 customers,\s+0 selected, spend \$0\.00/,
    ]);
    // Issue 16: the example and the guide (and the README, and the quickstart above) run one
    // recipe and agree to the cent: the totals printed are the ones the guide claims.
    const guide = readFileSync(join(root, "docs/churn-recovery.md"), "utf8");
    const claimed = (expression: string) =>
      JSON.parse(guide.split(`${expression}; // => `)[1]!.split("\n")[0]!) as string;
    const spend = claimed("plan.budget?.spend.toFixed(2)");
    const net = claimed("plan.budget?.expectedNetValue.toFixed(2)");
    expect(out).toContain(`spend $${spend} of $300, expected net value $${net}`);
  });

  it("score-in-workers.ts: parallel scores equal single-threaded ones", async () => {
    const out = await runExample("score-in-workers.ts", "20000", "2");
    expectLines(out, [
      /^Scored 20,000 customers in 2 workers in \d+ ms$/,
      /^P\(alive\) < 0\.5: [\d,]+ customers \(\d+\.\d%\)$/,
      "same as single-threaded on the first 1000 customers: yes",
    ]);
  });
});

describe("chart files are SVG with the expected series", () => {
  const svg = (name: string): XmlElement =>
    parseXml(readFileSync(join(output, `${name}.svg`), "utf8"));
  /** The graphics-symbol paths of the data marks of one kind (line, rect, symbol, text). */
  const marks = (doc: XmlElement, kind: string) =>
    descendants(
      doc,
      (e) => e.name === "g" && (e.attributes.class ?? "").startsWith(`mark-${kind} role-mark`),
    )
      .flatMap((group) => group.children)
      .filter((e) => e.attributes.role === "graphics-symbol");
  const texts = (doc: XmlElement) => descendants(doc, (e) => e.name === "text").map((e) => e.text);

  let rows: ReturnType<typeof splitCalibrationHoldout>;
  beforeAll(async () => {
    // Normally written by the quickstart test above; written here when this block runs alone.
    if (!existsSync(join(output, "nps-distribution.svg"))) await writeCharts();
    rows = splitCalibrationHoldout(loadCdnowSample(), {
      calibrationEnd: "1997-09-30",
      observationEnd: "1998-06-30",
      unit: "week",
      bucketing: "elapsed",
    });
  });

  it("every chart is well-formed XML whose root is <svg>", () => {
    for (const name of [
      "tracking",
      "calibration-vs-holdout",
      "p-alive-heatmap",
      "rfm-segments",
      "nps-distribution",
    ]) {
      const doc = svg(name);
      expect(doc.name, name).toBe("svg");
      expect(doc.attributes.xmlns, name).toBe("http://www.w3.org/2000/svg");
    }
  });

  it("tracking: actual and expected lines in the cumulative and weekly panels", () => {
    const doc = svg("tracking");
    const lines = marks(doc, "line");
    // 2 panels × 2 series; each line's label names its series
    expect(lines).toHaveLength(4);
    const labels = lines.map((l) => l.attributes["aria-label"] ?? "");
    expect(labels.filter((l) => /series: actual/.test(l))).toHaveLength(2);
    expect(labels.filter((l) => /series: expected/.test(l))).toHaveLength(2);
    expect(texts(doc)).toEqual(
      expect.arrayContaining(["cumulative", "incremental", "actual", "expected"]),
    );
    expect(texts(doc)).toContain("period (weeks)");
  });

  it("calibration vs holdout: actual and expected per frequency bin 0 … 7+", () => {
    const doc = svg("calibration-vs-holdout");
    const points = marks(doc, "symbol").map((p) => p.attributes["aria-label"] ?? "");
    expect(points).toHaveLength(16); // 8 bins × 2 series
    expect(points.filter((p) => /series: actual/.test(p))).toHaveLength(8);
    expect(texts(doc)).toEqual(expect.arrayContaining(["0", "7+", "actual", "expected"]));
  });

  it("P(alive) heat map: one cell per (frequency, recency) of probabilityAliveMatrix", () => {
    const doc = svg("p-alive-heatmap");
    const expected = probabilityAliveMatrix(fitBgNbd(rows), { maxFrequency: 20, maxT: 39 });
    const cells = marks(doc, "rect");
    expect(cells).toHaveLength(expected.length);
    expect(texts(doc)).toContain("P(alive)");
    const values = cells.map((c) =>
      Number(/P\(alive\): (\S+)$/.exec(c.attributes["aria-label"] ?? "")?.[1]),
    );
    expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.min(...values)).toBeLessThan(0.01); // frequent buyers gone quiet
    expect(Math.max(...values)).toBe(1); // no repeat purchase: alive under the BG/NBD
  });

  it("RFM segments: a customers bar and a revenue bar for every segment of segmentSummary", () => {
    const doc = svg("rfm-segments");
    const table = rfmTable(loadCdnowSample(), { asOf: "1998-07-01" });
    const summary = segmentSummary(assignSegments(rfmScores(table).scores), table);
    const bars = marks(doc, "rect").map((b) => b.attributes["aria-label"] ?? "");
    expect(bars).toHaveLength(2 * summary.length);
    expect(bars.filter((b) => /share of: revenue/.test(b))).toHaveLength(summary.length);
    const all = texts(doc);
    for (const row of summary) expect(all).toContain(row.segment);
  });

  it("NPS distribution: detractor / passive / promoter bars and the score with its interval", () => {
    const doc = svg("nps-distribution");
    const bars = marks(doc, "rect").map((b) => b.attributes["aria-label"] ?? "");
    expect(bars).toHaveLength(3);
    const all = texts(doc);
    expect(all).toEqual(
      expect.arrayContaining(["detractors (0–6)", "passives (7–8)", "promoters (9–10)"]),
    );
    expect(all.some((t) => t.includes("NPS 42.0"))).toBe(true);
    expect(marks(doc, "symbol")).toHaveLength(1); // the score
    expect(marks(doc, "rule")).toHaveLength(1); // its interval
  });
});
