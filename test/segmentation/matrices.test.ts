import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CUSTOMER_VALUE_POLICIES,
  customerValueMatrix,
  PORTFOLIO_POLICIES,
  portfolioMatrix,
  type TARGET_GRID_CELLS,
  targetCustomerGrid,
  valueMatrix,
} from "../../src/index.js";
import { expectInvalid } from "./helpers.js";

describe("customerValueMatrix (Marcus 1998)", () => {
  // Worked example of formulas.md §5.2: A(10, 50), B(2, 200), C(8, 20), D(1, 30), E(9, 120);
  // mean F = 6, mean average = 84 → A Frequent, B Spenders, C Frequent, D Uncertain, E Best.
  const rows = new Map([
    ["A", { frequency: 10, averageMonetary: 50 }],
    ["B", { frequency: 2, averageMonetary: "200" }],
    ["C", { frequency: 8, averageMonetary: 20 }],
    ["D", { frequency: 1, averageMonetary: new Decimal(30) }],
    ["E", { frequency: 9, averageMonetary: 120 }],
  ]);
  it("reproduces the worked example", () => {
    const result = customerValueMatrix(rows);
    expect(result.splitPoints.frequency.toNumber()).toBe(6);
    expect(result.splitPoints.averageMonetary.toNumber()).toBe(84);
    expect(Object.fromEntries([...result.customers].map(([id, c]) => [id, c.cell]))).toEqual({
      A: "Frequent",
      B: "Spenders",
      C: "Frequent",
      D: "Uncertain",
      E: "Best",
    });
    expect(result.customers.get("E")!.policy).toBe(CUSTOMER_VALUE_POLICIES.Best);
    expect(result.counts.get("Frequent")).toBe(2);
  });
  it("ties go to the high side; median rule; policies override", () => {
    const result = customerValueMatrix(rows, {
      frequency: 8,
      averageMonetary: "median",
      policies: { Best: "VIP desk" },
    });
    // median of averages 20, 30, 50, 120, 200 = 50; C has frequency exactly 8 → high
    expect(result.splitPoints.averageMonetary.toNumber()).toBe(50);
    expect(result.customers.get("C")!.cell).toBe("Frequent");
    expect(result.customers.get("A")).toEqual({ cell: "Best", policy: "VIP desk" });
  });
  it("bad input", () => {
    expectInvalid(
      () => customerValueMatrix(rows, { frequency: "mode" as "mean" }),
      "customerValueMatrix",
      "frequency",
    );
    expectInvalid(
      () => customerValueMatrix(new Map([["x", { frequency: -1, averageMonetary: 1 }]])),
      "customerValueMatrix",
      "x.frequency",
    );
    expectInvalid(
      () => customerValueMatrix(new Map([["x", { frequency: 1, averageMonetary: "abc" }]])),
      "customerValueMatrix",
      "x.averageMonetary",
    );
  });
});

describe("valueMatrix", () => {
  it("hand-computed quadrants with mean split", () => {
    const result = valueMatrix(
      new Map([
        ["a", { current: 10, potential: 100 }],
        ["b", { current: 30, potential: 0 }],
        ["c", { current: 20, potential: 50 }],
      ]),
      { current: "mean", potential: "mean" },
    );
    // means 20 and 50: c sits exactly on both → high/high (ties to the high side)
    expect([...result.customers.values()].map((c) => c.cell)).toEqual(["II", "III", "IV"]);
    expect(result.counts.get("I")).toBe(0);
  });
  it("property: every customer in exactly one cell; counts add up; median splits put ≥ half high", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (list) => {
          const rows = new Map(list.map(([c, p], i) => [`k${i}`, { current: c, potential: p }]));
          const result = valueMatrix(rows);
          expect(result.customers.size).toBe(rows.size);
          expect([...result.counts.values()].reduce((a, b) => a + b, 0)).toBe(rows.size);
          const highCurrent = (result.counts.get("III") ?? 0) + (result.counts.get("IV") ?? 0);
          expect(highCurrent * 2).toBeGreaterThanOrEqual(rows.size);
        },
      ),
    );
  });
  it("bad input", () => {
    const rows = new Map([["a", { current: 1, potential: 2 }]]);
    expectInvalid(
      () => valueMatrix(rows, { current: "p90" as "median" }),
      "valueMatrix",
      "current",
    );
    expectInvalid(() => valueMatrix(rows, { potential: Number.NaN }), "valueMatrix", "potential");
    expectInvalid(
      () => valueMatrix(new Map([["a", { current: 1, potential: "x" }]])),
      "valueMatrix",
      "a.potential",
    );
    expectInvalid(
      () => valueMatrix(rows, { policies: { V: "x" } } as never),
      "valueMatrix",
      "policies",
    );
  });
});

describe("portfolioMatrix", () => {
  it("places Star / Question / Cash cow / Dog with their policies", () => {
    const result = portfolioMatrix(
      new Map([
        ["s", { potentialVolume: 100, relationshipStrength: 0.9 }],
        ["q", { potentialVolume: 100, relationshipStrength: 0.1 }],
        ["c", { potentialVolume: 1, relationshipStrength: 0.9 }],
        ["d", { potentialVolume: 1, relationshipStrength: 0.1 }],
      ]),
    );
    // medians: volume (1 + 100)/2 = 50.5, strength (0.1 + 0.9)/2 = 0.5 exactly (decimal arithmetic)
    expect(result.splitPoints.relationshipStrength.toString()).toBe("0.5");
    expect([...result.customers.values()].map((c) => c.cell)).toEqual([
      "Star",
      "Question",
      "Cash cow",
      "Dog",
    ]);
    expect(result.customers.get("d")!.policy).toBe(PORTFOLIO_POLICIES.Dog);
  });
  it("bad input", () => {
    expectInvalid(
      () =>
        portfolioMatrix(new Map([["a", { potentialVolume: 1, relationshipStrength: 1 }]]), {
          potentialVolume: "max" as "mean",
        }),
      "portfolioMatrix",
      "potentialVolume",
    );
    expectInvalid(
      () =>
        portfolioMatrix(
          new Map([["a", { potentialVolume: 1, relationshipStrength: Number.POSITIVE_INFINITY }]]),
        ),
      "portfolioMatrix",
      "a.relationshipStrength",
    );
  });
});

describe("targetCustomerGrid", () => {
  it("tertiles are type-7 quantiles computed exactly; ties go up", () => {
    // costs 1..7: positions (n−1)/3 = 2 and 4 → split points 3 and 5 exactly
    const rows = new Map(
      [1, 2, 3, 4, 5, 6, 7].map((x) => [`c${x}`, { totalCost: x, demand: 8 - x }] as const),
    );
    const result = targetCustomerGrid(rows);
    expect(result.splitPoints.totalCost.map((d) => d.toNumber())).toEqual([3, 5]);
    expect(result.customers.get("c3")).toEqual({
      cost: "medium",
      demand: "large",
      target: "key target",
    });
    expect(result.customers.get("c4")).toEqual({
      cost: "medium",
      demand: "medium",
      target: "target",
    });
    expect(result.customers.get("c1")).toEqual({
      cost: "low",
      demand: "large",
      target: "key target",
    });
    expect(result.customers.get("c7")).toEqual({
      cost: "high",
      demand: "small",
      target: "non-target",
    });
    expect(result.counts.get("key target")).toBe(3);
  });
  it("custom cell map", () => {
    const everyoneTarget = Object.fromEntries(
      (["low", "medium", "high"] as const).map((c) => [
        c,
        { small: "target", medium: "target", large: "target" },
      ]),
    ) as unknown as typeof TARGET_GRID_CELLS;
    const result = targetCustomerGrid(new Map([["a", { totalCost: 5, demand: 5 }]]), {
      cells: everyoneTarget,
    });
    expect(result.customers.get("a")!.target).toBe("target");
  });
  it("bad input: unknown split rule, unordered thresholds, invalid measure", () => {
    const rows = new Map([["a", { totalCost: 1, demand: 2 }]]);
    expectInvalid(
      () => targetCustomerGrid(rows, { totalCost: "median" as "tertiles" }),
      "targetCustomerGrid",
      "totalCost",
    );
    expectInvalid(
      () => targetCustomerGrid(rows, { demand: [10, 5] }),
      "targetCustomerGrid",
      "demand",
    );
    expectInvalid(
      () => targetCustomerGrid(new Map([["a", { totalCost: 1, demand: "" }]])),
      "targetCustomerGrid",
      "a.demand",
    );
  });
});
