import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import {
  collectRowIssues,
  InvalidInputError,
  invalidInput,
  ModelFitError,
} from "../../src/core/errors.js";
import { parseInput } from "../../src/core/validate.js";

describe("InvalidInputError", () => {
  it("names the function and the path of every problem", () => {
    const schema = z.strictObject({ rows: z.array(z.strictObject({ n: z.number() })) });
    let caught: unknown;
    try {
      parseInput("someFunction", schema, { rows: [{ n: 1 }, { n: "x" }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    const error = caught as InvalidInputError;
    expect(error.name).toBe("InvalidInputError");
    expect(error.functionName).toBe("someFunction");
    expect(error.message).toMatch(/^someFunction: invalid input\n/);
    expect(error.message).toContain("→ at rows[1].n");
    expect(error.issues[0]?.path).toEqual(["rows", 1, "n"]);
  });
  it("rejects unknown keys of strict options, one issue per key at the key", () => {
    let caught: unknown;
    try {
      parseInput("f", z.strictObject({ a: z.number() }), { a: 1, b: 2, c: 3 }, ["options"]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    const issues = (caught as InvalidInputError).issues;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [["options", "b"], "unknown_key"],
      [["options", "c"], "unknown_key"],
    ]);
    expect((caught as InvalidInputError).message).toContain('Unknown key "b"\n  → at options.b');
  });
  it("gives zod's codes, 'required' for a missing value, and the received value", () => {
    let caught: unknown;
    try {
      parseInput(
        "f",
        z.strictObject({ a: z.int(), b: z.number(), c: z.number().check(z.minimum(1)) }),
        { a: 1.5, c: 0 },
        ["options"],
      );
    } catch (error) {
      caught = error;
    }
    const issues = (caught as InvalidInputError).issues;
    expect(issues.map((i) => [i.path.join("."), i.code, i.received])).toEqual([
      ["options.a", "not_integer", 1.5],
      ["options.b", "required", undefined],
      ["options.c", "too_small", 0],
    ]);
    expect("received" in issues[1]!).toBe(true);
  });
  it("collects every row's problem in one error, up to 100", () => {
    let caught: unknown;
    try {
      collectRowIssues("f", 250, (i) => {
        if (i % 2 === 1) throw invalidInput("f", ["rows", i, "n"], "odd", "invalid_value", i);
      });
    } catch (error) {
      caught = error;
    }
    const issues = (caught as InvalidInputError).issues;
    expect(issues.slice(0, 2).map((i) => i.path)).toEqual([
      ["rows", 1, "n"],
      ["rows", 3, "n"],
    ]);
    expect(issues).toHaveLength(101);
    expect(issues[100]?.message).toBe("…and possibly more problems");
    expect(() => collectRowIssues("f", 5, () => undefined)).not.toThrow();
  });
  it("builds single-issue errors for hand-written validation", () => {
    const error = invalidInput("f", [41, "date"], 'Invalid date "1997-13-01"');
    expect(error.message).toBe('f: invalid input\n✖ Invalid date "1997-13-01"\n  → at [41].date');
  });
});

describe("ModelFitError", () => {
  it("says why and what to try", () => {
    const error = new ModelFitError("fitX", "did not converge", "more iterations");
    expect(error.name).toBe("ModelFitError");
    expect(error.message).toBe("fitX: did not converge. Try: more iterations.");
    expect(error).toBeInstanceOf(Error);
  });
});
