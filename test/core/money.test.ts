import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { InvalidInputError } from "../../src/core/errors.js";
import {
  Money,
  moneyIssueCode,
  moneyProblem,
  moneySchema,
  nonNegativeMoneySchema,
  sumMoney,
  toMoney,
} from "../../src/core/money.js";
import { parseInput } from "../../src/core/validate.js";

describe("money", () => {
  it("accepts decimals, finite numbers and decimal strings", () => {
    expect(moneyProblem("12.50")).toBeUndefined();
    expect(moneyProblem("-3")).toBeUndefined();
    expect(moneyProblem("1e3")).toBeUndefined();
    expect(moneyProblem(0.1)).toBeUndefined();
    expect(moneyProblem(new Decimal("7.25"))).toBeUndefined();
  });
  it.each([
    ["12,5"],
    [""],
    [" 1"],
    ["NaN"],
    ["Infinity"],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [null],
    [{}],
  ])("rejects %s", (value) => {
    expect(moneyProblem(value)).toBeTypeOf("string");
  });
  it("sums exactly where floats do not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumMoney([toMoney(0.1), toMoney("0.2")]).toString()).toBe("0.3");
  });
  it("never changes the global decimal.js configuration", () => {
    expect(Decimal.precision).toBe(20);
    expect(Money.precision).toBe(34);
    expect(Money.rounding).toBe(Decimal.ROUND_HALF_EVEN);
  });
  it("property: sums of cents equal integer sums", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 })), (cents) => {
        const total = sumMoney(cents.map((c) => toMoney((c / 100).toFixed(2))));
        expect(total.times(100).toNumber()).toBe(cents.reduce((a, b) => a + b, 0));
      }),
    );
  });
});

describe("issue codes of bad amounts", () => {
  it("moneyIssueCode: required, invalid_money for an unreadable amount, invalid_type otherwise", () => {
    expect(moneyIssueCode(undefined)).toBe("required");
    for (const amount of ["12,5", "", "1e999999999", Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(moneyProblem(amount)).toBeDefined();
      expect(moneyIssueCode(amount)).toBe("invalid_money");
    }
    expect(moneyIssueCode(new Decimal(Number.NaN))).toBe("invalid_money");
    for (const amount of [null, true, {}, [], 12n])
      expect(moneyIssueCode(amount)).toBe("invalid_type");
  });
  it("moneySchema reports the code and the received value", () => {
    const schema = z.strictObject({ margin: moneySchema });
    const issues = (value: unknown) => {
      try {
        parseInput("f", schema, value, ["parameters"]);
      } catch (error) {
        return (error as InvalidInputError).issues;
      }
      throw new Error("expected an error");
    };
    expect(issues({ margin: "1,5" })).toEqual([
      {
        path: ["parameters", "margin"],
        message: moneyProblem("1,5"),
        code: "invalid_money",
        received: "1,5",
      },
    ]);
    expect(issues({})[0]).toMatchObject({ path: ["parameters", "margin"], code: "required" });
    expect(issues({ margin: false })[0]).toMatchObject({ code: "invalid_type", received: false });
    const negative = parseInput.bind(null, "f", z.strictObject({ m: nonNegativeMoneySchema }));
    expect(() => negative({ m: "-1" }, ["parameters"])).toThrow(InvalidInputError);
    try {
      negative({ m: "-1" }, ["parameters"]);
    } catch (error) {
      expect((error as InvalidInputError).issues[0]).toMatchObject({
        path: ["parameters", "m"],
        code: "too_small",
      });
    }
  });
  it("toMoney's error carries the code and the received value", () => {
    try {
      toMoney("x" as never);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInputError).issues[0]).toMatchObject({
        code: "invalid_money",
        received: "x",
      });
    }
  });
});
