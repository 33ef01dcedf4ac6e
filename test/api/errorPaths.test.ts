/**
 * One error rule: a table over every export, derived from its valid seed call
 * (test/hostile/validCalls.ts) and its parameter names, that breaks one option and one field of
 * one data row and asserts the path format (`options.<key>`, `<argument>[i].<field>`) and the
 * machine-readable `code`. Every issue of every such error starts at a parameter of the function
 * and has a specific code (never `"custom"`).
 */
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import { catchInvalidInput } from "../expectInvalidAt.js";
import { VALID_CALLS } from "../hostile/validCalls.js";

type Fn = (...args: unknown[]) => unknown;

const functions = (Object.entries(api) as [string, unknown][]).filter(
  (entry): entry is [string, Fn] => typeof entry[1] === "function" && !/Error$/.test(entry[0]),
);

/** The parameter names as the source spells them (`function rfmScores(customers, options = {})`). */
function parameterNames(fn: Fn): string[] {
  const source = Function.prototype.toString.call(fn);
  const open = source.indexOf("(");
  let depth = 0;
  let close = open;
  for (let i = open; i < source.length; i++) {
    if (source[i] === "(") depth++;
    else if (source[i] === ")" && --depth === 0) {
      close = i;
      break;
    }
  }
  return source
    .slice(open + 1, close)
    .split(",")
    .map((p) => p.replace(/=.*$/s, "").trim())
    .filter((p) => p.length > 0);
}

const OPTION_OBJECTS = new Set(["options", "parameters"]);
/** Row fields whose bad value is reported with a more specific code than `invalid_type`. */
const TYPE_CODES = new Set(["invalid_type", "invalid_money", "invalid_date"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkAllIssues(name: string, params: readonly string[], run: () => unknown) {
  const error = catchInvalidInput(run);
  expect(error.functionName).toBe(name);
  for (const issue of error.issues) {
    if (issue.path.length === 0 && /more problems/.test(issue.message)) continue;
    expect(params, `${name}: issue path ${String(issue.path[0])}`).toContain(issue.path[0]);
    expect(issue.code, `${name}: ${issue.message}`).not.toBe("custom");
  }
  return error;
}

/** Exports that take no options object (nothing to misspell), with why. */
const WITHOUT_OPTIONS: Record<string, string> = {
  indexByCustomerId: "one argument: the rows",
  toPlainData: "one argument: any value",
  recoveryPlanSummary: "one argument: a plan",
  conditionalExpectedSpend: "the Gamma-Gamma expectation has nothing to choose",
  customerLogLikelihood: "the log-likelihood at the model's parameters has nothing to choose",
  segmentSummary: "two data arguments (segments, and optional measures joined by id)",
  posteriorMeanRates: "fn(model, customers): a posterior mean has nothing to choose",
};
/** Exports that take no array of data rows. */
const WITHOUT_ROWS: Record<string, string> = {
  toPlainData: "takes any value",
  recoveryPlanSummary: "takes a plan (its entries are checked as `plan.entries[i]`)",
  customerEquity:
    "its rows are nested in `groups` (`groups.segments[i]`, test/value/errors.test.ts)",
  raterIndex: "takes one object of five dimension scores (`scores.<dimension>`)",
  // formulas of named parameters: fn(parameters)
  customerBaseValue: "fn(parameters)",
  deliveredValue: "fn(parameters)",
  lifetimeValueSensitivity: "fn(parameters)",
  retentionLifetimeValue: "fn(parameters)",
  satisfactionIndicators: "fn(parameters)",
  // questions about a model alone: fn(model, options)
  expectedPurchases: "fn(model, options)",
  expectedPurchasesMatrix: "fn(model, options)",
  expectedRemainingLifetime: "fn(model, options)",
  heterogeneityDensities: "fn(model, options?)",
  probabilityAliveMatrix: "fn(model, options)",
  purchaseCountProbability: "fn(model, options)",
  retentionCurve: "fn(model, options)",
  retentionElasticity: "fn(model, options)",
  subscriptionLifetimeValue: "fn(model, options)",
  survivalCurve: "fn(model, options)",
};

function optionIndexOf(fn: Fn): number {
  return parameterNames(fn).findIndex((p) => OPTION_OBJECTS.has(p));
}
function rowIndexOf(name: string, fn: Fn): number {
  const params = parameterNames(fn);
  const seed = VALID_CALLS[name]?.[0];
  if (!seed) return -1;
  return seed(api as unknown as Record<string, unknown>).findIndex(
    (arg, i) => Array.isArray(arg) && arg.length > 0 && !OPTION_OBJECTS.has(params[i] ?? ""),
  );
}

describe("one error rule over every export", () => {
  it("every export has a seed call; only the listed ones lack options or data rows", () => {
    expect(functions.filter(([name]) => !VALID_CALLS[name]).map(([name]) => name)).toEqual([]);
    expect(
      functions
        .filter(([, fn]) => optionIndexOf(fn) < 0)
        .map(([name]) => name)
        .sort(),
    ).toEqual(Object.keys(WITHOUT_OPTIONS).sort());
    expect(
      functions
        .filter(([name, fn]) => rowIndexOf(name, fn) < 0)
        .map(([name]) => name)
        .sort(),
    ).toEqual(Object.keys(WITHOUT_ROWS).sort());
  });

  for (const [name, fn] of functions) {
    const params = parameterNames(fn);
    const seed = VALID_CALLS[name]?.[0];
    const optionIndex = optionIndexOf(fn);
    const rowIndex = rowIndexOf(name, fn);

    if (optionIndex >= 0)
      it(`${name}: an unknown option is "unknown_key" at ${params[optionIndex]}.<key>`, () => {
        const args = seed!(api as unknown as Record<string, unknown>);
        const current = args[optionIndex];
        args[optionIndex] = { ...(isPlainObject(current) ? current : {}), bogusOption: 1 };
        const error = checkAllIssues(name, params, () => fn(...args));
        expect(error.issues.map((i) => [i.path, i.code])).toContainEqual([
          [params[optionIndex], "bogusOption"],
          "unknown_key",
        ]);
      });

    if (rowIndex >= 0)
      it(`${name}: a bad field of a data row is reported at ${params[rowIndex]}[0].<field> with a type code`, () => {
        const args = seed!(api as unknown as Record<string, unknown>);
        const rows = [...(args[rowIndex] as unknown[])];
        const first = rows[0];
        let expectedPath: PropertyKey[];
        if (isPlainObject(first)) {
          const key = Object.keys(first).find((k) =>
            ["number", "string"].includes(typeof first[k]),
          );
          expect(key, `${name}: a row with a number or string field`).toBeDefined();
          rows[0] = { ...first, [key!]: Symbol("bad") };
          expectedPath = [params[rowIndex]!, 0, key!];
        } else if (Array.isArray(first)) {
          rows[0] = [Symbol("bad"), ...first.slice(1)];
          expectedPath = [params[rowIndex]!, 0, 0];
        } else {
          rows[0] = Symbol("bad");
          expectedPath = [params[rowIndex]!, 0];
        }
        args[rowIndex] = rows;
        const error = checkAllIssues(name, params, () => fn(...args));
        const at = error.issues.find(
          (i) => JSON.stringify(i.path) === JSON.stringify(expectedPath),
        );
        expect(
          at,
          `${name}: issues ${JSON.stringify(error.issues.map((i) => i.path))}`,
        ).toBeDefined();
        expect(TYPE_CODES).toContain(at!.code);
      });
  }
});
