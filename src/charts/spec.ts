/**
 * What every chart of `customer-value/charts` shares: the spec type, the options, the palette and
 * the option and number checks. No runtime dependency: a Vega-Lite spec is plain JSON.
 * @module
 */
import { InvalidInputError, type IssueCode } from "../core/errors.js";
import type { TimeUnit } from "../core/time.js";

/**
 * The error of a chart function: an {@link InvalidInputError} with one issue. (The bundled
 * dist/charts.* files take `InvalidInputError` from the package's main entry, so `instanceof`
 * holds whichever entry a user imports it from; see tsup.config.ts.)
 * @internal
 */
export function invalidInput(
  fn: string,
  path: readonly PropertyKey[],
  message: string,
  code: IssueCode,
  ...received: [] | [unknown]
): InvalidInputError {
  const issue = { path, message, code };
  return new InvalidInputError(
    fn,
    received.length === 0 ? [issue] : [{ ...issue, received: received[0] }],
  );
}

/** The Vega-Lite v5 JSON schema every chart declares in `$schema`. @internal */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json";

/**
 * A Vega-Lite v5 specification as plain JSON data: render it with vega-embed in a page, in a
 * notebook, or headless to SVG with `vega` + `vega-lite`. Typed loosely on purpose (the library
 * does not depend on the `vega-lite` package); cast to vega-lite's `TopLevelSpec` if you use it.
 * @category Charts
 */
export interface VegaLiteSpec {
  /** Always `"https://vega.github.io/schema/vega-lite/v5.json"`. */
  readonly $schema: string;
  /** The chart's title. */
  readonly title: string;
  /** The rest of the specification (data, mark, encoding, layer, vconcat, …), plain JSON. */
  readonly [key: string]: unknown;
}

/**
 * Options every chart takes (each chart may add a few of its own).
 * @category Charts
 */
export interface ChartOptions {
  /** Chart title (default: one that says what is shown). */
  readonly title?: string;
  /** Width of the plot area in pixels (default depends on the chart); a number ≥ 1. */
  readonly width?: number;
  /** Height of the plot area in pixels (default depends on the chart); a number ≥ 1. */
  readonly height?: number;
}

/**
 * Options of the charts of model diagnostics: {@link ChartOptions} plus the time unit of the
 * result (its rows do not carry it), used in axis titles.
 * @category Charts
 */
export interface TimeChartOptions extends ChartOptions {
  /** Time unit of the periods, recencies or horizon (pass the model's `unit`); default: no unit in the titles. */
  readonly unit?: TimeUnit;
}

/**
 * The Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"), distinguishable with every
 * common colour-vision deficiency: black, orange, sky blue, bluish green, yellow, blue,
 * vermillion, reddish purple. Series colours of every chart come from it, in this order after
 * black; heat maps use the perceptually uniform, colour-blind-safe `viridis` scheme.
 * @example
 * ```ts
 * import { OKABE_ITO } from "customer-value/charts";
 * OKABE_ITO.length; // => 8
 * OKABE_ITO[1]; // => "#E69F00"
 * ```
 * @category Charts
 * @see Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
 *   presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
 */
export const OKABE_ITO: readonly string[] = Object.freeze([
  "#000000",
  "#E69F00",
  "#56B4E9",
  "#009E73",
  "#F0E442",
  "#0072B2",
  "#D55E00",
  "#CC79A7",
]);

/** Colours of "actual" and "expected" series: blue and orange. @internal */
export const ACTUAL_EXPECTED = {
  domain: ["actual", "expected"],
  range: ["#0072B2", "#E69F00"],
} as const;

/**
 * A number, or a value with a `toNumber()` — a `Decimal` from this library's money results — as the
 * value charts take them.
 * @category Charts
 */
export type NumberLike =
  | number
  | {
      /** The value as a float64. */
      toNumber(): number;
    };

/** What a check of options expects of each key. @internal */
type OptionKind = "string" | "number" | "boolean" | readonly string[];

const BASE_KINDS: Readonly<Record<string, OptionKind>> = {
  title: "string",
  width: "number",
  height: "number",
};

const UNITS = ["day", "week", "month", "quarter", "year"] as const;

/** `ChartOptions` keys plus `unit`. @internal */
export const TIME_KINDS: Readonly<Record<string, OptionKind>> = { unit: UNITS };

function kindProblem(kind: OptionKind, value: unknown): string | undefined {
  if (typeof kind !== "string") {
    return kind.includes(value as string) ? undefined : `one of ${kind.join(", ")}`;
  }
  if (typeof value !== kind) return `a ${kind}`;
  if (kind === "number" && !(Number.isFinite(value) && (value as number) >= 1)) {
    return "a finite number ≥ 1";
  }
  return undefined;
}

/**
 * Checks a chart's options (a strict object: unknown keys are errors) and returns them.
 * @internal
 */
export function checkOptions<T extends ChartOptions>(
  fn: string,
  options: T | undefined,
  extra: Readonly<Record<string, OptionKind>> = {},
): T {
  if (options === undefined) return {} as T;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw invalidInput(fn, ["options"], "options must be an object", "invalid_type", options);
  }
  // A Map, so that an option named "toString" or "__proto__" is an unknown key, not a prototype hit.
  const kinds = new Map(Object.entries({ ...BASE_KINDS, ...extra }));
  for (const [key, value] of Object.entries(options)) {
    const kind = kinds.get(key);
    if (kind === undefined) {
      throw invalidInput(fn, ["options", key], `unknown option "${key}"`, "unknown_key");
    }
    if (value === undefined) continue;
    const expected = kindProblem(kind, value);
    if (expected !== undefined) {
      throw invalidInput(fn, ["options", key], `must be ${expected}`, "invalid_value", value);
    }
  }
  return options;
}

/** A finite number from a number or a Decimal; throws `invalid_value` at `path` otherwise. @internal */
export function finite(fn: string, value: NumberLike, path: readonly PropertyKey[]): number {
  const x = typeof value === "number" ? value : value.toNumber();
  if (!Number.isFinite(x)) {
    throw invalidInput(fn, path, "must be a finite number", "invalid_value", value);
  }
  return x;
}

/** Throws `invalid_value` at `path` unless `unit` is a time unit. @internal */
export function checkUnit(fn: string, unit: unknown, path: readonly PropertyKey[]): void {
  if (!(UNITS as readonly unknown[]).includes(unit)) {
    throw invalidInput(fn, path, `must be one of ${UNITS.join(", ")}`, "invalid_value", unit);
  }
}

/** `" (weeks)"` for a unit, `""` without one. @internal */
export function unitSuffix(unit: TimeUnit | undefined): string {
  return unit === undefined ? "" : ` (${unit}s)`;
}

/** The top of a spec: `$schema`, title, size. @internal */
export function baseSpec(
  options: ChartOptions,
  defaults: { readonly title: string; readonly width: number; readonly height: number },
): { $schema: string; title: string; width: number; height: number } {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? defaults.title,
    width: options.width ?? defaults.width,
    height: options.height ?? defaults.height,
  };
}

/** Rounds a figure for a title: `digits` after the point, no `-0`. @internal */
export function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
