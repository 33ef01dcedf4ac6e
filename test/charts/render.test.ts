/**
 * Every chart of `customer-value/charts` (built from real results, test/charts/allCharts.ts) is a
 * valid Vega-Lite v5 spec and renders headless to SVG without a single warning:
 * - validated against the Vega-Lite JSON schema shipped in the vega-lite package
 *   (`vega-lite/build/vega-lite-schema.json`), converted to a validator by zod's `fromJSONSchema`
 *   (zod is already a dependency; no JSON-schema validator is added);
 * - compiled by vega-lite and rendered by vega (`renderer: "none"`, `toSVG`) with loggers that
 *   record every warning and error: any entry fails the test;
 * - plain JSON (survives a JSON round trip), no non-finite number, colours from the documented
 *   palettes only.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import * as chartsApi from "../../src/charts/index.js";
import { allCharts } from "./allCharts.js";

const require = createRequire(import.meta.url);
const schema = JSON.parse(
  readFileSync(require.resolve("vega-lite/build/vega-lite-schema.json"), "utf8"),
) as Record<string, unknown>;

/** A Vega / Vega-Lite logger that records everything at warning level and above. */
function recordingLogger(messages: string[]) {
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: readonly unknown[]) => {
      messages.push(`error: ${args.join(" ")}`);
      return logger;
    },
    warn: (...args: readonly unknown[]) => {
      messages.push(`warn: ${args.join(" ")}`);
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** Every number in a JSON value. */
function numbers(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(numbers);
  return [];
}

/** Colours allowed in a spec: Okabe–Ito, neutral grey, white. */
const PALETTE = new Set([...chartsApi.OKABE_ITO, "#999999", "#FFFFFF"]);

const specs = Object.entries(allCharts());
let validator: z.ZodType;

beforeAll(() => {
  validator = z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
});

describe("the schema validator catches what it must", () => {
  const good = {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    data: { values: [{ a: 1 }] },
    mark: "bar",
    encoding: { x: { field: "a", type: "quantitative" } },
  };
  it("accepts a valid spec and rejects a bad mark, type or key", () => {
    expect(validator.safeParse(good).success).toBe(true);
    expect(validator.safeParse({ ...good, mark: "barr" }).success).toBe(false);
    const badType = { ...good, encoding: { x: { field: "a", type: "quantitativ" } } };
    expect(validator.safeParse(badType).success).toBe(false);
    const badKey = { ...good, encoding: { x: { field: "a", type: "quantitative", titel: "" } } };
    expect(validator.safeParse(badKey).success).toBe(false);
  });
});

describe("the recording logger records what it must", () => {
  it("a shape channel on bars is a Vega-Lite warning", () => {
    const messages: string[] = [];
    const spec = {
      data: { values: [{ a: "x", b: 1 }] },
      mark: "bar",
      encoding: { x: { field: "a", type: "nominal" }, shape: { field: "a", type: "nominal" } },
    };
    compile(spec as TopLevelSpec, { logger: recordingLogger(messages) as never });
    expect(messages.length).toBeGreaterThan(0);
  });
  it("an unknown expression function is reported (logged or thrown)", async () => {
    const messages: string[] = [];
    const logger = recordingLogger(messages);
    const spec = {
      data: { values: [{ a: 1 }] },
      transform: [{ calculate: "undefinedFunction(datum.a)", as: "b" }],
      mark: "point",
      encoding: { x: { field: "b", type: "quantitative" } },
    };
    try {
      const view = new View(parse(compile(spec as TopLevelSpec).spec), {
        renderer: "none",
        logger: logger as never,
      });
      view.logLevel(2);
      await view.toSVG();
      view.finalize();
    } catch (error) {
      messages.push(String(error));
    }
    expect(messages.length).toBeGreaterThan(0);
  });
});

describe("every chart function is drawn", () => {
  it("allCharts covers every chart function of customer-value/charts", () => {
    const drawn = new Set(specs.map(([name]) => name.split(":")[0]));
    const functions = Object.keys(chartsApi).filter((k) => k.endsWith("Chart"));
    expect(functions.length).toBe(17);
    expect([...drawn].sort()).toEqual(functions.sort());
  });
});

describe.each(specs)("%s", (_name, spec) => {
  it("is plain JSON with a $schema, a title, finite numbers and palette colours only", () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
    expect(spec.title.length).toBeGreaterThan(0);
    expect(numbers(spec).every(Number.isFinite)).toBe(true);
    const colours = JSON.stringify(spec).match(/#[0-9A-Fa-f]{6}/g) ?? [];
    expect(colours.filter((c) => !PALETTE.has(c.toUpperCase()))).toEqual([]);
  });

  it("validates against the Vega-Lite v5 JSON schema", () => {
    const result = validator.safeParse(spec);
    expect(result.success ? [] : result.error.issues.slice(0, 3)).toEqual([]);
  });

  it("compiles and renders to SVG without a Vega or Vega-Lite warning", async () => {
    const messages: string[] = [];
    const logger = recordingLogger(messages);
    const compiled = compile(spec as unknown as TopLevelSpec, { logger: logger as never });
    const view = new View(parse(compiled.spec), { renderer: "none", logger: logger as never });
    view.logLevel(2); // vega.Warn: warnings and errors reach the logger
    const svg = await view.toSVG();
    view.finalize();
    expect(messages).toEqual([]);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain("<text");
    expect(svg).not.toContain("NaN");
  });
});
