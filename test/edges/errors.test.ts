/**
 * One error type and specific messages: every throw from a public function is an
 * `InvalidInputError` or a `ModelFitError`, and every message says what was expected, at the right
 * path.
 *
 * The first tests are reproducers (each failed before the fix: TypeError, RangeError,
 * DecimalError, a hang, or a bare "Invalid input"). The last one is the fast hostile sweep: every
 * export, every value of a valid call replaced in turn by each of a fixed set of hostile values
 * (test/hostile/sweep.ts); the slow suite runs the seeded fast-check sweep on top.
 */
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import {
  assignSegments,
  churnRate,
  churnRisk,
  compareOffers,
  customerEquity,
  customerLifetimeValue,
  holdoutComparison,
  InvalidInputError,
  netPromoterScore,
  prioritizeRecovery,
  recoveryPlanSummary,
  segmentSummary,
  summarizeTransactions,
} from "../../src/index.js";
import { catchInvalidInput, expectInvalidAt } from "../expectInvalidAt.js";
import { CDNOW_BG_NBD, CDNOW_GAMMA_GAMMA } from "../fixtures/models.js";
import { KNOWN_FAILURES } from "../hostile/knownFailures.js";
import { fixedSweep, formatViolations } from "../hostile/sweep.js";

const bg = CDNOW_BG_NBD;
const gg = CDNOW_GAMMA_GAMMA;
const candidates = [
  { customerId: "A", value: 5000, cause: "own", cost: 200, winBackProbability: 0.4 },
  { customerId: "B", value: 800, cause: "third-party", cost: 50, winBackProbability: 0.3 },
] as const;

/** An array whose `length` was set without elements. */
const hugeArray = <T>(): T[] => Object.assign([] as T[], { length: 2 ** 32 - 1 });

describe("one error type: InvalidInputError for every bad input", () => {
  it("a BigInt in an input is described, not a TypeError from JSON.stringify", () => {
    const error = expectInvalidAt(
      () =>
        churnRisk({ purchase: { ...bg, kind: 10n ** 30n }, spend: gg } as never, [], {
          horizon: 52,
          discountRate: 0.01,
          unit: "week",
        }),
      ["model", "purchase", "kind"],
    );
    expect(error.message).toContain("1000000000000000000000000000000n (a BigInt)");
    expectInvalidAt(
      () =>
        prioritizeRecovery([{ ...candidates[0], cause: 1n }] as never, {
          keyValue: 1000,
          smallValue: 100,
        }),
      ["customers", 0, "cause"],
    );
  });

  it("malformed plan entries are InvalidInputError at entries[i].field (was TypeError / DecimalError)", () => {
    const plan = prioritizeRecovery(candidates, { keyValue: 1000, smallValue: 100 });
    const entry = plan.entries[0]!;
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [null] } as never),
      ["plan", "entries", 0],
    );
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [{ ...entry, value: "abc" }] } as never),
      ["plan", "entries", 0, "value"],
    );
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [{ ...entry, cost: Symbol("s") }] } as never),
      ["plan", "entries", 0, "cost"],
    );
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [{ ...entry, tier: "constructor" }] } as never),
      ["plan", "entries", 0, "tier"],
    );
    expectInvalidAt(
      () => recoveryPlanSummary({ ...plan, entries: [{ ...entry, selected: "yes" }] } as never),
      ["plan", "entries", 0, "selected"],
    );
  });

  it("null rows are InvalidInputError at customers[i] (was TypeError)", () => {
    expectInvalidAt(() => holdoutComparison(bg, [null] as never), ["customers", 0]);
    expectInvalidAt(
      () => segmentSummary([{ customerId: "a", segment: "x" }], [null] as never),
      ["customers", 0],
    );
  });

  it("an array with a huge length is InvalidInputError, not a RangeError or a hang", () => {
    for (const run of [
      () => netPromoterScore(hugeArray<number>()),
      () => summarizeTransactions(hugeArray(), { unit: "day", observationEnd: "2024-01-31" }),
      () => compareOffers(hugeArray()),
      () => customerEquity({ segments: hugeArray() }, { discountRate: 0.1 }),
      () => churnRate(hugeArray(), { periodStart: "2024-01-01", periodEnd: "2024-02-01" }),
    ]) {
      const started = performance.now();
      const error = catchInvalidInput(run);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(error.message).toMatch(/Expected at most 134217728 items|empty array slot/);
    }
  });

  it("a hole in an array is InvalidInputError at its index", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const holey = [, 9, 10] as number[];
    expectInvalidAt(() => netPromoterScore(holey), ["answers", 0]);
    const error = catchInvalidInput(() => recoveryPlanSummary({ entries: [undefined] } as never));
    expect(error.issues[0]!.path).toEqual(["plan", "entries", 0]);
  });

  it("a Proxy around a Map and a duck-typed Decimal are InvalidInputError (was TypeError)", () => {
    const scores = new Map([["ann", { recency: 5, frequency: 5, monetary: 4 }]]);
    expectInvalidAt(() => assignSegments(new Proxy(scores, {}) as never), ["scores"]);
    const duck = { toStringTag: "[object Decimal]", d: [1e9], e: 0, s: 1 }; // a word ≥ 1e7
    expectInvalidAt(
      () => compareOffers([{ name: "x", productValue: duck as never, monetaryCost: 1 }]),
      ["offers", 0, "productValue"],
    );
    const error = expectInvalidAt(
      () =>
        segmentSummary(
          [{ customerId: "a", segment: "x" }],
          [{ customerId: "a", daysSinceLastPurchase: 1, purchases: 1, totalSpend: duck as never }],
        ),
      ["customers", 0, "totalSpend"],
    );
    expect(error.message).toContain("malformed Decimal-like object");
  });

  it("a genuine decimal.js Decimal of another copy is still accepted", () => {
    // decimal.js stores 112.5 as sign 1, exponent 2, base-1e7 words [112, 5000000]
    const other = { toStringTag: "[object Decimal]", d: [112, 5000000], e: 2, s: 1 };
    const result = compareOffers([{ name: "x", productValue: 100, monetaryCost: other as never }]);
    expect(result.ranking[0]!.deliveredValue.toString()).toBe("-12.5");
  });
});

describe("messages that say what was expected, at the right path", () => {
  it("a bad custom segment rule reports the closest branch of the union", () => {
    // Before: one issue "Invalid input" at rules[0] (zod's union message).
    const error = catchInvalidInput(() =>
      assignSegments([], { rules: [{ name: "Top", recencyScore: [4, 5] }] as never }),
    );
    expect(error.issues.map((i) => i.message)).not.toContain("Invalid input");
    expect(error.issues.map((i) => i.path)).toEqual([
      ["options", "rules", 0, "frequencyScore"],
      ["options", "rules", 0, "monetaryScore"],
    ]);
    expect(error.message).toContain("expected tuple, received undefined");
  });

  it("a missing periodStart says which types it accepts", () => {
    const error = expectInvalidAt(
      () => churnRate([], { periodEnd: "2024-07-01" } as never),
      ["options", "periodStart"],
    );
    expect(error.issues[0]!.message).toBe(
      "Expected a Date or an ISO date string, received undefined",
    );
  });

  it("q ≤ 1 without repeat purchases points at the spend model, not at the customers", () => {
    const error = catchInvalidInput(() =>
      customerLifetimeValue(
        { purchase: bg, spend: { ...gg, params: { ...gg.params, q: 0.5 } } },
        [{ frequency: 0, recency: 0, T: 10, monetaryValue: 0 }],
        { unit: "week", horizon: 52, discountRate: 0.01 },
      ),
    );
    expect(error.issues[0]!.path).toEqual(["model", "spend", "params", "q"]);
  });
});

describe("the fast hostile sweep over every export", () => {
  it("throws only InvalidInputError / ModelFitError, never a bare 'Invalid input', no NaN out", () => {
    const report = fixedSweep(api as unknown as Record<string, unknown>);
    expect(report.calls).toBeGreaterThan(10_000);
    expect(formatViolations(report.violations)).toBe("");
    // Known failures the fast sweep reaches that no longer fail are candidates for removal from
    // test/hostile/knownFailures.ts.
    const reached = new Set(
      report.digest
        .map((line) => line.slice(0, line.indexOf(" → ")))
        .flatMap((label) =>
          KNOWN_FAILURES.filter(
            (k) => !k.skip && label.startsWith(`${k.export}#`) && k.matches(label),
          ),
        ),
    );
    const stale = [...reached]
      .filter((k) => !report.known.has(k))
      .map((k) => `${k.export}: ${k.reproducer}`);
    // A known failure that the sweep reaches and that passes is stale: remove it from the list.
    expect(stale).toEqual([]);
  });

  it("every InvalidInputError is an instance of the exported class", () => {
    expect(
      new InvalidInputError("f", [{ path: [Symbol("s"), 1], message: "m", code: "custom" }])
        .message,
    ).toBe('f: invalid input\n✖ m\n  → at ["Symbol(s)"][1]');
  });
});
