/**
 * The per-customer rules of prioritizeRecovery on their own: the tier rule of the course rule set
 * (key customers 极力挽回, ordinary 尽力挽回, small 见机行事, worthless 彻底放弃), the win-back
 * heuristic (Kumar, Bhagwat & Zhang 2015: cause and time since the last purchase) and the expected
 * net value of Stauss & Friege (1999).
 */
import { describe, expect, it } from "vitest";
import {
  type ChurnCause,
  classify,
  derivedWinBackProbability,
  expectedNetValue,
  OUTCOMES,
  type TierCandidate,
  type TierThresholds,
} from "../../src/churn/recoveryRules.js";
import { Money } from "../../src/core/money.js";

const amount = (v: string) => ({ float: Number(v), exact: new Money(v) });
const thresholds: TierThresholds = {
  keyValue: amount("1000"),
  smallValue: amount("100"),
  smallCostLimit: 5,
  aliveThreshold: 0.5,
};
function candidate(
  value: string,
  net: number,
  more: { cost?: number; cause?: ChurnCause; flagged?: boolean; alive?: number } = {},
): TierCandidate {
  return {
    notWorthRecovering: more.flagged ?? false,
    value: amount(value),
    cost: more.cost ?? 10,
    expectedNetValue: net,
    cause: more.cause ?? "own",
    probabilityAlive: more.alive ?? -1,
  };
}
const rule = (c: TierCandidate) => {
  const { tier, action } = classify(c, thresholds);
  return `${tier} ${action}`;
};

describe("classify: the tier rule", () => {
  it("flagged or without positive value → not worth recovering, let go", () => {
    expect(rule(candidate("5000", 900, { flagged: true }))).toBe("not-worth-recovering let-go");
    expect(rule(candidate("0", 900))).toBe("not-worth-recovering let-go");
    expect(rule(candidate("-3", 900))).toBe("not-worth-recovering let-go");
    expect(classify(candidate("5000", 9, { flagged: true }), thresholds).reason).toMatch(/marked/);
  });
  it("value ≥ keyValue → key, recovered strongly even when it does not pay", () => {
    expect(rule(candidate("1000", 1))).toBe("key recover-strongly");
    expect(rule(candidate("1000", -1))).toBe("key recover-strongly");
    expect(classify(candidate("1000", -1), thresholds).reason).toMatch(/not positive/);
  });
  it("smallValue ≤ value < keyValue → ordinary: recovered when it pays, else let go", () => {
    expect(rule(candidate("999.99", 1))).toBe("ordinary recover-when-possible");
    expect(rule(candidate("100", 1))).toBe("ordinary recover-when-possible");
    expect(rule(candidate("100", 0))).toBe("ordinary let-go");
  });
  it("value < smallValue → small: minimal effort only when it pays and costs next to nothing", () => {
    expect(rule(candidate("99", 1, { cost: 5 }))).toBe("small minimal-effort");
    expect(rule(candidate("99", 1, { cost: 5.01 }))).toBe("small let-go");
    expect(rule(candidate("99", -1, { cost: 0 }))).toBe("small let-go");
  });
  it("an uncontrollable cause adds a note to attempted actions only", () => {
    const note = /beyond anyone's control/;
    expect(classify(candidate("1000", 1, { cause: "uncontrollable" }), thresholds).reason).toMatch(
      note,
    );
    expect(
      classify(candidate("500", -1, { cause: "uncontrollable" }), thresholds).reason,
    ).not.toMatch(note);
    expect(rule(candidate("500", 1, { cause: "uncontrollable" }))).toBe(
      "ordinary recover-when-possible",
    );
  });
  it("compares values exactly where float64 cannot tell them apart", () => {
    const t = { ...thresholds, keyValue: amount("0.1"), smallValue: amount("0.05") };
    const above = {
      ...candidate("0.1", 1),
      value: { float: 0.1, exact: new Money("0.1000000000000000000001") },
    };
    const below = {
      ...candidate("0.1", 1),
      value: { float: 0.1, exact: new Money("0.0999999999999999999999") },
    };
    expect(classify(above, t).tier).toBe("key");
    expect(classify(below, t).tier).toBe("ordinary");
  });
  it("P(alive) above the threshold → active, retain, whatever the value (no recovery tier)", () => {
    expect(rule(candidate("5000", 900, { alive: 0.95 }))).toBe("active retain");
    expect(rule(candidate("0", -4, { alive: 0.51 }))).toBe("active retain");
    expect(classify(candidate("50", 1, { alive: 1 }), thresholds).reason).toMatch(
      /still likely active/,
    );
    // at the threshold, below it, or not given: the recovery rules apply
    expect(rule(candidate("5000", 900, { alive: 0.5 }))).toBe("key recover-strongly");
    expect(rule(candidate("5000", 900, { alive: 0.1 }))).toBe("key recover-strongly");
    expect(rule(candidate("5000", 900))).toBe("key recover-strongly");
    // flagged customers stay flagged; a threshold of 1 turns the rule off
    expect(rule(candidate("5000", 900, { alive: 0.9, flagged: true }))).toBe(
      "not-worth-recovering let-go",
    );
    const off = { ...thresholds, aliveThreshold: 1 };
    expect(classify(candidate("5000", 900, { alive: 1 }), off).tier).toBe("key");
    // no note about an uncontrollable cause on a retained customer
    const kept = classify(
      candidate("5000", 900, { alive: 0.9, cause: "uncontrollable" }),
      thresholds,
    );
    expect(kept.reason).not.toMatch(/beyond anyone's control/);
  });
  it("every outcome's code is its position in OUTCOMES", () => {
    expect(OUTCOMES.map((o) => o.code)).toEqual(OUTCOMES.map((_, i) => i));
  });
});

describe("win-back probability and expected net value", () => {
  it("the base probability halves every half-life: 0.3 × 0.5^(364 / 182) = 0.075", () => {
    expect(derivedWinBackProbability(0.3, 364, 182)).toBeCloseTo(0.075, 15);
    expect(derivedWinBackProbability(0.5, 0, 182)).toBe(0.5);
  });
  it("P(win-back) × second lifetime value − cost: 0.4 × 5000 − 200 = 1800", () => {
    expect(expectedNetValue(0.4, 5000, 200)).toBe(1800);
  });
});
