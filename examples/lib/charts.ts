/**
 * Renders Vega-Lite charts to SVG files without a browser (vega's headless renderer). The specs
 * come from `customer-value/charts` (plain JSON, no dependency); rendering them is the examples'
 * business, so vega and vega-lite stay development dependencies.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { VegaLiteSpec } from "../../src/charts/index.js";

/** examples/output/, git-ignored. */
export const outputDir = join(dirname(fileURLToPath(import.meta.url)), "..", "output");

/** Compiles a Vega-Lite spec, renders it to SVG and writes `examples/output/<name>.svg`; returns the path. */
export async function writeChart(name: string, spec: VegaLiteSpec): Promise<string> {
  // VegaLiteSpec is deliberately loose plain JSON; vega-lite's own type is the precise one
  const view = new View(parse(compile(spec as unknown as TopLevelSpec).spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  mkdirSync(outputDir, { recursive: true });
  const path = join(outputDir, `${name}.svg`);
  writeFileSync(path, svg);
  return path;
}

/** A simple aligned text table for console reports. Numbers are right-aligned. */
export function table(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = rows.map((row) => row.map(String));
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map((row) => row[i]?.length ?? 0)),
  );
  const numeric = header.map((_, i) =>
    rows.every((row) => typeof row[i] === "number" || /^[-+]?[\d,.]+%?$/.test(String(row[i]))),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}
