import { describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidInputError, invalidInput, ModelFitError } from "../../src/core/errors.js";
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
  it("rejects unknown keys of strict options", () => {
    expect(() => parseInput("f", z.strictObject({ a: z.number() }), { a: 1, b: 2 })).toThrow(
      /Unrecognized key.*"b"/,
    );
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
