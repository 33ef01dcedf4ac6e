import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CUSTOMER_VALUE_POLICIES,
  type CustomerValueInput,
  customerValueMatrix,
  indexByCustomerId,
  PORTFOLIO_POLICIES,
  portfolioMatrix,
  type TARGET_GRID_CELLS,
  type TargetGridInput,
  targetCustomerGrid,
  type ValueMatrixInput,
  valueMatrix,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

describe("customerValueMatrix (Marcus 1998)", () => {
  // Hand-computed on Marcus's (1998) mean split: A(10, 50), B(2, 200), C(8, 20), D(1, 30),
  // E(9, 120); mean F = 6, mean average = 84 → A Frequent, B Spenders, C Frequent, D Uncertain, E Best.
  const rows: CustomerValueInput[] = [
    { customerId: "A", purchases: 10, averageSpend: 50 },
    { customerId: "B", purchases: 2, averageSpend: "200" },
    { customerId: "C", purchases: 8, averageSpend: 20 },
    { customerId: "D", purchases: 1, averageSpend: new Decimal(30) },
    { customerId: "E", purchases: 9, averageSpend: 120 },
  ];
  it("reproduces the worked example", () => {
    const result = customerValueMatrix(rows);
    expect(result.splitPoints.purchases.toNumber()).toBe(6);
    expect(result.splitPoints.averageSpend.toNumber()).toBe(84);
    expect(result.placements.map((p) => [p.customerId, p.cell])).toEqual([
      ["A", "Frequent"],
      ["B", "Spenders"],
      ["C", "Frequent"],
      ["D", "Uncertain"],
      ["E", "Best"],
    ]);
    expect(result.placements[4]!.policy).toBe(CUSTOMER_VALUE_POLICIES.Best);
    expect(result.counts).toEqual({ Best: 1, Spenders: 1, Frequent: 2, Uncertain: 1 });
  });
  it("ties go to the high side; median rule; policies override", () => {
    const result = customerValueMatrix(rows, {
      purchases: 8,
      averageSpend: "median",
      policies: { Best: "VIP desk" },
    });
    // median of averages 20, 30, 50, 120, 200 = 50; C has exactly 8 purchases → high
    expect(result.splitPoints.averageSpend.toNumber()).toBe(50);
    const byId = indexByCustomerId(result.placements);
    expect(byId.get("C")!.cell).toBe("Frequent");
    expect(byId.get("A")).toEqual({ customerId: "A", cell: "Best", policy: "VIP desk" });
  });
  it("bad input: every problem with its path and code", () => {
    expectIssue(
      () => customerValueMatrix(rows, { purchases: "mode" as "mean" }),
      "customerValueMatrix",
      ["options", "purchases"],
      "invalid_type",
    );
    const run = () =>
      customerValueMatrix([
        { customerId: "x", purchases: -1, averageSpend: 1 },
        { customerId: "y", purchases: 1, averageSpend: "abc" },
        { customerId: "x", purchases: 1, averageSpend: 1 },
        { customerId: "z", frequency: 1, averageMonetary: 1 } as unknown as CustomerValueInput,
      ]);
    const error = expectIssue(
      run,
      "customerValueMatrix",
      ["customers", 0, "purchases"],
      "too_small",
    );
    expectIssue(run, "customerValueMatrix", ["customers", 1, "averageSpend"], "invalid_money");
    expectIssue(run, "customerValueMatrix", ["customers", 2, "customerId"], "duplicate");
    expectIssue(run, "customerValueMatrix", ["customers", 3, "purchases"], "required");
    expectIssue(run, "customerValueMatrix", ["customers", 3, "averageSpend"], "required");
    expect(error.issues).toHaveLength(5);
  });
});

describe("valueMatrix", () => {
  it("hand-computed quadrants with mean split", () => {
    const result = valueMatrix(
      [
        { customerId: "a", current: 10, potential: 100 },
        { customerId: "b", current: 30, potential: 0 },
        { customerId: "c", current: 20, potential: 50 },
      ],
      { current: "mean", potential: "mean" },
    );
    // means 20 and 50: c sits exactly on both → high/high (ties to the high side)
    expect(result.placements.map((c) => c.cell)).toEqual(["II", "III", "IV"]);
    expect(result.counts.I).toBe(0);
    // plain data apart from the Decimal split points
    expect(structuredClone(result.placements)).toEqual(result.placements);
    expect(structuredClone(result.counts)).toEqual(result.counts);
  });
  it("property: every customer in exactly one cell; counts add up; median splits put ≥ half high", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 9 })), {
          minLength: 1,
          maxLength: 50,
        }),
        (list) => {
          const rows: ValueMatrixInput[] = list.map(([c, p], i) => ({
            customerId: `k${i}`,
            current: c,
            potential: p,
          }));
          const result = valueMatrix(rows);
          expect(result.placements.map((p) => p.customerId)).toEqual(rows.map((r) => r.customerId));
          expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
          const highCurrent = result.counts.III + result.counts.IV;
          expect(highCurrent * 2).toBeGreaterThanOrEqual(rows.length);
        },
      ),
    );
  });
  it("bad input", () => {
    const rows = [{ customerId: "a", current: 1, potential: 2 }];
    expectIssue(
      () => valueMatrix(rows, { current: "p90" as "median" }),
      "valueMatrix",
      ["options", "current"],
      "invalid_type",
    );
    expectIssue(
      () => valueMatrix(rows, { potential: Number.NaN }),
      "valueMatrix",
      ["options", "potential"],
      "invalid_type",
    );
    expectIssue(
      () => valueMatrix([{ customerId: "a", current: 1, potential: "x" }]),
      "valueMatrix",
      ["customers", 0, "potential"],
      "invalid_money",
    );
    expectIssue(
      () => valueMatrix(rows, { policies: { V: "x" } } as never),
      "valueMatrix",
      ["options", "policies", "V"],
      "unknown_key",
    );
    expectIssue(
      () => valueMatrix(new Map() as unknown as ValueMatrixInput[]),
      "valueMatrix",
      ["customers"],
      "invalid_type",
    );
  });
});

describe("portfolioMatrix", () => {
  it("places Star / Question / Cash cow / Dog with their policies", () => {
    const result = portfolioMatrix([
      { customerId: "s", potentialVolume: 100, relationshipStrength: 0.9 },
      { customerId: "q", potentialVolume: 100, relationshipStrength: 0.1 },
      { customerId: "c", potentialVolume: 1, relationshipStrength: 0.9 },
      { customerId: "d", potentialVolume: 1, relationshipStrength: 0.1 },
    ]);
    // medians: volume (1 + 100)/2 = 50.5, strength (0.1 + 0.9)/2 = 0.5 exactly (decimal arithmetic)
    expect(result.splitPoints.relationshipStrength.toString()).toBe("0.5");
    expect(result.placements.map((c) => c.cell)).toEqual(["Star", "Question", "Cash cow", "Dog"]);
    expect(result.placements[3]).toEqual({
      customerId: "d",
      cell: "Dog",
      policy: PORTFOLIO_POLICIES.Dog,
    });
  });
  it("bad input", () => {
    expectIssue(
      () =>
        portfolioMatrix([{ customerId: "a", potentialVolume: 1, relationshipStrength: 1 }], {
          potentialVolume: "max" as "mean",
        }),
      "portfolioMatrix",
      ["options", "potentialVolume"],
      "invalid_type",
    );
    expectIssue(
      () =>
        portfolioMatrix([
          {
            customerId: "a",
            potentialVolume: 1,
            relationshipStrength: Number.POSITIVE_INFINITY,
          },
        ]),
      "portfolioMatrix",
      ["customers", 0, "relationshipStrength"],
      "invalid_money",
    );
  });
});

describe("targetCustomerGrid", () => {
  it("tertiles are type-7 quantiles computed exactly; ties go up", () => {
    // costs 1..7: positions (n−1)/3 = 2 and 4 → split points 3 and 5 exactly
    const rows: TargetGridInput[] = [1, 2, 3, 4, 5, 6, 7].map((x) => ({
      customerId: `c${x}`,
      totalCost: x,
      demand: 8 - x,
    }));
    const result = targetCustomerGrid(rows);
    expect(result.splitPoints.totalCost.map((d) => d.toNumber())).toEqual([3, 5]);
    const byId = indexByCustomerId(result.placements);
    expect(byId.get("c3")).toEqual({
      customerId: "c3",
      cost: "medium",
      demand: "large",
      target: "key target",
    });
    expect(byId.get("c4")).toMatchObject({ cost: "medium", demand: "medium", target: "target" });
    expect(byId.get("c1")).toMatchObject({ cost: "low", demand: "large", target: "key target" });
    expect(byId.get("c7")).toMatchObject({ cost: "high", demand: "small", target: "non-target" });
    expect(result.counts["key target"]).toBe(3);
  });
  it("custom cell map", () => {
    const everyoneTarget = Object.fromEntries(
      (["low", "medium", "high"] as const).map((c) => [
        c,
        { small: "target", medium: "target", large: "target" },
      ]),
    ) as unknown as typeof TARGET_GRID_CELLS;
    const result = targetCustomerGrid([{ customerId: "a", totalCost: 5, demand: 5 }], {
      cells: everyoneTarget,
    });
    expect(result.placements[0]!.target).toBe("target");
  });
  it("bad input: unknown split rule, unordered thresholds, invalid measure", () => {
    const rows = [{ customerId: "a", totalCost: 1, demand: 2 }];
    expectIssue(
      () => targetCustomerGrid(rows, { totalCost: "median" as "tertiles" }),
      "targetCustomerGrid",
      ["options", "totalCost"],
      "invalid_type",
    );
    expectIssue(
      () => targetCustomerGrid(rows, { demand: [10, 5] }),
      "targetCustomerGrid",
      ["options", "demand"],
      "inconsistent",
    );
    expectIssue(
      () => targetCustomerGrid([{ customerId: "a", totalCost: 1, demand: "" }]),
      "targetCustomerGrid",
      ["customers", 0, "demand"],
      "invalid_money",
    );
  });
});
