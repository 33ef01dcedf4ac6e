/**
 * prioritizeRecovery and recoveryPlanSummary. Seed rule set: the Chinese CRM course's recovery rule
 * set (key customers 极力挽回, ordinary 尽力挽回, small 见机行事, worthless 彻底放弃); expected net
 * value = P(win-back) × SLTV − cost (Stauss & Friege 1999; Thomas, Blattberg & Fox 2004).
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type InputIssue,
  prioritizeRecovery,
  type RecoveryCandidate,
  recoveryPlanSummary,
} from "../../src/index.js";
import { expectIssue } from "../expectInvalidAt.js";

const seed: RecoveryCandidate[] = [
  { customerId: "key-own", value: "12000", cause: "own", cost: "400", winBackProbability: 0.5 },
  {
    customerId: "key-3p",
    value: "9000",
    cause: "third-party",
    cost: "300",
    daysSinceLastPurchase: 182,
  },
  { customerId: "ord-1", value: "1500", cause: "own", cost: "60", winBackProbability: 0.4 },
  {
    customerId: "ord-2",
    value: "1200",
    cause: "uncontrollable",
    cost: "100",
    daysSinceLastPurchase: 0,
  },
  { customerId: "small-1", value: "90", cause: "unknown", cost: "15", winBackProbability: 0.5 },
  { customerId: "small-2", value: "60", cause: "own", cost: "0", winBackProbability: 0.5 },
  {
    customerId: "bad",
    value: "3000",
    cause: "own",
    cost: "50",
    winBackProbability: 0.9,
    notWorthRecovering: true,
  },
  { customerId: "zero", value: "0", cause: "unknown", cost: "5", winBackProbability: 0.5 },
];

const byId = (plan: ReturnType<typeof prioritizeRecovery>) =>
  new Map(plan.entries.map((e) => [e.customerId, e]));

describe("seed rule set (CRM course) on a hand-made example", () => {
  const plan = prioritizeRecovery(seed, { keyValue: 5000, smallValue: 500 });
  const e = byId(plan);
  it("key customers are recovered strongly", () => {
    expect(e.get("key-own")!.tier).toBe("key");
    expect(e.get("key-own")!.action).toBe("recover-strongly");
    expect(e.get("key-3p")!.action).toBe("recover-strongly");
  });
  it("ordinary customers are recovered when it pays, let go when it does not", () => {
    expect(e.get("ord-1")!.action).toBe("recover-when-possible");
    // uncontrollable, 0 days since the last purchase: p = 0.05, 0.05 × 1200 − 100 = −40
    expect(e.get("ord-2")!.expectedNetValue.toString()).toBe("-40");
    expect(e.get("ord-2")!.action).toBe("let-go");
  });
  it("small customers are let go unless the attempt is free", () => {
    expect(e.get("small-1")!.tier).toBe("small");
    expect(e.get("small-1")!.action).toBe("let-go");
    expect(e.get("small-2")!.action).toBe("minimal-effort");
  });
  it("customers not worth keeping are given up entirely", () => {
    expect(e.get("bad")!.tier).toBe("not-worth-recovering");
    expect(e.get("bad")!.action).toBe("let-go");
    expect(e.get("bad")!.selected).toBe(false);
    expect(e.get("zero")!.tier).toBe("not-worth-recovering");
  });
  it("derives P(win-back) = base(cause) × 0.5^(daysSinceLastPurchase / halfLifeDays), default 182 days", () => {
    expect(e.get("key-3p")!.winBackProbability).toBeCloseTo(0.15, 15);
    // 0.15 × 9000 − 300 = 1050
    expect(Math.abs(e.get("key-3p")!.expectedNetValue.toNumber() - 1050)).toBeLessThan(1e-9);
  });
  it("computes expected net value exactly and ranks by it", () => {
    expect(e.get("key-own")!.expectedNetValue.toString()).toBe("5600");
    const ranked = [...plan.byRank].map((i) => plan.entries[i]!);
    expect(ranked.map((x) => x.customerId).slice(0, 3)).toEqual(["key-own", "bad", "key-3p"]);
    expect(ranked.map((x) => x.rank)).toEqual(plan.entries.map((_, k) => k + 1));
  });
  it("returns the entries in input order, each with its rank", () => {
    expect(plan.entries.map((x) => x.customerId)).toEqual(seed.map((c) => c.customerId));
    expect(plan.entries.map((x) => x.rank)).toEqual([1, 3, 4, 8, 5, 6, 2, 7]);
  });
  it("default thresholds are the nearest-rank 80th percentile and median", () => {
    const p = prioritizeRecovery(seed);
    // sorted values 0 60 90 1200 1500 3000 9000 12000: 80th pct rank ceil(6.4)=7 → 9000; median rank 4 → 1200
    expect(p.thresholds.keyValue.toString()).toBe("9000");
    expect(p.thresholds.smallValue.toString()).toBe("1200");
  });
  it("summarises spend and return by tier and action", () => {
    const s = recoveryPlanSummary(plan);
    const selected = plan.entries.filter((x) => x.selected);
    expect(s.total.customerCount).toBe(seed.length);
    expect(s.total.selectedCount).toBe(selected.length);
    expect(s.total.spend.toString()).toBe("760"); // 400 + 300 + 60 + 0
    expect(s.byTier.key.customerCount).toBe(2);
    expect(s.byAction["let-go"].customerCount).toBe(4);
    expect(s.byAction["let-go"].selectedCount).toBe(0);
    expect(s.total.value.toString()).toBe("26850");
  });
});

describe("customers still likely alive: retained, not recovered", () => {
  // The issue 16 case: P(alive) ≈ 0.95 must not come out as "recover-strongly".
  const mixed: RecoveryCandidate[] = [
    {
      customerId: "active-big",
      value: 9000,
      probabilityAlive: 0.95,
      cause: "own",
      cost: 10,
      winBackProbability: 0.5,
    },
    {
      customerId: "gone-big",
      value: 5000,
      probabilityAlive: 0.1,
      cause: "own",
      cost: 10,
      winBackProbability: 0.5,
    },
    {
      customerId: "gone-mid",
      value: 800,
      probabilityAlive: 0.3,
      cause: "own",
      cost: 10,
      winBackProbability: 0.5,
    },
    { customerId: "left", value: 300, cause: "own", cost: 10, winBackProbability: 0.5 },
    {
      customerId: "edge",
      value: 700,
      probabilityAlive: 0.5,
      cause: "own",
      cost: 10,
      winBackProbability: 0.5,
    },
  ];
  const plan = prioritizeRecovery(mixed, { budget: 1000 });
  it("P(alive) above 0.5 → tier active, action retain, not selected, ranked last", () => {
    const e = plan.entries[0]!;
    expect([e.tier, e.action, e.selected]).toEqual(["active", "retain", false]);
    expect(e.reason).toMatch(/still likely active/);
    expect(e.rank).toBe(5); // its expected net value (4490) is the largest, yet it ranks last
    expect(e.expectedNetValue.toString()).toBe("4490");
  });
  it("the others follow the recovery rules (P(alive) 0.5 is not above the threshold)", () => {
    expect(plan.entries.slice(1).map((e) => e.action)).not.toContain("retain");
    // key, ordinary, small (let go: costs more than a trivial effort), ordinary
    expect(plan.entries.slice(1).map((e) => e.action)).toEqual([
      "recover-strongly",
      "recover-when-possible",
      "let-go",
      "recover-when-possible",
    ]);
    expect(plan.entries.map((e) => e.selected)).toEqual([false, true, true, false, true]);
    expect(plan.budget!.spend.toString()).toBe("30");
  });
  it("default value thresholds are percentiles of the recovery cases only", () => {
    // values 5000, 800, 300, 700: nearest-rank 80th percentile 5000, median 700
    expect(plan.thresholds.keyValue.toString()).toBe("5000");
    expect(plan.thresholds.smallValue.toString()).toBe("700");
  });
  it("aliveThreshold moves the line; 1 turns the rule off", () => {
    const strict = prioritizeRecovery(mixed, { aliveThreshold: 0.2 });
    expect(strict.entries.map((e) => e.action === "retain")).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    const off = prioritizeRecovery(mixed, { aliveThreshold: 1 });
    expect(off.entries.map((e) => e.tier)).not.toContain("active");
    expect(off.entries[0]!.action).toBe("recover-strongly");
  });
  it("the summary counts the retained customers under active / retain, with no spend", () => {
    const summary = recoveryPlanSummary(plan);
    expect(summary.byTier.active.customerCount).toBe(1);
    expect(summary.byAction.retain.customerCount).toBe(1);
    expect(summary.byAction.retain.value.toString()).toBe("9000");
    expect(summary.byAction.retain.spend.toString()).toBe("0");
    expect(summary.total.customerCount).toBe(5);
  });
});

describe("budget selection", () => {
  it("picks the optimum exactly on a classic knapsack (greedy by ratio would not)", () => {
    // values 60,100,120 net; costs 10,20,30; budget 50 → optimum {2,3} = 220
    const customers: RecoveryCandidate[] = [
      {
        customerId: "1",
        value: 1000,
        cause: "own",
        cost: 10,
        secondLifetimeValue: 70,
        winBackProbability: 1,
      },
      {
        customerId: "2",
        value: 1000,
        cause: "own",
        cost: 20,
        secondLifetimeValue: 120,
        winBackProbability: 1,
      },
      {
        customerId: "3",
        value: 1000,
        cause: "own",
        cost: 30,
        secondLifetimeValue: 150,
        winBackProbability: 1,
      },
    ];
    const plan = prioritizeRecovery(customers, { budget: 50, keyValue: 100, smallValue: 10 });
    expect(plan.budget!.method).toBe("exact");
    expect(plan.budget!.expectedNetValue.toString()).toBe("220");
    expect(plan.budget!.spend.toString()).toBe("50");
    const greedy = prioritizeRecovery(customers, {
      budget: 50,
      keyValue: 100,
      smallValue: 10,
      maxExactCells: 1,
    });
    expect(greedy.budget!.method).toBe("greedy");
    expect(greedy.budget!.guarantee).toBe(0.5);
    expect(greedy.budget!.expectedNetValue.toNumber()).toBe(160);
    expect(greedy.budget!.upperBound.toNumber()).toBeCloseTo(240, 12);
  });
  it("the best-single-item fix beats plain greedy when one big customer dominates", () => {
    const customers: RecoveryCandidate[] = [
      {
        customerId: "small",
        value: 10,
        cause: "own",
        cost: "1",
        secondLifetimeValue: 3,
        winBackProbability: 1,
      },
      {
        customerId: "big",
        value: 10,
        cause: "own",
        cost: "100",
        secondLifetimeValue: 200,
        winBackProbability: 1,
      },
    ];
    const plan = prioritizeRecovery(customers, {
      budget: 100,
      keyValue: 1,
      smallValue: 1,
      maxExactCells: 1,
    });
    expect(plan.budget!.expectedNetValue.toString()).toBe("100");
    expect(plan.entries.find((x) => x.customerId === "big")!.selected).toBe(true);
  });
  it("is deterministic on ties (input order)", () => {
    const customers: RecoveryCandidate[] = [0, 1, 2, 3].map((i) => ({
      customerId: `c${i}`,
      value: 100,
      cause: "own",
      cost: 10,
      winBackProbability: 0.5,
    }));
    const plan = prioritizeRecovery(customers, { budget: 20, keyValue: 50, smallValue: 10 });
    expect(plan.entries.map((e) => e.customerId)).toEqual(["c0", "c1", "c2", "c3"]);
    expect(plan.entries.filter((e) => e.selected).length).toBe(2);
    const again = prioritizeRecovery(customers, { budget: 20, keyValue: 50, smallValue: 10 });
    expect(again.entries.map((e) => e.selected)).toEqual(plan.entries.map((e) => e.selected));
  });
});

const candidateArb = fc.record({
  value: fc.integer({ min: 1, max: 100_000 }).map((c) => new Decimal(c).div(100).toString()),
  cost: fc.integer({ min: 0, max: 5_000 }).map((c) => new Decimal(c).div(100).toString()),
  winBackProbability: fc.double({ min: 0, max: 1, noNaN: true }),
  cause: fc.constantFrom("own", "third-party", "uncontrollable", "unknown") as fc.Arbitrary<
    RecoveryCandidate["cause"]
  >,
});

function toCandidates(rows: readonly Omit<RecoveryCandidate, "customerId">[]): RecoveryCandidate[] {
  return rows.map((r, i) => ({ ...r, customerId: `c${i}` }));
}

describe("properties", () => {
  it("entries are in input order; ranks and byRank are matching permutations", () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), (rows) => {
        const candidates = toCandidates(rows);
        const plan = prioritizeRecovery(candidates);
        expect(plan.entries.map((e) => e.customerId)).toEqual(candidates.map((c) => c.customerId));
        const ranks = plan.entries.map((e) => e.rank).sort((a, b) => a - b);
        expect(ranks).toEqual(rows.map((_, i) => i + 1));
        expect([...plan.byRank].sort((a, b) => a - b)).toEqual(rows.map((_, i) => i));
        for (let k = 0; k < plan.byRank.length; k++) {
          expect(plan.entries[plan.byRank[k]!]!.rank).toBe(k + 1);
        }
        for (let k = 1; k < plan.byRank.length; k++) {
          expect(
            plan.entries[plan.byRank[k - 1]!]!.expectedNetValue.greaterThanOrEqualTo(
              plan.entries[plan.byRank[k]!]!.expectedNetValue,
            ),
          ).toBe(true);
        }
      }),
    );
  });
  it("the budget is never exceeded and the exact selection is optimal (brute force)", () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 0, max: 10_000 }),
        (rows, budgetCents) => {
          const budget = new Decimal(budgetCents).div(100);
          const plan = prioritizeRecovery(toCandidates(rows), {
            budget: budget.toString(),
            keyValue: 0.01,
            smallValue: 0.01,
          });
          const sel = plan.budget!;
          expect(sel.method).toBe("exact");
          expect(sel.spend.lessThanOrEqualTo(budget)).toBe(true);
          // brute force over candidates (all key tier here: candidates = positive net value)
          const items = plan.entries.filter((e) => e.expectedNetValue.greaterThan(0));
          let best = 0;
          for (let mask = 0; mask < 1 << items.length; mask++) {
            let cost = new Decimal(0);
            let value = 0;
            for (let j = 0; j < items.length; j++) {
              if (mask & (1 << j)) {
                cost = cost.plus(items[j]!.cost.toString());
                value += items[j]!.expectedNetValue.toNumber();
              }
            }
            if (cost.lessThanOrEqualTo(budget) && value > best) best = value;
          }
          expect(Math.abs(sel.expectedNetValue.toNumber() - best)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, best),
          );
        },
      ),
    );
  });
  it("greedy stays within its stated bound and the budget on larger cases", () => {
    fc.assert(
      fc.property(
        fc.array(candidateArb, { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 100_000 }),
        (rows, budgetCents) => {
          const budget = new Decimal(budgetCents).div(100);
          const plan = prioritizeRecovery(toCandidates(rows), {
            budget: budget.toString(),
            keyValue: 0.01,
            smallValue: 0.01,
            maxExactCells: 1,
          });
          const sel = plan.budget!;
          // greedy whenever there is more than one cell to fill (no candidate at all is trivially exact)
          if (sel.method === "exact") expect(sel.upperBound.eq(sel.expectedNetValue)).toBe(true);
          else expect(sel.guarantee).toBe(0.5);
          expect(sel.spend.lessThanOrEqualTo(budget)).toBe(true);
          expect(sel.upperBound.greaterThanOrEqualTo(sel.expectedNetValue)).toBe(true);
          expect(sel.expectedNetValue.times(2).toNumber()).toBeGreaterThanOrEqual(
            sel.upperBound.toNumber() * (1 - 1e-12),
          );
          // the exact optimum lies between the greedy value and the bound
          const exact = prioritizeRecovery(toCandidates(rows), {
            budget: budget.toString(),
            keyValue: 0.01,
            smallValue: 0.01,
          }).budget!;
          expect(exact.expectedNetValue.toNumber()).toBeGreaterThanOrEqual(
            sel.expectedNetValue.toNumber() * (1 - 1e-12) - 1e-9,
          );
          expect(exact.expectedNetValue.toNumber()).toBeLessThanOrEqual(
            sel.upperBound.toNumber() * (1 + 1e-12) + 1e-9,
          );
        },
      ),
      { numRuns: 40 },
    );
  });
  it("summary money sums are exact", () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 30 }), (rows) => {
        const plan = prioritizeRecovery(toCandidates(rows));
        const s = recoveryPlanSummary(plan);
        const value = rows.reduce((acc, r) => acc.plus(r.value as string), new Decimal(0));
        expect(s.total.value.toString()).toBe(value.toString());
        const spend = plan.entries
          .filter((e) => e.selected)
          .reduce((a, e) => a.plus(e.cost.toString()), new Decimal(0));
        expect(s.total.spend.toString()).toBe(spend.toString());
      }),
    );
  });
  it("does not mutate its input", () => {
    const copy = structuredClone(seed);
    prioritizeRecovery(seed, { budget: 1000 });
    expect(seed).toEqual(copy);
  });
});

describe("bad input → InvalidInputError with the path and code", () => {
  const ok: RecoveryCandidate = {
    customerId: "a",
    value: 100,
    cause: "own",
    cost: 10,
    winBackProbability: 0.5,
  };
  const P = "prioritizeRecovery";
  const cases: [string, () => unknown, string, PropertyKey[], InputIssue["code"]][] = [
    [
      "win-back probability > 1",
      () => prioritizeRecovery([ok, { ...ok, winBackProbability: 1.2 }]),
      P,
      ["customers", 1, "winBackProbability"],
      "too_big",
    ],
    [
      "win-back probability < 0",
      () => prioritizeRecovery([{ ...ok, winBackProbability: -0.1 }]),
      P,
      ["customers", 0, "winBackProbability"],
      "too_small",
    ],
    [
      "NaN probability",
      () => prioritizeRecovery([{ ...ok, winBackProbability: Number.NaN }]),
      P,
      ["customers", 0, "winBackProbability"],
      "invalid_type",
    ],
    [
      "negative cost",
      () => prioritizeRecovery([ok, ok, { ...ok, cost: "-1" }]),
      P,
      ["customers", 2, "cost"],
      "too_small",
    ],
    [
      "unknown cause",
      () => prioritizeRecovery([{ ...ok, cause: "price" as "own" }]),
      P,
      ["customers", 0, "cause"],
      "invalid_value",
    ],
    [
      "P(alive) above 1",
      () => prioritizeRecovery([ok, { ...ok, probabilityAlive: 1.5 }]),
      P,
      ["customers", 1, "probabilityAlive"],
      "too_big",
    ],
    [
      "P(alive) that is not a number",
      () => prioritizeRecovery([{ ...ok, probabilityAlive: "0.9" as never }]),
      P,
      ["customers", 0, "probabilityAlive"],
      "invalid_type",
    ],
    [
      "aliveThreshold above 1",
      () => prioritizeRecovery([ok], { aliveThreshold: 2 }),
      P,
      ["options", "aliveThreshold"],
      "too_big",
    ],
    [
      "a time since the last purchase in weeks instead of days",
      () => {
        const { winBackProbability: _, ...noProbability } = ok;
        return prioritizeRecovery([{ ...noProbability, timeSinceLastPurchase: 8 } as never]);
      },
      P,
      ["customers", 0, "timeSinceLastPurchase"],
      "unit_mismatch",
    ],
    [
      "empty input with a budget",
      () => prioritizeRecovery([], { budget: 100 }),
      P,
      ["customers"],
      "too_small",
    ],
    [
      "negative budget",
      () => prioritizeRecovery([ok], { budget: -5 }),
      P,
      ["options", "budget"],
      "too_small",
    ],
    [
      "no probability and no days since the last purchase",
      () => prioritizeRecovery([{ customerId: "1", value: 1, cause: "own", cost: 1 }]),
      P,
      ["customers", 0, "winBackProbability"],
      "required",
    ],
    [
      "negative days since the last purchase",
      () =>
        prioritizeRecovery([
          { customerId: "1", value: 1, cause: "own", cost: 1, daysSinceLastPurchase: -1 },
        ]),
      P,
      ["customers", 0, "daysSinceLastPurchase"],
      "too_small",
    ],
    [
      "fractional days since the last purchase",
      () =>
        prioritizeRecovery([
          { customerId: "1", value: 1, cause: "own", cost: 1, daysSinceLastPurchase: 2.5 },
        ]),
      P,
      ["customers", 0, "daysSinceLastPurchase"],
      "not_integer",
    ],
    [
      "a buy-till-you-die recency in place of days since the last purchase",
      () =>
        prioritizeRecovery([
          { customerId: "1", value: 1, cause: "own", cost: 1, recency: 30 } as never,
        ]),
      P,
      ["customers", 0, "recency"],
      "wrong_row_kind",
    ],
    [
      "bad value",
      () => prioritizeRecovery([{ ...ok, value: "1,000" }]),
      P,
      ["customers", 0, "value"],
      "invalid_money",
    ],
    [
      "value of the wrong type",
      () => prioritizeRecovery([{ ...ok, value: true as never }]),
      P,
      ["customers", 0, "value"],
      "invalid_type",
    ],
    [
      "unknown option",
      () => prioritizeRecovery([ok], { budjet: 1 } as never),
      P,
      ["options", "budjet"],
      "unknown_key",
    ],
    [
      "the old halfLife option",
      () => prioritizeRecovery([ok], { halfLife: 6 } as never),
      P,
      ["options", "halfLife"],
      "unknown_key",
    ],
    [
      "smallValue above keyValue",
      () => prioritizeRecovery([ok], { keyValue: 10, smallValue: 20 }),
      P,
      ["options", "smallValue"],
      "inconsistent",
    ],
    [
      "object id",
      () => prioritizeRecovery([{ ...ok, customerId: {} as never }]),
      P,
      ["customers", 0, "customerId"],
      "invalid_type",
    ],
    [
      "numeric id",
      () => prioritizeRecovery([{ ...ok, customerId: 7 as never }]),
      P,
      ["customers", 0, "customerId"],
      "invalid_type",
    ],
    ["not an array", () => prioritizeRecovery("x" as never), P, ["customers"], "invalid_type"],
    [
      "summary of a non-plan",
      () => recoveryPlanSummary({} as never),
      "recoveryPlanSummary",
      ["plan", "entries"],
      "required",
    ],
    [
      "summary of an entry with an unknown tier",
      () =>
        recoveryPlanSummary({
          entries: [{ ...prioritizeRecovery([ok]).entries[0]!, tier: "vip" as never }],
        } as never),
      "recoveryPlanSummary",
      ["plan", "entries", 0, "tier"],
      "invalid_value",
    ],
    [
      "summary of an entry with a bad cost",
      () =>
        recoveryPlanSummary({
          entries: [{ ...prioritizeRecovery([ok]).entries[0]!, cost: "ten" }],
        } as never),
      "recoveryPlanSummary",
      ["plan", "entries", 0, "cost"],
      "invalid_money",
    ],
  ];
  it.each(cases)("%s", (_name, call, fn, path, code) => {
    expectIssue(call, fn, path, code);
  });
  it("lists every bad row and field in one error, with the values received", () => {
    const error = expectIssue(
      () =>
        prioritizeRecovery([
          { ...ok, cost: -1 },
          ok,
          { ...ok, customerId: 3 as never, winBackProbability: 2 },
          { ...ok, cause: "price" as "own" },
        ]),
      P,
      ["customers", 0, "cost"],
      "too_small",
    );
    expect(error.issues.map((i) => [i.path, i.code, i.received])).toEqual([
      [["customers", 0, "cost"], "too_small", -1],
      [["customers", 2, "customerId"], "invalid_type", 3],
      [["customers", 2, "winBackProbability"], "too_big", 2],
      [["customers", 3, "cause"], "invalid_value", "price"],
    ]);
    expect(error.message).toContain("customers[2].winBackProbability");
  });
  it("caps the list at 100 problems and says there are more", () => {
    const rows = Array.from({ length: 150 }, (_, i) => ({ ...ok, customerId: `c${i}`, cost: -1 }));
    const error = expectIssue(
      () => prioritizeRecovery(rows),
      P,
      ["customers", 99, "cost"],
      "too_small",
    );
    expect(error.issues).toHaveLength(101);
    expect(error.issues[100]!.path).toEqual([]);
  });
  it("lists every bad entry of a stored plan in one error", () => {
    const entries = prioritizeRecovery([ok, ok, ok]).entries;
    const error = expectIssue(
      () =>
        recoveryPlanSummary({
          entries: [{ ...entries[0]!, selected: "yes" }, entries[1], { ...entries[2]!, action: 4 }],
        } as never),
      "recoveryPlanSummary",
      ["plan", "entries", 0, "selected"],
      "invalid_type",
    );
    expect(error.issues[0]!.received).toBe("yes");
    expect(error.issues.map((i) => i.path)).toEqual([
      ["plan", "entries", 0, "selected"],
      ["plan", "entries", 2, "action"],
    ]);
  });
  it("an empty input without a budget is an empty plan", () => {
    expect(prioritizeRecovery([]).entries).toEqual([]);
  });

  it("uses each customer's own second lifetime value where given, the value elsewhere", () => {
    // The first customers have none (the value is used), later ones have their own: every entry
    // must still carry its own SLTV and P × SLTV − cost.
    const customers: RecoveryCandidate[] = Array.from({ length: 40 }, (_, i) => ({
      customerId: `c${i}`,
      value: 100 + i,
      cause: "own" as const,
      cost: 5,
      winBackProbability: 0.5,
      ...(i >= 7 && i % 3 === 0 ? { secondLifetimeValue: 1000 + i } : {}),
    }));
    const plan = prioritizeRecovery(customers, { keyValue: 130, smallValue: 110 });
    for (const entry of plan.entries) {
      const i = plan.entries.indexOf(entry);
      const sltv = i >= 7 && i % 3 === 0 ? 1000 + i : 100 + i;
      expect(entry.secondLifetimeValue.toNumber()).toBe(sltv);
      expect(entry.expectedNetValue.toNumber()).toBe(0.5 * sltv - 5);
    }
    expect(plan.entries[plan.byRank[0]!]!.secondLifetimeValue.toNumber()).toBe(1039);
  });
});

describe("prioritizeRecovery: float64 edges", () => {
  it("derives 0.5^(days / halfLifeDays) exactly at whole half-lives (net exactly 0 is let go)", () => {
    // unknown cause: base 0.2; 546 days = 3 half-lives of 182 → 0.025; 0.025 × 400 − 10 = 0.
    const plan = prioritizeRecovery(
      [{ customerId: "X", value: 400, cause: "unknown", cost: 10, daysSinceLastPurchase: 546 }],
      { keyValue: 1000, smallValue: 100 },
    );
    expect(plan.entries[0]!.winBackProbability).toBe(0.025);
    // The same with an explicit half-life of 30 days: 90 days = 3 half-lives.
    const monthly = prioritizeRecovery(
      [{ customerId: "X", value: 400, cause: "unknown", cost: 10, daysSinceLastPurchase: 90 }],
      { keyValue: 1000, smallValue: 100, halfLifeDays: 30 },
    );
    expect(monthly.entries[0]!.winBackProbability).toBe(0.025);
    expect(plan.entries[0]!.winBackProbability).toBe(0.025);
    expect(plan.entries[0]!.expectedNetValue.isZero()).toBe(true);
    expect(plan.entries[0]!.action).toBe("let-go");
  });
  it("ranks by the reported expected net values: equal ones keep input order", () => {
    // 0.1 + 0.2 = 0.30000000000000004: both nets are reported as 300 and tie.
    const plan = prioritizeRecovery(
      [
        { customerId: "A", value: 1000, cause: "own", cost: 0, winBackProbability: 0.3 },
        { customerId: "B", value: 1000, cause: "own", cost: 0, winBackProbability: 0.1 + 0.2 },
      ],
      { keyValue: 10_000, smallValue: 1 },
    );
    expect(plan.entries.map((e) => e.expectedNetValue.toString())).toEqual(["300", "300"]);
    expect(plan.entries.map((e) => e.customerId)).toEqual(["A", "B"]);
  });
  it("rejects amounts beyond float64's range instead of computing with infinity", () => {
    const base = { customerId: "A", cause: "own", winBackProbability: 0.5 } as const;
    const thresholds = { keyValue: 10, smallValue: 1 };
    for (const [field, customer] of [
      ["value", { ...base, value: "1e309", cost: 1 }],
      ["cost", { ...base, value: 10, cost: "1e400" }],
      ["secondLifetimeValue", { ...base, value: 10, cost: 1, secondLifetimeValue: "-1e999" }],
    ] as const) {
      expectIssue(
        () => prioritizeRecovery([customer], thresholds),
        "prioritizeRecovery",
        ["customers", 0, field],
        "invalid_money",
      );
    }
    // Amounts are below 1e21 (MoneyInput), so a sum of two can no longer overflow float64: the
    // amount itself is rejected.
    const overflow = { ...base, value: 1, cost: "1.7e308", secondLifetimeValue: "-1.7e308" };
    expectIssue(
      () => prioritizeRecovery([{ ...overflow, winBackProbability: 1 }], thresholds),
      "prioritizeRecovery",
      ["customers", 0, "cost"],
      "invalid_money",
    );
  });
});
